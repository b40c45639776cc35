/// <reference lib="webworker" />
// Plan files read and checked off the main thread: this file only exposes the reader
// (src/format/read.ts), hashing with the platform's SHA-256 when it has one (a secure context);
// src/client/import-client.ts decides when to use it.
import * as Comlink from 'comlink';
import { importWorkerApi, type Digest } from '../src/format/read.ts';

const subtle = typeof crypto !== 'undefined' ? crypto.subtle : undefined;
const digest: Digest | null = subtle ? async (text) => new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text))) : null;

Comlink.expose(importWorkerApi(digest));
