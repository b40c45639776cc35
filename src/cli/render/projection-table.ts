/**
 * The projection for a terminal, in sections: the indicators and how each is projected, their
 * values by period (actuals marked), the targets with gap, attainment, growth needed and status,
 * and any problems. Numbers are written the user's way (`4.900`, `81,5`, `+0,67 %/năm`).
 */
import type { Indicator } from '../../engine/model/plan.ts';
import type { TargetAssessment } from '../../engine/projection/targets.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';
import type { CliMessages } from '../messages.ts';
import { renderTable, type TableColumn } from './table.ts';
import { cellProblems, localized, type IndicatorView, type ProjectionView } from './projection-view.ts';

const DASH = '–';
const FORMULA_SHOWN = 60;

export interface ProjectionTableOptions {
  /** The terminal's width; blocks of period columns are cut to fit it. */
  readonly maxWidth?: number;
}

/** A number with a `+` when it shows as positive: gaps read as "above" or "below". */
export function signedNumber(value: number, lang: Lang, decimals: number): string {
  const text = formatNumber(value, lang, decimals);
  return value > 0 && value >= 0.5 * Math.pow(10, -decimals) ? `+${text}` : text;
}

export function describeMethod(indicator: Indicator, perPeriod: string, m: CliMessages, lang: Lang): string {
  const projection = indicator.projection;
  const name = m.method[projection.method];
  switch (projection.method) {
    case 'constant':
    case 'reachTarget':
    case 'interpolate':
    case 'manual':
      return name;
    case 'linear':
      return `${name} ${signedNumber(projection.step, lang, indicator.decimals)}${perPeriod}`;
    case 'growth':
      return `${name} ${formatPercent(projection.rate, lang, 2, true)}${perPeriod}`;
    case 'logistic':
      return `${name} ${formatPercent(projection.rate, lang, 2, true)}${perPeriod}, ${m.ceiling} ${formatNumber(projection.ceiling, lang, indicator.decimals)}`;
    case 'formula': {
      const formula = projection.formula.replace(/\s+/g, ' ').trim();
      return `= ${formula.length > FORMULA_SHOWN ? `${formula.slice(0, FORMULA_SHOWN - 1)}…` : formula}`;
    }
  }
}

/** A value cell; actuals carry a `*`, the others a space, so the digits stay aligned. */
function valueCell(indicator: IndicatorView, period: number, m: CliMessages, lang: Lang): string {
  const value = indicator.values[period] as number;
  if (Number.isNaN(value)) return `${cellProblems(indicator, period).length > 0 ? m.errorCell : DASH} `;
  return `${formatNumber(value, lang, indicator.indicator.decimals)}${indicator.isActual[period] ? '*' : ' '}`;
}

function targetCells(view: ProjectionView, indicator: IndicatorView, target: TargetAssessment, perPeriod: string, m: CliMessages, lang: Lang): string[] {
  const decimals = indicator.indicator.decimals;
  const orDash = (text: string): string => text || DASH;
  return [
    indicator.indicator.id,
    view.periodKeys[target.period] ?? '?',
    `${m.direction[target.direction]} ${formatNumber(target.value, lang, decimals)}`,
    orDash(formatNumber(target.projected, lang, decimals)),
    orDash(signedNumber(target.gap, lang, decimals)),
    orDash(formatPercent(target.attainment, lang, 1)),
    Number.isFinite(target.growthNeeded) ? `${formatPercent(target.growthNeeded, lang, 2, true)}${perPeriod}` : DASH,
    target.firstReached >= 0 ? (view.periodKeys[target.firstReached] ?? '?') : DASH,
    m.status[target.status],
  ];
}

export function projectionTable(view: ProjectionView, m: CliMessages, lang: Lang, options: ProjectionTableOptions = {}): string {
  const { plan } = view;
  const perPeriod = m.perPeriod[plan.calendar.periodicity];
  const left = (header: string): TableColumn => ({ header, align: 'left' });
  const right = (header: string): TableColumn => ({ header, align: 'right' });
  const sections: string[] = [];
  const fit = (keyColumns: number) => ({ keyColumns, ...(options.maxWidth === undefined ? {} : { maxWidth: options.maxWidth }) });

  const scenario = view.scenario === null ? '' : `\n${m.scenarioLine(scenarioName(view, lang))}`;
  sections.push(`${m.planLine(plan.name, plan.calendar.start, plan.calendar.end, m.periodicity[plan.calendar.periodicity])}${scenario}\n`);

  sections.push(`${m.sectionIndicators}\n${renderTable(
    [left(m.colId), left(m.colName), left(m.colUnit), left(m.colMethod)],
    view.indicators.map((i) => [i.indicator.id, i.name, i.unit, describeMethod(i.indicator, perPeriod, m, lang)]),
    fit(1),
  )}`);

  sections.push(`${m.sectionValues}\n${renderTable(
    [left(m.colId), ...view.periodKeys.map((key) => right(`${key} `))],
    view.indicators.map((i) => [i.indicator.id, ...view.periodKeys.map((_, t) => valueCell(i, t, m, lang))]),
    fit(1),
  )}`);

  const targetRows = view.indicators.flatMap((i) => i.targets.map((target) => targetCells(view, i, target, perPeriod, m, lang)));
  sections.push(`${m.sectionTargets}\n${targetRows.length === 0 ? `${m.noTargets}\n` : renderTable(
    [left(m.colId), left(m.colPeriod), right(m.colTarget), right(m.colProjected), right(m.colGap), right(m.colAttainment), right(m.colGrowthNeeded), left(m.colFirstReached), left(m.colStatus)],
    targetRows,
    fit(2),
  )}`);

  const problems = view.indicators.flatMap((i) => i.problems.map((problem) => `${i.indicator.id}: ${problem.message}\n`));
  if (problems.length > 0) sections.push(`${m.sectionProblems}\n${problems.join('')}`);

  return sections.join('\n');
}

function scenarioName(view: ProjectionView, lang: Lang): string {
  const scenario = view.plan.scenarios?.find((s) => s.id === view.scenario);
  if (!scenario) return view.scenario ?? '';
  return `${localized(scenario.name, lang)} (${scenario.id})`;
}
