import 'fake-indexeddb/auto';
import { vi } from 'vitest';
import { ChitieuDatabase, type TableName } from '../../src/storage/database.ts';
import { createMemoryRepository, type MemoryStore } from '../../src/storage/memory.ts';
import { createPlanRepository } from '../../src/storage/repository.ts';
import { repositoryContract, TABLES, type Harness, type MakeHarness } from './contract.ts';

let counter = 0;

/** IndexedDB (fake-indexeddb) through Dexie; failures injected by replacing a table's method. */
const dexieHarness: MakeHarness = async (options) => {
  const name = `chitieu-repository-test-${++counter}`;
  const db = new ChitieuDatabase(name);
  const others: ChitieuDatabase[] = [];
  let armed: { table: TableName; op: 'write' | 'delete'; error: unknown } | null = null;

  const methods = { write: ['put', 'add', 'bulkPut'], delete: ['delete', 'bulkDelete'] } as const;
  for (const table of TABLES) {
    for (const op of ['write', 'delete'] as const) {
      for (const method of methods[op]) {
        const target = db[table] as unknown as Record<string, (...args: unknown[]) => unknown>;
        const original = target[method]!.bind(target);
        vi.spyOn(target, method).mockImplementation((...args: unknown[]) => {
          if (armed !== null && armed.table === table && armed.op === op) {
            const { error } = armed;
            armed = null;
            return Promise.reject(error);
          }
          return original(...args);
        });
      }
    }
  }

  const harness: Harness = {
    repo: createPlanRepository(db, options),
    failNext: (table, op, error) => {
      armed = { table, op, error };
    },
    raw: (table, key) => db.table(table).get(key),
    count: async (table) => db.table(table).count(),
    reopen: (reopenOptions) => {
      const other = new ChitieuDatabase(name);
      others.push(other);
      return createPlanRepository(other, reopenOptions ?? options);
    },
    dispose: async () => {
      for (const other of others) other.close();
      await db.delete();
    },
  };
  return harness;
};

/** A Map whose next set/delete can be made to throw. */
class FaultyMap<K, V> extends Map<K, V> {
  fault: { op: 'write' | 'delete'; error: unknown } | null = null;
  private trip(op: 'write' | 'delete'): void {
    if (this.fault?.op === op) {
      const { error } = this.fault;
      this.fault = null;
      throw error;
    }
  }
  override set(key: K, value: V): this {
    this.trip('write');
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.trip('delete');
    return super.delete(key);
  }
}

const memoryHarness: MakeHarness = async (options) => {
  const store: MemoryStore = {
    plans: new FaultyMap(),
    trash: new FaultyMap(),
    settings: new FaultyMap(),
    snapshots: new FaultyMap(),
    snapshotPlans: new FaultyMap(),
    history: new FaultyMap(),
    planSummaries: new FaultyMap(),
    lineage: new FaultyMap(),
    sharedRevisions: new FaultyMap(),
  };
  return {
    repo: createMemoryRepository({ ...options, store }),
    failNext: (table, op, error) => {
      (store[table] as FaultyMap<string, unknown>).fault = { op, error };
    },
    raw: async (table, key) => store[table].get(key),
    count: async (table) => store[table].size,
    reopen: (reopenOptions) => createMemoryRepository({ ...(reopenOptions ?? options), store }),
    dispose: async () => {},
  };
};

repositoryContract('IndexedDB (Dexie)', dexieHarness, true);
repositoryContract('in memory', memoryHarness, false);
