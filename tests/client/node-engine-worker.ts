// The engine behind Comlink in a Node worker thread, with faults the test can switch on: the
// client and the worker host under test are the real ones; only the thread's host differs.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createWorkerApi, type WorkerApi } from '../../src/client/worker-host.ts';

const fault = (workerData as { fault?: 'crash' | 'hang' | 'throw' } | undefined)?.fault;
const host = createWorkerApi();

const exposed: WorkerApi = {
  ...host,
  compute(plan) {
    if (fault === 'crash') {
      setTimeout(() => { throw new Error('injected crash'); }, 0);
      return new Promise(() => {}) as never;
    }
    if (fault === 'throw') throw new Error('injected engine bug');
    if (fault === 'hang') for (;;) { /* a runaway computation */ }
    return host.compute(plan);
  },
};

if (!parentPort) throw new Error('not a worker');
Comlink.expose(exposed, nodeEndpoint(parentPort));
