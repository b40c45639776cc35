/**
 * Goal seek on the main model: which growth rate of the top input makes the deepest indicator
 * reach a given value at the last period, through the whole 14-deep chain. The value is the one
 * the plan reaches at rate + 0.2 points, so a root exists and every method must find the same one.
 */
import { affectedRows, runProgram, setParameter, type Program } from '../src/engine/projection/program.ts';
import { goalSeekProgram, type GoalSeekAnswer, type GoalSeekRequest } from '../src/engine/solve/index.ts';
import { bisect } from './bisection.ts';
import type { SheetModel } from './hyperformula.ts';
import type { BenchModel } from './model.ts';
import { ms, times, type Line } from './report.ts';
import { time, timeInTurns, type Timing } from './timing.ts';

export const BISECTION_STEPS = 50;
/** HyperFormula runs all 50 steps when they take at most this long; else fewer, extrapolated. */
const HYPERFORMULA_BUDGET_MS = 60_000;

export interface GoalProblem {
  input: number;
  indicator: number;
  period: number;
  value: number;
  /** The plan's own rate: where a goal seek starts. */
  start: number;
  low: number;
  high: number;
  signAtLow: number;
  /** The rate that produced `value`. */
  answer: number;
}

/** Chitieu's value of the goal indicator with the input's rate at x: an edit and its cone. */
export function chitieuGoalFunction(program: Program, problem: GoalProblem): (x: number) => number {
  const cone = affectedRows(program, [problem.input]);
  const cell = problem.indicator * program.periods.count + problem.period;
  return (x) => {
    setParameter(program, problem.input, 'rate', x);
    runProgram(program, cone);
    return (program.values[cell] as number) - problem.value;
  };
}

export function goalProblem(model: BenchModel, program: Program): GoalProblem {
  const input = model.topInput;
  const row = model.rows[input];
  if (row?.kind !== 'growth') throw new Error('the top input is not a growth row');
  const base: GoalProblem = {
    input, indicator: model.deepest, period: model.spec.periods - 1, value: 0,
    start: row.rate, low: row.rate - 0.01, high: row.rate + 0.01, signAtLow: 0, answer: row.rate + 0.002,
  };
  const valueAt = chitieuGoalFunction(program, base);
  const problem = { ...base, value: valueAt(base.answer) };
  const f = chitieuGoalFunction(program, problem);
  const signAtLow = Math.sign(f(problem.low));
  const signAtHigh = Math.sign(f(problem.high));
  setParameter(program, input, 'rate', NaN);
  runProgram(program);
  if (signAtLow === 0 || signAtLow === signAtHigh) throw new Error('the goal-seek bracket holds no sign change');
  return { ...problem, signAtLow };
}

export interface BisectionFigures {
  steps: number;
  chitieu: Timing;
  chitieuRoot: number;
  hyperformula: { stepsTimed: number; totalMs: number; medianStepMs: number; extrapolated: boolean; root: number | null };
}

