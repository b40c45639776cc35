/**
 * A simulation for a terminal: the ranged inputs, the percentiles by period of the indicators a
 * range reaches, the probability of each target, and each target's sensitivity to each input.
 */
import type { Indicator, Range, RangeParameter } from '../../engine/model/plan.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';
import type { CliMessages } from '../messages.ts';
import { formatParameter } from './parameters.ts';
import { renderTable, type TableColumn } from './table.ts';
import { localized } from './projection-view.ts';
import { percentileLabel, type SimulationView } from './simulation-view.ts';

const DASH = '–';

export interface SimulationTableOptions {
  readonly maxWidth?: number;
}

function describeRange(range: Range, indicator: Indicator, perPeriod: string, m: CliMessages, lang: Lang): string {
  const show = (x: number): string => formatParameter(x, range.of, indicator, perPeriod, lang);
  switch (range.distribution) {
    case 'triangular':
    case 'pert':
      return `${m.distribution[range.distribution]} ${show(range.low)} / ${show(range.likely)} / ${show(range.high)}`;
    case 'normal':
      return m.normalRange(show(range.mean), spread(range.sd, range.of, indicator, perPeriod, lang));
  }
}

/** A standard deviation in the parameter's unit (a rate's in percentage points, like the rate itself). */
function spread(sd: number, parameter: RangeParameter, indicator: Indicator, perPeriod: string, lang: Lang): string {
  return formatParameter(sd, parameter, indicator, parameter === 'rate' ? perPeriod : '', lang);
}

export function simulationTable(view: SimulationView, m: CliMessages, lang: Lang, options: SimulationTableOptions = {}): string {
  const { plan } = view;
  const perPeriod = m.perPeriod[plan.calendar.periodicity];
  const left = (header: string): TableColumn => ({ header, align: 'left' });
  const right = (header: string): TableColumn => ({ header, align: 'right' });
  const fit = (keyColumns: number) => ({ keyColumns, ...(options.maxWidth === undefined ? {} : { maxWidth: options.maxWidth }) });
  const sections: string[] = [];

  const scenario = view.scenario === null ? '' : `\n${m.scenarioLine(scenarioName(view, lang))}`;
  sections.push(`${m.planLine(plan.name, plan.calendar.start, plan.calendar.end, m.periodicity[plan.calendar.periodicity])}${scenario}\n${m.simulationLine(formatNumber(view.trials, lang), String(view.seed))}\n`);

  sections.push(`${m.sectionInputs}\n${renderTable(
    [left(m.colId), left(m.colParameter), left(m.colRange)],
    view.inputs.map((input) => [input.indicator.id, input.range.of, describeRange(input.range, input.indicator, perPeriod, m, lang)]),
    fit(1),
  )}`);

  const varying = view.indicators.filter((i) => i.varies);
  sections.push(`${m.sectionPercentiles}\n${renderTable(
    [left(m.colId), left(''), ...view.periodKeys.map((key) => right(key))],
    varying.flatMap((i) => view.percentiles.map((p, k) => [
      k === 0 ? i.indicator.id : '',
      percentileLabel(p),
      ...view.periodKeys.map((_, t) => formatNumber(i.percentiles[k]?.[t] ?? NaN, lang, i.indicator.decimals) || DASH),
    ])),
    fit(2),
  )}`);

  if (view.targets.length === 0) {
    sections.push(`${m.sectionProbabilities}\n${m.noTargets}\n`);
  } else {
    sections.push(`${m.sectionProbabilities}\n${renderTable(
      [left(m.colId), left(m.colPeriod), right(m.colTarget), ...view.percentiles.map((p) => right(percentileLabel(p))), right(m.colProbability)],
      view.targets.map((t) => {
        const decimals = t.indicator.indicator.decimals;
        return [
          t.indicator.indicator.id,
          view.periodKeys[t.period] ?? t.target.period,
          `${m.direction[t.target.direction]} ${formatNumber(t.target.value, lang, decimals)}`,
          ...t.indicator.percentiles.map((row) => formatNumber(row[t.period] ?? NaN, lang, decimals) || DASH),
          formatPercent(t.probability, lang, 1),
        ];
      }),
      fit(2),
    )}`);
  }

  const inputs = view.sensitivity.inputs;
  const sensitivityRows = view.sensitivity.targets.flatMap((target) => {
    const decimals = plan.indicators.find((i) => i.id === target.indicator)?.decimals ?? 2;
    const moving = target.effects.filter((e) => Math.abs(e.atHigh - e.atLow) > 0);
    return moving.map((effect, k) => {
      const input = inputs[effect.input];
      const indicator = plan.indicators.find((i) => i.id === input?.indicator);
      const ends = input && indicator ? `${formatParameter(input.low, input.parameter, indicator, perPeriod, lang)} … ${formatParameter(input.high, input.parameter, indicator, perPeriod, lang)}` : '';
      return [
        k === 0 ? target.indicator : '',
        k === 0 ? target.period : '',
        input ? `${input.indicator}.${input.parameter}` : '?',
        ends,
        formatNumber(effect.atLow, lang, decimals) || DASH,
        formatNumber(effect.atHigh, lang, decimals) || DASH,
        formatNumber(Math.abs(effect.atHigh - effect.atLow), lang, decimals) || DASH,
      ];
    });
  });
  if (sensitivityRows.length > 0) {
    sections.push(`${m.sectionSensitivity}\n${renderTable(
      [left(m.colId), left(m.colPeriod), left(m.colInput), left(m.colInputRange), right(m.colAtLow), right(m.colAtHigh), right(m.colSwing)],
      sensitivityRows,
      fit(3),
    )}`);
  }
  return sections.join('\n');
}

function scenarioName(view: SimulationView, lang: Lang): string {
  const scenario = view.plan.scenarios?.find((s) => s.id === view.scenario);
  if (!scenario) return view.scenario ?? '';
  return `${localized(scenario.name, lang)} (${scenario.id})`;
}
