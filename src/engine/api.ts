/**
 * The engine API: what the worker exposes and what the CLI and tests call in-process. Every call
 * names the plan (and scenario) it is about; the only state kept is the compiled program of the
 * last compute, which makes the next one incremental and never changes an answer.
 */
import type { Plan } from './model/plan.ts';
import type { PlanResult } from './projection/result.ts';
import { err, ok, type Result } from './result.ts';
import { createEngineSession, type SessionProblem } from './session.ts';
import { resolveScenario, type ScenarioProblem } from './scenarios/index.ts';
import { compileProgram, runProgram, type PlanProblem } from './projection/program.ts';
import { summarize } from './projection/result.ts';
import { goalSeek, type GoalSeekAnswer, type GoalSeekProblem, type GoalSeekRequest } from './solve/index.ts';
// Simulation and sensitivity load on first use: the worker starts with what every edit needs.
import type {
  SensitivityProblem,
  SensitivityResult,
  SimulationOptions,
  SimulationProblem,
  SimulationResult,
} from './uncertainty/index.ts';

/** How a long simulation reports, pauses and learns that it should stop. */
export interface SimulationControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches. */
  cancelled?: () => boolean;
  /** Lets other work (a compute, a cancel) in between batches. */
  pause?: () => Promise<void>;
}

export type SimulationFailure = SimulationProblem | ScenarioProblem | { code: 'cancelled' };

/** Trials per batch are sized so that a batch takes about this long (ms), whatever the plan. */
const BATCH_MS = 25;

/** The scenario to compute: null (or absent) is the plan's base. */
export type ScenarioId = string | null | undefined;

export interface EngineApi {
  /** Projects every indicator of the plan (or of one of its scenarios) and assesses its targets. */
  compute(plan: Plan, scenario?: ScenarioId): Result<PlanResult, SessionProblem>;
  /** Several scenarios of one plan at once, for comparing them side by side. */
  computeScenarios(plan: Plan, scenarios: readonly (string | null)[]): Result<PlanResult[], SessionProblem>;
  /** The value of an input that makes an indicator reach a value at a period. */
  goalSeek(plan: Plan, request: GoalSeekRequest, scenario?: ScenarioId): Result<GoalSeekAnswer, GoalSeekProblem | ScenarioProblem>;
  /** Monte Carlo over the plan's ranged inputs, in batches, with progress and cancellation. */
  simulate(plan: Plan, options: SimulationOptions, control?: SimulationControl, scenario?: ScenarioId): Promise<Result<SimulationResult, SimulationFailure>>;
  /** The effect of each ranged input's low and high on each target (tornado data). */
  sensitivity(plan: Plan, scenario?: ScenarioId): Promise<Result<SensitivityResult, SensitivityProblem | ScenarioProblem>>;
}

/** One plan's base, computed from scratch: for callers that compute once (the CLI, tests). */
export function computePlan(plan: Plan): Result<PlanResult, PlanProblem> {
  const program = compileProgram(plan);
  if (!program.ok) return err(program.error);
  runProgram(program.value);
  return ok(summarize(program.value));
}

export function createEngineApi(): EngineApi {
  const session = createEngineSession();
  const resolved = (plan: Plan, scenario: ScenarioId) => resolveScenario(plan, scenario ?? null);
  return {
    compute: (plan, scenario) => session.compute(plan, scenario ?? null),
    computeScenarios(plan, scenarios) {
      const results: PlanResult[] = [];
      for (const scenario of scenarios) {
        const effective = resolved(plan, scenario);
        if (!effective.ok) return err(effective.error);
        const computed = computePlan(effective.value);
        if (!computed.ok) return computed;
        results.push(computed.value);
      }
      return ok(results);
    },
    goalSeek(plan, request, scenario) {
      const effective = resolved(plan, scenario);
      return effective.ok ? goalSeek(effective.value, request) : effective;
    },
    async simulate(plan, options, control = {}, scenario) {
      const effective = resolved(plan, scenario);
      if (!effective.ok) return effective;
      const { createSimulation } = await import('./uncertainty/simulation.ts');
      const created = createSimulation(effective.value, options);
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
    async sensitivity(plan, scenario) {
      const effective = resolved(plan, scenario);
      if (!effective.ok) return effective;
      const { sensitivity } = await import('./uncertainty/sensitivity.ts');
      return sensitivity(effective.value);
    },
  };
}
