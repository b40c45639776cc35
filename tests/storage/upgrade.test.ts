/**
 * Database upgrades from the fixture databases of every earlier version (tests/fixtures/databases):
 * each is rebuilt in a fresh IndexedDB exactly as dumped, opened by the current code, and must come
 * out with every row and field intact; a failed upgrade must leave it as it was.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Dexie, type Transaction } from 'dexie';
import { parsePlan } from '../../src/format/parse-plan.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { err, ok } from '../../src/engine/result.ts';
import { DATABASE_VERSION, SETTING_UPGRADES, type TrashRow } from '../../src/storage/database.ts';
import { openStorage, type OpenStorageOptions } from '../../src/storage/open.ts';
import { dumpDatabase, loadDump, type DatabaseDump, type StoreDump } from '../fixtures/databases/dump.ts';
import { expectError } from './contract.ts';

const NAME = 'chitieu';

function fixture(version: number): DatabaseDump {
  const text = readFileSync(new URL(`../fixtures/databases/v${version}.json`, import.meta.url), 'utf8');
  const { madeBy: _madeBy, ...dump } = JSON.parse(text) as DatabaseDump & { madeBy: string };
  return dump;
}

/** The fixture in a browser of its own, as a user who ran that version would have it. */
async function browserWith(dump: DatabaseDump): Promise<IDBFactory> {
  const factory = new IDBFactory();
  await loadDump(factory, NAME, dump);
  return factory;
}

const open = (factory: IDBFactory, options: OpenStorageOptions = {}) =>
  openStorage(NAME, { indexedDB: factory, IDBKeyRange, storageManager: null, validate: parsePlan, ...options });

