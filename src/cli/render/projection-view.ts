/**
 * A computed plan arranged for printing: per indicator, its localized name and unit, its row of
 * values, its targets' assessments and its problems worded in the user's language. The table,
 * CSV and JSON renderers all read this one view, so they cannot disagree.
 */
import type { Indicator, LocalizedText, Plan } from '../../engine/model/plan.ts';
import type { RowProblem } from '../../engine/projection/program.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { TargetAssessment } from '../../engine/projection/targets.ts';
import type { Lang } from '../../i18n/numbers.ts';
import type { CliMessages } from '../messages.ts';
import { describeRowProblem, rowProblemPath } from '../problems.ts';

export interface ProblemView {
  readonly code: RowProblem['code'];
  /** The period index the problem is about; -1 for the whole row. */
  readonly period: number;
  /** Where in the plan file the cause lies. */
  readonly path: string;
  readonly message: string;
}

export interface IndicatorView {
  readonly indicator: Indicator;
  readonly name: string;
  readonly unit: string;
  /** One value per period; NaN is blank. */
  readonly values: Float64Array;
  readonly isActual: Uint8Array;
  /** The latest period with an actual, or -1. */
  readonly latest: number;
  readonly targets: readonly TargetAssessment[];
  readonly problems: readonly ProblemView[];
}

export interface ProjectionView {
  readonly plan: Plan;
  /** The scenario computed; null for the plan's base. */
  readonly scenario: string | null;
  readonly periodKeys: readonly string[];
  readonly indicators: readonly IndicatorView[];
}

export function localized(text: LocalizedText, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}

export function projectionView(plan: Plan, scenario: string | null, result: PlanResult, m: CliMessages, lang: Lang): ProjectionView {
  const n = result.periodKeys.length;
  const problemsByRow = new Map<number, ProblemView[]>();
  for (const problem of result.problems) {
    const list = problemsByRow.get(problem.row) ?? [];
    list.push({
      code: problem.code,
      period: problem.period,
      path: rowProblemPath(plan, problem),
      message: describeRowProblem(problem, result.periodKeys, m, lang),
    });
    problemsByRow.set(problem.row, list);
  }
  const indicators = plan.indicators.map((indicator, row): IndicatorView => ({
    indicator,
    name: localized(indicator.name, lang),
    unit: localized(indicator.unit, lang),
    values: result.values.subarray(row * n, (row + 1) * n),
    isActual: result.isActual.subarray(row * n, (row + 1) * n),
    latest: result.indicators[row]?.latest ?? -1,
    targets: result.indicators[row]?.targets ?? [],
    problems: problemsByRow.get(row) ?? [],
  }));
  return { plan, scenario, periodKeys: result.periodKeys, indicators };
}

/** The problems that explain the cell at `period`: the row's own and the cell's. */
export function cellProblems(indicator: IndicatorView, period: number): ProblemView[] {
  return indicator.problems.filter((problem) => problem.period === -1 || problem.period === period);
}
