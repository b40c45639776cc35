import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, toStorageError } from '../../src/storage/errors.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('toStorageError', () => {
  it('recognises a QuotaExceededError', () => {
    expect(toStorageError(quota()).kind).toBe('quota');
  });

  it("recognises Dexie's AbortError whose inner error is a QuotaExceededError", () => {
    const aborted = new Dexie.AbortError('Transaction aborted', quota());
    expect(aborted.name).toBe('AbortError');
    expect(toStorageError(aborted).kind).toBe('quota');
  });

  it('recognises quota failures inside a bulk error and behind a cause', () => {
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('other'), quota()] })).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: quota() }))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Firefox' })).toBe(true);
  });

  it('does not mistake other aborts for quota', () => {
    const aborted = new Dexie.AbortError('Transaction aborted', new DOMException('constraint', 'ConstraintError'));
    expect(toStorageError(aborted).kind).toBe('unknown');
  });

  it('maps a closed or missing database to unavailable', () => {
    expect(toStorageError(new Dexie.DatabaseClosedError()).kind).toBe('unavailable');
    expect(toStorageError(new Dexie.MissingAPIError()).kind).toBe('unavailable');
  });

  it('keeps anything else as unknown, with a message and the cause', () => {
    const cause = new TypeError('boom');
    expect(toStorageError(cause)).toEqual({ kind: 'unknown', message: 'TypeError: boom', cause });
    expect(toStorageError('plain string')).toMatchObject({ kind: 'unknown', message: 'plain string' });
  });

  it('survives an error chain that loops', () => {
    const a: { name: string; inner?: unknown } = { name: 'AbortError' };
    a.inner = a;
    expect(toStorageError(a).kind).toBe('unknown');
  });
});
