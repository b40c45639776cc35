/**
 * The plan repository: whole plans in, whole plans out, every failure a `Result`.
 *
 * Rules (docs/decisions/0004-storage.md): a save is one transaction guarded by the revision the
 * edit was based on; a create never overwrites; a delete moves the plan to the trash in the same
 * transaction; the example plan is seeded once, flagged in the same transaction.
 */
import { newPlanId } from '../engine/model/factories.ts';
import type { Plan } from '../engine/model/plan.ts';
import { err, ok, type Result } from '../engine/result.ts';
import { extendLineage, joinLineages } from '../format/lineage-list.ts';
import { dexieBackend, type StoreBackend, type StoreTx } from './backend.ts';
import type { ChitieuDatabase, HistoryEntry, HistoryRow, SnapshotKind, SnapshotRow, TableName, TrashRow } from './database.ts';
import { messageOf, toStorageError, type SeedError, type StorageError } from './errors.ts';
import {
  HISTORY_LIMIT,
  SHARED_REVISIONS_KEPT,
  SETTING_LAST_EXPORT,
  SETTING_PERSISTENCE,
  SETTING_SEEDED,
  SNAPSHOT_NAME_LIMIT,
  type ExportStatus,
  type PersistenceState,
  type PlanHistory,
  type PlanLineage,
  type PlanRepository,
  type PlanRepositoryOptions,
  type PlanSummary,
  type RestoreOutcome,
  type SeedOutcome,
  type SnapshotSummary,
  type StorageManagerLike,
  type TrashSummary,
} from './types.ts';

export function createPlanRepository(db: ChitieuDatabase, options: PlanRepositoryOptions = {}): PlanRepository {
  return repositoryOver(dexieBackend(db), options);
}

function summarize(plan: Plan): PlanSummary {
  return {
    id: plan.id,
    name: plan.name,
    updatedAt: plan.updatedAt,
    revision: plan.revision,
    indicatorCount: Array.isArray(plan.indicators) ? plan.indicators.length : 0,
  };
}

/** Newest first by instant (timestamps may carry offsets, so not by string), then by id. */
function newestFirst(a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }): number {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  if (ta !== tb) return (Number.isNaN(tb) ? -Infinity : tb) - (Number.isNaN(ta) ? -Infinity : ta);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const notFound = (id: string): StorageError => ({ kind: 'notFound', id, message: `No plan with id ${id}` });
const noSnapshot = (id: string): StorageError => ({ kind: 'notFound', id, message: `No snapshot with id ${id}` });

const conflict = (id: string, expected: number, stored: number): StorageError => ({
  kind: 'conflict',
  id,
  expectedRevision: expected,
  storedRevision: stored,
  message: `Plan ${id} was changed elsewhere (stored revision ${stored}, expected ${expected})`,
});

/** Newest first, then by id so that equal times list in a stable order. */
function newestSnapshotFirst(a: SnapshotRow, b: SnapshotRow): number {
  return newestFirst({ updatedAt: a.createdAt, id: a.id }, { updatedAt: b.createdAt, id: b.id });
}

const blankName = (): StorageError => ({
  kind: 'invalid',
  issues: [{ path: ['name'], message: 'A snapshot needs a name' }],
  message: 'A snapshot needs a name',
});

function snapshotRow(plan: Plan, name: string, kind: SnapshotKind, at: Date): SnapshotRow {
  return {
    id: newPlanId(),
    planId: plan.id,
    name,
    kind,
    createdAt: at.toISOString(),
    revision: plan.revision,
    indicatorCount: summarize(plan).indicatorCount,
  };
}

const exportKey = (planId: string) => `${SETTING_LAST_EXPORT}${planId}`;

/** The row stored for a history: each list cut to its last `HISTORY_LIMIT` entries. */
function historyRow(planId: string, revision: number, history: PlanHistory): HistoryRow {
  return {
    planId,
    revision,
    undo: history.undo.slice(-HISTORY_LIMIT),
    redo: history.redo.slice(-HISTORY_LIMIT),
  };
}

function isHistoryEntry(value: unknown): value is HistoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { command, label } = value as { command?: unknown; label?: unknown };
  return (
    typeof label === 'string' &&
    typeof command === 'object' &&
    command !== null &&
    typeof (command as { type?: unknown }).type === 'string'
  );
}

