/**
 * The in-memory fallback for when IndexedDB is unavailable (private mode, blocked, a newer
 * database): the same repository over plain Maps. Transactions run one at a time and undo their
 * writes when they fail, values are structured-cloned in and out as IndexedDB would, and watchers
 * re-run after each write, so the app cannot tell the difference until it reloads.
 */
import type { Plan } from '../engine/model/plan.ts';
import type { StoreBackend, StoreTx } from './backend.ts';
import { summaryRow, type HistoryRow, type LineageRow, type PlanSummaryRow, type SettingRow, type SharedRevisionRow, type SnapshotPlanRow, type SnapshotRow, type TableName, type TrashRow } from './database.ts';
import { repositoryOver } from './repository.ts';
import type { PlanRepository, PlanRepositoryOptions } from './types.ts';

export interface MemoryStore {
  plans: Map<string, Plan>;
  trash: Map<string, TrashRow>;
  settings: Map<string, SettingRow>;
  snapshots: Map<string, SnapshotRow>;
  snapshotPlans: Map<string, SnapshotPlanRow>;
  history: Map<string, HistoryRow>;
  planSummaries: Map<string, PlanSummaryRow>;
  lineage: Map<string, LineageRow>;
  /** Keyed by `planId` and `hash` joined with a NUL (neither holds one). */
  sharedRevisions: Map<string, SharedRevisionRow>;
}

const revisionKey = (planId: string, hash: string) => `${planId}\u0000${hash}`;

export function createMemoryStore(): MemoryStore {
  return { plans: new Map(), trash: new Map(), settings: new Map(), snapshots: new Map(), snapshotPlans: new Map(), history: new Map(), planSummaries: new Map(), lineage: new Map(), sharedRevisions: new Map() };
}

export interface MemoryRepositoryOptions extends PlanRepositoryOptions {
  /** The Maps to keep the data in (tests pass their own); fresh empty ones by default. */
  store?: MemoryStore;
}

export function createMemoryRepository(options: MemoryRepositoryOptions = {}): PlanRepository {
  const { store = createMemoryStore(), ...rest } = options;
  return repositoryOver(memoryBackend(store), rest);
}

type Undo = () => void;

