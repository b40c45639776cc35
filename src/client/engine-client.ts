/**
 * The UI's only door to the engine worker. It owns the protocol: every request has an id; a newer
 * request of the same kind supersedes an older one (its result is dropped, never applied); a
 * crash, an error or a timeout rejects every pending call with a readable error, ends the worker
 * and starts a fresh one.
 */
import * as Comlink from 'comlink';
import type { ScenarioLines, ScenarioLinesProblem, SimulationFailure } from '../engine/api.ts';
import type { SensitivityProblem, SensitivityResult, SimulationOptions, SimulationResult } from '../engine/uncertainty/index.ts';
import type { WorkerApi } from './worker-host.ts';
import { planKey } from './plan-key.ts';
import type { Command } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';
import type { NumberedResult, SessionProblem } from '../engine/session.ts';
import { applyResultDelta, copyBuffers, type BufferCopies } from './result-delta.ts';
import type { ScenarioProblem } from '../engine/scenarios/index.ts';
import type { PlanResult } from '../engine/projection/result.ts';
import { err, ok, type Result } from '../engine/result.ts';
import type { GoalSeekAnswer, GoalSeekProblem, GoalSeekRequest } from '../engine/solve/index.ts';
import { browserWorker, type SpawnedWorker } from './spawned-worker.ts';

/** A worker, or anything that talks like one (a Node worker thread in tests). */
export type EngineWorker = SpawnedWorker;

export type ClientError =
  | { code: 'superseded' }
  | { code: 'crashed'; message: string }
  | { code: 'timeout'; ms: number }
  | { code: 'closed' };

/** What a call can fail with: the protocol's errors, or the engine's own answer. */
export type CallError<E> = ClientError | { code: 'engine'; problem: E };

export interface EngineClient {
  /** Computes a plan; only the newest compute's result is delivered, older ones get `superseded`. */
  compute(plan: Plan, scenario?: string | null): Promise<Result<PlanResult, CallError<SessionProblem>>>;
  /**
   * Computes `next`, made from `previous` by `command` at `now`: the worker gets only the command
   * when it holds `previous`, else the whole plan. Same answer as `compute(next)`, either way.
   * `shown` is the result the page holds: when it is the worker's last answer, only the rows
   * that changed come back and are laid over it (a new object; `shown` is left as it was).
   */
  computeEdit(previous: Plan, command: Command, now: string, next: Plan, scenario?: string | null, shown?: PlanResult | null): Promise<Result<PlanResult, CallError<SessionProblem>>>;
  /** Several scenarios at once, for a side-by-side comparison; a newer comparison supersedes. */
  computeScenarios(plan: Plan, scenarios: readonly (string | null)[]): Promise<Result<PlanResult[], CallError<SessionProblem>>>;
  /**
   * One indicator's projection under each scenario, for the chart. Its own kind: it never
   * supersedes a compute (nor is superseded by one), and a newer request supersedes an older one.
   */
  projectScenarios(plan: Plan, indicator: string, scenarios: readonly (string | null)[]): Promise<Result<ScenarioLines, CallError<ScenarioLinesProblem>>>;
  /** Finds the input value that reaches a target value; a newer seek supersedes an older one. */
  goalSeek(plan: Plan, request: GoalSeekRequest, scenario?: string | null): Promise<Result<GoalSeekAnswer, CallError<GoalSeekProblem | ScenarioProblem>>>;
  /**
   * Monte Carlo in the worker, in batches; `onProgress` hears each batch. A newer simulation
   * supersedes an older one; the call times out only when no progress comes for the time limit.
   */
  simulate(plan: Plan, options: SimulationOptions, onProgress?: (done: number, total: number) => void, scenario?: string | null): Promise<Result<SimulationResult, CallError<SimulationFailure>>>;
  /** Each ranged input's effect on each target (tornado data). */
  sensitivity(plan: Plan, scenario?: string | null): Promise<Result<SensitivityResult, CallError<SensitivityProblem | ScenarioProblem>>>;
  /** Stops the running simulation; its call resolves with `cancelled`. */
  cancelSimulation(): void;
  /** How many workers have been started (1 + restarts). */
  readonly generation: number;
  close(): void;
}

export interface EngineClientOptions {
  timeoutMs?: number;
  /** Told when a worker is replaced, with the reason. */
  onRestart?: (reason: ClientError) => void;
}

type Kind = 'compute' | 'compare' | 'lines' | 'goalSeek' | 'simulate' | 'sensitivity';

interface Pending {
  fail: (error: ClientError) => void;
  timer: ReturnType<typeof setTimeout>;
  /** Restarts the time limit: a long call that shows progress is not a runaway. */
  alive: () => void;
}

