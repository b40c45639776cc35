/**
 * The import's file reader (src/client/import-client.ts): large files in a worker, small ones on
 * the main thread, the same answer either way; a worker that crashes or hangs gives an issue,
 * never a hung import, and is ended.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { describe, expect, it } from 'vitest';
import { createImportReader, type ImportWorker } from '../../../src/client/import-client.ts';
import { readPlanFile } from '../../../src/format/read.ts';
import { revisionHash } from '../../../src/format/lineage.ts';

type Fault = 'crash' | 'hang' | undefined;

/** Starts Node worker threads with the given faults, and counts what was started and ended. */
function spawner(fault: Fault = undefined, native = true) {
  const log = { started: 0, ended: 0 };
  const spawn = (): ImportWorker => {
    log.started++;
    const worker = new Worker(new URL('./node-import-worker.mjs', import.meta.url), { workerData: { fault, native } });
    return {
      endpoint: nodeEndpoint(worker),
      terminate: () => {
        log.ended++;
        void worker.terminate();
      },
      onCrash: (callback) => {
        worker.on('error', (error) => callback(error.message));
      },
    };
  };
  return { spawn, log };
}

const example = readFileSync(new URL('../../../public/examples/thanh-hoa-2024.json', import.meta.url), 'utf8');
const hostile = (() => {
  const file = JSON.parse(example) as { plan: { indicators: { targets: { value: unknown }[] }[] } };
  const target = file.plan.indicators[3]?.targets[0];
  if (target) target.value = 'abc';
  return JSON.stringify(file);
})();

describe('reading an import file', () => {
  it('reads a file above the threshold in a worker, with the main thread’s answer, and ends the worker', async () => {
    const { spawn, log } = spawner();
    const read = createImportReader({ spawn, threshold: 1_000 });
    const outcome = await read(example);
    expect(outcome).toEqual(readPlanFile(example));
    expect(outcome.ok && outcome.value.revisionHash).toBe(outcome.ok && revisionHash(outcome.value.file.plan));
    // Refusals too: the same issues, with their paths.
    const refused = await read(hostile);
    expect(refused).toEqual(readPlanFile(hostile));
    expect(refused.ok ? [] : refused.error.map((issue) => issue.path)).toContain('plan.indicators[3].targets[0].value');
    expect(log).toEqual({ started: 2, ended: 2 });
  }, 60_000);

  it('gives the same answer with the portable hash when the platform has no native one', async () => {
    const { spawn } = spawner(undefined, false);
    const read = createImportReader({ spawn, threshold: 0 });
    expect(await read(example)).toEqual(readPlanFile(example));
  }, 60_000);

  it('reads a small file on the main thread without starting a worker', async () => {
    const { spawn, log } = spawner();
    const read = createImportReader({ spawn, threshold: example.length });
    expect(await read(example)).toEqual(readPlanFile(example));
    expect(log.started).toBe(0);
    expect(await createImportReader({ spawn: null, threshold: 0 })(hostile)).toEqual(readPlanFile(hostile));
  });

  it('answers with an internal issue when the worker crashes or runs past its time, and ends it', async () => {
    for (const fault of ['crash', 'hang'] as const) {
      const { spawn, log } = spawner(fault);
      const outcome = await createImportReader({ spawn, threshold: 0, timeoutMs: 3_000 })(example);
      expect(outcome, fault).toEqual({ ok: false, error: [{ path: '', code: 'internal' }] });
      expect(log, fault).toEqual({ started: 1, ended: 1 });
    }
  }, 60_000);

  it('answers with an internal issue when no worker can start', async () => {
    const outcome = await createImportReader({ spawn: () => { throw new Error('no workers here'); }, threshold: 0 })(example);
    expect(outcome).toEqual({ ok: false, error: [{ path: '', code: 'internal' }] });
  });
});
