/**
 * The edits a page had made but not yet saved when it went away. An IndexedDB save takes a few
 * turns of the main thread, and a page that is reloaded or closed in that moment loses it: the
 * browser aborts transactions that have not committed, and nothing in `pagehide` can wait for
 * one. So on `pagehide` (and when the page is hidden) the app writes the commands still on their
 * way to IndexedDB to localStorage, which is synchronous; the next start replays them onto the
 * stored plan, in one save, before the plan is opened.
 *
 * Commands, not the plan: a command is a few hundred bytes where a plan can be megabytes, and
 * replaying them on the stored plan cannot overwrite what another tab saved meanwhile — if the
 * stored plan is not the one the commands were made on, they are dropped and the app is told.
 */
import { applyCommand, type Command } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';
import { err, ok, type Result } from '../engine/result.ts';
import type { StorageError } from './errors.ts';
import type { PlanHistory, PlanRepository } from './types.ts';

/** localStorage keys: one entry per plan, so two tabs on two plans do not overwrite each other. */
export const JOURNAL_PREFIX = 'chitieu.unsaved.';

/** One command as the session applied it: `at` is the time it gave `applyCommand`. */
export interface JournalEdit {
  command: Command;
  at: string;
}

export interface UnsavedEdits {
  planId: string;
  /** The revision of the plan the first command was applied to (the last one known saved). */
  baseRevision: number;
  /** In the order they were applied; each gives the plan its next revision. */
  edits: JournalEdit[];
  /** The undo history after the last edit, saved with the replayed plan when given. */
  history?: PlanHistory;
}

/** The part of `localStorage` the journal uses. */
export interface JournalStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or a store that keeps nothing when the browser refuses it. */
export function browserJournalStore(): JournalStore {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Reading the global throws where storage is blocked: fall through.
  }
  return { length: 0, key: () => null, getItem: () => null, setItem: () => {}, removeItem: () => {} };
}

/**
 * Writes (or, with no edits, clears) a plan's journal entry. Synchronous, for `pagehide`. Returns
 * false when it could not be written (localStorage blocked or full): nothing more can be done then.
 */
export function writeUnsavedEdits(store: JournalStore, planId: string, unsaved: UnsavedEdits | null): boolean {
  try {
    if (unsaved === null || unsaved.edits.length === 0) store.removeItem(JOURNAL_PREFIX + planId);
    else store.setItem(JOURNAL_PREFIX + planId, JSON.stringify(unsaved));
    return true;
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** An entry as written by `writeUnsavedEdits`, or null for anything else (another version, edits by hand). */
function readEntry(text: string | null, planId: string): UnsavedEdits | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || value['planId'] !== planId) return null;
  const { baseRevision, edits, history } = value;
  if (typeof baseRevision !== 'number' || !Number.isSafeInteger(baseRevision) || baseRevision < 0) return null;
  if (!Array.isArray(edits) || edits.length === 0) return null;
  const wellFormed = edits.every(
    (edit: unknown) =>
      isObject(edit) && typeof edit['at'] === 'string' && isObject(edit['command']) && typeof edit['command']['type'] === 'string',
  );
  if (!wellFormed) return null;
  const historyOk = history === undefined || (isObject(history) && Array.isArray(history['undo']) && Array.isArray(history['redo']));
  return {
    planId,
    baseRevision,
    edits: edits as JournalEdit[],
    ...(historyOk && history !== undefined ? { history: history as unknown as PlanHistory } : {}),
  };
}

export type ReplayOutcome =
  /** The commands were applied to the stored plan and saved. */
  | { kind: 'replayed'; planId: string; count: number; plan: Plan }
  /** Their save had reached IndexedDB after all. */
  | { kind: 'alreadySaved'; planId: string }
  /**
   * The stored plan is not the one they were made on (another tab saved since, or a command no
   * longer applies): not applied. The app should say that `count` edits made just before the page
   * closed were not kept.
   */
  | { kind: 'dropped'; planId: string; count: number; reason: 'changedElsewhere' | 'planGone' | 'commandFailed' | 'unreadable' };

/**
 * At start, before any plan is opened: replays every journal entry onto its stored plan (one
 * `savePlan` per plan, guarded by the revision it read) and removes the entry once it is applied,
 * found saved, or dropped. An entry whose save fails with a storage error (say, the quota) is kept
 * for the next start and the error returned.
 */
export async function replayUnsavedEdits(repo: PlanRepository, store: JournalStore): Promise<Result<ReplayOutcome[], StorageError>> {
  let keys: string[];
  try {
    keys = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(JOURNAL_PREFIX)) keys.push(key);
    }
  } catch {
    return ok([]);
  }
  const outcomes: ReplayOutcome[] = [];
  for (const key of keys) {
    const planId = key.slice(JOURNAL_PREFIX.length);
    let text: string | null;
    try {
      text = store.getItem(key);
    } catch {
      continue;
    }
    const entry = readEntry(text, planId);
    const outcome: Result<ReplayOutcome, StorageError> =
      entry === null ? ok({ kind: 'dropped', planId, count: 0, reason: 'unreadable' }) : await replayOne(repo, entry);
    if (!outcome.ok) return outcome;
    writeUnsavedEdits(store, planId, null);
    outcomes.push(outcome.value);
  }
  return ok(outcomes);
}

async function replayOne(repo: PlanRepository, entry: UnsavedEdits): Promise<Result<ReplayOutcome, StorageError>> {
  const { planId, baseRevision, edits } = entry;
  const dropped = (reason: 'changedElsewhere' | 'planGone' | 'commandFailed') => ok({ kind: 'dropped', planId, count: edits.length, reason } as const);
  const stored = await repo.getPlan(planId);
  if (!stored.ok) return stored.error.kind === 'notFound' ? dropped('planGone') : err(stored.error);

  // How many of the edits did reach storage: the revision says how many, the time of the last
  // one says whether they were ours (each command stamps `updatedAt` with its own `at`).
  const saved = stored.value.revision - baseRevision;
  if (saved < 0 || saved > edits.length) return dropped('changedElsewhere');
  if (saved > 0 && stored.value.updatedAt !== edits[saved - 1]?.at) return dropped('changedElsewhere');
  if (saved === edits.length) return ok({ kind: 'alreadySaved', planId });

  let plan = stored.value;
  for (const edit of edits.slice(saved)) {
    const applied = applyCommand(plan, edit.command, edit.at);
    if (!applied.ok) return dropped('commandFailed');
    plan = applied.value.plan;
  }
  const result = await repo.savePlan(plan, {
    expectedRevision: stored.value.revision,
    ...(entry.history === undefined ? {} : { history: entry.history }),
  });
  if (!result.ok) return result.error.kind === 'conflict' ? dropped('changedElsewhere') : err(result.error);
  return ok({ kind: 'replayed', planId, count: edits.length - saved, plan });
}