/** A stored history is ours, but may come from another version: anything odd reads as none. */
function readableHistory(row: HistoryRow): PlanHistory {
  const { undo, redo } = row;
  if (!Array.isArray(undo) || !Array.isArray(redo) || !undo.every(isHistoryEntry) || !redo.every(isHistoryEntry)) {
    return { undo: [], redo: [] };
  }
  return { undo, redo };
}

/** A stored lineage is ours, but may come from another version: anything odd reads as none. */
function readableLineage(row: { hashes?: unknown; held?: unknown } | undefined): PlanLineage {
  const strings = (value: unknown): string[] => (Array.isArray(value) && value.every((h) => typeof h === 'string') ? value : []);
  return { hashes: strings(row?.hashes), held: strings(row?.held) };
}

/** What tells two writes of a plan apart for a watcher: every write of the app moves one of these. */
function versionOf(plan: { revision: number; updatedAt: string }): string {
  return `${plan.revision} ${plan.updatedAt}`;
}

function defaultStorageManager(): StorageManagerLike | null {
  try {
    return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
  } catch {
    return null;
  }
}

/**
 * Thrown inside a write transaction to refuse it after writes were issued: the backend rolls them
 * back, and `attempt` returns the error it carries.
 */
class Refusal {
  constructor(readonly error: StorageError) {}
}

/** Runs `body`, turning anything thrown (by Dexie, IndexedDB, structured clone) into a `StorageError`. */
async function attempt<T, E = StorageError>(body: () => Promise<Result<T, E>>): Promise<Result<T, E | StorageError>> {
  try {
    return await body();
  } catch (e) {
    return err(e instanceof Refusal ? e.error : toStorageError(e));
  }
}

function validated(validate: PlanRepositoryOptions['validate'], value: unknown): Result<Plan, StorageError> {
  if (validate === undefined) return ok(value as Plan);
  const checked = validate(value);
  if (checked.ok) return checked;
  return err({ kind: 'invalid', issues: checked.error, message: `The plan is not valid (${checked.error.length} issue(s))` });
}

