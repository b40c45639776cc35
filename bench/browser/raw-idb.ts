/**
 * The raw IndexedDB baseline: the same reads and writes the app's storage needs, made with plain
 * `indexedDB` calls on a database of its own (`bench-raw`, one object store keyed by `id`), in the
 * same page, on the same plan objects. It does nothing the app could skip: it reads every value
 * it gets (so the structured clone is really undone) and waits for each transaction to commit.
 *
 * - open:   a read-only transaction, `get(id)`;
 * - save:   a read-write transaction, `get(id)` (the revision check) and `put(plan)`;
 * - import: `JSON.parse` of the file's text, then a read-write transaction, `get(id)` (is it there
 *   already?) and `put(plan)`.
 */
import type { Page } from '@playwright/test';
import type { BenchWindow } from './probe.ts';

/** Keeps a plan file's text and its parsed plan in the page, under `key` (untimed). */
export async function stashPlan(page: Page, key: string, text: string): Promise<void> {
  await page.evaluate(([k, t]) => {
    const stash = (window as unknown as BenchWindow).__bench.stash;
    stash[`${k as string}:text`] = t;
    stash[`${k as string}:plan`] = (JSON.parse(t as string) as { plan: unknown }).plan;
  }, [key, text]);
}

type RawOp = 'open' | 'save' | 'import' | 'prepare' | 'delete';

/** One raw operation on the stashed plan `key`, stored as `id`; returns its time in ms. */
export async function rawIdb(page: Page, op: RawOp, key: string, id: string): Promise<number> {
  return page.evaluate(async ([operation, k, planId]) => {
    const stash = (window as unknown as BenchWindow).__bench.stash;
    const opened = async (): Promise<IDBDatabase> => {
      if (stash['raw:db']) return stash['raw:db'] as IDBDatabase;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('bench-raw', 1);
        request.onupgradeneeded = () => { request.result.createObjectStore('plans', { keyPath: 'id' }); };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      stash['raw:db'] = db;
      return db;
    };
    const db = await opened();
    const done = (tx: IDBTransaction) => new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const touch = (value: unknown) => {
      // Reading a field makes sure the value was really deserialised.
      if (value !== undefined && !Array.isArray((value as { indicators?: unknown }).indicators)) throw new Error('not a plan');
    };
    const plan = stash[`${k as string}:plan`] as Record<string, unknown>;
    const started = performance.now();
    switch (operation as RawOp) {
      case 'prepare': {
        const tx = db.transaction('plans', 'readwrite');
        tx.objectStore('plans').put({ ...plan, id: planId });
        await done(tx);
        break;
      }
      case 'delete': {
        const tx = db.transaction('plans', 'readwrite');
        tx.objectStore('plans').delete(planId as string);
        await done(tx);
        break;
      }
      case 'open': {
        const tx = db.transaction('plans', 'readonly');
        const request = tx.objectStore('plans').get(planId as string);
        request.onsuccess = () => touch(request.result);
        await done(tx);
        break;
      }
      case 'save': {
        const tx = db.transaction('plans', 'readwrite');
        const store = tx.objectStore('plans');
        const request = store.get(planId as string);
        request.onsuccess = () => touch(request.result);
        store.put({ ...plan, id: planId });
        await done(tx);
        break;
      }
      case 'import': {
        const parsed = (JSON.parse(stash[`${k as string}:text`] as string) as { plan: Record<string, unknown> }).plan;
        const tx = db.transaction('plans', 'readwrite');
        const store = tx.objectStore('plans');
        const request = store.get(planId as string);
        request.onsuccess = () => touch(request.result);
        store.put({ ...parsed, id: planId });
        await done(tx);
        break;
      }
    }
    return performance.now() - started;
  }, [op, key, id] as const);
}
