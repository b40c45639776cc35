/**
 * The app's state and the one road an edit travels: command → new plan → saved in storage →
 * computed in the worker → shown. Components read signals from here and call its methods; they
 * never touch storage or the worker themselves.
 */
import { batch, createMemo, createSignal, type Accessor } from 'solid-js';
import { applyCommand, type Command, type CommandError } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';
import { makePlan, newPlanId } from '../engine/model/factories.ts';
import type { PlanResult } from '../engine/projection/result.ts';
import type { CallError, EngineClient, ClientError } from '../client/engine-client.ts';
import type { SessionProblem } from '../engine/session.ts';
import { resolveScenario, type ScenarioProblem } from '../engine/scenarios/resolve.ts';
import type { GoalSeekAnswer, GoalSeekProblem, GoalSeekRequest } from '../engine/solve/index.ts';
import type { SimulationFailure } from '../engine/api.ts';
import type { SensitivityProblem, SensitivityResult, SimulationResult } from '../engine/uncertainty/index.ts';
import { browserJournalStore, HISTORY_LIMIT, needsBackupReminder, writeUnsavedEdits, type PlanHistory, type PlanRepository, type PlanSummary, type Snapshot, type SnapshotSummary, type StorageError } from '../storage/index.ts';
import type { FileIssue } from '../format/issues.ts';
import { planFileName } from '../format/spreadsheet/names.ts';
import { createLineageKeeper, type ImportLineage } from './lineage.ts';

export const APP_VERSION = 'chitieu 0.1.0';

export type Notice =
  | { id: number; kind: 'info' | 'error'; text: string; action?: { label: string; run: () => void } }
  | { id: number; kind: 'issues'; title: string; lines: string[] };

export interface UndoEntry { command: Command; label: string }

export interface SimulationView {
  result: SimulationResult;
  /** The plan revision simulated; older than the plan's while a rerun is on its way. */
  revision: number;
  preview: boolean;
  seed: number;
}

export interface SimulationProgress { done: number; total: number; preview: boolean }

/** Trials of the quick first look, then of the full run (QUALITY: a 1,000-trial preview first). */
export const PREVIEW_TRIALS = 1_000;
export const FULL_TRIALS = 10_000;

/** What a file holds, before anything is written: refused, or a plan to preview. */
export type ImportReading =
  | { kind: 'refused'; issues: readonly FileIssue[] }
  | { kind: 'preview'; incoming: Plan; local: Plan | null; warnings: readonly FileIssue[]; lineage: ImportLineage };

/** How an import choice ended: written, or refused because the local plan changed meanwhile. */
export type ImportWrite = { kind: 'written'; plan: Plan } | { kind: 'conflict' } | { kind: 'failed' };

