/// <reference lib="webworker" />
// The engine in a worker: this file only exposes it (the protocol lives in src/client).
import * as Comlink from 'comlink';
import { createWorkerApi } from '../src/client/worker-host.ts';

Comlink.expose(createWorkerApi());
