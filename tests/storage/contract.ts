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
import {
  HISTORY_LIMIT,
  SETTING_LAST_EXPORT,
  SHARED_REVISIONS_KEPT,
  SNAPSHOT_NAME_LIMIT,
  type HistoryEntry,
  type PlanHistory,
  type PlanRepository,
  type PlanRepositoryOptions,
  type StorageManagerLike,
} from '../../src/storage/types.ts';

/** Every table of the current schema. */
export const TABLES: readonly TableName[] = ['plans', 'trash', 'settings', 'snapshots', 'snapshotPlans', 'history', 'planSummaries', 'lineage', 'sharedRevisions'];

export interface Harness {
  repo: PlanRepository;
  /** How many rows a table holds, counted around the repository. */
  count(table: TableName): Promise<number>;
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

/** An undo entry as the UI keeps it. */
const entry = (label: string): HistoryEntry => ({ command: { type: 'renamePlan', name: label }, label });

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

      it('does not validate again a plan it wrote itself (validated on the way in, or made by commands)', async () => {
        // Plans an older version wrote are validated when read: tests/storage/upgrade.test.ts.
        const repo = await open();
        await repo.createPlan(plan('a', { name: 'bad' }));
        const validate = vi.fn(rejectNamed('bad'));
        const checking = h.reopen({ validate });
        expect(value(await checking.getPlan('a')).name).toBe('bad');
        expect(validate).not.toHaveBeenCalled();
      });

