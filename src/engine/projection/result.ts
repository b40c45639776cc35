/**
 * What a computed plan looks like from outside the engine: the value matrix and small metadata,
 * shaped so that it crosses a worker boundary as transferred buffers, not object graphs.
 */
import type { Indicator } from '../model/plan.ts';
import type { Program, RowProblem } from './program.ts';
import { assessTarget, type TargetAssessment } from './targets.ts';

export interface IndicatorResult {
  id: string;
  /** Latest period with an actual, or -1. */
  latest: number;
  /** Every target of the indicator inside the calendar, in the order the plan lists them. */
  targets: TargetAssessment[];
  /**
   * The target the grid shows: the first one after the latest actual, or else the last one;
   * an index into `targets`, -1 when there is none.
   */
  primary: number;
}

export interface PlanResult {
  /** The plan revision these values were computed from. */
  revision: number;
  periodKeys: string[];
  ids: string[];
  /** rows × periods, row-major; NaN is blank. */
  values: Float64Array;
  /** 1 where the value is an actual. */
  isActual: Uint8Array;
  indicators: IndicatorResult[];
  /** Why cells are blank or wrong: formula, runtime, method, cycle and blocked problems. */
  problems: RowProblem[];
}

/** One indicator's summary: its latest actual and its targets assessed. */
export function summarizeRow(program: Program, row: number): IndicatorResult {
  const n = program.periods.count;
  const indicator = program.plan.indicators[row] as Indicator;
  const rowValues = program.values.subarray(row * n, (row + 1) * n);
  const rowActual = program.isActual.subarray(row * n, (row + 1) * n);
  const latest = program.latest[row] as number;
  const targets: TargetAssessment[] = [];
  indicator.targets.forEach((target, index) => {
    const period = program.periods.indexOf(target.period);
    if (period < 0) return;
    targets.push(assessTarget(rowValues, rowActual, latest, index, period, target.value, target.direction));
  });
  let primary = targets.findIndex((t) => t.period > latest);
  if (primary < 0) primary = targets.length - 1;
  return { id: indicator.id, latest, targets, primary };
}

export function summarize(program: Program): PlanResult {
  const indicators = program.plan.indicators.map((_, row) => summarizeRow(program, row));
  const problems: RowProblem[] = [...program.compileProblems];
  for (const rowProblems of program.runProblems) problems.push(...rowProblems);
  return {
    revision: program.plan.revision,
    periodKeys: [...program.periods.keys],
    ids: [...program.ids],
    values: program.values.slice(),
    isActual: program.isActual.slice(),
    indicators,
    problems,
  };
}
