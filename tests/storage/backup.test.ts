import { describe, expect, it } from 'vitest';
import { needsBackupReminder } from '../../src/storage/backup.ts';
import type { ExportStatus } from '../../src/storage/types.ts';

const NOW = new Date('2025-06-15T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const status = (persistent: ExportStatus['persistent'], lastExportAt: string | null): ExportStatus => ({ persistent, lastExportAt });

describe('needsBackupReminder', () => {
  describe.each(['denied', 'unsupported'] as const)('when storage is not persistent (%s)', (persistent) => {
    it('reminds when the plan was never exported', () => {
      expect(needsBackupReminder(status(persistent, null), NOW)).toBe(true);
    });
    it('stays quiet for a day after an export, then reminds again', () => {
      expect(needsBackupReminder(status(persistent, hoursAgo(1)), NOW)).toBe(false);
      expect(needsBackupReminder(status(persistent, hoursAgo(24)), NOW)).toBe(false);
      expect(needsBackupReminder(status(persistent, hoursAgo(24.01)), NOW)).toBe(true);
    });
  });

  describe('when storage is persistent', () => {
    it('does not nag about a plan never exported', () => {
      expect(needsBackupReminder(status('granted', null), NOW)).toBe(false);
    });
    it('reminds once the last export is older than 7 days', () => {
      expect(needsBackupReminder(status('granted', hoursAgo(7 * 24)), NOW)).toBe(false);
      expect(needsBackupReminder(status('granted', hoursAgo(7 * 24 + 0.01)), NOW)).toBe(true);
      expect(needsBackupReminder(status('granted', '2020-01-01T00:00:00.000Z'), NOW)).toBe(true);
    });
  });

  it('does not remind before the browser was asked (nothing of the planner saved yet)', () => {
    expect(needsBackupReminder(status('unknown', null), NOW)).toBe(false);
    expect(needsBackupReminder(status('unknown', '2020-01-01T00:00:00.000Z'), NOW)).toBe(false);
  });

  it('counts an unreadable export time as no export, and one in the future as fresh', () => {
    expect(needsBackupReminder(status('denied', 'not a date'), NOW)).toBe(true);
    expect(needsBackupReminder(status('granted', 'not a date'), NOW)).toBe(false);
    expect(needsBackupReminder(status('denied', '2030-01-01T00:00:00.000Z'), NOW)).toBe(false);
  });
});
