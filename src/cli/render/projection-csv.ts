/**
 * The projection as CSV in long form: one line per indicator and period, with the target set for
 * that period, if any, on the same line (two targets for one period give two lines). Long form
 * keeps every value and every target, and a spreadsheet's pivot table turns it back into a grid.
 * Numbers are machine numbers (`4900`, `81.5`); attainment and growth are fractions (1 is 100 %);
 * directions and statuses are codes, not words.
 */
import type { TargetAssessment } from '../../engine/projection/targets.ts';
import { blank, number, renderCsv, text, type CsvCell } from './csv.ts';
import { cellProblems, type IndicatorView, type ProjectionView } from './projection-view.ts';

export const PROJECTION_CSV_COLUMNS = [
  'indicator',
  'name',
  'unit',
  'period',
  'value',
  'actual',
  'target_direction',
  'target',
  'gap',
  'attainment',
  'growth_needed',
  'first_reached',
  'status',
  'problem',
] as const;

function targetFields(view: ProjectionView, target: TargetAssessment | undefined): CsvCell[] {
  if (!target) return [blank, blank, blank, blank, blank, blank, blank];
  return [
    text(target.direction),
    number(target.value),
    number(target.gap),
    number(target.attainment),
    number(target.growthNeeded),
    target.firstReached >= 0 ? text(view.periodKeys[target.firstReached] ?? '') : blank,
    text(target.status),
  ];
}

function indicatorRows(view: ProjectionView, indicator: IndicatorView): CsvCell[][] {
  return view.periodKeys.flatMap((key, t) => {
    const base: CsvCell[] = [
      text(indicator.indicator.id),
      text(indicator.name),
      text(indicator.unit),
      text(key),
      number(indicator.values[t] as number),
      text(indicator.isActual[t] ? 'true' : 'false'),
    ];
    const problem = cellProblems(indicator, t).map((p) => p.message).join('; ');
    const problemCell = problem === '' ? blank : text(problem);
    const targets = indicator.targets.filter((target) => target.period === t);
    const lines = targets.length === 0 ? [undefined] : targets;
    return lines.map((target) => [...base, ...targetFields(view, target), problemCell]);
  });
}

export function projectionCsv(view: ProjectionView): string {
  return renderCsv(PROJECTION_CSV_COLUMNS, view.indicators.flatMap((indicator) => indicatorRows(view, indicator)));
}
