/** The storage layer's public surface: the UI and app import from here, never from Dexie. */
export { DATABASE_NAME, DATABASE_VERSION } from './database.ts';
export type { OpenError, SeedError, StorageError } from './errors.ts';
export {
  createMemoryRepository,
  openStorage,
  type OpenedStorage,
  type OpenStorageOptions,
} from './open.ts';
export {
  SETTING_PERSISTENCE,
  SETTING_SEEDED,
  type PersistenceState,
  type PlanRepository,
  type PlanRepositoryOptions,
  type PlanSummary,
  type PlanValidator,
  type SaveOptions,
  type SeedOutcome,
  type StorageManagerLike,
  type TrashSummary,
  type Unsubscribe,
} from './types.ts';