      it('validates a created plan unless the caller says it just did', async () => {
        const validate = vi.fn(rejectNamed('bad'));
        const repo = await open({ validate });
        expectError(await repo.createPlan(plan('a', { name: 'bad' })), 'invalid');
        expect(await repo.createPlan(plan('b', { name: 'bad' }), { checked: true })).toEqual(ok(undefined));
        expect(validate).toHaveBeenCalledTimes(1);
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

      it('hands its own save back to watchPlan without reading the plan, and reads another writer’s', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const seen: Result<Plan, StorageError>[] = [];
        const stop = repo.watchPlan('a', (r) => seen.push(r));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(p)));
        const next = edited(p, 'Renamed');
        await repo.savePlan(next, { expectedRevision: 0 });
        // The very object saved: nothing was read back.
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(next)));
        expect((seen.at(-1) as { value: Plan }).value).toBe(next);
        if (durable) {
          // Another tab's save (another connection): read from storage, a copy.
          const other = h.reopen();
          const theirs = edited(next, 'From the other tab', '2025-03-01T00:00:00.000Z');
          await other.savePlan(theirs, { expectedRevision: 1 });
          await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(theirs)));
          expect((seen.at(-1) as { value: Plan }).value).not.toBe(theirs);
        }
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

    describe('snapshots', () => {
      const at = (iso: string) => () => new Date(iso);

      it('keeps the stored plan under a name, listed newest first with what a list shows', async () => {
        let clock = new Date('2025-01-02T03:00:00.000Z');
        const repo = await open({ now: () => clock });
        const p = plan('a');
        await repo.createPlan(p);
        const first = value(await repo.createSnapshot('a', '  gửi Sở, 02/01  '));
        expect(first).toEqual({
          id: expect.any(String),
          planId: 'a',
          name: 'gửi Sở, 02/01',
          kind: 'manual',
          createdAt: '2025-01-02T03:00:00.000Z',
          revision: 0,
          indicatorCount: 2,
        });
        const next = edited(p, 'Renamed');
        await repo.savePlan(next, { expectedRevision: 0 });
        clock = new Date('2025-01-03T00:00:00.000Z');
        const second = value(await repo.createSnapshot('a', 'sau khi đổi tên'));
        expect(value(await repo.listSnapshots('a'))).toEqual([second, first]);
        // Each keeps the plan as it was, whatever happens to the plan afterwards.
        await repo.savePlan(edited(next, 'Later'), { expectedRevision: 1 });
        expect(await repo.getSnapshot(first.id)).toEqual(ok({ ...first, plan: p }));
        expect(await repo.getSnapshot(second.id)).toEqual(ok({ ...second, plan: next }));
        // And they survive the next start.
        expect(await h.reopen().listSnapshots('a')).toEqual(ok([second, first]));
      });

      it("lists only the plan's own snapshots, and none for a plan without any", async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        await repo.createPlan(plan('b'));
        const mine = value(await repo.createSnapshot('a', 'a1'));
        await repo.createSnapshot('b', 'b1');
        expect(value(await repo.listSnapshots('a'))).toEqual([mine]);
        expect(await repo.listSnapshots('nope')).toEqual(ok([]));
      });

      it('refuses a blank name and cuts a long one, writing nothing for the refusal', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        expectError(await repo.createSnapshot('a', '   '), 'invalid');
        expect(await h.count('snapshots')).toBe(0);
        expect(await h.count('snapshotPlans')).toBe(0);
        const long = value(await repo.createSnapshot('a', 'x'.repeat(SNAPSHOT_NAME_LIMIT + 50)));
        expect(long.name).toBe('x'.repeat(SNAPSHOT_NAME_LIMIT));
      });

      it('returns notFound for a plan that is not stored, and writes nothing', async () => {
        const repo = await open();
        expectError(await repo.createSnapshot('ghost', 'x'), 'notFound');
        expect(await h.count('snapshots')).toBe(0);
        expectError(await repo.getSnapshot('nope'), 'notFound');
        expectError(await repo.deleteSnapshot('nope'), 'notFound');
      });

      it('creates all or nothing: a failure writing the plan copy leaves no summary behind', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        h.failNext('snapshotPlans', 'write', quota());
        expectError(await repo.createSnapshot('a', 'x'), 'quota');
        expect(await h.count('snapshots')).toBe(0);
        expect(await h.count('snapshotPlans')).toBe(0);
      });

      it('deletes a snapshot with its plan copy, and only it', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        const gone = value(await repo.createSnapshot('a', 'one'));
        const stays = value(await repo.createSnapshot('a', 'two'));
        expect(await repo.deleteSnapshot(gone.id)).toEqual(ok(undefined));
        expect(value(await repo.listSnapshots('a'))).toEqual([stays]);
        expect(await h.raw('snapshotPlans', gone.id)).toBeUndefined();
        expect(await h.count('snapshotPlans')).toBe(1);
        expectError(await repo.getSnapshot(gone.id), 'notFound');
      });

      it('checks a snapshot plan with the injected validator when reading it', async () => {
        const repo = await open();
        await repo.createPlan(plan('a', { name: 'bad' }));
        const snap = value(await repo.createSnapshot('a', 'x'));
        expectError(await h.reopen({ validate: rejectNamed('bad') }).getSnapshot(snap.id), 'invalid');
      });

      it('calls watchSnapshots back with the list now and after each change', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        const seen: unknown[] = [];
        const stop = repo.watchSnapshots('a', (r) => seen.push(r));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([])));
        const snap = value(await repo.createSnapshot('a', 'x'));
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([snap])));
        await repo.deleteSnapshot(snap.id);
        await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok([])));
        stop();
      });

      describe('restore', () => {
        it('keeps the current plan as "before restore", then stores the snapshot at the next revision', async () => {
          let clock = new Date('2025-01-01T00:00:00.000Z');
          const repo = await open({ now: () => clock });
          const p0 = plan('a');
          await repo.createPlan(p0);
          const snap = value(await repo.createSnapshot('a', 'gửi Sở'));
          const p1 = edited(p0, 'one');
          const p2 = edited(p1, 'two');
          await repo.savePlan(p1, { expectedRevision: 0 });
          await repo.savePlan(p2, { expectedRevision: 1 });

          clock = new Date('2025-02-01T00:00:00.000Z');
          const outcome = value(await repo.restoreSnapshot(snap.id, { expectedRevision: 2 }));
          const restored = { ...p0, revision: 3, updatedAt: '2025-02-01T00:00:00.000Z' };
          expect(outcome.plan).toEqual(restored);
          expect(await repo.getPlan('a')).toEqual(ok(restored));
          expect(outcome.backup).toEqual({
            id: expect.any(String),
            planId: 'a',
            name: 'gửi Sở',
            kind: 'beforeRestore',
            createdAt: '2025-02-01T00:00:00.000Z',
            revision: 2,
            indicatorCount: 2,
          });
          expect(await repo.getSnapshot(outcome.backup.id)).toEqual(ok({ ...outcome.backup, plan: p2 }));
          expect(value(await repo.listSnapshots('a'))).toEqual([outcome.backup, snap]);
          // The snapshot restored is still there, unchanged.
          expect(await repo.getSnapshot(snap.id)).toEqual(ok({ ...snap, plan: p0 }));

          // Restoring the automatic snapshot undoes the restore.
          clock = new Date('2025-02-02T00:00:00.000Z');
          const undone = value(await repo.restoreSnapshot(outcome.backup.id, { expectedRevision: 3 }));
          expect(undone.plan).toEqual({ ...p2, revision: 4, updatedAt: '2025-02-02T00:00:00.000Z' });
        });

        it('refuses a stale expectedRevision and writes nothing', async () => {
          const repo = await open();
          const p = plan('a');
          await repo.createPlan(p);
          const snap = value(await repo.createSnapshot('a', 'x'));
          await repo.savePlan(edited(p, 'other tab'), { expectedRevision: 0 });
          const before = bytes(await h.raw('plans', 'a'));
          const result = await repo.restoreSnapshot(snap.id, { expectedRevision: 0 });
          expectError(result, 'conflict');
          if (!result.ok && result.error.kind === 'conflict') expect(result.error.storedRevision).toBe(1);
          expect(bytes(await h.raw('plans', 'a'))).toBe(before);
          expect(await h.count('snapshots')).toBe(1);
          expect(await h.count('snapshotPlans')).toBe(1);
        });

        for (const [table, op] of [['plans', 'write'], ['snapshots', 'write'], ['snapshotPlans', 'write'], ['history', 'delete']] as const) {
          it(`restores all or nothing: a failure at the ${table} ${op} leaves plan, snapshots and history as they were`, async () => {
            const repo = await open();
            const p = plan('a');
            await repo.createPlan(p);
            const snap = value(await repo.createSnapshot('a', 'x'));
            const history = { undo: [entry('one')], redo: [] };
            await repo.savePlan(edited(p, 'edited'), { expectedRevision: 0, history });
            const before = bytes(await h.raw('plans', 'a'));
            h.failNext(table, op, new Error('injected failure'));
            expectError(await repo.restoreSnapshot(snap.id, { expectedRevision: 1 }), 'unknown');
            expect(bytes(await h.raw('plans', 'a'))).toBe(before);
            expect(value(await repo.listSnapshots('a'))).toEqual([snap]);
            expect(await h.count('snapshotPlans')).toBe(1);
            expect(await repo.loadHistory('a')).toEqual(ok(history));
          });
        }

        it('drops the stored undo history, which described the plan replaced', async () => {
          const repo = await open();
          const p = plan('a');
          await repo.createPlan(p);
          const snap = value(await repo.createSnapshot('a', 'x'));
          await repo.savePlan(edited(p, 'edited'), { expectedRevision: 0, history: { undo: [entry('one')], redo: [] } });
          await repo.restoreSnapshot(snap.id, { expectedRevision: 1 });
          expect(await repo.loadHistory('a')).toEqual(ok({ undo: [], redo: [] }));
          expect(await h.count('history')).toBe(0);
        });

        it('refuses a snapshot plan the validator rejects, writing nothing', async () => {
          const repo = await open();
          const p = plan('a', { name: 'bad' });
          await repo.createPlan(p);
          const snap = value(await repo.createSnapshot('a', 'x'));
          await repo.savePlan(edited(p, 'good'), { expectedRevision: 0 });
          const checking = h.reopen({ validate: rejectNamed('bad'), storageManager: null });
          expectError(await checking.restoreSnapshot(snap.id, { expectedRevision: 1 }), 'invalid');
          expect(value(await repo.getPlan('a')).name).toBe('good');
          expect(await h.count('snapshots')).toBe(1);
        });

        it('returns notFound for an unknown snapshot', async () => {
          const repo = await open();
          await repo.createPlan(plan('a'));
          expectError(await repo.restoreSnapshot('nope', { expectedRevision: 0 }), 'notFound');
        });
      });

      describe('kept before an import replaces the plan', () => {
        it('keeps the stored plan as a "before import" snapshot and saves the new one, together', async () => {
          const repo = await open({ now: at('2025-04-01T00:00:00.000Z') });
          const local = plan('a');
          await repo.createPlan(local);
          const incoming = { ...plan('a', { name: 'From the file' }), revision: 1 };
          expect(await repo.savePlan(incoming, { expectedRevision: 0, keepPreviousAs: ' Trước khi nhập tệp ' })).toEqual(ok(undefined));
          expect(await repo.getPlan('a')).toEqual(ok(incoming));
          const [kept] = value(await repo.listSnapshots('a'));
          expect(kept).toEqual({
            id: expect.any(String),
            planId: 'a',
            name: 'Trước khi nhập tệp',
            kind: 'beforeImport',
            createdAt: '2025-04-01T00:00:00.000Z',
            revision: 0,
            indicatorCount: 2,
          });
          expect(await repo.getSnapshot(kept?.id ?? '')).toEqual(ok({ ...kept, plan: local }));
        });

        it('writes neither when the local plan moved on, nor when the snapshot cannot be written', async () => {
          const repo = await open();
          const local = plan('a');
          await repo.createPlan(local);
          await repo.savePlan(edited(local, 'other tab'), { expectedRevision: 0 });
          const before = bytes(await h.raw('plans', 'a'));
          const incoming = { ...plan('a', { name: 'From the file' }), revision: 1 };
          expectError(await repo.savePlan(incoming, { expectedRevision: 0, keepPreviousAs: 'x' }), 'conflict');
          h.failNext('snapshotPlans', 'write', quota());
          expectError(await repo.savePlan({ ...incoming, revision: 2 }, { expectedRevision: 1, keepPreviousAs: 'x' }), 'quota');
          expect(bytes(await h.raw('plans', 'a'))).toBe(before);
          expect(await h.count('snapshots')).toBe(0);
          expect(await h.count('snapshotPlans')).toBe(0);
          expectError(await repo.savePlan({ ...incoming, revision: 2 }, { expectedRevision: 1, keepPreviousAs: '  ' }), 'invalid');
          expect(bytes(await h.raw('plans', 'a'))).toBe(before);
        });
      });

      describe('with the trash', () => {
        it('keeps the snapshots of a deleted plan, restorable once the plan is back', async () => {
          const repo = await open({ now: at('2025-01-01T00:00:00.000Z') });
          const p = plan('a');
          await repo.createPlan(p);
          const snap = value(await repo.createSnapshot('a', 'x'));
          await repo.savePlan(edited(p, 'edited'), { expectedRevision: 0 });
          await repo.deletePlan('a');

          expect(value(await repo.listSnapshots('a'))).toEqual([snap]);
          expect(await repo.getSnapshot(snap.id)).toEqual(ok({ ...snap, plan: p }));
          expectError(await repo.restoreSnapshot(snap.id, { expectedRevision: 1 }), 'notFound');
          expectError(await repo.createSnapshot('a', 'y'), 'notFound');
          expect(await h.count('snapshots')).toBe(1);

          await repo.restorePlan('a');
          const outcome = value(await repo.restoreSnapshot(snap.id, { expectedRevision: 1 }));
          expect(outcome.plan.name).toBe('Plan a');
        });

        it("drops a plan's snapshots, history and export record when the trash is emptied, and no one else's", async () => {
          const repo = await open({ now: at('2025-01-01T00:00:00.000Z') });
          for (const id of ['a', 'b']) {
            const p = plan(id);
            await repo.createPlan(p);
            await repo.createSnapshot(id, 'x');
            await repo.savePlan(edited(p, 'e'), { expectedRevision: 0, history: { undo: [entry('e')], redo: [] } });
            await repo.recordExport(id);
          }
          const kept = value(await repo.listSnapshots('b'));
          await repo.deletePlan('a');
          expect(await repo.emptyTrash()).toEqual(ok(1));

          expect(await repo.listSnapshots('a')).toEqual(ok([]));
          expect(await h.count('snapshots')).toBe(1);
          expect(await h.count('snapshotPlans')).toBe(1);
          expect(await h.raw('history', 'a')).toBeUndefined();
          expect(await h.raw('settings', `${SETTING_LAST_EXPORT}a`)).toBeUndefined();
          expect(value(await repo.listSnapshots('b'))).toEqual(kept);
          expect(value(await repo.loadHistory('b')).undo).toHaveLength(1);
          expect(value(await repo.exportStatus('b')).lastExportAt).toBe('2025-01-01T00:00:00.000Z');
        });

        it('keeps them when a plan with the same id lives again (they are its own now)', async () => {
          const repo = await open();
          await repo.createPlan(plan('a'));
          const snap = value(await repo.createSnapshot('a', 'x'));
          await repo.deletePlan('a');
          await repo.createPlan(plan('a', { name: 'Imported again' }));
          await repo.emptyTrash();
          expect(value(await repo.listSnapshots('a'))).toEqual([snap]);
        });
      });
    });

    describe('undo history', () => {
      it('is saved with the plan in one save and read back at the next start', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const history: PlanHistory = { undo: [entry('one'), entry('two')], redo: [entry('three')] };
        expect(await repo.savePlan(edited(p, 'x'), { expectedRevision: 0, history })).toEqual(ok(undefined));
        expect(await h.reopen().loadHistory('a')).toEqual(ok(history));
      });

      it(`keeps the last ${HISTORY_LIMIT} entries of each list`, async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const many = (prefix: string) => Array.from({ length: HISTORY_LIMIT + 100 }, (_, i) => entry(`${prefix}${i}`));
        await repo.savePlan(edited(p, 'x'), { expectedRevision: 0, history: { undo: many('u'), redo: many('r') } });
        const loaded = value(await repo.loadHistory('a'));
        expect(loaded.undo).toHaveLength(HISTORY_LIMIT);
        expect(loaded.undo[0]?.label).toBe('u100');
        expect(loaded.undo.at(-1)?.label).toBe(`u${HISTORY_LIMIT + 99}`);
        expect(loaded.redo).toHaveLength(HISTORY_LIMIT);
        expect(loaded.redo.at(-1)?.label).toBe(`r${HISTORY_LIMIT + 99}`);
      });

      it('is forgotten once the plan is saved without it (another tab, an older version)', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const p1 = edited(p, 'x');
        await repo.savePlan(p1, { expectedRevision: 0, history: { undo: [entry('x')], redo: [] } });
        await repo.savePlan(edited(p1, 'elsewhere'), { expectedRevision: 1 });
        expect(await repo.loadHistory('a')).toEqual(ok({ undo: [], redo: [] }));
      });

      it('is written with the plan or not at all: a failing history write keeps the plan unsaved', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        const before = bytes(await h.raw('plans', 'a'));
        h.failNext('history', 'write', quota());
        expectError(await repo.savePlan(edited(p, 'x'), { expectedRevision: 0, history: { undo: [entry('x')], redo: [] } }), 'quota');
        expect(bytes(await h.raw('plans', 'a'))).toBe(before);
        expect(await h.count('history')).toBe(0);
      });

      it('is not written when the save is refused for a stale revision', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        await repo.savePlan(edited(p, 'other tab'), { expectedRevision: 0 });
        expectError(await repo.savePlan(edited(p, 'mine'), { expectedRevision: 0, history: { undo: [entry('mine')], redo: [] } }), 'conflict');
        expect(await h.count('history')).toBe(0);
      });

      it('saves on its own for the stored revision', async () => {
        const repo = await open();
        const p = plan('a');
        await repo.createPlan(p);
        await repo.savePlan(edited(p, 'x'), { expectedRevision: 0 });
        const history = { undo: [entry('x')], redo: [entry('y')] };
        expect(await repo.saveHistory('a', history)).toEqual(ok(undefined));
        expect(await repo.loadHistory('a')).toEqual(ok(history));
        expectError(await repo.saveHistory('ghost', history), 'notFound');
        expect(await h.raw('history', 'ghost')).toBeUndefined();
      });

      it('reads as empty when there is none, when it is malformed, and notFound without the plan', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        expect(await repo.loadHistory('a')).toEqual(ok({ undo: [], redo: [] }));
        await repo.saveHistory('a', { undo: [{ label: 'no command' } as unknown as HistoryEntry], redo: [] });
        expect(await repo.loadHistory('a')).toEqual(ok({ undo: [], redo: [] }));
        expectError(await repo.loadHistory('ghost'), 'notFound');
      });
    });

    describe('export records', () => {
      it('knows when a plan was last exported, and what the browser promised', async () => {
        let clock = new Date('2025-05-01T00:00:00.000Z');
        const repo = await open({ now: () => clock, storageManager: { persist: async () => true } });
        await repo.createPlan(plan('a'));
        // Asked in the background after the first real save: wait for it.
        await repo.requestPersistence();
        expect(await repo.exportStatus('a')).toEqual(ok({ lastExportAt: null, persistent: durable ? 'granted' : 'unsupported' }));
        expect(await repo.recordExport('a')).toEqual(ok(undefined));
        clock = new Date('2025-05-09T00:00:00.000Z');
        expect(await h.reopen().exportStatus('a')).toEqual(ok({ lastExportAt: '2025-05-01T00:00:00.000Z', persistent: durable ? 'granted' : 'unsupported' }));
        expect(await repo.exportStatus('b')).toEqual(ok({ lastExportAt: null, persistent: durable ? 'granted' : 'unsupported' }));
      });

      it(durable ? "says 'unknown' before the browser was asked" : "says 'unsupported' in memory, where nothing is kept", async () => {
        const repo = await open();
        expect(await repo.exportStatus('a')).toEqual(ok({ lastExportAt: null, persistent: durable ? 'unknown' : 'unsupported' }));
      });

      it('returns notFound when recording an export of a plan that is not stored', async () => {
        const repo = await open();
        expectError(await repo.recordExport('ghost'), 'notFound');
        expect(await h.count('settings')).toBe(0);
      });
    });

    describe('lineage and shared revisions', () => {
      const hash = (n: number) => n.toString(16).padStart(64, '0');

      it('has an empty lineage for a plan never shared', async () => {
        const repo = await open();
        expect(await repo.getLineage('a')).toEqual(ok({ hashes: [], held: [] }));
        expect(await repo.getSharedRevision('a', hash(1))).toEqual(ok(null));
      });

      it('extends the lineage with each export, keeps the content, and takes in a file’s lineage on import', async () => {
        const repo = await open();
        const p = plan('a');
        expect(await repo.recordShared('a', { hash: hash(1), plan: p })).toEqual(ok({ hashes: [hash(1)], held: [hash(1)] }));
        const theirs = edited(p, 'theirs');
        expect(await repo.recordShared('a', { hash: hash(3), plan: theirs, lineage: [hash(1), hash(2), hash(3)] })).toEqual(
          ok({ hashes: [hash(1), hash(2), hash(3)], held: [hash(1), hash(3)] }),
        );
        // Shared again: moved to the newest, never listed twice.
        expect(await repo.recordShared('a', { hash: hash(1), plan: p })).toEqual(ok({ hashes: [hash(2), hash(3), hash(1)], held: [hash(3), hash(1)] }));
        expect(await h.reopen().getSharedRevision('a', hash(3))).toEqual(ok(theirs));
        expect(await repo.getLineage('a')).toEqual(ok({ hashes: [hash(2), hash(3), hash(1)], held: [hash(3), hash(1)] }));
      });

      it(`keeps the content of the newest ${SHARED_REVISIONS_KEPT} revisions of a plan only`, async () => {
        const repo = await open();
        for (let i = 1; i <= SHARED_REVISIONS_KEPT + 2; i++) await repo.recordShared('a', { hash: hash(i), plan: edited(plan('a'), `v${i}`) });
        await repo.recordShared('b', { hash: hash(1), plan: plan('b') });
        const lineage = value(await repo.getLineage('a'));
        expect(lineage.hashes).toHaveLength(SHARED_REVISIONS_KEPT + 2);
        expect(lineage.held).toEqual(lineage.hashes.slice(2));
        expect(await repo.getSharedRevision('a', hash(2))).toEqual(ok(null));
        expect(value(await repo.getSharedRevision('a', hash(3)))?.name).toBe('v3');
        expect(await h.count('sharedRevisions')).toBe(SHARED_REVISIONS_KEPT + 1);
      });

      it('writes all of a record or nothing', async () => {
        const repo = await open();
        await repo.recordShared('a', { hash: hash(1), plan: plan('a') });
        h.failNext('lineage', 'write', new Error('injected'));
        expect((await repo.recordShared('a', { hash: hash(2), plan: plan('a') })).ok).toBe(false);
        expect(await repo.getLineage('a')).toEqual(ok({ hashes: [hash(1)], held: [hash(1)] }));
        expect(await repo.getSharedRevision('a', hash(2))).toEqual(ok(null));
      });

      it('keeps a lineage while the plan is in the trash, and drops it with the trash', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        await repo.recordShared('a', { hash: hash(1), plan: plan('a') });
        await repo.deletePlan('a');
        expect(value(await repo.getLineage('a')).hashes).toEqual([hash(1)]);
        expect(value(await repo.emptyTrash())).toBe(1);
        expect(await repo.getLineage('a')).toEqual(ok({ hashes: [], held: [] }));
        expect(await h.count('sharedRevisions')).toBe(0);
        expect(await h.count('lineage')).toBe(0);
      });
    });

    describe('the plan list reads summaries kept with the plans', () => {
      it('keeps one summary per stored plan through create, save, delete, restore and snapshot restore', async () => {
        const repo = await open();
        const a = plan('a');
        await repo.createPlan(a);
        await repo.createPlan(plan('b'));
        await repo.savePlan(edited(a, 'renamed'), { expectedRevision: 0 });
        await repo.deletePlan('b');
        expect(value(await repo.listPlans()).map((s) => [s.id, s.name, s.revision])).toEqual([['a', 'renamed', 1]]);
        expect(await h.count('planSummaries')).toBe(1);
        await repo.restorePlan('b');
        const snap = value(await repo.createSnapshot('a', 'before'));
        await repo.savePlan({ ...edited(edited(a, 'renamed'), 'again'), indicators: [] }, { expectedRevision: 1 });
        expect(value(await repo.listPlans()).find((s) => s.id === 'a')).toMatchObject({ name: 'again', indicatorCount: 0, revision: 2 });
        await repo.restoreSnapshot(snap.id, { expectedRevision: 2 });
        expect(value(await repo.listPlans()).find((s) => s.id === 'a')).toMatchObject({ name: 'renamed', indicatorCount: 2, revision: 3 });
        expect(await h.raw('planSummaries', 'b')).toEqual({ id: 'b', name: 'Plan b', updatedAt: plan('b').updatedAt, revision: 0, indicatorCount: 2, checked: true });
      });

      it('does not change the summary when a save is refused', async () => {
        const repo = await open();
        await repo.createPlan(plan('a'));
        expectError(await repo.savePlan(edited(plan('a'), 'late'), { expectedRevision: 5 }), 'conflict');
        h.failNext('planSummaries', 'write', new Error('injected'));
        expect((await repo.savePlan(edited(plan('a'), 'failed'), { expectedRevision: 0 })).ok).toBe(false);
        expect(value(await repo.listPlans())[0]?.name).toBe('Plan a');
        expect(value(await repo.getPlan('a')).name).toBe('Plan a');
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