export function repositoryOver(backend: StoreBackend, options: PlanRepositoryOptions = {}): PlanRepository {
  const now = options.now ?? (() => new Date());
  const validate = options.validate;
  let persistenceRequest: Promise<Result<PersistenceState, StorageError>> | undefined;

  // Summary rows, not whole plans: the list is re-read after every save, in every tab.
  const listQuery = async (tx: StoreTx): Promise<PlanSummary[]> =>
    (await tx.allSummaries()).map(({ id, name, updatedAt, revision, indicatorCount }) => ({ id, name, updatedAt, revision, indicatorCount })).sort(newestFirst);
  const planQuery = (id: string) => async (tx: StoreTx) => (await tx.getPlan(id)) ?? null;
  // The plan this repository last read or wrote: when a watcher hears of that very revision (our
  // own save coming back, or the plan just opened), it hands this object over instead of reading
  // the whole plan again. Plans are never changed in place, so sharing the object is safe.
  let lastKnown: Plan | null = null;
  const known = (plan: Plan) => {
    lastKnown = plan;
  };
  const snapshotsQuery = (planId: string) => async (tx: StoreTx) => (await tx.snapshotsOf(planId)).sort(newestSnapshotFirst);

  function requestPersistence(): Promise<Result<PersistenceState, StorageError>> {
    persistenceRequest ??= attempt(async () => {
      const stored = await backend.read(['settings'], (tx) => tx.getSetting(SETTING_PERSISTENCE));
      if (stored !== undefined) return ok(stored.value as PersistenceState);
      const manager = options.storageManager === undefined ? defaultStorageManager() : options.storageManager;
      let status: PersistenceState['status'] = 'unsupported';
      if (backend.durable && manager !== null && typeof manager.persist === 'function') {
        // Outside any transaction: persist() may wait on a permission prompt.
        try {
          status = (await manager.persist()) ? 'granted' : 'denied';
        } catch {
          status = 'denied';
        }
      }
      const state: PersistenceState = { status, at: now().toISOString() };
      await backend.write(['settings'], (tx) => tx.putSetting(SETTING_PERSISTENCE, state));
      return ok(state);
    }).then((result) => {
      // A failed attempt (say, the settings write hit the quota) may be retried by a later save.
      if (!result.ok) persistenceRequest = undefined;
      return result;
    });
    return persistenceRequest;
  }

  /** After a user's save has committed; never delays or fails the save. */
  function afterRealSave(): void {
    void requestPersistence();
  }

  return {
    durable: backend.durable,

    listPlans: () => attempt(async () => ok(await backend.read(['planSummaries'], listQuery))),

    watchPlans(callback) {
      return backend.watch(
        ['planSummaries'],
        listQuery,
        (plans) => callback(ok(plans)),
        (e) => callback(err(toStorageError(e))),
      );
    },

    getPlan: (id) =>
      attempt(async () => {
        const found = await backend.read(['plans', 'planSummaries'], async (tx) => ({ plan: await tx.getPlan(id), summary: await tx.getSummary(id) }));
        if (found.plan === undefined) return err(notFound(id));
        // Written by this version (validated on the way in, or made by commands): not checked twice.
        if (found.summary?.checked === true && found.summary.revision === found.plan.revision) {
          known(found.plan);
          return ok(found.plan);
        }
        const checked = validated(validate, found.plan);
        if (checked.ok) known(checked.value);
        return checked;
      }),

    watchPlan(id, callback) {
      // The summary is watched, not the plan: a save re-reads one small row, and the whole plan is
      // read only when its revision is one this repository did not write (another tab's).
      let active = true;
      let delivered: string | null = null;
      let reads = 0;
      const stop = backend.watch(
        ['planSummaries'],
        async (tx) => (await tx.getSummary(id)) ?? null,
        (summary) => {
          if (summary === null) {
            delivered = null;
            callback(err(notFound(id)));
            return;
          }
          const version = versionOf(summary);
          if (version === delivered) return;
          delivered = version;
          const own = lastKnown;
          if (own !== null && own.id === id && versionOf(own) === version) {
            callback(ok(own));
            return;
          }
          const read = ++reads;
          backend.read(['plans'], planQuery(id)).then(
            (plan) => {
              if (!active || read !== reads) return;
              callback(plan === null ? err(notFound(id)) : ok(plan));
            },
            (e: unknown) => {
              if (active && read === reads) callback(err(toStorageError(e)));
            },
          );
        },
        (e) => callback(err(toStorageError(e))),
      );
      return () => {
        active = false;
        stop();
      };
    },

    savePlan: async (plan, saveOptions = {}) => {
      const { expectedRevision: expected, history, keepPreviousAs } = saveOptions;
      const keepName = keepPreviousAs?.trim().slice(0, SNAPSHOT_NAME_LIMIT);
      if (keepName === '') return err(blankName());
      const tables: TableName[] = ['plans'];
      if (history !== undefined) tables.push('history');
      if (keepName !== undefined) tables.push('snapshots', 'snapshotPlans');
      const result = await attempt(() =>
        backend.write(tables, async (tx): Promise<Result<void, StorageError>> => {
          // The writes go out together with the read, not after its answer: the save then waits
          // for one turn of this thread instead of two, so a busy repaint or a reload right after
          // an edit has less time to catch it before it commits. A refusal throws, which rolls the
          // writes back.
          // The revision is read from the plan's summary row, not from the whole plan: the check
          // then costs one small row, whatever the plan's size. The whole plan is read only to
          // keep it as a snapshot (it must be read before the put replaces it).
          const reading = keepName !== undefined ? tx.getPlan(plan.id) : tx.getSummary(plan.id);
          const writes = Promise.all([
            tx.putPlan(plan),
            history === undefined ? undefined : tx.putHistory(historyRow(plan.id, plan.revision, history)),
          ]);
          // Awaited below unless the save is refused first; then the roll-back is what matters.
          writes.catch(() => undefined);
          const stored = await reading;
          if (stored === undefined) throw new Refusal(notFound(plan.id));
          if (expected !== undefined && stored.revision !== expected) throw new Refusal(conflict(plan.id, expected, stored.revision));
          if (keepName !== undefined) await tx.putSnapshot(snapshotRow(stored as Plan, keepName, 'beforeImport', now()), stored as Plan);
          await writes;
          return ok(undefined);
        }),
      );
      if (result.ok) {
        known(plan);
        afterRealSave();
      }
      return result;
    },

    createPlan: async (plan, createOptions = {}) => {
      if (createOptions.checked !== true) {
        const checked = validated(validate, plan);
        if (!checked.ok) return checked;
      }
      const result = await attempt(() =>
        backend.write(['plans'], async (tx): Promise<Result<void, StorageError>> => {
          if ((await tx.getPlan(plan.id)) !== undefined) {
            return err({ kind: 'conflict', id: plan.id, message: `A plan with id ${plan.id} already exists` });
          }
          await tx.putPlan(plan);
          return ok(undefined);
        }),
      );
      if (result.ok) {
        known(plan);
        afterRealSave();
      }
      return result;
    },

    deletePlan: (id) =>
      attempt(() =>
        backend.write(['plans', 'trash'], async (tx): Promise<Result<void, StorageError>> => {
          const plan = await tx.getPlan(id);
          if (plan === undefined) return err(notFound(id));
          const row: TrashRow = { id, deletedAt: now().toISOString(), plan };
          await tx.putTrash(row);
          await tx.deletePlan(id);
          return ok(undefined);
        }),
      ),

    restorePlan: (id) =>
      attempt(() =>
        backend.write(['plans', 'trash'], async (tx): Promise<Result<Plan, StorageError>> => {
          const row = await tx.getTrash(id);
          if (row === undefined) return err({ kind: 'notFound', id, message: `No deleted plan with id ${id}` });
          if ((await tx.getPlan(id)) !== undefined) {
            return err({ kind: 'conflict', id, message: `A plan with id ${id} exists again; restoring would overwrite it` });
          }
          await tx.putPlan(row.plan);
          await tx.deleteTrash([id]);
          return ok(row.plan);
        }),
      ),

    listTrash: () =>
      attempt(async () => {
        const rows = await backend.read(['trash'], (tx) => tx.allTrash());
        const summaries: TrashSummary[] = rows.map((row) => ({ ...summarize(row.plan), deletedAt: row.deletedAt }));
        summaries.sort((a, b) => newestFirst({ updatedAt: a.deletedAt, id: a.id }, { updatedAt: b.deletedAt, id: b.id }));
        return ok(summaries);
      }),

    emptyTrash: (olderThan) =>
      attempt(() =>
        backend.write(['trash', 'plans', 'snapshots', 'snapshotPlans', 'history', 'settings', 'lineage', 'sharedRevisions'], async (tx) => {
          const ids = await tx.trashIdsBefore(olderThan?.toISOString());
          await tx.deleteTrash(ids);
          // What belonged to the plans deleted for good goes with them, unless a plan with the
          // same id lives again (then it is that plan's).
          const gone: string[] = [];
          for (const id of ids) if ((await tx.getPlan(id)) === undefined) gone.push(id);
          const snapshotIds: string[] = [];
          for (const id of gone) snapshotIds.push(...(await tx.snapshotsOf(id)).map((row) => row.id));
          await tx.deleteSnapshots(snapshotIds);
          await tx.deleteHistory(gone);
          await tx.deleteSettings(gone.map(exportKey));
          await tx.deleteLineages(gone);
          return ok(ids.length);
        }),
      ),

    createSnapshot: async (planId, name) => {
      const trimmed = name.trim().slice(0, SNAPSHOT_NAME_LIMIT);
      if (trimmed === '') return err(blankName());
      const result = await attempt(() =>
        backend.write(['plans', 'snapshots', 'snapshotPlans'], async (tx): Promise<Result<SnapshotSummary, StorageError>> => {
          const plan = await tx.getPlan(planId);
          if (plan === undefined) return err(notFound(planId));
          const row = snapshotRow(plan, trimmed, 'manual', now());
          await tx.putSnapshot(row, plan);
          return ok(row);
        }),
      );
      if (result.ok) afterRealSave();
      return result;
    },

    listSnapshots: (planId) =>
      attempt(async () => ok(await backend.read(['snapshots'], snapshotsQuery(planId)))),

    watchSnapshots(planId, callback) {
      return backend.watch(
        ['snapshots'],
        snapshotsQuery(planId),
        (rows) => callback(ok(rows)),
        (e) => callback(err(toStorageError(e))),
      );
    },

    getSnapshot: (id) =>
      attempt(async () => {
        const found = await backend.read(['snapshots', 'snapshotPlans'], async (tx) => ({
          row: await tx.getSnapshot(id),
          plan: await tx.getSnapshotPlan(id),
        }));
        if (found.row === undefined || found.plan === undefined) return err(noSnapshot(id));
        const checked = validated(validate, found.plan);
        if (!checked.ok) return checked;
        return ok({ ...found.row, plan: checked.value });
      }),

    deleteSnapshot: (id) =>
      attempt(() =>
        backend.write(['snapshots', 'snapshotPlans'], async (tx): Promise<Result<void, StorageError>> => {
          if ((await tx.getSnapshot(id)) === undefined) return err(noSnapshot(id));
          await tx.deleteSnapshots([id]);
          return ok(undefined);
        }),
      ),

    restoreSnapshot: async (id, { expectedRevision }) => {
      const result = await attempt(() =>
        backend.write(['plans', 'snapshots', 'snapshotPlans', 'history'], async (tx): Promise<Result<RestoreOutcome, StorageError>> => {
          const row = await tx.getSnapshot(id);
          const kept = await tx.getSnapshotPlan(id);
          if (row === undefined || kept === undefined) return err(noSnapshot(id));
          const current = await tx.getPlan(row.planId);
          if (current === undefined) {
            return err({ kind: 'notFound', id: row.planId, message: `Plan ${row.planId} is not stored (deleted?): restore it from the trash first` });
          }
          if (current.revision !== expectedRevision) return err(conflict(row.planId, expectedRevision, current.revision));
          const checked = validated(validate, kept);
          if (!checked.ok) return checked;
          const backup = snapshotRow(current, row.name, 'beforeRestore', now());
          const at = backup.createdAt;
          const restored: Plan = { ...checked.value, id: current.id, updatedAt: at, revision: current.revision + 1 };
          await tx.putSnapshot(backup, current);
          await tx.putPlan(restored);
          await tx.deleteHistory([row.planId]);
          return ok({ plan: restored, backup });
        }),
      );
      if (result.ok) afterRealSave();
      return result;
    },

    saveHistory: (planId, history) =>
      attempt(() =>
        backend.write(['plans', 'history'], async (tx): Promise<Result<void, StorageError>> => {
          const plan = await tx.getPlan(planId);
          if (plan === undefined) return err(notFound(planId));
          await tx.putHistory(historyRow(planId, plan.revision, history));
          return ok(undefined);
        }),
      ),

    loadHistory: (planId) =>
      attempt(async () => {
        const found = await backend.read(['plans', 'history'], async (tx) => ({
          plan: await tx.getPlan(planId),
          row: await tx.getHistory(planId),
        }));
        if (found.plan === undefined) return err(notFound(planId));
        if (found.row === undefined || found.row.revision !== found.plan.revision) return ok({ undo: [], redo: [] });
        return ok(readableHistory(found.row));
      }),

    getLineage: (planId) =>
      attempt(async () => {
        const row = await backend.read(['lineage'], (tx) => tx.getLineage(planId));
        return ok(readableLineage(row));
      }),

    getSharedRevision: (planId, hash) =>
      attempt(async (): Promise<Result<Plan | null, StorageError>> => {
        const row = await backend.read(['sharedRevisions'], (tx) => tx.getSharedRevision(planId, hash));
        if (row === undefined) return ok(null);
        return validated(validate, row.plan);
      }),

    recordShared: (planId, revision) =>
      attempt(() =>
        backend.write(['lineage', 'sharedRevisions'], async (tx): Promise<Result<PlanLineage, StorageError>> => {
          const before = readableLineage(await tx.getLineage(planId));
          const hashes = extendLineage(joinLineages(before.hashes, revision.lineage ?? []), revision.hash);
          const held = [...before.held.filter((h) => h !== revision.hash), revision.hash];
          const dropped = held.splice(0, Math.max(0, held.length - SHARED_REVISIONS_KEPT));
          await tx.putSharedRevision({ planId, hash: revision.hash, plan: revision.plan });
          await tx.deleteSharedRevisions(planId, dropped);
          const row = { planId, hashes, held };
          await tx.putLineage(row);
          return ok({ hashes, held });
        }),
      ),

    recordExport: (planId) =>
      attempt(() =>
        backend.write(['plans', 'settings'], async (tx): Promise<Result<void, StorageError>> => {
          if ((await tx.getPlan(planId)) === undefined) return err(notFound(planId));
          await tx.putSetting(exportKey(planId), now().toISOString());
          return ok(undefined);
        }),
      ),

    exportStatus: (planId) =>
      attempt(async () => {
        const found = await backend.read(['settings'], async (tx) => ({
          exported: await tx.getSetting(exportKey(planId)),
          persistence: await tx.getSetting(SETTING_PERSISTENCE),
        }));
        const lastExportAt = typeof found.exported?.value === 'string' ? found.exported.value : null;
        const status = (found.persistence?.value as PersistenceState | undefined)?.status;
        const persistent: ExportStatus['persistent'] = !backend.durable ? 'unsupported' : status ?? 'unknown';
        return ok({ lastExportAt, persistent });
      }),

    seedIfFirstRun: (loadExample) =>
      attempt<SeedOutcome, SeedError>(async () => {
        const firstLook = await backend.read(['settings', 'plans', 'trash'], async (tx) => ({
          seeded: (await tx.getSetting(SETTING_SEEDED)) !== undefined,
          hasData: (await tx.countPlans()) + (await tx.countTrash()) > 0,
        }));
        if (firstLook.seeded) return ok({ seeded: false });

        // Loaded before any transaction: fetching a file is not a Dexie operation.
        let example: Plan | undefined;
        if (!firstLook.hasData) {
          try {
            example = await loadExample();
          } catch (e) {
            return err({ kind: 'exampleFailed', message: `Could not load the example plan: ${messageOf(e)}`, cause: e });
          }
          const checked = validated(validate, example);
          if (!checked.ok) return checked;
        }

        return ok(
          await backend.write(['settings', 'plans', 'trash'], async (tx): Promise<SeedOutcome> => {
            // Checked again inside the transaction: another tab may have seeded or saved meanwhile.
            if ((await tx.getSetting(SETTING_SEEDED)) !== undefined) return { seeded: false };
            const hasData = (await tx.countPlans()) + (await tx.countTrash()) > 0;
            const insert = example !== undefined && !hasData;
            if (insert) await tx.putPlan(example as Plan);
            await tx.putSetting(SETTING_SEEDED, { at: now().toISOString(), planId: insert ? (example as Plan).id : null });
            return insert ? { seeded: true, planId: (example as Plan).id } : { seeded: false };
          }),
        );
      }),

    getSetting: <T>(key: string) =>
      attempt(async (): Promise<Result<T | undefined, StorageError>> => {
        const row = await backend.read(['settings'], (tx) => tx.getSetting(key));
        return ok(row === undefined ? undefined : (row.value as T));
      }),

    setSetting: (key, value) =>
      attempt(async () => {
        await backend.write(['settings'], (tx) => tx.putSetting(key, value));
        return ok(undefined);
      }),

    requestPersistence,
  };
}