function store(dump: DatabaseDump, name: string): StoreDump {
  const found = dump.stores.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no store ${name} in the dump`);
  return found;
}

/** Every version ever shipped before the current one, with its tables as that version declared them. */
const EARLIER_VERSIONS = [1, 2];
const SHIPPED_STORES: Record<number, Record<string, string>> = {
  1: { plans: 'id, updatedAt, name', trash: 'id, deletedAt', settings: 'key' },
  2: { snapshots: 'id, planId', snapshotPlans: 'id', history: 'planId' },
};

/** The upgrades setting of a fixture (version 2 recorded its own upgrade from 1). */
function upgradeRecords(dump: DatabaseDump): unknown[] {
  const row = store(dump, 'settings').rows.find((r) => (r as { key: string }).key === SETTING_UPGRADES) as { value: unknown[] } | undefined;
  return row?.value ?? [];
}

describe.each(EARLIER_VERSIONS)('upgrading a version %i database', (version) => {
  it('keeps every store, index, row and field, adds the new tables, and summarises every plan', async () => {
    const before = fixture(version);
    expect(before.version).toBe(version * 10);
    const factory = await browserWith(before);
    const opened = await open(factory);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    opened.value.close();

    const after = await dumpDatabase(factory, NAME);
    expect(after.version).toBe(DATABASE_VERSION * 10);
    for (const old of before.stores) {
      // The fixture is not trivial: every table of that version holds rows.
      expect(old.rows.length, old.name).toBeGreaterThan(0);
      const now = store(after, old.name);
      expect({ ...now, rows: [] }).toStrictEqual({ ...old, rows: [] });
      // The upgrade may add rows of its own (its record in settings), never change or drop one.
      const added = old.name === 'settings' ? [SETTING_UPGRADES] : [];
      const kept = now.rows.filter((row) => !added.includes((row as { key?: string }).key ?? ''));
      expect(kept).toStrictEqual(old.rows.filter((row) => !added.includes((row as { key?: string }).key ?? '')));
    }
    if (version < 2) {
      expect(store(after, 'snapshots').rows).toEqual([]);
      expect(store(after, 'snapshots').indexes.map((i) => i.name)).toEqual(['planId']);
      expect(store(after, 'snapshotPlans').rows).toEqual([]);
      expect(store(after, 'history').rows).toEqual([]);
    }
    // Version 3: nothing was shared with a lineage before; every plan gets its summary.
    expect(store(after, 'lineage').rows).toEqual([]);
    expect(store(after, 'sharedRevisions').rows).toEqual([]);
    expect(store(after, 'sharedRevisions').keyPath).toEqual(['planId', 'hash']);
    expect(store(after, 'sharedRevisions').indexes.map((i) => i.name)).toEqual(['planId']);
    const plans = store(before, 'plans').rows as Plan[];
    expect(store(after, 'planSummaries').rows).toStrictEqual(
      [...plans].sort((a, b) => (a.id < b.id ? -1 : 1)).map((p) => ({ id: p.id, name: p.name, updatedAt: p.updatedAt, revision: p.revision, indicatorCount: p.indicators.length })),
    );
    const record = store(after, 'settings').rows.find((row) => (row as { key: string }).key === SETTING_UPGRADES);
    const steps = Array.from({ length: DATABASE_VERSION - version }, (_, i) => ({ from: version + i, to: version + i + 1, at: expect.any(String) }));
    expect(record).toEqual({ key: SETTING_UPGRADES, value: [...upgradeRecords(before), ...steps] });
  });

  it('serves the old data through the repository: plans still valid, the list, trash, settings, the seeding flag', async () => {
    const before = fixture(version);
    const factory = await browserWith(before);
    const persist = vi.fn(async () => true);
    const opened = await open(factory, { storageManager: { persist } });
    if (!opened.ok) throw new Error(opened.error.message);
    const repo = opened.value.repository;

    const plans = store(before, 'plans').rows as Plan[];
    for (const row of plans) {
      expect(await repo.getPlan(row.id)).toStrictEqual(ok(row));
    }
    const listed = await repo.listPlans();
    expect(listed.ok && listed.value.map((p) => [p.id, p.name, p.revision]).sort()).toEqual(plans.map((p) => [p.id, p.name, p.revision]).sort());
    const trashed = store(before, 'trash').rows as TrashRow[];
    const trash = await repo.listTrash();
    expect(trash.ok && trash.value.map((t) => [t.id, t.deletedAt])).toEqual(trashed.map((t) => [t.id, t.deletedAt]));
    expect(await repo.getSetting('language')).toEqual(ok('en'));
    // Seeded before: never again. Asked before: not asked again.
    expect(await repo.seedIfFirstRun(async () => { throw new Error('must not load the example'); })).toEqual(ok({ seeded: false }));
    expect(await repo.requestPersistence()).toEqual(ok({ status: 'denied', at: '2025-01-01T00:01:00.000Z' }));
    expect(persist).not.toHaveBeenCalled();

    // What version 2 kept is still served.
    for (const row of version >= 2 ? (store(before, 'snapshots').rows as { id: string; planId: string }[]) : []) {
      const snapshot = await repo.getSnapshot(row.id);
      expect(snapshot.ok && snapshot.value.planId).toBe(row.planId);
    }
    for (const row of version >= 2 ? (store(before, 'history').rows as { planId: string; undo: unknown[] }[]) : []) {
      expect(await repo.loadHistory(row.planId)).toEqual(ok({ undo: row.undo, redo: [] }));
      const status = await repo.exportStatus(row.planId);
      expect(status.ok && status.value.lastExportAt).toBe('2025-04-02T05:00:00.000Z');
    }

    // The new features work on old data.
    const [first] = plans;
    if (first === undefined) throw new Error('the fixture has no plan');
    const snap = await repo.createSnapshot(first.id, 'after the upgrade');
    expect(snap.ok).toBe(true);
    expect(await repo.getLineage(first.id)).toEqual(ok({ hashes: [], held: [] }));
    const hash = 'a'.repeat(64);
    expect(await repo.recordShared(first.id, { hash, plan: first })).toEqual(ok({ hashes: [hash], held: [hash] }));
    expect(await repo.getSharedRevision(first.id, hash)).toStrictEqual(ok(first));
    // A save keeps the list's summary in step.
    expect((await repo.savePlan({ ...first, name: 'Sau nâng cấp', revision: first.revision + 1 }, { expectedRevision: first.revision })).ok).toBe(true);
    const relisted = await repo.listPlans();
    expect(relisted.ok && relisted.value.find((p) => p.id === first.id)?.name).toBe('Sau nâng cấp');
    const restored = await repo.restorePlan(trashed[0]?.id ?? '');
    expect(restored).toStrictEqual(ok(trashed[0]?.plan));
    const withRestored = await repo.listPlans();
    expect(withRestored.ok && withRestored.value.some((p) => p.id === trashed[0]?.id)).toBe(true);
    opened.value.close();
  });

  it('validates the plans that version wrote when they are read, until this version writes them', async () => {
    const before = fixture(version);
    const factory = await browserWith(before);
    const [first] = store(before, 'plans').rows as Plan[];
    if (first === undefined) throw new Error('the fixture has no plan');
    const rejectFirst = (value: unknown) => ((value as Plan).name === first.name ? err([{ path: ['name'], message: 'rejected' }]) : parsePlan(value));
    const opened = await open(factory, { validate: rejectFirst });
    if (!opened.ok) throw new Error(opened.error.message);
    const repo = opened.value.repository;
    expectError(await repo.getPlan(first.id), 'invalid');
    // Saved by this version (an edit made by a command): trusted from then on.
    const renamed = { ...first, revision: first.revision + 1, updatedAt: '2026-01-01T00:00:00.000Z' };
    expect((await repo.savePlan(renamed, { expectedRevision: first.revision })).ok).toBe(true);
    expect(await repo.getPlan(first.id)).toStrictEqual(ok(renamed));
    opened.value.close();
  });

  it('leaves the database exactly as it was when the upgrade fails, and upgrades at the next start', async () => {
    const before = fixture(version);
    const factory = await browserWith(before);
    const failing = await open(factory, {
      upgrades: {
        // The last step, half-way through: rows already changed (by it and by earlier steps) when it throws.
        [DATABASE_VERSION]: async (tx: Transaction) => {
          await tx.table('plans').clear();
          await tx.table('settings').put({ key: 'language', value: 'vi' });
          throw new Error('injected upgrade failure');
        },
      },
    });
    expectError(failing, 'upgradeFailed');
    if (!failing.ok && failing.error.kind === 'upgradeFailed') {
      expect(failing.error.storedVersion).toBe(version);
      expect(failing.error.message).toMatch(/injected upgrade failure/);
    }
    expect(await dumpDatabase(factory, NAME)).toStrictEqual(before);

    // The build that wrote it still reads it.
    const older = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
    for (let v = 1; v <= version; v++) older.version(v).stores(SHIPPED_STORES[v] ?? {});
    expect(await older.table('plans').toArray()).toStrictEqual(store(before, 'plans').rows);
    older.close();

    const retried = await open(factory);
    expect(retried.ok).toBe(true);
    if (!retried.ok) return;
    for (const row of store(before, 'plans').rows as Plan[]) {
      expect(await retried.value.repository.getPlan(row.id)).toStrictEqual(ok(row));
    }
    retried.value.close();
  });
});
