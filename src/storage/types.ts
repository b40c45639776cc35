/** The repository's public shape, shared by the IndexedDB and the in-memory implementations. */
import type { Plan } from '../engine/model/plan.ts';
import type { Result } from '../engine/result.ts';
import type { HistoryEntry, SnapshotRow } from './database.ts';
import type { SeedError, StorageError } from './errors.ts';

export type { HistoryEntry, SnapshotKind } from './database.ts';

/** A plan validator, injected (in the app: the one from `src/format`). */
export type PlanValidator = (value: unknown) => Result<Plan, unknown[]>;

/** The part of `navigator.storage` the repository uses. */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
}

export interface PlanRepositoryOptions {
  /**
   * Checks plans that enter storage from outside the command pipeline (`createPlan`, the seeded
   * example) and plans read by `getPlan`. Not run by `savePlan` or the watchers, which carry
   * plans the commands produced, so an edit costs no whole-plan validation.
   */
  validate?: PlanValidator;
  /** Defaults to `navigator.storage` when there is one; `null` means "none". */
  storageManager?: StorageManagerLike | null;
  /** Clock for `deletedAt` and settings timestamps. */
  now?: () => Date;
}

export interface PlanSummary {
  id: string;
  name: string;
  updatedAt: string;
  revision: number;
  indicatorCount: number;
}

export interface TrashSummary extends PlanSummary {
  deletedAt: string;
}

export interface SaveOptions {
  /**
   * The revision the caller's edit was based on (the plan's `revision` before the command).
   * When given and the stored plan has another revision — another tab saved in between — the save
   * returns `conflict` and writes nothing. The UI should always pass it.
   */
  expectedRevision?: number;
  /**
   * The plan's undo/redo history after this edit, saved in the same transaction as the plan (so a
   * reload never finds a history that does not match the plan). Each list keeps its last
   * `HISTORY_LIMIT` entries.
   */
  history?: PlanHistory;
  /**
   * Keep the stored plan as a `beforeImport` snapshot with this name before replacing it, in the
   * same transaction: an import that replaces or merges into a local plan either keeps the old one
   * and stores the new one, or (conflict, quota…) writes neither.
   */
  keepPreviousAs?: string;
}

/** A plan's lineage in storage: revision hashes oldest first, and those whose content is kept. */
export interface PlanLineage {
  hashes: readonly string[];
  held: readonly string[];
}

export interface SharedRevision {
  /** `revisionHash(plan)` (src/format/lineage.ts). */
  hash: string;
  plan: Plan;
  /** The lineage of the file it came in, for an import. */
  lineage?: readonly string[];
}

/**
 * Revisions of one plan whose content is kept as merge bases: the newest few, since a colleague's
 * copy comes back from a recent export, and each copy of a 1,000 × 120 plan takes megabytes.
 */
export const SHARED_REVISIONS_KEPT = 5;

/** Most entries kept in each of the undo and redo lists (the session keeps as many). */
export const HISTORY_LIMIT = 500;

/**
 * Undo and redo entries, oldest first: the last of `undo` is undone first, the last of `redo` is
 * redone first (the session's order).
 */
export interface PlanHistory {
  undo: readonly HistoryEntry[];
  redo: readonly HistoryEntry[];
}

/** A snapshot as listed: everything but the plan. */
export type SnapshotSummary = SnapshotRow;

export interface Snapshot extends SnapshotSummary {
  /** The plan as it was when the snapshot was taken. */
  plan: Plan;
}

export interface RestoreOptions {
  /** The open plan's revision: the restore is refused with `conflict` if the stored one differs. */
  expectedRevision: number;
}

export interface RestoreOutcome {
  /** The plan now stored: the snapshot's content at the next revision. */
  plan: Plan;
  /** The automatic snapshot of the plan as it was just before, to undo the restore. */
  backup: SnapshotSummary;
}

/** Longest snapshot name kept (longer names are cut). */
export const SNAPSHOT_NAME_LIMIT = 200;

/** What the UI needs to decide whether to remind the planner to export a backup. */
export interface ExportStatus {
  /** When this plan was last exported to a file (ISO), null if never. */
  lastExportAt: string | null;
  /**
   * Whether the browser promised to keep the data: `unknown` until it was asked (after the first
   * real save); `unsupported` also for the in-memory fallback, which keeps nothing.
   */
  persistent: 'granted' | 'denied' | 'unsupported' | 'unknown';
}

export interface SeedOutcome {
  /** True only when the example was written by this call. */
  seeded: boolean;
  planId?: string;
}

export interface PersistenceState {
  /** `unsupported`: no `navigator.storage.persist` (or memory mode); remind the user to export. */
  status: 'granted' | 'denied' | 'unsupported';
  /** When it was asked (ISO). */
  at: string;
}

/** Settings the repository itself writes; other keys are free for the app (e.g. `language`). */
export const SETTING_SEEDED = 'seeded';
export const SETTING_PERSISTENCE = 'persistence';
/** Prefix of the per-plan setting holding the last export's time: `lastExport:<planId>`. */
export const SETTING_LAST_EXPORT = 'lastExport:';

export type Unsubscribe = () => void;

export interface PlanRepository {
  /** `false` for the in-memory fallback: nothing survives a reload. */
  readonly durable: boolean;

  /** Every stored plan, newest `updatedAt` first. */
  listPlans(): Promise<Result<PlanSummary[], StorageError>>;
  /**
   * Calls back with the list now and after every change, from this tab or another one. Each call
   * re-reads whole plans: subscribe while the list is on screen, not for the app's lifetime.
   */
  watchPlans(callback: (plans: Result<PlanSummary[], StorageError>) => void): Unsubscribe;

