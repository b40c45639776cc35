/**
 * Reading a plan file for import without blocking the page: a file above `WORKER_THRESHOLD`
 * characters is scanned, parsed, validated and hashed in a worker of its own
 * (workers/import.worker.ts), started for that file and ended after it, so a 10 MB file never
 * freezes typing or scrolling and its memory goes with the worker. Smaller files are read on the
 * main thread, where a worker's start would cost more than the read.
 *
 * The answer is the same either way: `readPlanFile`'s (src/format/read.ts), issues with their
 * paths, worded in the user's language by the caller (`describeIssue`). Nothing is thrown: a
 * worker that crashes, cannot start or runs past `timeoutMs` gives one `internal` issue.
 */
import * as Comlink from 'comlink';
import type { Result } from '../engine/result.ts';
import type { FileIssue } from '../format/issues.ts';
import type { ImportWorkerApi, ReadPlanFile } from '../format/read.ts';
import { browserWorker, type SpawnedWorker } from './spawned-worker.ts';

/** Files longer than this (UTF-16 code units, about bytes for JSON) are read in a worker: 256 Ki. */
export const WORKER_THRESHOLD = 256 * 1024;

/** A worker, or anything that talks like one (a Node worker thread in tests). */
export type ImportWorker = SpawnedWorker;

export interface ImportReaderOptions {
  /** Starts a worker; null reads every file on the main thread (no Worker here). */
  spawn?: (() => ImportWorker) | null;
  threshold?: number;
  timeoutMs?: number;
}

export type ReadOutcome = Result<ReadPlanFile, FileIssue[]>;

const INTERNAL: ReadOutcome = { ok: false, error: [{ path: '', code: 'internal' }] };

export function createImportReader(options: ImportReaderOptions = {}): (text: string) => Promise<ReadOutcome> {
  const spawn = options.spawn === undefined ? (typeof Worker === 'undefined' ? null : spawnBrowserImportWorker) : options.spawn;
  const threshold = options.threshold ?? WORKER_THRESHOLD;
  const timeoutMs = options.timeoutMs ?? 60_000;

  return async (text) => {
    if (spawn === null || text.length <= threshold) {
      const { readPlanFile } = await import('../format/read.ts');
      return readPlanFile(text);
    }
    let worker: ImportWorker;
    try {
      worker = spawn();
    } catch {
      return INTERNAL;
    }
    const remote = Comlink.wrap<ImportWorkerApi>(worker.endpoint);
    try {
      return await new Promise<ReadOutcome>((resolve) => {
        const timer = setTimeout(() => resolve(INTERNAL), timeoutMs);
        worker.onCrash(() => {
          clearTimeout(timer);
          resolve(INTERNAL);
        });
        remote.read(text).then(
          (outcome) => {
            clearTimeout(timer);
            resolve(outcome);
          },
          () => {
            clearTimeout(timer);
            resolve(INTERNAL);
          },
        );
      });
    } finally {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    }
  };
}

/** The browser's import worker. */
export function spawnBrowserImportWorker(): ImportWorker {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'chitieu-import' });
  return browserWorker(worker);
}

/** The app's reader: a worker for large files when the browser has workers. */
export const readImportFile = createImportReader();
