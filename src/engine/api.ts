/**
 * The engine API: what the worker exposes and what the CLI and tests call in-process. It holds
 * no state a caller could get out of step with; every call names the plan it is about.
 */
import type { Plan } from './model/plan.ts';
import { compileProgram, runProgram, type PlanProblem } from './projection/program.ts';
import { summarize, type PlanResult } from './projection/result.ts';
import { err, ok, type Result } from './result.ts';
import { goalSeek, type GoalSeekAnswer, type GoalSeekProblem, type GoalSeekRequest } from './solve/index.ts';

export interface EngineApi {
  /** Projects every indicator of the plan and assesses its targets. */
  compute(plan: Plan): Result<PlanResult, PlanProblem>;
  /** The value of an input that makes an indicator reach a value at a period. */
  goalSeek(plan: Plan, request: GoalSeekRequest): Result<GoalSeekAnswer, GoalSeekProblem>;
}

export function createEngineApi(): EngineApi {
  return {
    compute(plan) {
      const program = compileProgram(plan);
      if (!program.ok) return err(program.error);
      runProgram(program.value);
      return ok(summarize(program.value));
    },
    goalSeek,
  };
}