function memoryTx(store: MemoryStore, undo: Undo[] | null, touched: Set<TableName>): StoreTx {
  const writable = () => {
    if (undo === null) throw new DOMException('A read-only transaction cannot write', 'ReadOnlyError');
    return undo;
  };
  function set<K, V>(table: TableName, map: Map<K, V>, key: K, value: V): void {
    const log = writable();
    const had = map.has(key);
    const previous = map.get(key);
    map.set(key, structuredClone(value));
    log.push(() => (had ? map.set(key, previous as V) : map.delete(key)));
    touched.add(table);
  }
  function remove<K, V>(table: TableName, map: Map<K, V>, key: K): void {
    const log = writable();
    if (!map.has(key)) return;
    const previous = map.get(key) as V;
    map.delete(key);
    log.push(() => map.set(key, previous));
    touched.add(table);
  }
  const copy = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : structuredClone(value));

  return {
    getPlan: async (id) => copy(store.plans.get(id)),
    allPlans: async () => [...store.plans.values()].map((p) => structuredClone(p)),
    allSummaries: async () => [...store.planSummaries.values()].map((r) => structuredClone(r)),
    getSummary: async (id) => copy(store.planSummaries.get(id)),
    countPlans: async () => store.plans.size,
    putPlan: async (plan) => {
      set('plans', store.plans, plan.id, plan);
      set('planSummaries', store.planSummaries, plan.id, summaryRow(plan, true));
    },
    deletePlan: async (id) => {
      remove('plans', store.plans, id);
      remove('planSummaries', store.planSummaries, id);
    },
    getTrash: async (id) => copy(store.trash.get(id)),
    allTrash: async () => [...store.trash.values()].map((r) => structuredClone(r)),
    countTrash: async () => store.trash.size,
    trashIdsBefore: async (iso) =>
      [...store.trash.values()].filter((r) => iso === undefined || r.deletedAt < iso).map((r) => r.id),
    putTrash: async (row) => set('trash', store.trash, row.id, row),
    deleteTrash: async (ids) => {
      for (const id of ids) remove('trash', store.trash, id);
    },
    getSetting: async (key) => {
      const row = store.settings.get(key);
      return row === undefined ? undefined : { value: structuredClone(row.value) };
    },
    putSetting: async (key, value) => set('settings', store.settings, key, { key, value }),
    deleteSettings: async (keys) => {
      for (const key of keys) remove('settings', store.settings, key);
    },
    getSnapshot: async (id) => copy(store.snapshots.get(id)),
    getSnapshotPlan: async (id) => copy(store.snapshotPlans.get(id)?.plan),
    snapshotsOf: async (planId) =>
      [...store.snapshots.values()].filter((r) => r.planId === planId).map((r) => structuredClone(r)),
    putSnapshot: async (row, plan) => {
      set('snapshots', store.snapshots, row.id, row);
      set('snapshotPlans', store.snapshotPlans, row.id, { id: row.id, plan });
    },
    deleteSnapshots: async (ids) => {
      for (const id of ids) {
        remove('snapshots', store.snapshots, id);
        remove('snapshotPlans', store.snapshotPlans, id);
      }
    },
    getHistory: async (planId) => copy(store.history.get(planId)),
    putHistory: async (row) => set('history', store.history, row.planId, row),
    deleteHistory: async (planIds) => {
      for (const planId of planIds) remove('history', store.history, planId);
    },
    getLineage: async (planId) => copy(store.lineage.get(planId)),
    putLineage: async (row) => set('lineage', store.lineage, row.planId, row),
    getSharedRevision: async (planId, hash) => copy(store.sharedRevisions.get(revisionKey(planId, hash))),
    putSharedRevision: async (row) => set('sharedRevisions', store.sharedRevisions, revisionKey(row.planId, row.hash), row),
    deleteSharedRevisions: async (planId, hashes) => {
      for (const hash of hashes) remove('sharedRevisions', store.sharedRevisions, revisionKey(planId, hash));
    },
    deleteLineages: async (planIds) => {
      const gone = new Set(planIds);
      for (const planId of planIds) remove('lineage', store.lineage, planId);
      for (const [key, row] of [...store.sharedRevisions]) if (gone.has(row.planId)) remove('sharedRevisions', store.sharedRevisions, key);
    },
  };
}

function memoryBackend(store: MemoryStore): StoreBackend {
  /** One transaction at a time, like IndexedDB's overlapping read-write scopes. */
  let queue: Promise<unknown> = Promise.resolve();
  const watchers = new Set<{ tables: TableName[]; rerun: () => void }>();

  function run<T>(mode: 'r' | 'rw', fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const body = async (): Promise<T> => {
      const undo: Undo[] | null = mode === 'rw' ? [] : null;
      const touched = new Set<TableName>();
      try {
        const value = await fn(memoryTx(store, undo, touched));
        if (touched.size > 0) {
          for (const w of watchers) if (w.tables.some((t) => touched.has(t))) w.rerun();
        }
        return value;
      } catch (e) {
        if (undo !== null) for (const step of undo.reverse()) step();
        throw e;
      }
    };
    const result = queue.then(body, body);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    durable: false,
    read: (_tables, fn) => run('r', fn),
    write: (_tables, fn) => run('rw', fn),
    watch(tables, query, next, error) {
      let active = true;
      const watcher = {
        tables,
        rerun: () => {
          run('r', query).then(
            (value) => active && next(value),
            (e: unknown) => active && error(e),
          );
        },
      };
      watchers.add(watcher);
      watcher.rerun();
      return () => {
        active = false;
        watchers.delete(watcher);
      };
    },
  };
}
