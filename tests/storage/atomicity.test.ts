/**
 * All or nothing (QUALITY reliability 5): every write the repository makes for an import, a
 * replace, a delete, a restore or an emptied trash is failed in turn, at a random step, and the
 * whole database must then read exactly as before: every table, every row.
 *
 * 1,000 runs over IndexedDB (fake-indexeddb) and the memory fallback; ATOMICITY_RUNS for more.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/engine/model/plan.ts';
import { ChitieuDatabase, type TableName } from '../../src/storage/database.ts';
import { createMemoryRepository, createMemoryStore, type MemoryStore } from '../../src/storage/memory.ts';
import { createPlanRepository } from '../../src/storage/repository.ts';
import type { PlanRepository } from '../../src/storage/types.ts';
import { dumpDatabase } from '../fixtures/databases/dump.ts';
import { TABLES, edited, plan } from './contract.ts';
import { seededRandom } from '../../bench/random.ts';

const RUNS = Number(process.env['ATOMICITY_RUNS'] ?? 1_000);

/** Counts every write and delete the backend makes; the `failAt`-th one throws. */
interface Tripwire {
  writes: number;
  failAt: number;
}

function trip(wire: Tripwire): void {
  wire.writes += 1;
  if (wire.writes === wire.failAt) throw new Error(`injected failure at write ${wire.writes}`);
}

interface World {
  repo: PlanRepository;
  wire: Tripwire;
  /** Every table, every row, in a stable text form. */
  dump(): Promise<string>;
  close(): void;
}

const WRITE_METHODS = ['put', 'add', 'bulkPut', 'bulkAdd', 'delete', 'bulkDelete', 'clear'] as const;

async function indexedDbWorld(): Promise<World> {
  const factory = new IDBFactory();
  const db = new ChitieuDatabase('chitieu', { indexedDB: factory, IDBKeyRange });
  const wire: Tripwire = { writes: 0, failAt: 0 };
  // Opening sets up the tables the repository uses: wrap those.
  await db.open();
  for (const table of TABLES) {
    const target = db[table] as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const method of WRITE_METHODS) {
      const original = target[method]?.bind(target);
      if (original === undefined) continue;
      target[method] = (...args: unknown[]) => {
        try {
          trip(wire);
        } catch (e) {
          return Promise.reject(e);
        }
        return original(...args);
      };
    }
  }
  return {
    repo: createPlanRepository(db, { storageManager: null, now: () => new Date('2025-06-01T00:00:00.000Z') }),
    wire,
    dump: async () => JSON.stringify((await dumpDatabase(factory, 'chitieu')).stores),
    close: () => db.close(),
  };
}

class TrippingMap<K, V> extends Map<K, V> {
  constructor(private readonly wire: Tripwire) {
    super();
  }
  override set(key: K, value: V): this {
    trip(this.wire);
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    trip(this.wire);
    return super.delete(key);
  }
}

async function memoryWorld(): Promise<World> {
  const wire: Tripwire = { writes: 0, failAt: 0 };
  const store = createMemoryStore();
  const tripping = Object.fromEntries(TABLES.map((t) => [t, new TrippingMap(wire)])) as unknown as MemoryStore;
  Object.assign(store, tripping);
  return {
    repo: createMemoryRepository({ store, storageManager: null, now: () => new Date('2025-06-01T00:00:00.000Z') }),
    wire,
    dump: async () =>
      JSON.stringify(TABLES.map((t: TableName) => [t, [...store[t].entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))])),
    close: () => {},
  };
}

const ok = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.error)}`);
  return result.value;
};

/** Plans a and b (a with a snapshot and a history), c in the trash with a snapshot of its own. */
async function populate(repo: PlanRepository): Promise<{ a: Plan; snapshotOfA: string }> {
  const a = plan('a');
  ok(await repo.createPlan(a));
  const snapshotOfA = ok(await repo.createSnapshot('a', 'gửi Sở')).id;
  const a1 = edited(a, 'a, edited');
  ok(await repo.savePlan(a1, { expectedRevision: 0, history: { undo: [{ command: { type: 'renamePlan', name: 'Plan a' }, label: 'rename' }], redo: [] } }));
  ok(await repo.recordExport('a'));
  ok(await repo.createPlan(plan('b')));
  ok(await repo.createPlan(plan('c')));
  ok(await repo.createSnapshot('c', 'c kept'));
  ok(await repo.deletePlan('c'));
  return { a: a1, snapshotOfA };
}

type Operation = (repo: PlanRepository, state: { a: Plan; snapshotOfA: string }) => Promise<{ ok: boolean }>;

const OPERATIONS: Record<string, Operation> = {
  'import as a new plan': (repo) => repo.createPlan(plan('d', { name: 'Imported' })),
  'import replacing a plan, keeping a snapshot': (repo, { a }) =>
    repo.savePlan({ ...plan('a', { name: 'From the file' }), revision: a.revision + 1 }, { expectedRevision: a.revision, keepPreviousAs: 'Before import' }),
  'an edit with its history': (repo, { a }) =>
    repo.savePlan(edited(a, 'again'), { expectedRevision: a.revision, history: { undo: [], redo: [] } }),
  'delete a plan': (repo) => repo.deletePlan('b'),
  'restore a plan from the trash': (repo) => repo.restorePlan('c'),
  'empty the trash': (repo) => repo.emptyTrash(),
  'restore a snapshot': (repo, { a, snapshotOfA }) => repo.restoreSnapshot(snapshotOfA, { expectedRevision: a.revision }),
  'take a snapshot': (repo) => repo.createSnapshot('a', 'x'),
  'delete a snapshot': (repo, { snapshotOfA }) => repo.deleteSnapshot(snapshotOfA),
};

describe.each([
  ['IndexedDB (Dexie)', indexedDbWorld],
  ['in memory', memoryWorld],
] as const)('%s: a failure at any step of a write leaves everything as it was', (_label, makeWorld) => {
  it(`holds over ${RUNS.toLocaleString('en')} runs, each failing a random step of a random operation`, async () => {
    const names = Object.keys(OPERATIONS);
    // How many writes each operation makes when nothing fails.
    const steps = new Map<string, number>();
    for (const name of names) {
      const world = await makeWorld();
      const state = await populate(world.repo);
      world.wire.writes = 0;
      const done = await (OPERATIONS[name] as Operation)(world.repo, state);
      expect(done.ok, `${name} works when nothing fails`).toBe(true);
      steps.set(name, world.wire.writes);
      world.close();
    }
    for (const [name, count] of steps) expect(count, `${name} writes something`).toBeGreaterThan(0);

    const rng = seededRandom(7);
    const seen = new Set<string>();
    for (let run = 0; run < RUNS; run++) {
      const name = names[Math.floor(rng() * names.length)] as string;
      const step = 1 + Math.floor(rng() * (steps.get(name) as number));
      seen.add(`${name} @${step}`);
      const world = await makeWorld();
      const state = await populate(world.repo);
      const before = await world.dump();
      world.wire.writes = 0;
      world.wire.failAt = step;
      const result = await (OPERATIONS[name] as Operation)(world.repo, state);
      world.wire.failAt = 0;
      expect(result.ok, `run ${run}: ${name} with write ${step} failing`).toBe(false);
      expect(await world.dump(), `run ${run}: ${name} with write ${step} failing left a trace`).toBe(before);
      world.close();
    }
    // Every step of every operation was failed at least once.
    const total = [...steps.values()].reduce((sum, n) => sum + n, 0);
    expect(seen.size).toBe(Math.min(total, seen.size));
    if (RUNS >= 1_000) expect(seen.size).toBe(total);
  });
});
