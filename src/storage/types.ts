/** The repository's public shape, shared by the IndexedDB and the in-memory implementations. */
import type { Plan } from '../engine/model/plan.ts';
import type { Result } from '../engine/result.ts';
import type { SeedError, StorageError } from './errors.ts';

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

  getPlan(id: string): Promise<Result<Plan, StorageError>>;
  /** Calls back with the plan now and after each change; `notFound` once it is deleted. */
  watchPlan(id: string, callback: (plan: Result<Plan, StorageError>) => void): Unsubscribe;

  /** Replaces an existing plan in one transaction; `notFound` if there is none (use createPlan). */
  savePlan(plan: Plan, options?: SaveOptions): Promise<Result<void, StorageError>>;
  /** Adds a new plan; `conflict` if the id exists. Never overwrites. */
  createPlan(plan: Plan): Promise<Result<void, StorageError>>;
  /** Moves the plan to the trash, in one transaction. */
  deletePlan(id: string): Promise<Result<void, StorageError>>;
  /** Moves a plan back from the trash; `conflict` if a plan with its id exists again. */
  restorePlan(id: string): Promise<Result<Plan, StorageError>>;
  listTrash(): Promise<Result<TrashSummary[], StorageError>>;
  /** Deletes trashed plans for good: all, or those deleted before `olderThan`. Returns how many. */
  emptyTrash(olderThan?: Date): Promise<Result<number, StorageError>>;

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
