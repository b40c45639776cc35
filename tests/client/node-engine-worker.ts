// The engine behind Comlink in a Node worker thread, with faults the test can switch on: the
// client under test is the real one; only the worker's host differs from the browser's.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngineApi, type EngineApi } from '../../src/engine/api.ts';

const fault = (workerData as { fault?: 'crash' | 'hang' | 'throw' } | undefined)?.fault;
const engine = createEngineApi();

const exposed: EngineApi = {
  compute(plan) {
    if (fault === 'crash') setTimeout(() => { throw new Error('injected crash'); }, 0);
    if (fault === 'throw') throw new Error('injected engine bug');
    if (fault === 'hang') for (;;) { /* a runaway computation */ }
    if (fault === 'crash') return new Promise(() => {}) as never;
    const result = engine.compute(plan);
    return result.ok ? Comlink.transfer(result, [result.value.values.buffer, result.value.isActual.buffer]) : result;
  },
  goalSeek: (plan, request) => engine.goalSeek(plan, request),
};

if (!parentPort) throw new Error('not a worker');
Comlink.expose(exposed, nodeEndpoint(parentPort));
