/**
 * The worker's side of the protocol, shared by the browser worker and the Node test worker:
 * results leave as transferred buffers, a simulation runs in batches that let a compute or a
 * cancel in between, and a newer simulation stops an older one.
 */
import * as Comlink from 'comlink';
import { createEngineApi, type EngineApi, type ScenarioId } from '../engine/api.ts';
import { applyCommand, type Command, type CommandError } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';
import type { PlanResult } from '../engine/projection/result.ts';
import { err, type Result } from '../engine/result.ts';
import { planKey } from './plan-key.ts';
import type { NumberedResult, SessionProblem } from '../engine/session.ts';

export interface WorkerApi extends EngineApi {
  /** Stops the simulation running now, between two of its batches. */
  cancelSimulation(): void;
  /**
   * Computes the plan the worker computed last with one command applied, so that an edit
   * sends a command instead of the whole plan. `key` names the plan the command applies to
   * (`id@revision`); when the worker does not hold it (a restart, another plan), the answer is
   * `{ code: 'stale' }` and the caller sends the whole plan (`computeSince`). `base` is the
   * number of the result the caller holds: when it is the last one this worker gave, the
   * answer is only the rows that changed.
   */
  computeEdit(key: string, command: Command, now: string, scenario: string | null, base: number | null): Result<NumberedResult, SessionProblem | CommandError | { code: 'stale' }>;
}

export { planKey } from './plan-key.ts';

export function createWorkerApi(): WorkerApi {
  const engine = createEngineApi();
  let simulationRun = 0;
  let cancelledRun = -1;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  // The plan last computed: an edit is applied to it here, as it was on the page.
  let held: Plan | null = null;
  const transferred = (result: Result<PlanResult, SessionProblem>) =>
    result.ok ? Comlink.transfer(result, [result.value.values.buffer, result.value.isActual.buffer]) : result;
  const numbered = (result: Result<NumberedResult, SessionProblem>) => {
    if (!result.ok) return result;
    const { values, isActual } = result.value.kind === 'full' ? result.value.result : result.value.delta;
    return Comlink.transfer(result, [values.buffer, isActual.buffer]);
  };

  return {
    compute(plan, scenario) {
      held = plan;
      return transferred(engine.compute(plan, scenario));
    },
    computeSince(plan: Plan, scenario: ScenarioId, base: number | null) {
      held = plan;
      return numbered(engine.computeSince(plan, scenario, base));
    },
    computeEdit(key, command, now, scenario, base) {
      if (!held || planKey(held) !== key) return err({ code: 'stale' });
      const applied = applyCommand(held, command, now);
      if (!applied.ok) return err(applied.error);
      held = applied.value.plan;
      // Unchanged indicators keep their identity here, so the session finds the edit at once.
      return numbered(engine.computeSince(held, scenario, base));
    },
    computeScenarios(plan, scenarios) {
      const results = engine.computeScenarios(plan, scenarios);
      return results.ok ? Comlink.transfer(results, results.value.flatMap((r) => [r.values.buffer, r.isActual.buffer])) : results;
    },
    projectScenarios(plan, indicator, scenarios) {
      const lines = engine.projectScenarios(plan, indicator, scenarios);
      return lines.ok ? Comlink.transfer(lines, [lines.value.values.buffer, lines.value.isActual.buffer]) : lines;
    },
    goalSeek: (plan, request, scenario) => engine.goalSeek(plan, request, scenario),
    async simulate(plan, options, control, scenario) {
      const run = ++simulationRun;
      const result = await engine.simulate(plan, options, {
        // A Comlink proxy: the call crosses back to the page without waiting for it.
        onProgress: (done, total) => void control?.onProgress?.(done, total),
        cancelled: () => cancelledRun >= run || simulationRun !== run,
        pause,
      }, scenario);
      // The progress callback is a port to the page: close it once the run is over.
      if (control) (control as unknown as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.();
      if (!result.ok) return result;
      return Comlink.transfer(result, [result.value.values.buffer, result.value.mean.buffer]);
    },
    cancelSimulation() {
      cancelledRun = simulationRun;
    },
    sensitivity: (plan, scenario) => engine.sensitivity(plan, scenario),
  };
}