export interface PlanSession {
  plans: Accessor<PlanSummary[]>;
  plan: Accessor<Plan | null>;
  result: Accessor<PlanResult | null>;
  computing: Accessor<boolean>;
  saving: Accessor<boolean>;
  canUndo: Accessor<boolean>;
  canRedo: Accessor<boolean>;
  /** The changes that can be undone, oldest first (the last is undone first). */
  history: Accessor<readonly UndoEntry[]>;
  /** The changes that can be redone, the next to redo last. */
  future: Accessor<readonly UndoEntry[]>;
  /** Undoes until `count` changes remain (0 goes back to how the plan was opened). */
  undoTo(count: number): void;
  /** Redoes until `count` undone changes remain. */
  redoTo(count: number): void;
  /** Why the engine could not compute the open plan, if it could not. */
  engineProblem: Accessor<CallError<SessionProblem> | null>;
  /** The scenario shown (null: the plan's base). */
  scenario: Accessor<string | null>;
  setScenario(id: string | null): void;
  /** The open plan as the shown scenario sees it (overrides applied); the plan itself for the base. */
  viewPlan: Accessor<Plan | null>;
  /**
   * `viewPlan` with an edit waiting for its result shown first: what a new command must be built
   * on (a scenario's override built from the view would otherwise drop the waiting edit).
   */
  viewNow(): Plan | null;
  /** Several scenarios computed side by side (null is the base). */
  compareScenarios(ids: readonly (string | null)[]): Promise<Result2<PlanResult[], CallError<SessionProblem>>>;
  openPlan(id: string): Promise<void>;
  closePlan(): void;
  /**
   * Applies a command to the open plan; returns the engine's refusal when there is one. With
   * `withResult`, nothing of the edit shows (plan, history, status) until its result does, or
   * `RESULT_WAIT_MS` has passed: see `withResult` below.
   */
  dispatch(command: Command, label: string, options?: DispatchOptions): CommandError | null;
  undo(): boolean;
  redo(): boolean;
  createBlankPlan(name: string): Promise<void>;
  duplicatePlan(id: string, suffix: string): Promise<void>;
  renamePlan(id: string, name: string): Promise<void>;
  deletePlan(id: string): Promise<Result<void>>;
  restorePlan(id: string): Promise<void>;
  exportPlan(): Promise<{ fileName: string; text: string } | null>;
  /** Reads a plan file and the local plan with its id, writing nothing. */
  readImport(text: string): Promise<ImportReading>;
  /** Stores an imported plan as a new plan: under its own id, or as a copy with a new one. */
  importNew(incoming: Plan, options?: { asCopy?: boolean; copySuffix?: string }): Promise<ImportWrite>;
  /** Replaces the local plan by the file's, keeping the local one as a named snapshot. */
  replaceWith(incoming: Plan, local: Plan, snapshotName: string): Promise<ImportWrite>;
  /** Stores a merge of the local plan and the file's, keeping the local one as a named snapshot. */
  mergeInto(merged: Plan, local: Plan, snapshotName: string): Promise<ImportWrite>;
  /** Seeks, over the open plan in the worker, the input value that reaches a target value. */
  goalSeek(request: GoalSeekRequest): Promise<Result2<GoalSeekAnswer, CallError<GoalSeekProblem | ScenarioProblem>>>;
  /** The latest simulation of the open plan (a preview of 1,000 trials first, then the full run). */
  simulation: Accessor<SimulationView | null>;
  /** Progress of the running simulation, null when none runs. */
  simulationProgress: Accessor<SimulationProgress | null>;
  /** Why the last simulation did not finish, if it did not. */
  simulationProblem: Accessor<CallError<SimulationFailure> | null>;
  /** Runs a preview then the full simulation; later edits rerun it on their own. */
  simulate(options?: { seed?: number; trials?: number }): Promise<void>;
  cancelSimulation(): void;
  /** The tornado data of the open plan (shown scenario): each ranged input's effect on each target. */
  sensitivity(): Promise<Result2<SensitivityResult, CallError<SensitivityProblem | ScenarioProblem>>>;
  /** Resolves when every pending save has reached storage (or failed). */
  flush(): Promise<void>;
  /** True after a save failed, until one succeeds: the status must not say "saved". */
  saveFailed: Accessor<boolean>;
  /** True when the open plan should be exported as a backup (storage not persistent, or old export). */
  backupReminder: Accessor<boolean>;
  /** Notes that the open plan was just exported (the reminder goes away). */
  recordExport(): Promise<void>;
  /** Writes edits not yet saved to the journal (synchronously: for pagehide). */
  writeJournal(): void;
  /** The open plan's named snapshots. */
  snapshots: {
    watch(callback: (snapshots: SnapshotSummary[]) => void): () => void;
    create(name: string): Promise<void>;
    restore(id: string): Promise<boolean>;
    remove(id: string): Promise<void>;
    get(id: string): Promise<Snapshot | null>;
  };
}

export interface DispatchOptions {
  /** Nothing of the edit shows until its result does (or RESULT_WAIT_MS has passed). */
  withResult?: boolean;
  /**
   * Runs right before a `withResult` edit shows, ahead of every update it causes: the grid gives
   * AG Grid the held Enter there, so the editor closes and the focus moves (a forced layout) on a
   * page the edit has not yet changed.
   */
  beforeShow?: () => void;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: StorageError };
type Result2<T, E> = { ok: true; value: T } | { ok: false; error: E };

export interface SessionEvents {
  onStorageError(error: StorageError): void;
  onConflict(): void;
  onEngineRestart(reason: ClientError): void;
}

/** How long a save waits for its edit's result to be shown before it goes ahead anyway. */
const SAVE_WAITS_FOR_RESULT_MS = 200;

