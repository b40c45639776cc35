/**
 * Storage failures as values. Every repository method returns `Result<T, StorageError>`; nothing
 * throws past `src/storage`. `kind` is what the UI switches on (and translates); `message` is an
 * English description for logs and bug reports.
 */

export type StorageError =
  /** The browser refused the write for lack of space. The committed state is intact. */
  | { kind: 'quota'; message: string }
  /** The database is closed, missing or blocked (private mode, another tab upgraded it, …). */
  | { kind: 'unavailable'; message: string }
  | { kind: 'notFound'; id: string; message: string }
  /**
   * The write would overwrite something it must not: a plan edited elsewhere (`storedRevision`
   * differs from `expectedRevision`), or an id that already exists. Nothing was written.
   */
  | { kind: 'conflict'; id: string; message: string; expectedRevision?: number; storedRevision?: number }
  /** A plan failed the injected validator; `issues` are the validator's, untouched. */
  | { kind: 'invalid'; issues: unknown[]; message: string }
  | { kind: 'unknown'; message: string; cause?: unknown };

/** What `seedIfFirstRun` can return besides a storage error. */
export type SeedError = StorageError | { kind: 'exampleFailed'; message: string; cause: unknown };

/** Why `openStorage` could not give an IndexedDB-backed repository. */
export type OpenError =
  /** No IndexedDB, or the browser refused to open it (private mode, disabled storage, …). */
  | { kind: 'unavailable'; message: string; cause?: unknown }
  /** The stored database was written by a newer Chitieu; this build leaves it untouched. */
  | { kind: 'newerDatabase'; message: string; storedVersion?: number; supportedVersion: number }
  /**
   * Upgrading the stored database to this build's version failed. IndexedDB rolled the upgrade
   * back: the database is still at `storedVersion` with every row as it was (an older build reads
   * it). Use memory mode with a warning; the next start tries the upgrade again.
   */
  | { kind: 'upgradeFailed'; message: string; storedVersion: number; supportedVersion: number; cause?: unknown };

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const UNAVAILABLE_NAMES = new Set([
  'DatabaseClosedError',
  'MissingAPIError',
  'OpenFailedError',
  'InvalidStateError',
  'SecurityError',
]);

function nameOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

export function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
    const name = nameOf(e);
    // Dexie's messages may already start with the error's name.
    if (name === undefined || name === 'Error' || e.message.startsWith(name)) return e.message;
    return `${name}: ${e.message}`;
  }
  return String(e);
}

/**
 * The error and what it wraps: Dexie puts the IndexedDB cause in `inner` (an `AbortError` whose
 * `inner` is the `QuotaExceededError`), bulk operations list theirs in `failures`, and standard
 * errors use `cause`. Bounded, so a cyclic chain cannot loop.
 */
function errorChain(e: unknown): unknown[] {
  const seen: unknown[] = [];
  const queue: unknown[] = [e];
  while (queue.length > 0 && seen.length < 16) {
    const current = queue.shift();
    if (current === undefined || current === null || seen.includes(current)) continue;
    seen.push(current);
    if (typeof current === 'object') {
      const c = current as { inner?: unknown; cause?: unknown; failures?: unknown };
      queue.push(c.inner, c.cause);
      if (Array.isArray(c.failures)) queue.push(...c.failures);
    }
  }
  return seen;
}

export function isQuotaError(e: unknown): boolean {
  return errorChain(e).some((x) => {
    const name = nameOf(x);
    if (name !== undefined && QUOTA_NAMES.has(name)) return true;
    // Old engines report quota as a DOMException with the legacy code 22 and another name.
    return typeof DOMException !== 'undefined' && x instanceof DOMException && x.code === 22;
  });
}

/** Maps anything thrown by Dexie, IndexedDB or structured clone to a `StorageError`. */
export function toStorageError(e: unknown): StorageError {
  if (isQuotaError(e)) {
    return { kind: 'quota', message: `Not enough storage space: ${messageOf(e)}` };
  }
  const name = nameOf(e);
  if (name !== undefined && UNAVAILABLE_NAMES.has(name)) {
    return { kind: 'unavailable', message: messageOf(e) };
  }
  return { kind: 'unknown', message: messageOf(e), cause: e };
}