/** 50 bisection steps driving Chitieu's program and HyperFormula's sheet. */
export function measureBisection(program: Program, sheet: SheetModel, problem: GoalProblem): { figures: BisectionFigures; lines: Line[] } {
  const f = chitieuGoalFunction(program, problem);
  let chitieuRoot = NaN;
  const chitieu = time(() => {
    chitieuRoot = bisect(f, problem.low, problem.high, problem.signAtLow, BISECTION_STEPS);
  }, { warmup: 3, samples: 11 });
  setParameter(program, problem.input, 'rate', NaN);
  runProgram(program);

  const sheetF = (x: number): number => {
    sheet.setRate(problem.input, x);
    return sheet.value(problem.indicator, problem.period) - problem.value;
  };
  const probe = time((i) => sheetF(i % 2 ? problem.low : problem.high), { warmup: 1, samples: 3 });
  const affordable = probe.medianMs * BISECTION_STEPS <= HYPERFORMULA_BUDGET_MS;
  const stepsTimed = affordable ? BISECTION_STEPS : Math.max(3, Math.floor(HYPERFORMULA_BUDGET_MS / 10 / probe.medianMs));
  const stepTimes: number[] = [];
  const timedF = (x: number): number => {
    const started = process.hrtime.bigint();
    const v = sheetF(x);
    stepTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    return v;
  };
  const sheetRoot = bisect(timedF, problem.low, problem.high, problem.signAtLow, stepsTimed);
  sheet.setRate(problem.input, problem.start);
  const totalTimed = stepTimes.reduce((s, x) => s + x, 0);
  const sorted = [...stepTimes].sort((a, b) => a - b);
  const medianStepMs = sorted[sorted.length >> 1] as number;
  const totalMs = affordable ? totalTimed : (totalTimed / stepsTimed) * BISECTION_STEPS;
  const hyperformula = { stepsTimed, totalMs, medianStepMs, extrapolated: !affordable, root: affordable ? sheetRoot : null };
  if (affordable && !(Math.abs(sheetRoot - chitieuRoot) <= 1e-9)) {
    throw new Error(`bisection over HyperFormula found ${sheetRoot}, over Chitieu ${chitieuRoot}`);
  }
  const label = affordable ? `${BISECTION_STEPS} steps` : `${stepsTimed} steps timed, extrapolated to ${BISECTION_STEPS}`;
  return {
    figures: { steps: BISECTION_STEPS, chitieu, chitieuRoot, hyperformula },
    lines: [{
      id: 'goalSeek.bisection', work: `goal seek by ${BISECTION_STEPS} bisection steps (rate of input_0 → deepest indicator)`,
      chitieu: ms(chitieu.medianMs),
      comparator: `HyperFormula ${ms(totalMs)} (${label})`,
      ratio: `${times(totalMs / chitieu.medianMs)} faster`, target: '— (no target)', status: 'info',
    }],
  };
}

export interface ChitieuGoalSeekFigures {
  evaluations: number;
  time: Timing;
  /** One edit + cone on the same input, for "≤ 20× one recompute". */
  oneRecompute: Timing;
  answer: number;
  achieved: number;
}

/** Chitieu's own goal seek (`goalSeekProgram`) on the same problem. */
export function measureChitieuGoalSeek(model: BenchModel, program: Program, problem: GoalProblem, bisectionRoot: number): { figures: ChitieuGoalSeekFigures; lines: Line[] } {
  const request: GoalSeekRequest = {
    vary: { indicator: model.rows[problem.input]?.id ?? '', parameter: 'rate' },
    indicator: model.rows[problem.indicator]?.id ?? '',
    period: program.periods.keys[problem.period] ?? '',
    value: problem.value,
  };
  let answer: GoalSeekAnswer | null = null;
  const seek = (): void => {
    const result = goalSeekProgram(program, request);
    if (!result.ok) throw new Error(`goal seek failed: ${JSON.stringify(result.error)}`);
    answer = result.value;
  };
  const f = chitieuGoalFunction(program, problem);
  const { goalSeek: seekTime, oneRecompute } = timeInTurns({
    goalSeek: seek,
    oneRecompute: (i) => { f(i % 2 ? problem.low : problem.high); },
  }, { warmup: 5, samples: 31 });
  setParameter(program, problem.input, 'rate', NaN);
  runProgram(program);
  const found = answer as GoalSeekAnswer | null;
  if (!found) throw new Error('goal seek did not run');
  // The same root bisection found, to the precision 50 halvings of a 0.02-wide bracket give.
  if (!(Math.abs(found.value - bisectionRoot) <= 1e-12)) throw new Error(`goal seek found ${found.value}, bisection ${bisectionRoot}`);
  const perRecompute = seekTime.medianMs / oneRecompute.medianMs;
  return {
    figures: { evaluations: found.evaluations, time: seekTime, oneRecompute, answer: found.value, achieved: found.achieved },
    lines: [{
      id: 'goalSeek', work: 'goal seek by Chitieu (goalSeekProgram, same problem)',
      chitieu: `${found.evaluations} evaluations, ${ms(seekTime.medianMs)}`,
      comparator: `one edit + cone ${ms(oneRecompute.medianMs)}; bisection above`,
      ratio: `${times(perRecompute)} one recompute`,
      target: '≤ 15 evaluations (≤ 20× one recompute)',
      status: found.evaluations <= 15 && perRecompute <= 20 ? 'PASS' : 'MISS',
    }],
  };
}
