import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient, type EngineWorker } from '../../src/client/engine-client.ts';
import { createEngineApi } from '../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { patchOf } from '../../src/client/result-delta.ts';

type Fault = 'crash' | 'hang' | 'throw' | undefined;

function spawner(faults: Fault[]): () => EngineWorker {
  let started = 0;
  return () => {
    const fault = faults[started++];
    const worker = new Worker(new URL('./node-engine-worker.mjs', import.meta.url), { workerData: { fault } });
    return {
      endpoint: nodeEndpoint(worker),
      terminate: () => void worker.terminate(),
      onCrash: (callback) => {
        worker.on('error', (error) => callback(error.message));
      },
    };
  };
}

function plan(revenue: number): Plan {
  return makePlan({
    name: 'p',
    revision: revenue,
    calendar: { periodicity: 'year', start: '2023', end: '2030' },
    indicators: [
      makeIndicator({ id: 'revenue', actuals: { '2023': revenue }, projection: { method: 'growth', rate: 0.05 } }),
      makeIndicator({ id: 'double', projection: { method: 'formula', formula: 'revenue * 2' } }),
    ],
  });
}

let client: EngineClient | null = null;
afterEach(() => { client?.close(); client = null; });

describe('the engine client', () => {
  it('computes in the worker and receives the values as buffers', async () => {
    client = createEngineClient(spawner([undefined]));
    const result = await client.compute(plan(100));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.values).toBeInstanceOf(Float64Array);
    expect(result.value.values[8 + 1]).toBeCloseTo(210, 10);
  });

  it('delivers only the newest of overlapping requests; older ones are superseded', async () => {
    client = createEngineClient(spawner([undefined]));
    const calls = [1, 2, 3, 4, 5].map((n) => client!.compute(plan(n)));
    const results = await Promise.all(calls);
    expect(results.slice(0, 4).every((r) => !r.ok && r.error.code === 'superseded')).toBe(true);
    const last = results[4];
    expect(last?.ok && last.value.revision).toBe(5);
  });

  it('rejects every pending call with a readable error when the worker crashes, then starts a fresh one', async () => {
    const restarts: string[] = [];
    client = createEngineClient(spawner(['crash', undefined]), { onRestart: (reason) => restarts.push(reason.code) });
    const started = Date.now();
    const crashed = await client.compute(plan(1));
    expect(crashed).toMatchObject({ ok: false, error: { code: 'crashed', message: expect.stringContaining('injected crash') } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(restarts).toEqual(['crashed']);
    const again = await client.compute(plan(2));
    expect(again.ok).toBe(true);
    expect(client.generation).toBe(2);
  });

  it('treats an exception escaping the engine as a crash and recovers', async () => {
    client = createEngineClient(spawner(['throw', undefined]));
    expect(await client.compute(plan(1))).toMatchObject({ ok: false, error: { code: 'crashed', message: expect.stringContaining('injected engine bug') } });
    expect((await client.compute(plan(1))).ok).toBe(true);
  });

  it('ends a runaway computation after the time limit and restores a working worker', async () => {
    client = createEngineClient(spawner(['hang', undefined]), { timeoutMs: 1_500 });
    expect(await client.compute(plan(1))).toMatchObject({ ok: false, error: { code: 'timeout', ms: 1_500 } });
    expect((await client.compute(plan(3))).ok).toBe(true);
  });

  it('simulates in batches with progress, cancels on request, and reproduces a run with the same seed', async () => {
    client = createEngineClient(spawner([undefined]));
    const ranged = makePlan({
      name: 'ranged',
      calendar: { periodicity: 'year', start: '2023', end: '2030' },
      indicators: [
        makeIndicator({ id: 'revenue', actuals: { '2023': 100 }, projection: { method: 'growth', rate: 0.05 }, range: { distribution: 'triangular', of: 'rate', low: 0, likely: 0.05, high: 0.1 }, targets: [{ period: '2026', value: 115, direction: 'atLeast' }] }),
        makeIndicator({ id: 'double', projection: { method: 'formula', formula: 'revenue * 2' } }),
      ],
    });
    const progress: number[] = [];
    const first = await client.simulate(ranged, { trials: 20_000, seed: 7 }, (done) => progress.push(done));
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((done, i) => done <= 20_000 && (i === 0 || done > (progress[i - 1] ?? 0)))).toBe(true);
    // Progress travels on its own port and may land after the result: a settled run's report is
    // dropped, since the caller may already be acting on its next run (as the cancel below does).
    const heard = progress.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(progress.length).toBe(heard);
    const probability = first.value.targets[0]?.probability ?? NaN;
    expect(probability).toBeGreaterThan(0.3);
    expect(probability).toBeLessThan(0.9);

    const cancelled = client.simulate(ranged, { trials: 100_000, seed: 7 }, (done) => { if (done > 0) client?.cancelSimulation(); });
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'engine', problem: { code: 'cancelled' } } });

    const again = await client.simulate(ranged, { trials: 20_000, seed: 7 });
    expect(again.ok && again.value.targets[0]?.probability).toBe(probability);
    expect(again.ok && Array.from(again.value.values)).toEqual(Array.from(first.value.values));
  });

  it('computes an edit from the command alone when the worker holds the plan, and from the whole plan when not', async () => {
    client = createEngineClient(spawner([undefined, undefined]));
    const base = plan(100);
    const first = await client.compute(base);
    expect(first.ok).toBe(true);
    const { applyCommand } = await import('../../src/engine/commands/index.ts');
    let current = base;
    for (let i = 0; i < 5; i++) {
      const command = { type: 'setActual' as const, indicator: 'revenue', period: '2023', value: 100 + i * 7 };
      const now = `2026-01-0${i + 1}T00:00:00.000Z`;
      const applied = applyCommand(current, command, now);
      if (!applied.ok) throw new Error('apply');
      const edited = await client.computeEdit(current, command, now, applied.value.plan);
      const fresh = createEngineApi().compute(applied.value.plan);
      if (!edited.ok || !fresh.ok) throw new Error('compute');
      expect(Array.from(edited.value.values)).toEqual(Array.from(fresh.value.values));
      expect(edited.value.revision).toBe(applied.value.plan.revision);
      current = applied.value.plan;
    }
    // A plan the worker never saw: it is sent whole, with the same answer.
    const other = plan(42);
    const command = { type: 'setActual' as const, indicator: 'revenue', period: '2024', value: 50 };
    const applied = applyCommand(other, command, '2026-02-01T00:00:00.000Z');
    if (!applied.ok) throw new Error('apply');
    const edited = await client.computeEdit(other, command, '2026-02-01T00:00:00.000Z', applied.value.plan);
    const fresh = createEngineApi().compute(applied.value.plan);
    expect(edited.ok && Array.from(edited.value.values)).toEqual(fresh.ok && Array.from(fresh.value.values));
  });

  it('answers an edit over the result shown with the rows that changed, and whole over a result of an earlier worker', async () => {
    client = createEngineClient(spawner(['throw', undefined]));
    const { applyCommand } = await import('../../src/engine/commands/index.ts');
    const edit = async (current: Plan, value: number, shown: import('../../src/engine/projection/result.ts').PlanResult | null) => {
      const command = { type: 'setActual' as const, indicator: 'revenue', period: '2024', value };
      const applied = applyCommand(current, command, '2026-03-01T00:00:00.000Z');
      if (!applied.ok || !client) throw new Error('apply');
      const edited = await client.computeEdit(current, command, '2026-03-01T00:00:00.000Z', applied.value.plan, null, shown);
      const fresh = createEngineApi().compute(applied.value.plan);
      if (!edited.ok || !fresh.ok) throw new Error('compute');
      expect(Array.from(edited.value.values)).toEqual(Array.from(fresh.value.values));
      expect(edited.value.indicators).toEqual(fresh.value.indicators);
      return { plan: applied.value.plan, result: edited.value };
    };
    // The first worker: the first edit comes back whole (nothing shown), the next over it.
    const a1 = await edit(plan(100), 110, null);
    expect(patchOf(a1.result)).toBeUndefined();
    const a2 = await edit(a1.plan, 120, a1.result);
    expect(patchOf(a2.result)?.from).toBe(a1.result);
    // That worker dies; the next one numbers its answers from the start again.
    expect((await client.compute(a2.plan)).ok).toBe(false);
    const b1 = await edit(plan(300), 310, null);
    const b2 = await edit(b1.plan, 320, b1.result);
    expect(patchOf(b2.result)?.from).toBe(b1.result);
    // A result of the first worker, whatever its number, is never a base for the second one.
    const mixed = await edit(b2.plan, 330, a2.result);
    expect(patchOf(mixed.result)).toBeUndefined();
  });

  it('after a burst of edits at random gaps, applies only the newest result, which equals a fresh compute', async () => {
    client = createEngineClient(spawner([undefined]));
    const applied: number[] = [];
    const pending: Promise<unknown>[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let edit = 1; edit <= 200; edit++) {
      pending.push(client.compute(plan(edit)).then((r) => { if (r.ok) applied.push(r.value.revision); }));
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
    }
    await Promise.all(pending);
    expect(applied.at(-1)).toBe(200);
    expect([...applied].sort((a, b) => a - b)).toEqual(applied);
    const final = await client.compute(plan(200));
    const fresh = createEngineApi().compute(plan(200));
    if (!final.ok || !fresh.ok) throw new Error('compute failed');
    expect(Array.from(final.value.values)).toEqual(Array.from(fresh.value.values));
  });
});