  /**
   * The stored plan. Validated by the injected validator unless this version wrote it (its
   * summary says so): plans an older version wrote are checked, the app's own are not re-checked.
   */
  getPlan(id: string): Promise<Result<Plan, StorageError>>;
  /** Calls back with the plan now and after each change; `notFound` once it is deleted. */
  watchPlan(id: string, callback: (plan: Result<Plan, StorageError>) => void): Unsubscribe;

  /** Replaces an existing plan in one transaction; `notFound` if there is none (use createPlan). */
  savePlan(plan: Plan, options?: SaveOptions): Promise<Result<void, StorageError>>;
  /**
   * Adds a new plan; `conflict` if the id exists. Never overwrites. With `checked`, the caller
   * vouches that the plan was just validated (an import read by `parsePlanFile`): it is not
   * validated a second time.
   */
  createPlan(plan: Plan, options?: { checked?: boolean }): Promise<Result<void, StorageError>>;
  /**
   * Moves the plan to the trash, in one transaction. Its snapshots, history and export record
   * stay, so restoring the plan from the trash brings them back; `emptyTrash` drops them.
   */
  deletePlan(id: string): Promise<Result<void, StorageError>>;
  /** Moves a plan back from the trash; `conflict` if a plan with its id exists again. */
  restorePlan(id: string): Promise<Result<Plan, StorageError>>;
  listTrash(): Promise<Result<TrashSummary[], StorageError>>;
  /**
   * Deletes trashed plans for good: all, or those deleted before `olderThan`, with their
   * snapshots, history and export record (unless a live plan has the same id again). Returns how
   * many plans.
   */
  emptyTrash(olderThan?: Date): Promise<Result<number, StorageError>>;

  /**
   * Keeps the stored plan as it is now under a name; `notFound` if the plan is not stored (or is in
   * the trash), `invalid` for a blank name. Names longer than `SNAPSHOT_NAME_LIMIT` are cut.
   */
  createSnapshot(planId: string, name: string): Promise<Result<SnapshotSummary, StorageError>>;
  /** The plan's snapshots, newest first; kept (and listed) while the plan is in the trash. */
  listSnapshots(planId: string): Promise<Result<SnapshotSummary[], StorageError>>;
  /** Calls back with the plan's snapshots now and after each change, from any tab. */
  watchSnapshots(planId: string, callback: (snapshots: Result<SnapshotSummary[], StorageError>) => void): Unsubscribe;
  /** A snapshot with its plan (checked by the injected validator, as `getPlan` does). */
  getSnapshot(id: string): Promise<Result<Snapshot, StorageError>>;
  deleteSnapshot(id: string): Promise<Result<void, StorageError>>;
  /**
   * In one transaction: keeps the current plan as an automatic `beforeRestore` snapshot, then
   * replaces it with the snapshot's plan at revision current + 1, and drops the stored undo history
   * (it described the plan being replaced). `conflict` if the stored revision is not
   * `expectedRevision`; `notFound` if the snapshot is gone or its plan is not stored (in the trash).
   */
  restoreSnapshot(id: string, options: RestoreOptions): Promise<Result<RestoreOutcome, StorageError>>;

  /**
   * Stores the plan's undo/redo history for its stored revision (`notFound` if the plan is not
   * stored). Edits should rather pass it to `savePlan`, which writes both in one transaction.
   */
  saveHistory(planId: string, history: PlanHistory): Promise<Result<void, StorageError>>;
  /**
   * The history saved with the stored plan's revision; empty when there is none or when the plan
   * was changed without it since (another tab, an older version): those commands would no longer
   * undo what they say.
   */
  loadHistory(planId: string): Promise<Result<PlanHistory, StorageError>>;

  /**
   * The plan's lineage as this browser knows it (src/format/lineage.ts): empty lists when it has
   * none. Kept while the plan is in the trash; `emptyTrash` drops it.
   */
  getLineage(planId: string): Promise<Result<PlanLineage, StorageError>>;
  /** The content of a revision of the plan this browser exported or imported, null when not kept. */
  getSharedRevision(planId: string, hash: string): Promise<Result<Plan | null, StorageError>>;
  /**
   * Notes in one transaction that a revision of the plan was exported or imported: the lineage
   * takes in the file's (`lineage`, for an import) and then `hash` as its newest; the plan's
   * content is kept under `hash` as a future merge base, and the oldest kept past
   * `SHARED_REVISIONS_KEPT` are dropped. Returns the lineage now stored.
   */
  recordShared(planId: string, revision: SharedRevision): Promise<Result<PlanLineage, StorageError>>;

  /** Notes that the plan was just exported to a file (`notFound` if it is not stored). */
  recordExport(planId: string): Promise<Result<void, StorageError>>;
  exportStatus(planId: string): Promise<Result<ExportStatus, StorageError>>;

  /**
   * On the very first start only, stores the example plan. Marked by the `seeded` setting, set in
   * the same transaction as the insert, so it never happens again (even after the user deletes
   * the example). A database that already holds plans is never seeded. If `loadExample` fails
   * or its plan is invalid, nothing is written and the next start tries again.
   */
  seedIfFirstRun(loadExample: () => Promise<Plan>): Promise<Result<SeedOutcome, SeedError>>;

  getSetting<T = unknown>(key: string): Promise<Result<T | undefined, StorageError>>;
  setSetting(key: string, value: unknown): Promise<Result<void, StorageError>>;

  /**
   * Asks for persistent storage once per database (the answer is kept in the `persistence`
   * setting and returned on later calls). Started automatically by the first `savePlan` or
   * `createPlan`; calling it returns that same request.
   */
  requestPersistence(): Promise<Result<PersistenceState, StorageError>>;
}
