/**
 * The few table operations the repository needs, with transactions, over two backends: Dexie
 * (IndexedDB) here and plain Maps in memory.ts. The repository's rules (revisions, trash,
 * seeding) are written once, on top, so both behave the same.
 *
 * Inside `read`/`write` callbacks only `StoreTx` calls may be awaited: in the Dexie backend they
 * are Dexie operations, and any other await would let the IndexedDB transaction commit early.
 */
import { liveQuery } from 'dexie';
import type { Plan } from '../engine/model/plan.ts';
import { summaryRow, type ChitieuDatabase, type HistoryRow, type LineageRow, type PlanSummaryRow, type SharedRevisionRow, type SnapshotRow, type TableName, type TrashRow } from './database.ts';

export interface StoreTx {
  getPlan(id: string): Promise<Plan | undefined>;
  allPlans(): Promise<Plan[]>;
  /** What the plan list shows of every plan, without reading the plans. */
  allSummaries(): Promise<PlanSummaryRow[]>;
  /** One plan's summary: its revision without reading the plan. */
  getSummary(id: string): Promise<PlanSummaryRow | undefined>;
  countPlans(): Promise<number>;
  putPlan(plan: Plan): Promise<void>;
  deletePlan(id: string): Promise<void>;
  getTrash(id: string): Promise<TrashRow | undefined>;
  allTrash(): Promise<TrashRow[]>;
  countTrash(): Promise<number>;
  /** Ids of trash rows deleted before `iso`, or all ids when `iso` is undefined. */
  trashIdsBefore(iso: string | undefined): Promise<string[]>;
  putTrash(row: TrashRow): Promise<void>;
  deleteTrash(ids: string[]): Promise<void>;
  getSetting(key: string): Promise<{ value: unknown } | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  deleteSettings(keys: string[]): Promise<void>;
  getSnapshot(id: string): Promise<SnapshotRow | undefined>;
  /** The plan of a snapshot (table `snapshotPlans`). */
  getSnapshotPlan(id: string): Promise<Plan | undefined>;
  snapshotsOf(planId: string): Promise<SnapshotRow[]>;
  /** Writes the summary row and the plan row of a snapshot. */
  putSnapshot(row: SnapshotRow, plan: Plan): Promise<void>;
  /** Deletes summary and plan rows. */
  deleteSnapshots(ids: string[]): Promise<void>;
  getHistory(planId: string): Promise<HistoryRow | undefined>;
  putHistory(row: HistoryRow): Promise<void>;
  deleteHistory(planIds: string[]): Promise<void>;
  getLineage(planId: string): Promise<LineageRow | undefined>;
  putLineage(row: LineageRow): Promise<void>;
  getSharedRevision(planId: string, hash: string): Promise<SharedRevisionRow | undefined>;
  putSharedRevision(row: SharedRevisionRow): Promise<void>;
  deleteSharedRevisions(planId: string, hashes: string[]): Promise<void>;
  /** Deletes the lineage and every kept revision of these plans. */
  deleteLineages(planIds: string[]): Promise<void>;
}

export interface StoreBackend {
  readonly durable: boolean;
  read<T>(tables: TableName[], fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** All or nothing: if `fn` throws, every write it made is undone. */
  write<T>(tables: TableName[], fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Runs `query` now and again whenever its tables change (in any tab); returns unsubscribe. */
  watch<T>(
    tables: TableName[],
    query: (tx: StoreTx) => Promise<T>,
    next: (value: T) => void,
    error: (e: unknown) => void,
  ): () => void;
}

function dexieTx(db: ChitieuDatabase): StoreTx {
  return {
    getPlan: (id) => db.plans.get(id),
    allPlans: () => db.plans.toArray(),
    allSummaries: () => db.planSummaries.toArray(),
    getSummary: (id) => db.planSummaries.get(id),
    countPlans: () => db.plans.count(),
    // The summary goes with the plan, in the same transaction (`write` adds its table).
    putPlan: async (plan) => {
      await Promise.all([db.plans.put(plan), db.planSummaries.put(summaryRow(plan, true))]);
    },
    deletePlan: async (id) => {
      await Promise.all([db.plans.delete(id), db.planSummaries.delete(id)]);
    },
    getTrash: (id) => db.trash.get(id),
    allTrash: () => db.trash.toArray(),
    countTrash: () => db.trash.count(),
    trashIdsBefore: (iso) =>
      iso === undefined ? db.trash.toCollection().primaryKeys() : db.trash.where('deletedAt').below(iso).primaryKeys(),
    putTrash: async (row) => {
      await db.trash.put(row);
    },
    deleteTrash: (ids) => db.trash.bulkDelete(ids),
    getSetting: async (key) => {
      const row = await db.settings.get(key);
      return row === undefined ? undefined : { value: row.value };
    },
    putSetting: async (key, value) => {
      await db.settings.put({ key, value });
    },
    deleteSettings: (keys) => db.settings.bulkDelete(keys),
    getSnapshot: (id) => db.snapshots.get(id),
    getSnapshotPlan: async (id) => (await db.snapshotPlans.get(id))?.plan,
    snapshotsOf: (planId) => db.snapshots.where('planId').equals(planId).toArray(),
    putSnapshot: async (row, plan) => {
      await db.snapshots.put(row);
      await db.snapshotPlans.put({ id: row.id, plan });
    },
    deleteSnapshots: async (ids) => {
      await db.snapshots.bulkDelete(ids);
      await db.snapshotPlans.bulkDelete(ids);
    },
    getHistory: (planId) => db.history.get(planId),
    putHistory: async (row) => {
      await db.history.put(row);
    },
    deleteHistory: (planIds) => db.history.bulkDelete(planIds),
    getLineage: (planId) => db.lineage.get(planId),
    putLineage: async (row) => {
      await db.lineage.put(row);
    },
    getSharedRevision: (planId, hash) => db.sharedRevisions.get([planId, hash]),
    putSharedRevision: async (row) => {
      await db.sharedRevisions.put(row);
    },
    deleteSharedRevisions: (planId, hashes) => db.sharedRevisions.bulkDelete(hashes.map((hash): [string, string] => [planId, hash])),
    deleteLineages: async (planIds) => {
      await db.lineage.bulkDelete(planIds);
      await db.sharedRevisions.where('planId').anyOf(planIds).delete();
    },
  };
}

/** The tables a transaction over `names` really needs: a plan's summary is written with it. */
function withSummaries(names: TableName[]): TableName[] {
  return names.includes('plans') && !names.includes('planSummaries') ? [...names, 'planSummaries'] : names;
}

export function dexieBackend(db: ChitieuDatabase): StoreBackend {
  const tx = dexieTx(db);
  const tablesOf = (names: TableName[]) => names.map((n) => db.table(n));
  const read = <T>(tables: TableName[], fn: (tx: StoreTx) => Promise<T>): Promise<T> =>
    db.transaction('r', tablesOf(tables), () => fn(tx));
  return {
    durable: true,
    read,
    write: (tables, fn) => db.transaction('rw', tablesOf(withSummaries(tables)), () => fn(tx)),
    watch: (tables, query, next, error) => {
      const subscription = liveQuery(() => read(tables, query)).subscribe({ next, error });
      return () => subscription.unsubscribe();
    },
  };
}