/**
 * How long an edit dispatched `withResult` keeps its consequences off the screen waiting for its
 * result. The edit itself is applied, journalled and on its way to the worker at once; only the
 * signals wait. Why: Chromium defers a worker's answer until after the next frame when the task
 * handling a key asks for a frame (its "defer tasks after input" scheduling). An Enter that changes
 * nothing on screen gets the answer in a couple of milliseconds and one frame shows the edit and
 * its values; an Enter that updates the plan at once gets a frame of its own first, and the values
 * a second one (decision 0013, addendum 3).
 */
export const RESULT_WAIT_MS = 50;

/**
 * Resolves after the frame that shows an edit's result (or after a short wait if the result is
 * slow): a save's structured clone and IndexedDB's callbacks then never stand between the worker's
 * answer and that frame. Waiting loses nothing: an edit not yet saved is in the journal written on
 * pagehide.
 */
function afterShown(computed: Promise<void>): Promise<void> {
  const wait = new Promise<void>((resolve) => setTimeout(resolve, SAVE_WAITS_FOR_RESULT_MS));
  return Promise.race([computed, wait]).then(() => new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    // A hidden page draws no frames: the timer lets the save go ahead.
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(fallback);
      resolve();
    }, 0));
  }));
}

export function createPlanSession(repo: PlanRepository, engine: EngineClient, events: SessionEvents): PlanSession {
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [plan, setPlan] = createSignal<Plan | null>(null);
  const [result, setResult] = createSignal<PlanResult | null>(null);
  const [computing, setComputing] = createSignal(false);
  const [pendingSaves, setPendingSaves] = createSignal(0);
  const [engineProblem, setEngineProblem] = createSignal<CallError<SessionProblem> | null>(null);
  const [scenario, setScenarioSignal] = createSignal<string | null>(null);
  const viewOf = (current: Plan | null, id: string | null): Plan | null => {
    if (!current || id === null) return current;
    const resolved = resolveScenario(current, id);
    return resolved.ok ? resolved.value : current;
  };
  const viewPlan = createMemo(() => viewOf(plan(), scenario()));
  const [undoStack, setUndoStack] = createSignal<UndoEntry[]>([]);
  const [redoStack, setRedoStack] = createSignal<UndoEntry[]>([]);
  const [simulation, setSimulation] = createSignal<SimulationView | null>(null);
  const [backupReminder, setBackupReminder] = createSignal(false);
  const [saveFailed, setSaveFailed] = createSignal(false);
  // The last plan known to be in storage: what is shown when a save fails and storage is gone.
  let lastSaved: Plan | null = null;
  // The plans' lineages through exports and imports (src/app/lineage.ts).
  const lineage = createLineageKeeper(repo);
  async function checkBackup(id: string): Promise<void> {
    const status = await repo.exportStatus(id);
    if (plan()?.id === id) setBackupReminder(status.ok && repo.durable ? needsBackupReminder(status.value, new Date()) : !repo.durable);
  }
  const [simulationProgress, setSimulationProgress] = createSignal<SimulationProgress | null>(null);
  const [simulationProblem, setSimulationProblem] = createSignal<CallError<SimulationFailure> | null>(null);
  // The settings of the last simulation the planner asked for; edits rerun it with them.
  let simulationSettings: { seed: number; trials: number } | null = null;
  let rerunTimer: ReturnType<typeof setTimeout> | null = null;

  async function runSimulation(target: Plan, settings: { seed: number; trials: number }): Promise<void> {
    setSimulationProblem(null);
    for (const preview of [true, false]) {
      const trials = preview ? Math.min(PREVIEW_TRIALS, settings.trials) : settings.trials;
      if (!preview && trials <= PREVIEW_TRIALS) break;
      setSimulationProgress({ done: 0, total: trials, preview });
      // Progress travels on its own port and may arrive after the result: ignore it by then.
      let running = true;
      const outcome = await engine.simulate(target, { trials, seed: settings.seed }, (done, total) => {
        if (running) setSimulationProgress({ done, total, preview });
      }, scenarioFor(target));
      running = false;
      // A newer run took over, or the plan was closed: leave the state to it.
      if (!outcome.ok && outcome.error.code === 'superseded') return;
      if (plan()?.id !== target.id) return;
      if (!outcome.ok) {
        setSimulationProgress(null);
        if (!(outcome.error.code === 'engine' && outcome.error.problem.code === 'cancelled')) setSimulationProblem(outcome.error);
        return;
      }
      setSimulation({ result: outcome.value, revision: target.revision, preview, seed: settings.seed });
    }
    setSimulationProgress(null);
  }

  /** After an edit, a simulation already on screen is rerun, a little later, never in the way of typing. */
  function scheduleRerun(): void {
    if (!simulationSettings) return;
    if (rerunTimer) clearTimeout(rerunTimer);
    rerunTimer = setTimeout(() => {
      rerunTimer = null;
      const current = plan();
      if (current && simulationSettings) void runSimulation(current, simulationSettings);
    }, 700);
  }

  function forgetSimulation(): void {
    simulationSettings = null;
    if (rerunTimer) clearTimeout(rerunTimer);
    rerunTimer = null;
    engine.cancelSimulation();
    batch(() => {
      setSimulation(null);
      setSimulationProgress(null);
      setSimulationProblem(null);
    });
  }

  // Saves run one after another so that each is based on the revision the previous one wrote.
  let saveChain: Promise<void> = Promise.resolve();
  let stopWatchingPlan: (() => void) | null = null;

  repo.watchPlans((list) => {
    if (list.ok) setPlans(list.value);
  });

  /** The shown scenario if the plan still has it, else the base. */
  function scenarioFor(target: Plan): string | null {
    const id = scenario();
    return id !== null && (target.scenarios ?? []).some((s) => s.id === id) ? id : null;
  }

  // The signals of an edit dispatched `withResult`, waiting for its result (RESULT_WAIT_MS).
  let pending: { show: () => void; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Shows the waiting edit, if one waits. Whatever reads or changes the plan calls this first. */
  function land(): void {
    if (!pending) return;
    const { show, timer } = pending;
    pending = null;
    clearTimeout(timer);
    batch(show);
  }

  /** Computes a plan; with `edit`, only the command crosses to the worker when it can. */
  async function compute(target: Plan, edit?: { previous: Plan; command: Command; now: string }): Promise<void> {
    // A waiting edit says "computing" when it shows, if its result has not come by then.
    if (!pending) setComputing(true);
    const computed = edit
      ? await engine.computeEdit(edit.previous, edit.command, edit.now, target, scenarioFor(target), result())
      : await engine.compute(target, scenarioFor(target));
    if (!computed.ok && computed.error.code === 'superseded') return;
    // One batch for the waiting edit and its result: the grid lays in both at once.
    batch(() => {
      land();
      // A result for a plan that is no longer open is dropped.
      if (plan()?.id !== target.id) return;
      setComputing(false);
      if (computed.ok) {
        setResult(computed.value);
        setEngineProblem(null);
      } else {
        setEngineProblem(computed.error);
      }
    });
  }

  function queueSave(next: Plan, expectedRevision: number, history: PlanHistory, shown: Promise<void>): void {
    saveChain = saveChain.then(() => afterShown(shown)).then(async () => {
      land();
      const saved = await repo.savePlan(next, { expectedRevision, history });
      setPendingSaves((n) => n - 1);
      if (saved.ok) {
        acknowledge(next);
        lastSaved = next;
        setSaveFailed(false);
        return;
      }
      forgetUnsaved(next.id);
      setSaveFailed(true);
      // The stored plan is intact; show it as it is rather than an edit that was not kept (the
      // last plan this page saved when the database cannot even be read).
      const reread = await repo.getPlan(next.id);
      const stored = reread.ok ? reread.value : lastSaved?.id === next.id ? lastSaved : null;
      if (stored && plan()?.id === next.id) {
        batch(() => {
          setPlan(stored);
          // The history described edits that were not kept: it no longer applies.
          setUndoStack([]);
          setRedoStack([]);
        });
        void compute(stored);
      }
      if (saved.error.kind === 'conflict') events.onConflict();
      else events.onStorageError(saved.error);
    });
  }

  // Edits applied but not yet acknowledged by IndexedDB, for the journal written on pagehide.
  let unsaved: { planId: string; baseRevision: number; edits: { command: Command; at: string; revision: number }[] } | null = null;
  let journalWritten = false;

  function acknowledge(saved: Plan): void {
    if (!unsaved || unsaved.planId !== saved.id) return;
    unsaved.edits = unsaved.edits.filter((edit) => edit.revision > saved.revision);
    unsaved.baseRevision = saved.revision;
    if (journalWritten) writeJournal();
  }

  function forgetUnsaved(planId: string): void {
    if (unsaved?.planId !== planId) return;
    unsaved = null;
    if (journalWritten) writeUnsavedEdits(browserJournalStore(), planId, null);
  }

  /** Writes the edits still on their way to IndexedDB where the next start will find them. */
  function writeJournal(): void {
    land();
    if (!unsaved) return;
    const edits = unsaved.edits.map(({ command, at }) => ({ command, at }));
    journalWritten = writeUnsavedEdits(browserJournalStore(), unsaved.planId, edits.length > 0
      ? { planId: unsaved.planId, baseRevision: unsaved.baseRevision, edits, history: { undo: undoStack(), redo: redoStack() } }
      : null) && edits.length > 0;
  }

  /**
   * With `withResult`, the plan, history and status signals wait for the result (or
   * RESULT_WAIT_MS), so the task that dispatched the edit changes nothing on screen.
   */
  function applyToOpenPlan(command: Command, nextHistory: (inverse: Command) => PlanHistory, options: DispatchOptions = {}): { error: CommandError | null; inverse?: Command } {
    land();
    const current = plan();
    if (!current) return { error: null };
    const now = new Date().toISOString();
    const applied = applyCommand(current, command, now);
    if (!applied.ok) return { error: applied.error };
    const history = nextHistory(applied.value.inverse);
    const show = () => {
      setPlan(applied.value.plan);
      setUndoStack([...history.undo]);
      setRedoStack([...history.redo]);
      setPendingSaves((n) => n + 1);
    };
    let computed: Promise<void> = Promise.resolve();
    if (options.withResult) {
      const { beforeShow } = options;
      pending = {
        show: () => {
          beforeShow?.();
          setComputing(true);
          show();
        },
        timer: setTimeout(land, RESULT_WAIT_MS),
      };
      computed = compute(applied.value.plan, { previous: current, command, now });
    } else {
      batch(() => {
        // The command goes to the worker first (its post leaves synchronously), so the engine
        // computes while this thread updates the grid.
        computed = compute(applied.value.plan, { previous: current, command, now });
        show();
      });
    }
    if (!unsaved || unsaved.planId !== current.id) unsaved = { planId: current.id, baseRevision: current.revision, edits: [] };
    unsaved.edits.push({ command, at: now, revision: applied.value.plan.revision });
    queueSave(applied.value.plan, current.revision, history, computed);
    scheduleRerun();
    return { error: null, inverse: applied.value.inverse };
  }

  /**
   * The new plan over the local one, the local one kept as a snapshot, in one transaction: both
   * or neither, and neither if the local plan moved on meanwhile.
   */
  async function keepAndSave(plan: Plan, local: Plan, snapshotName: string): Promise<ImportWrite> {
    await session.flush();
    const saved = await repo.savePlan(plan, { expectedRevision: local.revision, keepPreviousAs: snapshotName });
    if (!saved.ok) {
      if (saved.error.kind === 'conflict') return { kind: 'conflict' };
      events.onStorageError(saved.error);
      return { kind: 'failed' };
    }
    await session.openPlan(plan.id);
    return { kind: 'written', plan };
  }

  function watchOpenPlan(id: string): void {
    stopWatchingPlan?.();
    stopWatchingPlan = repo.watchPlan(id, (stored) => {
      const current = plan();
      if (!stored.ok || !current || current.id !== id) return;
      // Another tab saved a newer revision: adopt it (our own saves come back equal).
      if (stored.value.revision > current.revision && pendingSaves() === 0) {
        setPlan(stored.value);
        void compute(stored.value);
      }
    });
  }

  const session: PlanSession = {
    plans,
    plan,
    result,
    computing,
    saving: () => pendingSaves() > 0,
    canUndo: () => undoStack().length > 0,
    canRedo: () => redoStack().length > 0,
    history: undoStack,
    future: redoStack,
    undoTo(count) {
      land();
      while (undoStack().length > count) if (!session.undo()) break;
    },
    redoTo(count) {
      land();
      while (redoStack().length > count) if (!session.redo()) break;
    },
    engineProblem,
    scenario,
    viewPlan,
    viewNow() {
      land();
      // Straight from the signals the landing has just set.
      return viewOf(plan(), scenario());
    },
    setScenario(id) {
      land();
      if (id === scenario()) return;
      forgetSimulation();
      setScenarioSignal(id);
      const current = plan();
      if (current) void compute(current);
    },
    compareScenarios(ids) {
      land();
      const current = plan();
      if (!current) return Promise.resolve({ ok: false, error: { code: 'closed' } });
      return engine.computeScenarios(current, ids);
    },
    async openPlan(id) {
      land();
      const stored = await repo.getPlan(id);
      if (!stored.ok) {
        events.onStorageError(stored.error);
        return;
      }
      forgetSimulation();
      lastSaved = stored.value;
      setSaveFailed(false);
      // The undo history saved with the plan, so that undo works across reloads.
      const history = await repo.loadHistory(id);
      batch(() => {
        setScenarioSignal(null);
        setPlan(stored.value);
        setResult(null);
        setUndoStack(history.ok ? [...history.value.undo] : []);
        setRedoStack(history.ok ? [...history.value.redo] : []);
      });
      watchOpenPlan(id);
      void checkBackup(id);
      await compute(stored.value);
    },
    closePlan() {
      land();
      forgetSimulation();
      stopWatchingPlan?.();
      stopWatchingPlan = null;
      batch(() => {
        setPlan(null);
        setResult(null);
        setUndoStack([]);
        setRedoStack([]);
      });
    },
    dispatch(command, label, options) {
      land();
      const applied = applyToOpenPlan(command, (inverse) => ({
        undo: [...undoStack().slice(-(HISTORY_LIMIT - 1)), { command: inverse, label }],
        redo: [],
      }), options);
      return applied.error;
    },
    undo() {
      land();
      const entry = undoStack().at(-1);
      if (!entry) return false;
      const applied = applyToOpenPlan(entry.command, (inverse) => ({
        undo: undoStack().slice(0, -1),
        redo: [...redoStack(), { command: inverse, label: entry.label }],
      }));
      return !!applied.inverse;
    },
    redo() {
      land();
      const entry = redoStack().at(-1);
      if (!entry) return false;
      const applied = applyToOpenPlan(entry.command, (inverse) => ({
        undo: [...undoStack(), { command: inverse, label: entry.label }],
        redo: redoStack().slice(0, -1),
      }));
      return !!applied.inverse;
    },
    writeJournal,
    backupReminder,
    saveFailed,
    async recordExport() {
      land();
      const current = plan();
      if (!current) return;
      await repo.recordExport(current.id);
      await checkBackup(current.id);
    },
    snapshots: {
      watch(callback) {
        land();
        const current = plan();
        return current ? repo.watchSnapshots(current.id, (list) => { if (list.ok) callback(list.value); }) : () => {};
      },
      async create(name) {
        land();
        const current = plan();
        if (!current) return;
        await session.flush();
        const created = await repo.createSnapshot(current.id, name);
        if (!created.ok) events.onStorageError(created.error);
      },
      async restore(id) {
        land();
        const current = plan();
        if (!current) return false;
        await session.flush();
        const restored = await repo.restoreSnapshot(id, { expectedRevision: current.revision });
        if (!restored.ok) {
          if (restored.error.kind === 'conflict') events.onConflict();
          else events.onStorageError(restored.error);
          return false;
        }
        await session.openPlan(current.id);
        return true;
      },
      async remove(id) {
        land();
        const removed = await repo.deleteSnapshot(id);
        if (!removed.ok) events.onStorageError(removed.error);
      },
      async get(id) {
        land();
        const snapshot = await repo.getSnapshot(id);
        return snapshot.ok ? snapshot.value : null;
      },
    },
    async createBlankPlan(name) {
      land();
      const blank = makePlan({ name });
      const created = await repo.createPlan(blank);
      if (!created.ok) return events.onStorageError(created.error);
      await session.openPlan(blank.id);
    },
    async duplicatePlan(id, suffix) {
      land();
      const stored = await repo.getPlan(id);
      if (!stored.ok) return events.onStorageError(stored.error);
      const now = new Date().toISOString();
      const copy: Plan = { ...stored.value, id: newPlanId(), name: `${stored.value.name} ${suffix}`.slice(0, 500), createdAt: now, updatedAt: now, revision: 0 };
      const created = await repo.createPlan(copy);
      if (!created.ok) return events.onStorageError(created.error);
      await session.openPlan(copy.id);
    },
    async renamePlan(id, name) {
      land();
      if (plan()?.id === id) {
        session.dispatch({ type: 'renamePlan', name }, name);
        return;
      }
      const stored = await repo.getPlan(id);
      if (!stored.ok) return events.onStorageError(stored.error);
      const applied = applyCommand(stored.value, { type: 'renamePlan', name }, new Date().toISOString());
      if (!applied.ok) return;
      const saved = await repo.savePlan(applied.value.plan, { expectedRevision: stored.value.revision });
      if (!saved.ok) events.onStorageError(saved.error);
    },
    async deletePlan(id) {
      land();
      await session.flush();
      const deleted = await repo.deletePlan(id);
      if (!deleted.ok) {
        events.onStorageError(deleted.error);
        return deleted;
      }
      if (plan()?.id === id) session.closePlan();
      return deleted;
    },
    async restorePlan(id) {
      land();
      const restored = await repo.restorePlan(id);
      if (!restored.ok) return events.onStorageError(restored.error);
      await session.openPlan(id);
    },
    async exportPlan() {
      land();
      const current = plan();
      if (!current) return null;
      // The writer (and the file reader below) load with the first export or import.
      const text = await lineage.exportText(current, { app: APP_VERSION, exportedAt: new Date().toISOString() });
      return { fileName: planFileName(current.name, 'json'), text };
    },
    async readImport(text) {
      land();
      // A large file is read in a worker of its own (src/client/import-client.ts).
      const { readImportFile } = await import('../client/import-client.ts');
      const parsed = await readImportFile(text);
      if (!parsed.ok) return { kind: 'refused', issues: parsed.error };
      const incoming = parsed.value.file.plan;
      // The local plan as stored, with every pending edit in it.
      await session.flush();
      const local = await repo.getPlan(incoming.id);
      const localPlan = local.ok ? local.value : null;
      return { kind: 'preview', incoming, local: localPlan, warnings: parsed.value.warnings, lineage: await lineage.compare(parsed.value, localPlan) };
    },
    async importNew(incoming, options = {}) {
      land();
      const now = new Date().toISOString();
      const plan = options.asCopy
        ? { ...incoming, id: newPlanId(), name: `${incoming.name} ${options.copySuffix ?? ''}`.trim().slice(0, 500), createdAt: now, updatedAt: now, revision: 0 }
        : incoming;
      // Validated by the reader a moment ago: storage need not check it again.
      const created = await repo.createPlan(plan, { checked: true });
      if (!created.ok) {
        if (created.error.kind === 'conflict') return { kind: 'conflict' };
        events.onStorageError(created.error);
        return { kind: 'failed' };
      }
      await session.openPlan(plan.id);
      // In the background (a copy of the plan is kept as a merge base). A new copy is another
      // plan: the file's lineage is not its own.
      if (!options.asCopy) void lineage.recordImport(plan.id);
      return { kind: 'written', plan };
    },
    async replaceWith(incoming, local, snapshotName) {
      land();
      // The revision only moves forward, so other tabs see the new plan as newer.
      const plan = { ...incoming, revision: Math.max(local.revision, incoming.revision) + 1, updatedAt: new Date().toISOString() };
      const written = await keepAndSave(plan, local, snapshotName);
      if (written.kind === 'written') void lineage.recordImport(plan.id);
      return written;
    },
    async mergeInto(merged, local, snapshotName) {
      land();
      const written = await keepAndSave(merged, local, snapshotName);
      if (written.kind === 'written') void lineage.recordImport(merged.id);
      return written;
    },
    simulation,
    simulationProgress,
    simulationProblem,
    async simulate(options = {}) {
      land();
      const current = plan();
      if (!current) return;
      simulationSettings = { seed: options.seed ?? simulationSettings?.seed ?? 1, trials: options.trials ?? FULL_TRIALS };
      await runSimulation(current, simulationSettings);
    },
    cancelSimulation() {
      land();
      // A cancelled run is not rerun after edits until the planner asks again.
      simulationSettings = null;
      engine.cancelSimulation();
      setSimulationProgress(null);
    },
    sensitivity() {
      land();
      const current = plan();
      if (!current) return Promise.resolve({ ok: false, error: { code: 'closed' } });
      return engine.sensitivity(current, scenarioFor(current));
    },
    goalSeek(request) {
      land();
      const current = plan();
      if (!current) return Promise.resolve({ ok: false, error: { code: 'closed' } });
      return engine.goalSeek(current, request, scenarioFor(current));
    },
    flush() {
      land();
      return saveChain;
    },
  };
  return session;
}
