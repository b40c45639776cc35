import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../src/engine/result.ts';
import { ChitieuDatabase, DATABASE_VERSION } from '../../src/storage/database.ts';
import { createMemoryRepository, openStorage, type OpenedStorage } from '../../src/storage/open.ts';
import { createPlanRepository } from '../../src/storage/repository.ts';
import { edited, expectError, plan } from './contract.ts';

let counter = 0;
const freshName = () => `chitieu-open-test-${++counter}`;

function rawOpen(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('openStorage', () => {
  const opened: OpenedStorage[] = [];
  afterEach(() => {
    for (const s of opened.splice(0)) s.close();
    vi.unstubAllGlobals();
  });

  it('opens a durable repository on a fresh database', async () => {
    const result = await openStorage(freshName(), { storageManager: null });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    opened.push(result.value);
    const { repository } = result.value;
    expect(result.value.version).toBe(DATABASE_VERSION);
    expect(repository.durable).toBe(true);
    expect(await repository.createPlan(plan('a'))).toEqual(ok(undefined));
    expect(await repository.getPlan('a')).toEqual(ok(plan('a')));
  });

  it('keeps the data across a close and a reopen', async () => {
    const name = freshName();
    const first = await openStorage(name, { storageManager: null });
    if (!first.ok) throw new Error('open failed');
    await first.value.repository.createPlan(plan('a'));
    first.value.close();
    const second = await openStorage(name, { storageManager: null });
    if (!second.ok) throw new Error('reopen failed');
    opened.push(second.value);
    expect(await second.value.repository.getPlan('a')).toEqual(ok(plan('a')));
  });

  it("reports 'newerDatabase' for a database of a newer version and leaves it untouched", async () => {
    const name = freshName();
    const newer = await rawOpen(name, (DATABASE_VERSION + 1) * 10, (db) => {
      db.createObjectStore('plans', { keyPath: 'id' });
      db.createObjectStore('somethingNew', { keyPath: 'key' });
    });
    newer.close();

    const result = await openStorage(name);
    expectError(result, 'newerDatabase');
    if (!result.ok && result.error.kind === 'newerDatabase') {
      expect(result.error.storedVersion).toBe(DATABASE_VERSION + 1);
      expect(result.error.supportedVersion).toBe(DATABASE_VERSION);
      expect(result.error.message).toMatch(/newer version/);
    }

    const after = await rawOpen(name);
    expect(after.version).toBe((DATABASE_VERSION + 1) * 10);
    expect([...after.objectStoreNames].sort()).toEqual(['plans', 'somethingNew']);
    after.close();
  });

  it('does not create a database just by looking for one', async () => {
    const name = freshName();
    // The version check goes to the real IndexedDB; the open that follows is refused.
    const lookOnly = {
      open: (dbName: string, version?: number) =>
        version === undefined ? indexedDB.open(dbName) : refusingFactory().open(dbName, version),
    } as unknown as IDBFactory;
    const result = await openStorage(name, { indexedDB: lookOnly });
    expectError(result, 'unavailable');
    expect(await databaseNames()).not.toContain(name);
  });

  it("reports 'unavailable' when the browser has no IndexedDB", async () => {
    vi.stubGlobal('indexedDB', undefined);
    const result = await openStorage(freshName());
    expectError(result, 'unavailable');
  });

  it("reports 'unavailable' when opening throws (private mode) or fails", async () => {
    const throwing = {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const thrown = await openStorage(freshName(), { indexedDB: throwing });
    expectError(thrown, 'unavailable');
    if (!thrown.ok) expect(thrown.error.message).toMatch(/InvalidStateError/);

    expectError(await openStorage(freshName(), { indexedDB: refusingFactory() }), 'unavailable');
  });

  it('falls back to a memory repository that works the same, but is not durable', async () => {
    const result = await openStorage(freshName(), { indexedDB: refusingFactory() });
    expect(result.ok).toBe(false);
    const memory = createMemoryRepository({ storageManager: null });
    expect(memory.durable).toBe(false);
    expect(await memory.createPlan(plan('a'))).toEqual(ok(undefined));
    expect(await memory.getPlan('a')).toEqual(ok(plan('a')));
  });

  it('closes and notifies when another tab upgrades the database, without blocking it', async () => {
    const name = freshName();
    const onVersionChange = vi.fn();
    const result = await openStorage(name, { onVersionChange, storageManager: null });
    if (!result.ok) throw new Error('open failed');
    opened.push(result.value);
    const { repository } = result.value;
    await repository.createPlan(plan('a'));

    // A newer app version in another tab upgrades: it must not be blocked by us.
    const newer = (DATABASE_VERSION + 1) * 10;
    const upgraded = await rawOpen(name, newer);
    expect(onVersionChange).toHaveBeenCalledWith({ newVersion: newer });
    upgraded.close();

    // This tab stays closed (it does not silently reopen a schema it does not know).
    expectError(await repository.getPlan('a'), 'unavailable');
    const late = await repository.savePlan(edited(plan('a'), 'late edit'), { expectedRevision: 0 });
    expectError(late, 'unavailable');
    // Said once, for the notice the app shows.
    if (!late.ok) expect(late.error.message.match(/DatabaseClosedError/g)?.length).toBe(1);
  });

  it('tells the UI when its own open is blocked by an older tab', async () => {
    const name = freshName();
    const old = await rawOpen(name, 5, (db) => db.createObjectStore('legacy'));
    // The older tab does not close on versionchange.
    const onBlocked = vi.fn(() => old.close());
    const result = await openStorage(name, { onBlocked, storageManager: null });
    expect(onBlocked).toHaveBeenCalled();
    expect(result.ok).toBe(true);
    if (result.ok) opened.push(result.value);
  });
});

describe('Dexie specifics', () => {
  it('sees a save made through another connection (another tab) in its live queries', async () => {
    const name = freshName();
    const tabA = new ChitieuDatabase(name);
    const tabB = new ChitieuDatabase(name);
    const a = createPlanRepository(tabA, { storageManager: null });
    const b = createPlanRepository(tabB, { storageManager: null });
    const p = plan('a');
    await a.createPlan(p);

    const seen: unknown[] = [];
    const stop = b.watchPlan('a', (r) => seen.push(r));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(p)));
    const next = edited(p, 'Edited in tab A');
    await a.savePlan(next, { expectedRevision: 0 });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(ok(next)));

    // Tab B's edit, based on what it had before, is refused rather than overwriting tab A's.
    expectError(await b.savePlan(edited(p, 'Edited in tab B'), { expectedRevision: 0 }), 'conflict');
    expect(await b.getPlan('a')).toEqual(ok(next));
    stop();
    tabA.close();
    tabB.close();
  });

  it('returns quota when IndexedDB itself refuses the put, and keeps the committed plan', async () => {
    const db = new ChitieuDatabase(freshName());
    const repo = createPlanRepository(db, { storageManager: null });
    const p = plan('a');
    await repo.createPlan(p);

    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      expectError(await repo.savePlan(edited(p, 'Too big'), { expectedRevision: 0 }), 'quota');
    } finally {
      spy.mockRestore();
    }
    expect(IDBObjectStore.prototype.put).toBe(put);
    expect(await repo.getPlan('a')).toEqual(ok(p));
    expect(await repo.savePlan(edited(p, 'Fits now'), { expectedRevision: 0 })).toEqual(ok(undefined));
    await db.delete();
  });
});

/** An IDBFactory whose open requests fail, like a browser with storage disabled. */
function refusingFactory(): IDBFactory {
  return {
    open: () => {
      const request = {
        error: new DOMException('The operation failed for reasons unrelated to the database itself.', 'UnknownError'),
      } as unknown as IDBOpenDBRequest;
      setTimeout(() => request.onerror?.({ target: request, preventDefault() {}, stopPropagation() {} } as unknown as Event));
      return request;
    },
  } as unknown as IDBFactory;
}
