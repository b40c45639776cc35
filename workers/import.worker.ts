/// <reference lib="webworker" />
// Plan files read and checked off the main thread: this file only exposes the reader
// (src/format/read.ts); src/client/import-client.ts decides when to use it.
import * as Comlink from 'comlink';
import { importWorkerApi } from '../src/format/read.ts';

Comlink.expose(importWorkerApi);
