/**
 * Opening storage: IndexedDB when the browser lets us, otherwise a `Result` that says why, so the
 * app can fall back to `createMemoryRepository()` with a warning instead of failing.
 */
import { err, ok, type Result } from '../engine/result.ts';
import { ChitieuDatabase, DATABASE_NAME, DATABASE_VERSION, type ChitieuDatabaseOptions } from './database.ts';
import { messageOf, type OpenError } from './errors.ts';
import { createPlanRepository } from './repository.ts';
import type { PlanRepository, PlanRepositoryOptions } from './types.ts';

export { createMemoryRepository, createMemoryStore, type MemoryRepositoryOptions, type MemoryStore } from './memory.ts';

export interface OpenStorageOptions extends PlanRepositoryOptions {
  /**
   * Another tab wants to upgrade (or delete) the database. The connection is already closed when
   * this runs, and every later repository call returns `unavailable`: show a reload banner.
   */
  onVersionChange?: (event: { newVersion: number | null }) => void;
  /**
   * Our open waits because another tab holds an older version open and does not let go: ask the
   * user to close or reload the other tabs. The open resumes when they do.
   */
  onBlocked?: () => void;
  /** Defaults to the global `indexedDB` (tests inject one). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Replaces upgrade steps (tests inject failing ones). */
  upgrades?: ChitieuDatabaseOptions['upgrades'];
}

export interface OpenedStorage {
  repository: PlanRepository;
  /** The schema version opened (`DATABASE_VERSION`). */
  version: number;
  close(): void;
}

/** IndexedDB's version number for a Dexie version (Dexie multiplies by 10). */
const nativeVersion = (dexieVersion: number) => Math.round(dexieVersion * 10);

function globalFactory(): IDBFactory | undefined {
  try {
    // Reading the global can itself throw (e.g. a SecurityError with storage disabled).
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

function globalKeyRange(): typeof IDBKeyRange | undefined {
  return typeof IDBKeyRange === 'undefined' ? undefined : IDBKeyRange;
}

/**
 * The stored database's IndexedDB version, 0 if there is none, without creating or changing it:
 * an open without a version never upgrades, and a database it would create is aborted unborn.
 */
function storedNativeVersion(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let creating = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      creating = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (creating) {
        event.preventDefault();
        resolve(0);
      } else {
        reject(request.error ?? new Error('indexedDB.open failed'));
      }
    };
  });
}

function newerDatabase(storedNative: number | undefined): OpenError {
  const storedVersion = storedNative === undefined ? undefined : storedNative / 10;
  return {
    kind: 'newerDatabase',
    ...(storedVersion === undefined ? {} : { storedVersion }),
    supportedVersion: DATABASE_VERSION,
    message: `The stored data was written by a newer version of Chitieu (database version ${storedVersion ?? 'unknown'}; this version understands up to ${DATABASE_VERSION}). Reload to get the newer version.`,
  };
}

function upgradeFailed(storedNative: number, e: unknown): OpenError {
  const storedVersion = storedNative / 10;
  return {
    kind: 'upgradeFailed',
    storedVersion,
    supportedVersion: DATABASE_VERSION,
    message: `The stored data could not be upgraded from database version ${storedVersion} to ${DATABASE_VERSION}; it was left as it was. ${messageOf(e)}`,
    cause: e,
  };
}

function unavailable(e: unknown): OpenError {
  return { kind: 'unavailable', message: `IndexedDB could not be opened: ${messageOf(e)}`, cause: e };
}

function isVersionError(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x !== null && typeof x === 'object' && depth < 8; depth++) {
    if ((x as { name?: unknown }).name === 'VersionError') return true;
    x = (x as { inner?: unknown }).inner;
  }
  return false;
}

export async function openStorage(
  name: string = DATABASE_NAME,
  options: OpenStorageOptions = {},
): Promise<Result<OpenedStorage, OpenError>> {
  const { onVersionChange, onBlocked, indexedDB: injected, IDBKeyRange: injectedKeyRange, upgrades, ...repositoryOptions } = options;
  const factory = injected ?? globalFactory();
  const keyRange = injectedKeyRange ?? globalKeyRange();
  if (factory === undefined || keyRange === undefined) {
    return err({ kind: 'unavailable', message: 'This browser does not provide IndexedDB.' });
  }
  const supported = nativeVersion(DATABASE_VERSION);

  // Dexie would open a newer database anyway (and may even patch its schema); look first.
  let stored: number;
  try {
    stored = await storedNativeVersion(factory, name);
  } catch (e) {
    return err(unavailable(e));
  }
  if (stored > supported) return err(newerDatabase(stored));

  const db = new ChitieuDatabase(name, {
    indexedDB: factory,
    IDBKeyRange: keyRange,
    autoOpen: false,
    ...(upgrades === undefined ? {} : { upgrades }),
  });
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    // Let the other tab's upgrade proceed, and stay closed: reopening could meet a newer schema.
    db.close({ disableAutoOpen: true });
    onVersionChange?.({ newVersion: event.newVersion });
    return false;
  });
  db.on('blocked', () => onBlocked?.());

  try {
    await db.open();
  } catch (e) {
    db.close();
    if (isVersionError(e)) return err(newerDatabase(undefined));
    // An upgrade step failed: IndexedDB aborted the version change, so nothing was modified.
    if (stored > 0 && stored < supported) return err(upgradeFailed(stored, e));
    return err(unavailable(e));
  }

  // Another tab may have upgraded between the look and the open.
  const opened = db.backendDB().version;
  if (opened > supported) {
    db.close();
    return err(newerDatabase(opened));
  }

  return ok({
    repository: createPlanRepository(db, repositoryOptions),
    version: DATABASE_VERSION,
    close: () => db.close(),
  });
}
