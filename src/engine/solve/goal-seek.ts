/**
 * Goal seek: the value of one input parameter (a level, a growth rate, a step, a ceiling) that
 * makes an indicator reach a value at a period, through any chain of formulas. Each evaluation
 * sets the parameter and reruns only the rows downstream of the input, then reads one cell.
 */
import type { Plan, RangeParameter } from '../model/plan.ts';
import {
  affectedRows,
  baseParameter,
  compileProgram,
  runProgram,
  setParameter,
  type PlanProblem,
  type Program,
} from '../projection/program.ts';
import { err, ok, type Result } from '../result.ts';
import { currentParameter, parameterDomain, parameterOverride } from './domain.ts';
import { EXPONENTIAL, LINEAR, seekValue } from './seek.ts';

export interface GoalSeekRequest {
  /** The input and which of its parameters to vary. */
  vary: { indicator: string; parameter: RangeParameter };
  /** The indicator that should reach `value` at `period`. */
  indicator: string;
  period: string;
  value: number;
  /** Where the parameter may go (inclusive), on top of its natural domain. */
  bounds?: { low: number; high: number };
  /** Relative tolerance on the parameter, default 1e-12. */
  relativeTolerance?: number;
  /** Model evaluations allowed, default 60. */
  maxEvaluations?: number;
}

export interface GoalSeekAnswer {
  /** The parameter value found. */
  value: number;
  /** The indicator's value at the period with it. */
  achieved: number;
  /** Model evaluations used (each one run of the input's downstream rows). */
  evaluations: number;
  /** The parameter's value in the plan. */
  base: number;
}

export type GoalSeekProblem =
  | { code: 'unknownIndicator'; indicator: string }
  | { code: 'unknownPeriod'; period: string }
  | { code: 'noSuchParameter'; indicator: string; parameter: RangeParameter }
  | { code: 'notComputable'; indicator: string }
  /** The indicator does not depend on the input at all: no value of it changes anything. */
  | { code: 'notAffected'; indicator: string; vary: string }
  /** A request field that is not a usable number (a non-finite value, empty bounds…). */
  | { code: 'invalidRequest'; field: 'value' | 'bounds' | 'relativeTolerance' | 'maxEvaluations' }
  /** Nothing in [low, high], the widest interval tried, reaches the value; lowValue and highValue are the indicator there. */
  | { code: 'noSolution'; low: number; high: number; lowValue: number; highValue: number }
  | { code: 'notConverged'; evaluations: number }
  | { code: 'plan'; problem: PlanProblem };

export const GOAL_SEEK_DEFAULTS = { relativeTolerance: 1e-12, maxEvaluations: 60 } as const;
/** However much a caller asks for, a goal seek stops after this many evaluations. */
export const GOAL_SEEK_MAX_EVALUATIONS = 1_000;

/** Compiles and runs the (already resolved: scenario applied) plan and seeks over it. */
export function goalSeek(plan: Plan, request: GoalSeekRequest): Result<GoalSeekAnswer, GoalSeekProblem> {
  const compiled = compileProgram(plan);
  if (!compiled.ok) return err({ code: 'plan', problem: compiled.error });
  runProgram(compiled.value);
  return goalSeekProgram(compiled.value, request);
}

/**
 * Seeks over a compiled program whose values are current (it has run since its last change): only
 * the rows downstream of the input are rerun, reading the others as they stand. The parameter's
 * override (if any) and the values of the rows it reaches are put back afterwards.
 */
export function goalSeekProgram(program: Program, request: GoalSeekRequest): Result<GoalSeekAnswer, GoalSeekProblem> {
  const { indicator: varied, parameter } = request.vary;
  const row = program.rowOf.get(varied);
  if (row === undefined) return err({ code: 'unknownIndicator', indicator: varied });
  const target = program.rowOf.get(request.indicator);
  if (target === undefined) return err({ code: 'unknownIndicator', indicator: request.indicator });
  const period = program.periods.indexOf(request.period);
  if (period < 0) return err({ code: 'unknownPeriod', period: request.period });
  const invalid = invalidField(request);
  if (invalid) return err({ code: 'invalidRequest', field: invalid });

  const base = baseParameter(program, row, parameter);
  const previous = parameterOverride(program, row, parameter);
  // Writing the current override back is a no-op that tells whether the row has the parameter.
  if (Number.isNaN(base) || !setParameter(program, row, parameter, previous)) {
    return err({ code: 'noSuchParameter', indicator: varied, parameter });
  }
  if ((program.graph.rank[target] ?? -1) < 0 || !program.steps[target]) return err({ code: 'notComputable', indicator: request.indicator });
  const cone = affectedRows(program, [row]);
  if (!cone.includes(target)) return err({ code: 'notAffected', indicator: request.indicator, vary: varied });

  const goal = request.value;
  const relativeTolerance = request.relativeTolerance ?? GOAL_SEEK_DEFAULTS.relativeTolerance;
  const maxEvaluations = Math.min(request.maxEvaluations ?? GOAL_SEEK_DEFAULTS.maxEvaluations, GOAL_SEEK_MAX_EVALUATIONS);
  const cell = target * program.periods.count + period;
  const start = clampStart(currentParameter(program, row, parameter), request.bounds);
  const domain = parameterDomain(program, row, parameter, request.bounds);
  const valueAt = (x: number): number => {
    setParameter(program, row, parameter, x);
    runProgram(program, cone);
    return program.values[cell] as number;
  };
  try {
    const outcome = seekValue(valueAt, goal, start, domain, {
      relativeTolerance,
      maxEvaluations,
      scale: parameter === 'rate' ? 0.01 : 1,
      // A growth rate acts through (1 + r)^t: start out reading log v against r.
      space: parameter === 'rate' ? EXPONENTIAL : LINEAR,
    });
    switch (outcome.kind) {
      case 'root':
        return ok({ value: outcome.x, achieved: outcome.value, evaluations: outcome.evaluations, base });
      case 'noBracket':
        return err({ code: 'noSolution', low: outcome.low, high: outcome.high, lowValue: outcome.lowValue, highValue: outcome.highValue });
      case 'notConverged':
        return err({ code: 'notConverged', evaluations: outcome.evaluations });
      case 'undefinedAtStart':
        return err({ code: 'notComputable', indicator: request.indicator });
    }
  } finally {
    setParameter(program, row, parameter, previous);
    runProgram(program, cone);
  }
}

function invalidField(request: GoalSeekRequest): 'value' | 'bounds' | 'relativeTolerance' | 'maxEvaluations' | null {
  if (!Number.isFinite(request.value)) return 'value';
  const bounds = request.bounds;
  if (bounds && !(Number.isFinite(bounds.low) && Number.isFinite(bounds.high) && bounds.low <= bounds.high)) return 'bounds';
  const tolerance = request.relativeTolerance;
  if (tolerance !== undefined && !(tolerance > 0 && tolerance < 1)) return 'relativeTolerance';
  const max = request.maxEvaluations;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1)) return 'maxEvaluations';
  return null;
}

function clampStart(x: number, bounds: { low: number; high: number } | undefined): number {
  if (!bounds) return x;
  return Math.min(Math.max(x, bounds.low), bounds.high);
}
