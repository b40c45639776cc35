/**
 * The UI's only door to the engine worker. It owns the protocol: every request has an id; a newer
 * request of the same kind supersedes an older one (its result is dropped, never applied); a
 * crash, an error or a timeout rejects every pending call with a readable error, ends the worker
 * and starts a fresh one.
 */
import * as Comlink from 'comlink';
import type { EngineApi } from '../engine/api.ts';
import type { Plan } from '../engine/model/plan.ts';
import type { PlanProblem } from '../engine/projection/program.ts';
import type { PlanResult } from '../engine/projection/result.ts';
import { err, type Result } from '../engine/result.ts';

/** A worker, or anything that talks like one (a Node worker thread in tests). */
export interface EngineWorker {
  endpoint: Comlink.Endpoint;
  terminate(): void;
  /** Registers the callback for an uncaught error or a failed start of the worker. */
  onCrash(callback: (message: string) => void): void;
}

export type ClientError =
  | { code: 'superseded' }
  | { code: 'crashed'; message: string }
  | { code: 'timeout'; ms: number }
  | { code: 'closed' }
  | { code: 'engine'; problem: PlanProblem };

export interface EngineClient {
  /** Computes a plan; only the newest compute's result is delivered, older ones get `superseded`. */
  compute(plan: Plan): Promise<Result<PlanResult, ClientError>>;
  /** How many workers have been started (1 + restarts). */
  readonly generation: number;
  close(): void;
}

export interface EngineClientOptions {
  timeoutMs?: number;
  /** Told when a worker is replaced, with the reason. */
  onRestart?: (reason: ClientError) => void;
}

interface Pending {
  settle: (result: Result<PlanResult, ClientError>) => void;
  timer: ReturnType<typeof setTimeout>;
}

export function createEngineClient(spawn: () => EngineWorker, options: EngineClientOptions = {}): EngineClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  let worker: EngineWorker | null = null;
  let remote: Comlink.Remote<EngineApi> | null = null;
  let generation = 0;
  let closed = false;
  let nextId = 0;
  let latestCompute = -1;
  const pending = new Map<number, Pending>();

  function start(): Comlink.Remote<EngineApi> {
    const started = spawn();
    const startedGeneration = ++generation;
    started.onCrash((message) => {
      // A crash of a worker already replaced is old news.
      if (startedGeneration === generation) restart({ code: 'crashed', message });
    });
    worker = started;
    remote = Comlink.wrap<EngineApi>(started.endpoint);
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
      call.settle(err(reason));
    }
  }

  return {
    get generation() { return generation; },
    compute(plan) {
      if (closed) return Promise.resolve(err({ code: 'closed' }));
      const id = nextId++;
      latestCompute = id;
      const api = remote ?? start();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          if (!pending.has(id)) return;
          restart({ code: 'timeout', ms: timeoutMs });
        }, timeoutMs);
        pending.set(id, { settle: resolve, timer });
        api.compute(plan).then(
          (result) => {
            const call = pending.get(id);
            if (!call) return;
            clearTimeout(call.timer);
            pending.delete(id);
            if (id !== latestCompute) call.settle(err({ code: 'superseded' }));
            else call.settle(result.ok ? result : err({ code: 'engine', problem: result.error }));
          },
          (error: unknown) => {
            // An exception thrown inside the engine is a bug: replace the worker, fail everything.
            if (pending.has(id)) restart({ code: 'crashed', message: error instanceof Error ? error.message : String(error) });
          },
        );
      });
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
  return {
    endpoint: worker,
    terminate: () => worker.terminate(),
    onCrash: (callback) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        callback(event.message || 'worker error');
      });
      worker.addEventListener('messageerror', () => callback('message could not be read'));
    },
  };
}
