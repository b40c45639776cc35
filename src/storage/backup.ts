/**
 * When to remind the planner to export a backup file. Pure: the UI calls it with
 * `repository.exportStatus(planId)` and the clock, and shows the reminder when it returns true.
 */
import type { ExportStatus } from './types.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** With persistent storage, an export older than this is worth refreshing. */
export const BACKUP_MAX_AGE_DAYS = 7;
/**
 * Without persistent storage, the browser may drop the data whenever it runs short of space: the
 * file is the only safe copy, so the reminder comes back a day after each export.
 */
export const UNPROTECTED_BACKUP_MAX_AGE_HOURS = 24;

/**
 * The rule (docs/decisions/0010-snapshots-and-reliability.md):
 * - storage not persistent (`denied`, `unsupported`, which includes the in-memory fallback):
 *   remind unless the plan was exported in the last 24 hours;
 * - persistent (`granted`): remind when the last export is older than 7 days; a plan never
 *   exported is not nagged about (its data is kept, and there is no age to count from);
 * - `unknown` (the browser was not asked yet: nothing but the seeded example has been saved):
 *   no reminder.
 * An export time that cannot be read counts as no export; one in the future as a fresh one.
 */
export function needsBackupReminder(status: ExportStatus, now: Date): boolean {
  const exportedAt = status.lastExportAt === null ? Number.NaN : Date.parse(status.lastExportAt);
  const age = Number.isNaN(exportedAt) ? Number.POSITIVE_INFINITY : now.getTime() - exportedAt;
  switch (status.persistent) {
    case 'denied':
    case 'unsupported':
      return age > UNPROTECTED_BACKUP_MAX_AGE_HOURS * HOUR;
    case 'granted':
      return Number.isFinite(age) && age > BACKUP_MAX_AGE_DAYS * DAY;
    case 'unknown':
      return false;
  }
}