export function createEngineClient(spawn: () => EngineWorker, options: EngineClientOptions = {}): EngineClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let worker: EngineWorker | null = null;
  let remote: Comlink.Remote<WorkerApi> | null = null;
  let generation = 0;
  let closed = false;
  let nextId = 0;
  const latest: Record<Kind, number> = { compute: -1, compare: -1, lines: -1, goalSeek: -1, simulate: -1, sensitivity: -1 };
  const pending = new Map<number, Pending>();
  // The number each result of the current worker's answers had: a delta is asked for only over a
  // result of that worker (a new worker numbers from 1 again, so the map goes with the old one).
  let numbers = new WeakMap<PlanResult, number>();

  function start(): Comlink.Remote<WorkerApi> {
    const started = spawn();
    const startedGeneration = ++generation;
    started.onCrash((message) => {
      // A crash of a worker already replaced is old news.
      if (startedGeneration === generation) restart({ code: 'crashed', message });
    });
    worker = started;
    numbers = new WeakMap();
    remote = Comlink.wrap<WorkerApi>(started.endpoint);
    return remote;
  }

  function restart(reason: ClientError): void {
    failAll(reason);
    worker?.terminate();
    worker = null;
    remote = null;
    options.onRestart?.(reason);
    // The next call starts a fresh worker; nothing is lost since every call carries its plan.
  }

  function failAll(reason: ClientError): void {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      pending.delete(id);
      call.fail(reason);
    }
  }

  /**
   * One request: an id, a timeout, superseded by a newer request of the same kind, failed
   * with everything else pending if the worker dies.
   */
  function call<T, E>(kind: Kind, run: (api: Comlink.Remote<WorkerApi>, alive: () => boolean) => Promise<Result<T, E>>): Promise<Result<T, CallError<E>>> {
    if (closed) return Promise.resolve(err({ code: 'closed' }));
    const id = nextId++;
    latest[kind] = id;
    const api = remote ?? start();
    return new Promise((resolve) => {
      const expire = () => {
        if (pending.has(id)) restart({ code: 'timeout', ms: timeoutMs });
      };
      const entry: Pending = {
        fail: (error) => resolve(err(error)),
        timer: setTimeout(expire, timeoutMs),
        alive: () => {
          clearTimeout(entry.timer);
          entry.timer = setTimeout(expire, timeoutMs);
        },
      };
      pending.set(id, entry);
      run(api, () => {
        const entry = pending.get(id);
        entry?.alive();
        return entry !== undefined;
      }).then(
        (result) => {
          const entry = pending.get(id);
          if (!entry) return;
          clearTimeout(entry.timer);
          pending.delete(id);
          if (id !== latest[kind]) resolve(err({ code: 'superseded' }));
          else resolve(result.ok ? result : err({ code: 'engine', problem: result.error }));
        },
        (error: unknown) => {
          // An exception thrown inside the engine is a bug: replace the worker, fail everything.
          if (pending.has(id)) restart({ code: 'crashed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    });
  }

  /** A numbered answer as a whole result, remembered by number for the next edit's delta. */
  function adopt(answer: NumberedResult, shown: PlanResult | null, known: WeakMap<PlanResult, number>, copies: BufferCopies | null = null): PlanResult {
    let result: PlanResult;
    switch (answer.kind) {
      case 'full':
        known.set(answer.result, answer.version);
        return answer.result;
      case 'delta':
        // The worker answers a delta only over the number it was sent, which is `shown`'s.
        result = applyResultDelta(shown as PlanResult, answer.delta, copies);
        known.set(result, answer.delta.version);
        return result;
    }
  }

  return {
    get generation() { return generation; },
    compute: (plan, scenario) => call('compute', (api) => api.compute(plan, scenario ?? null)),
    computeEdit: (previous, command, now, next, scenario, shown) => call('compute', async (api) => {
      const known = numbers;
      const base = shown ? (known.get(shown) ?? null) : null;
      const asked = api.computeEdit(planKey(previous), command, now, scenario ?? null, base);
      // The copies a delta is laid over, made while the worker computes (the post has left).
      const copies = shown && base !== null ? copyBuffers(shown) : null;
      const edited = await asked;
      // Not held by this worker (a restart, another plan) or refused: send the whole plan.
      const answer = edited.ok ? edited : await api.computeSince(next, scenario ?? null, null);
      return answer.ok ? ok(adopt(answer.value, shown ?? null, known, copies)) : answer;
    }),
    computeScenarios: (plan, scenarios) => call('compare', (api) => api.computeScenarios(plan, scenarios)),
    projectScenarios: (plan, indicator, scenarios) => call('lines', (api) => api.projectScenarios(plan, indicator, scenarios)),
    goalSeek: (plan, request, scenario) => call('goalSeek', (api) => api.goalSeek(plan, request, scenario ?? null)),
    simulate: (plan, options, onProgress, scenario) => call('simulate', (api, alive) => api.simulate(plan, options, Comlink.proxy({
      onProgress: (done: number, total: number) => {
        // Progress travels on its own port and can land after its run has settled; a settled run's
        // report must not reach the caller, whose callback may act on the run now going.
        if (alive()) onProgress?.(done, total);
      },
    }), scenario ?? null)),
    sensitivity: (plan, scenario) => call('sensitivity', (api) => api.sensitivity(plan, scenario ?? null)),
    cancelSimulation() {
      void remote?.cancelSimulation();
    },
    close() {
      closed = true;
      failAll({ code: 'closed' });
      worker?.terminate();
      worker = null;
      remote = null;
    },
  };
}

/** The browser's engine worker. */
export function spawnBrowserWorker(): EngineWorker {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'chitieu-engine' });
  return browserWorker(worker);
}
