/**
 * Database upgrades from the fixture databases of every earlier version (tests/fixtures/databases):
 * each is rebuilt in a fresh IndexedDB exactly as dumped, opened by the current code, and must come
 * out with every row and field intact; a failed upgrade must leave it as it was.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { parsePlan } from '../../src/format/parse-plan.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { ok } from '../../src/engine/result.ts';
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

const EARLIER_VERSIONS = [1];

describe.each(EARLIER_VERSIONS)('upgrading a version %i database', (version) => {
  it('keeps every store, index, row and field, and adds the new tables empty', async () => {
    const before = fixture(version);
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
      expect(kept).toStrictEqual(old.rows);
    }
    expect(store(after, 'snapshots').rows).toEqual([]);
    expect(store(after, 'snapshots').indexes.map((i) => i.name)).toEqual(['planId']);
    expect(store(after, 'snapshotPlans').rows).toEqual([]);
    expect(store(after, 'history').rows).toEqual([]);
    const record = store(after, 'settings').rows.find((row) => (row as { key: string }).key === SETTING_UPGRADES);
    expect(record).toEqual({ key: SETTING_UPGRADES, value: [{ from: 1, to: 2, at: expect.any(String) }] });
  });

  it('serves the old data through the repository: plans still valid, trash, settings, the seeding flag', async () => {
    const before = fixture(version);
    const factory = await browserWith(before);
    const persist = vi.fn(async () => true);
    const opened = await open(factory, { storageManager: { persist } });
    if (!opened.ok) throw new Error(opened.error.message);
    const repo = opened.value.repository;

    for (const row of store(before, 'plans').rows as Plan[]) {
      expect(await repo.getPlan(row.id)).toStrictEqual(ok(row));
    }
    const trashed = store(before, 'trash').rows as TrashRow[];
    const trash = await repo.listTrash();
    expect(trash.ok && trash.value.map((t) => [t.id, t.deletedAt])).toEqual(trashed.map((t) => [t.id, t.deletedAt]));
    expect(await repo.getSetting('language')).toEqual(ok('en'));
    // Seeded before: never again. Asked before: not asked again.
    expect(await repo.seedIfFirstRun(async () => { throw new Error('must not load the example'); })).toEqual(ok({ seeded: false }));
    expect(await repo.requestPersistence()).toEqual(ok({ status: 'denied', at: '2025-01-01T00:01:00.000Z' }));
    expect(persist).not.toHaveBeenCalled();

    // The new features work on old data.
    const [first] = store(before, 'plans').rows as Plan[];
    if (first === undefined) throw new Error('the fixture has no plan');
    const snap = await repo.createSnapshot(first.id, 'after the upgrade');
    expect(snap.ok).toBe(true);
    expect(await repo.loadHistory(first.id)).toEqual(ok({ undo: [], redo: [] }));
    const restored = await repo.restorePlan(trashed[0]?.id ?? '');
    expect(restored).toStrictEqual(ok(trashed[0]?.plan));
    opened.value.close();
  });

  it('leaves the database exactly as it was when the upgrade fails, and upgrades at the next start', async () => {
    const before = fixture(version);
    const factory = await browserWith(before);
    const failing = await open(factory, {
      upgrades: {
        // Half-way through: rows already changed when it throws.
        2: async (tx) => {
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
    older.version(version).stores({ plans: 'id, updatedAt, name', trash: 'id, deletedAt', settings: 'key' });
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
