/**
 * The behaviour every PlanRepository must have, written once and run against each implementation
 * (IndexedDB through Dexie, and the in-memory fallback) by repository.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { err, ok, type Result } from '../../src/engine/result.ts';
import type { TableName } from '../../src/storage/database.ts';
import type { StorageError } from '../../src/storage/errors.ts';
import type { PlanRepository, PlanRepositoryOptions, StorageManagerLike } from '../../src/storage/types.ts';

export interface Harness {
  repo: PlanRepository;
  /** The next write (`put`) or `delete` on that table throws `error`, mid-transaction. */
  failNext(table: TableName, op: 'write' | 'delete', error: unknown): void;
  /** The stored row, read around the repository. */
  raw(table: TableName, key: string): Promise<unknown>;
  /** Another repository over the same data: the next start of the app. */
  reopen(options?: PlanRepositoryOptions): PlanRepository;
  dispose(): Promise<void>;
}

export type MakeHarness = (options?: PlanRepositoryOptions) => Promise<Harness>;

export function plan(id: string, fields: Partial<Plan> = {}): Plan {
  return makePlan(
    {
      id,
      name: `Plan ${id}`,
      indicators: [
        makeIndicator({ id: 'gdp', actuals: { '2024': 100 }, projection: { method: 'growth', rate: 0.06 } }),
        makeIndicator({ id: 'pop', actuals: { '2024': 10 } }),
      ],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...fields,
    },
    new Date('2025-01-01T00:00:00.000Z'),
  );
}

/** What a command does to a plan: a new object, the next revision. */
export function edited(p: Plan, name: string, at = '2025-02-01T00:00:00.000Z'): Plan {
  return { ...p, name, updatedAt: at, revision: p.revision + 1 };
}

export function expectError<T>(result: Result<T, unknown>, kind: string): void {
  expect(result.ok, `expected a ${kind} error, got ${JSON.stringify(result)}`).toBe(false);
  if (!result.ok) expect((result.error as { kind: string }).kind).toBe(kind);
}

function value<T, E>(result: Result<T, E>): T {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.value;
}

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Dexie's shape of a quota failure that aborted a transaction: an AbortError wrapping it. */
function abortWithQuota(): Error {
  const e = new Error('Transaction aborted') as Error & { inner: unknown };
  e.name = 'AbortError';
  e.inner = quota();
  return e;
}

const bytes = (row: unknown) => JSON.stringify(row);

const rejectNamed = (name: string) => (v: unknown): Result<Plan, unknown[]> =>
  (v as Plan).name === name ? err([{ path: ['name'], message: 'rejected by test validator' }]) : ok(v as Plan);

