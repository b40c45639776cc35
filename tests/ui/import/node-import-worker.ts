// The import reader behind Comlink in a Node worker thread, with faults the test can switch on:
// the reader is the one workers/import.worker.ts exposes; only the thread's host differs.
import { parentPort, workerData } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { importWorkerApi, type ImportWorkerApi } from '../../../src/format/read.ts';

const data = workerData as { fault?: 'crash' | 'hang'; native?: boolean } | undefined;
const fault = data?.fault;
// Node's WebCrypto, as a browser worker's `crypto.subtle`; or the portable hash.
const reader = importWorkerApi(data?.native ? async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))) : null);

const exposed: ImportWorkerApi = {
  read(text) {
    if (fault === 'crash') {
      setTimeout(() => { throw new Error('injected crash'); }, 0);
      return new Promise(() => {}) as never;
    }
    if (fault === 'hang') for (;;) { /* a reader that never ends */ }
    return reader.read(text);
  },
};

if (!parentPort) throw new Error('not a worker');
Comlink.expose(exposed, nodeEndpoint(parentPort));
