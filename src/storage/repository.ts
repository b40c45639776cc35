/**
 * The plan repository: whole plans in, whole plans out, every failure a `Result`.
 *
 * Rules (docs/decisions/0004-storage.md): a save is one transaction guarded by the revision the
 * edit was based on; a create never overwrites; a delete moves the plan to the trash in the same
 * transaction; the example plan is seeded once, flagged in the same transaction.
 */
import type { Plan } from '../engine/model/plan.ts';
import { err, ok, type Result } from '../engine/result.ts';
import { dexieBackend, type StoreBackend, type StoreTx } from './backend.ts';
import type { ChitieuDatabase, TrashRow } from './database.ts';
import { messageOf, toStorageError, type SeedError, type StorageError } from './errors.ts';
import {
  SETTING_PERSISTENCE,
  SETTING_SEEDED,
  type PersistenceState,
  type PlanRepository,
  type PlanRepositoryOptions,
  type PlanSummary,
  type SeedOutcome,
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

function defaultStorageManager(): StorageManagerLike | null {
  try {
    return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
  } catch {
    return null;
  }
}

/** Runs `body`, turning anything thrown (by Dexie, IndexedDB, structured clone) into a `StorageError`. */
async function attempt<T, E = StorageError>(body: () => Promise<Result<T, E>>): Promise<Result<T, E | StorageError>> {
  try {
    return await body();
  } catch (e) {
    return err(toStorageError(e));
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

  const listQuery = async (tx: StoreTx) => (await tx.allPlans()).map(summarize).sort(newestFirst);
  const planQuery = (id: string) => async (tx: StoreTx) => (await tx.getPlan(id)) ?? null;

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

    listPlans: () => attempt(async () => ok(await backend.read(['plans'], listQuery))),

    watchPlans(callback) {
      return backend.watch(
        ['plans'],
        listQuery,
        (plans) => callback(ok(plans)),
        (e) => callback(err(toStorageError(e))),
      );
    },

    getPlan: (id) =>
      attempt(async () => {
        const plan = await backend.read(['plans'], planQuery(id));
        if (plan === null) return err(notFound(id));
        return validated(validate, plan);
      }),

    watchPlan(id, callback) {
      return backend.watch(
        ['plans'],
        planQuery(id),
        (plan) => callback(plan === null ? err(notFound(id)) : ok(plan)),
        (e) => callback(err(toStorageError(e))),
      );
    },

    savePlan: async (plan, saveOptions = {}) => {
      const result = await attempt(() =>
        backend.write(['plans'], async (tx): Promise<Result<void, StorageError>> => {
          const stored = await tx.getPlan(plan.id);
          if (stored === undefined) return err(notFound(plan.id));
          const expected = saveOptions.expectedRevision;
          if (expected !== undefined && stored.revision !== expected) {
            return err({
              kind: 'conflict',
              id: plan.id,
              expectedRevision: expected,
              storedRevision: stored.revision,
              message: `Plan ${plan.id} was changed elsewhere (stored revision ${stored.revision}, expected ${expected})`,
            });
          }
          await tx.putPlan(plan);
          return ok(undefined);
        }),
      );
      if (result.ok) afterRealSave();
      return result;
    },

    createPlan: async (plan) => {
      const checked = validated(validate, plan);
      if (!checked.ok) return checked;
      const result = await attempt(() =>
        backend.write(['plans'], async (tx): Promise<Result<void, StorageError>> => {
          if ((await tx.getPlan(plan.id)) !== undefined) {
            return err({ kind: 'conflict', id: plan.id, message: `A plan with id ${plan.id} already exists` });
          }
          await tx.putPlan(plan);
          return ok(undefined);
        }),
      );
      if (result.ok) afterRealSave();
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
        backend.write(['trash'], async (tx) => {
          const ids = await tx.trashIdsBefore(olderThan?.toISOString());
          await tx.deleteTrash(ids);
          return ok(ids.length);
        }),
      ),

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