export function repositoryContract(label: string, make: MakeHarness, durable: boolean): void {
  describe(`${label}: PlanRepository behaviour`, () => {
    let h: Harness;
    const open = async (options?: PlanRepositoryOptions) => {
      h = await make({ storageManager: null, ...options });
      return h.repo;
    };
    afterEach(async () => {
      vi.restoreAllMocks();
      await h?.dispose();
    });

    describe('create, list, get, save', () => {
      it('returns a created plan unchanged from getPlan', async () => {
        const repo = await open();
        const p = plan('a');
        expect(await repo.createPlan(p)).toEqual(ok(undefined));
        expect(await repo.getPlan('a')).toEqual(ok(p));
      });

      it('lists summaries newest first, with indicator counts', async () => {
        const repo = await open();
        await repo.createPlan(plan('old', { updatedAt: '2024-05-01T00:00:00.000Z' }));
        await repo.createPlan(plan('new', { updatedAt: '2025-06-01T00:00:00.000Z', indicators: [] }));
        await repo.createPlan(plan('mid', { updatedAt: '2025-01-01T07:00:00+07:00' }));
        const list = value(await repo.listPlans());
        expect(list.map((s) => s.id)).toEqual(['new', 'mid', 'old']);
        expect(list[0]).toEqual({ id: 'new', name: 'Plan new', updatedAt: '2025-06-01T00:00:00.000Z', revision: 0, indicatorCount: 0 });
        expect(list[2]?.indicatorCount).toBe(2);
      });

      it('lists nothing on an empty database', async () => {
        const repo = await open();
        expect(await repo.listPlans()).toEqual(ok([]));
      });

      it('returns notFound for an unknown id', async () => {
        const repo = await open();
        expectError(await repo.getPlan('nope'), 'notFound');
      });

      it('saves an edit based on the stored revision', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const next = edited(p, 'Renamed');
        expect(await repo.savePlan(next, { expectedRevision: p.revision })).toEqual(ok(undefined));
        expect(await repo.getPlan('a')).toEqual(ok(next));
        const again = edited(next, 'Again');
        expect(await repo.savePlan(again, { expectedRevision: next.revision })).toEqual(ok(undefined));
        expect(value(await repo.getPlan('a')).revision).toBe(2);
      });

      it('applies saves issued back to back, without awaiting, in the order they were made', async () => {
        const repo = await open();
        const p0 = plan('a');
        await repo.createPlan(p0);
        const p1 = edited(p0, 'one');
        const p2 = edited(p1, 'two');
        const p3 = edited(p2, 'three');
        const results = await Promise.all([
          repo.savePlan(p1, { expectedRevision: 0 }),
          repo.savePlan(p2, { expectedRevision: 1 }),
          repo.savePlan(p3, { expectedRevision: 2 }),
        ]);
        expect(results).toEqual([ok(undefined), ok(undefined), ok(undefined)]);
        expect(await repo.getPlan('a')).toEqual(ok(p3));
      });

      it('stores a copy: mutating the saved object afterwards changes nothing stored', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        p.name = 'mutated after create';
        expect(value(await repo.getPlan('a')).name).toBe('Plan a');
      });

      it('refuses a save based on a stale revision and leaves the stored plan byte-identical', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        // Another tab saved revision 1 first.
        await repo.savePlan(edited(p, 'Other tab'), { expectedRevision: 0 });
        const before = bytes(await h.raw('plans', 'a'));

        const mine = edited(p, 'This tab');
        const result = await repo.savePlan(mine, { expectedRevision: 0 });
        expectError(result, 'conflict');
        if (!result.ok && result.error.kind === 'conflict') {
          expect(result.error.expectedRevision).toBe(0);
          expect(result.error.storedRevision).toBe(1);
        }
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
      });

      it('refuses to save a plan that is not stored (deleted elsewhere) and creates nothing', async () => {
        const repo = await open();
        expectError(await repo.savePlan(plan('ghost'), { expectedRevision: 0 }), 'notFound');
        expectError(await repo.savePlan(plan('ghost')), 'notFound');
        expect(await h.raw('plans', 'ghost')).toBeUndefined();
      });

      it('overwrites without a revision check only when no expectedRevision is given', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        await repo.savePlan(edited(p, 'First'));
        const blind = edited(p, 'Blind');
        expect(await repo.savePlan(blind)).toEqual(ok(undefined));
        expect(value(await repo.getPlan('a')).name).toBe('Blind');
      });

      it('never lets createPlan overwrite an existing plan', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const before = bytes(await h.raw('plans', 'a'));
        expectError(await repo.createPlan(plan('a', { name: 'Impostor' })), 'conflict');
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
      });

      it('validates created plans with the injected validator and writes nothing when invalid', async () => {
        const repo = await open({ validate: rejectNamed('bad') });
        const result = await repo.createPlan(plan('a', { name: 'bad' }));
        expectError(result, 'invalid');
        if (!result.ok && result.error.kind === 'invalid') expect(result.error.issues).toHaveLength(1);
        expect(await h.raw('plans', 'a')).toBeUndefined();
      });

      it('reports a stored plan the validator rejects as invalid instead of returning it', async () => {
        const repo = await open();
        await repo.createPlan(plan('a', { name: 'bad' }));
        const checking = h.reopen({ validate: rejectNamed('bad') });
        expectError(await checking.getPlan('a'), 'invalid');
      });
    });

    describe('delete, trash, restore', () => {
      it('moves a deleted plan to the trash and restores it unchanged', async () => {
        const repo = await open({ now: () => new Date('2025-03-01T00:00:00.000Z') });
        const p = plan('a');
        await repo.createPlan(p);
        expect(await repo.deletePlan('a')).toEqual(ok(undefined));
        expectError(await repo.getPlan('a'), 'notFound');
        expect(value(await repo.listPlans())).toEqual([]);
        expect(value(await repo.listTrash())).toEqual([
          { id: 'a', name: 'Plan a', updatedAt: p.updatedAt, revision: 0, indicatorCount: 2, deletedAt: '2025-03-01T00:00:00.000Z' },
        ]);

        expect(await repo.restorePlan('a')).toEqual(ok(p));
        expect(await repo.getPlan('a')).toEqual(ok(p));
        expect(value(await repo.listTrash())).toEqual([]);
      });

      it('returns notFound when deleting or restoring what is not there', async () => {
        const repo = await open();
        expectError(await repo.deletePlan('nope'), 'notFound');
        expectError(await repo.restorePlan('nope'), 'notFound');
      });

      it('refuses to restore over a plan that exists again, leaving both intact', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        await repo.deletePlan('a');
        await repo.createPlan(plan('a', { name: 'Second life' }));
        const live = bytes(await h.raw('plans', 'a'));
        const trashed = bytes(await h.raw('trash', 'a'));
        expectError(await repo.restorePlan('a'), 'conflict');
        expect(bytes(await h.raw('plans', 'a'))).toBe(live);
        expect(bytes(await h.raw('trash', 'a'))).toBe(trashed);
      });

      it('empties the trash of plans deleted before a date, or all of it', async () => {
        let clock = new Date('2025-01-10T00:00:00.000Z');
        const repo = await open({ now: () => clock });
        for (const id of ['a', 'b', 'c']) await repo.createPlan(plan(id));
        await repo.deletePlan('a');
        clock = new Date('2025-02-10T00:00:00.000Z');
        await repo.deletePlan('b');
        clock = new Date('2025-03-10T00:00:00.000Z');
        await repo.deletePlan('c');

        expect(await repo.emptyTrash(new Date('2025-03-01T00:00:00.000Z'))).toEqual(ok(2));
        expect(value(await repo.listTrash()).map((t) => t.id)).toEqual(['c']);
        expect(await repo.emptyTrash()).toEqual(ok(1));
        expect(value(await repo.listTrash())).toEqual([]);
        expectError(await repo.restorePlan('a'), 'notFound');
      });

      it('deletes all or nothing: a failure after the trash write leaves the plan where it was', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        const before = bytes(await h.raw('plans', 'a'));
        h.failNext('plans', 'delete', new Error('injected failure'));
        expectError(await repo.deletePlan('a'), 'unknown');
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
        expect(await h.raw('trash', 'a')).toBeUndefined();
        // And the next attempt works.
        expect(await repo.deletePlan('a')).toEqual(ok(undefined));
      });

      it('deletes all or nothing: a failure writing the trash deletes nothing', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        h.failNext('trash', 'write', new Error('injected failure'));
        expectError(await repo.deletePlan('a'), 'unknown');
        expect(await repo.getPlan('a')).toEqual(ok(plan('a')));
        expect(await h.raw('trash', 'a')).toBeUndefined();
      });

      it('restores all or nothing: a failure after the plan write leaves it in the trash only', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        await repo.deletePlan('a');
        const trashed = bytes(await h.raw('trash', 'a'));
        h.failNext('trash', 'delete', new Error('injected failure'));
        expectError(await repo.restorePlan('a'), 'unknown');
        expect(await h.raw('plans', 'a')).toBeUndefined();
        expect(bytes(await h.raw('trash', 'a'))).toBe(trashed);
      });
    });

    describe('quota', () => {
      it('returns quota when a put throws QuotaExceededError, keeps the previous plan, and saves again later', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const before = bytes(await h.raw('plans', 'a'));
        h.failNext('plans', 'write', quota());
        expectError(await repo.savePlan(edited(p, 'Too big'), { expectedRevision: 0 }), 'quota');
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
        // Space freed: saving resumes with the same edit.
        expect(await repo.savePlan(edited(p, 'Too big'), { expectedRevision: 0 })).toEqual(ok(undefined));
      });

      it("returns quota for Dexie's AbortError wrapping a QuotaExceededError", async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const before = bytes(await h.raw('plans', 'a'));
        h.failNext('plans', 'write', abortWithQuota());
        expectError(await repo.savePlan(edited(p, 'Too big'), { expectedRevision: 0 }), 'quota');
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
      });

      it('returns quota from createPlan and stores nothing', async () => {
        const repo = await open();
        h.failNext('plans', 'write', quota());
        expectError(await repo.createPlan(plan('a')), 'quota');
        expect(await h.raw('plans', 'a')).toBeUndefined();
      });
    });

    describe('first-run seeding', () => {
      it('seeds the example once and never again, even after the user deletes it', async () => {
        const repo = await open();
        const loader = vi.fn(async () => plan('example'));
        expect(await repo.seedIfFirstRun(loader)).toEqual(ok({ seeded: true, planId: 'example' }));
        expect(await repo.getPlan('example')).toEqual(ok(plan('example')));

        expect(await repo.seedIfFirstRun(loader)).toEqual(ok({ seeded: false }));
        await repo.deletePlan('example');
        await repo.emptyTrash();
        expect(await repo.seedIfFirstRun(loader)).toEqual(ok({ seeded: false }));
        expect(await h.reopen().seedIfFirstRun(loader)).toEqual(ok({ seeded: false }));
        expect(value(await repo.listPlans())).toEqual([]);
        expect(loader).toHaveBeenCalledTimes(1);
      });

      it('never seeds over existing data, and does not even load the example', async () => {
        const repo = await open();
        await repo.createPlan(plan('mine'));
        const before = bytes(await h.raw('plans', 'mine'));
        const loader = vi.fn(async () => plan('mine', { name: 'Example with a clashing id' }));
        expect(await repo.seedIfFirstRun(loader)).toEqual(ok({ seeded: false }));
        expect(loader).not.toHaveBeenCalled();
        expect(bytes(await h.raw('plans', 'mine'))).toBe(before);
        expect(value(await repo.listPlans()).map((s) => s.id)).toEqual(['mine']);
      });

      it('writes nothing when the example fails to load, and tries again next start', async () => {
        const repo = await open();
        const failure = new Error('network down');
        const result = await repo.seedIfFirstRun(async () => {
          throw failure;
        });
        expectError(result, 'exampleFailed');
        if (!result.ok && result.error.kind === 'exampleFailed') expect(result.error.cause).toBe(failure);
        expect(value(await repo.listPlans())).toEqual([]);
        expect(await h.raw('settings', 'seeded')).toBeUndefined();

        expect(await h.reopen().seedIfFirstRun(async () => plan('example'))).toEqual(ok({ seeded: true, planId: 'example' }));
      });

      it('writes nothing when the example is invalid', async () => {
        const repo = await open({ validate: rejectNamed('bad') });
        expectError(await repo.seedIfFirstRun(async () => plan('example', { name: 'bad' })), 'invalid');
        expect(value(await repo.listPlans())).toEqual([]);
        expect(await h.raw('settings', 'seeded')).toBeUndefined();
      });

      it('inserts the example and its flag together: a failing flag write leaves no example', async () => {
        const repo = await open();
        h.failNext('settings', 'write', quota());
        expectError(await repo.seedIfFirstRun(async () => plan('example')), 'quota');
        expect(await h.raw('plans', 'example')).toBeUndefined();
        expect(await h.raw('settings', 'seeded')).toBeUndefined();
      });
    });

    describe('settings', () => {
      it('round-trips values and returns undefined for unknown keys', async () => {
        const repo = await open();
        expect(await repo.getSetting('language')).toEqual(ok(undefined));
        expect(await repo.setSetting('language', 'en')).toEqual(ok(undefined));
        expect(await repo.getSetting<string>('language')).toEqual(ok('en'));
        await repo.setSetting('language', 'vi');
        expect(await h.reopen().getSetting('language')).toEqual(ok('vi'));
      });
    });

    describe('watching', () => {
      it('calls watchPlans back with the list now and after a save', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const seen: Result<unknown, StorageError>[] = [];
        const stop = repo.watchPlans((r) => seen.push(r));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([expect.objectContaining({ id: 'a', name: 'Plan a' })])));
        await repo.savePlan(edited(p, 'Renamed'), { expectedRevision: 0 });
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([expect.objectContaining({ id: 'a', name: 'Renamed', revision: 1 })])));
        await repo.createPlan(plan('b', { updatedAt: '2026-01-01T00:00:00.000Z' }));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([expect.objectContaining({ id: 'b' }), expect.objectContaining({ id: 'a' })])));
        stop();
      });

      it('calls watchPlan back after a save, and with notFound once the plan is deleted', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const seen: Result<Plan, StorageError>[] = [];
        const stop = repo.watchPlan('a', (r) => seen.push(r));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(p)));
        const next = edited(p, 'Renamed');
        await repo.savePlan(next, { expectedRevision: 0 });
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(next)));
        await repo.deletePlan('a');
        await vi.waitFor(() => expectError(seen.at(-1) as Result<Plan, StorageError>, 'notFound'));
        stop();
      });

      it('stops calling back after unsubscribe', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const seen: unknown[] = [];
        const stop = repo.watchPlans((r) => seen.push(r));
        await vi.waitFor(() => expect(seen).toHaveLength(1));
        stop();
        await repo.savePlan(edited(p, 'Renamed'), { expectedRevision: 0 });
        await repo.listPlans();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen).toHaveLength(1);
      });
    });

    describe('persistent storage', () => {
      const manager = (answer: boolean) => ({ persist: vi.fn(async () => answer) }) satisfies StorageManagerLike;

      it(durable ? 'asks once, on the first real save, and records the answer' : 'never asks in memory mode', async () => {
        const m = manager(true);
        const repo = await open({ storageManager: m });
        const p = plan('a');
        expect(await repo.seedIfFirstRun(async () => plan('example'))).toEqual(ok({ seeded: true, planId: 'example' }));
        expect(m.persist).not.toHaveBeenCalled();

        await repo.createPlan(p);
        await repo.savePlan(edited(p, 'x'), { expectedRevision: 0 });
        const state = value(await repo.requestPersistence());
        expect(state.status).toBe(durable ? 'granted' : 'unsupported');
        expect(m.persist).toHaveBeenCalledTimes(durable ? 1 : 0);
        expect(await repo.getSetting('persistence')).toEqual(ok(state));

        // The next start does not ask again.
        const later = h.reopen({ storageManager: m });
        expect(await later.requestPersistence()).toEqual(ok(state));
        expect(m.persist).toHaveBeenCalledTimes(durable ? 1 : 0);
      });

      it('records a refusal so the UI can remind the user to export', async () => {
        const repo = await open({ storageManager: manager(false) });
        const state = value(await repo.requestPersistence());
        expect(state.status).toBe(durable ? 'denied' : 'unsupported');
        expect(await repo.getSetting('persistence')).toEqual(ok(state));
      });

      it('reports "unsupported" without a storage manager or without persist()', async () => {
        expect(value(await (await open({ storageManager: null })).requestPersistence()).status).toBe('unsupported');
        await h.dispose();
        expect(value(await (await open({ storageManager: {} })).requestPersistence()).status).toBe('unsupported');
      });
    });
  });
}
