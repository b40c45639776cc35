/**
 * The worker's side of the protocol, shared by the browser worker and the Node test worker:
 * results leave as transferred buffers, a simulation runs in batches that let a compute or a
 * cancel in between, and a newer simulation stops an older one.
 */
import * as Comlink from 'comlink';
import { createEngineApi, type EngineApi } from '../engine/api.ts';

export interface WorkerApi extends EngineApi {
  /** Stops the simulation running now, between two of its batches. */
  cancelSimulation(): void;
}

export function createWorkerApi(): WorkerApi {
  const engine = createEngineApi();
  let simulationRun = 0;
  let cancelledRun = -1;
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  return {
    compute(plan, scenario) {
      const result = engine.compute(plan, scenario);
      return result.ok ? Comlink.transfer(result, [result.value.values.buffer, result.value.isActual.buffer]) : result;
    },
    computeScenarios(plan, scenarios) {
      const results = engine.computeScenarios(plan, scenarios);
      return results.ok ? Comlink.transfer(results, results.value.flatMap((r) => [r.values.buffer, r.isActual.buffer])) : results;
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
