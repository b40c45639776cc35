/** The storage layer's public surface: the UI and app import from here, never from Dexie. */
export { DATABASE_NAME, DATABASE_VERSION } from './database.ts';
export type { OpenError, SeedError, StorageError } from './errors.ts';
export { BACKUP_MAX_AGE_DAYS, UNPROTECTED_BACKUP_MAX_AGE_HOURS, needsBackupReminder } from './backup.ts';
export {
  JOURNAL_PREFIX,
  replayUnsavedEdits,
  browserJournalStore,
  writeUnsavedEdits,
  type JournalEdit,
  type JournalStore,
  type ReplayOutcome,
  type UnsavedEdits,
} from './journal.ts';
export {
  createMemoryRepository,
  openStorage,
  type OpenedStorage,
  type OpenStorageOptions,
} from './open.ts';
export {
  HISTORY_LIMIT,
  SHARED_REVISIONS_KEPT,
  SETTING_LAST_EXPORT,
  SETTING_PERSISTENCE,
  SETTING_SEEDED,
  SNAPSHOT_NAME_LIMIT,
  type ExportStatus,
  type HistoryEntry,
  type PersistenceState,
  type PlanHistory,
  type PlanLineage,
  type PlanRepository,
  type PlanRepositoryOptions,
  type PlanSummary,
  type PlanValidator,
  type RestoreOptions,
  type RestoreOutcome,
  type SaveOptions,
  type SeedOutcome,
  type SharedRevision,
  type Snapshot,
  type SnapshotKind,
  type SnapshotSummary,
  type StorageManagerLike,
  type TrashSummary,
  type Unsubscribe,
} from './types.ts';
