/**
 * The engine API: what the worker exposes and what the CLI and tests call in-process. It holds
 * no state a caller could get out of step with; every call names the plan it is about.
 */
import type { Plan } from './model/plan.ts';
import { compileProgram, runProgram, type PlanProblem } from './projection/program.ts';
import { summarize, type PlanResult } from './projection/result.ts';
import { err, ok, type Result } from './result.ts';
import { goalSeek, type GoalSeekAnswer, type GoalSeekProblem, type GoalSeekRequest } from './solve/index.ts';
import {
  createSimulation,
  sensitivity,
  type SensitivityProblem,
  type SensitivityResult,
  type SimulationOptions,
  type SimulationProblem,
  type SimulationResult,
} from './uncertainty/index.ts';

/** How a long simulation reports, pauses and learns that it should stop. */
export interface SimulationControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches. */
  cancelled?: () => boolean;
  /** Lets other work (a compute, a cancel) in between batches. */
  pause?: () => Promise<void>;
}

export type SimulationFailure = SimulationProblem | { code: 'cancelled' };

/** Trials per batch are sized so that a batch takes about this long (ms), whatever the plan. */
const BATCH_MS = 25;

export interface EngineApi {
  /** Projects every indicator of the plan and assesses its targets. */
  compute(plan: Plan): Result<PlanResult, PlanProblem>;
  /** The value of an input that makes an indicator reach a value at a period. */
  goalSeek(plan: Plan, request: GoalSeekRequest): Result<GoalSeekAnswer, GoalSeekProblem>;
  /** Monte Carlo over the plan's ranged inputs, in batches, with progress and cancellation. */
  simulate(plan: Plan, options: SimulationOptions, control?: SimulationControl): Promise<Result<SimulationResult, SimulationFailure>>;
  /** The effect of each ranged input's low and high on each target (tornado data). */
  sensitivity(plan: Plan): Result<SensitivityResult, SensitivityProblem>;
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
    async simulate(plan, options, control = {}) {
      const created = createSimulation(plan, options);
      if (!created.ok) return err(created.error);
      const simulation = created.value;
      let batch = 16;
      while (simulation.done < simulation.total) {
        if (control.cancelled?.()) return err({ code: 'cancelled' });
        const started = Date.now();
        simulation.runBatch(batch);
        const elapsed = Date.now() - started;
        // Aim each batch at BATCH_MS so progress is smooth and a cancel is heard quickly.
        batch = Math.max(1, Math.min(4096, Math.round(batch * (elapsed > 0 ? BATCH_MS / elapsed : 2))));
        control.onProgress?.(simulation.done, simulation.total);
        await control.pause?.();
      }
      if (control.cancelled?.()) return err({ code: 'cancelled' });
      return ok(simulation.result());
    },
    sensitivity,
  };
}
