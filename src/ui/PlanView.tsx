import { createEffect, createSignal, lazy, on, onCleanup, onMount, Show } from 'solid-js';
import type { SnapshotSummary } from '../storage/index.ts';
import { announcement, indicatorOf } from './announce.ts';
import { downloadFile } from './spreadsheet/download.ts';
import { routeToScenario } from './scenarios/route.ts';
import { overriddenCells, setsItself } from '../engine/scenarios/resolve.ts';
import { createMemo } from 'solid-js';
import type { TargetProbabilities } from './grid/rows.ts';
import type { DispatchOptions, PlanSession } from '../app/session.ts';
import type { Plan } from '../engine/model/plan.ts';
import type { Command, CommandError } from '../engine/commands/index.ts';
import type { Messages } from './i18n/index.ts';
import { PlanGrid } from './grid/PlanGrid.tsx';
import { lang, t } from './i18n/index.ts';
import { notify } from './notices.ts';
import { localized } from './grid/rows.ts';
import type { GoalSeekStart } from './GoalSeekDialog.tsx';
import { createEngineClient, spawnBrowserWorker, type EngineClient } from '../client/engine-client.ts';
import type { ProjectScenarios } from './charts/scenario-lines.ts';

// Panels and dialogs load when first opened, keeping the first load small (QUALITY: ≤ 300 KB
// gzip of initial JavaScript, most of it AG Grid); the CSV dialog brings papaparse with it.
const CsvImportDialog = lazy(() => import('./spreadsheet/CsvImportDialog.tsx'));
const Inspector = lazy(() => import('./inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })));
const GroupPanel = lazy(() => import('./inspector/GroupPanel.tsx').then((m) => ({ default: m.GroupPanel })));
const HistoryPanel = lazy(() => import('./HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })));
const GoalSeekDialog = lazy(() => import('./GoalSeekDialog.tsx').then((m) => ({ default: m.GoalSeekDialog })));
const ExportMenu = lazy(() => import('./spreadsheet/ExportMenu.tsx').then((m) => ({ default: m.ExportMenu })));
const ChartPanel = lazy(() => import('./charts/ChartPanel.tsx'));
// The scenario and simulation bars appear a moment after the grid: their code is not on the
// path to a first interactive grid.
const ScenarioBar = lazy(() => import('./scenarios/ScenarioBar.tsx').then((m) => ({ default: m.ScenarioBar })));
const SimulationBar = lazy(() => import('./SimulationBar.tsx').then((m) => ({ default: m.SimulationBar })));
const CompareDialog = lazy(() => import('./scenarios/CompareDialog.tsx').then((m) => ({ default: m.CompareDialog })));
const AddIndicatorDialog = lazy(() => import('./AddIndicatorDialog.tsx').then((m) => ({ default: m.AddIndicatorDialog })));
const ReportView = lazy(() => import('./report/ReportView.tsx'));
const SnapshotsPanel = lazy(() => import('./snapshots/SnapshotsPanel.tsx').then((m) => ({ default: m.SnapshotsPanel })));
const SnapshotCompare = lazy(() => import('./snapshots/SnapshotCompare.tsx'));


function describeCommandError(error: CommandError, m: Messages): string {
  switch (error.code) {
    case 'unknownIndicator': return `${m.commandError.unknownIndicator} (${error.indicator})`;
    case 'unknownPeriod': return `${m.commandError.unknownPeriod} (${error.period})`;
    case 'notFinite': return m.commandError.notFinite;
    case 'duplicateIndicator': return `${m.commandError.duplicateIndicator} (${error.indicator})`;
    case 'badIndex': return m.commandError.badIndex;
    case 'emptyName': return m.commandError.emptyName;
    case 'unknownGroup': return `${m.commandError.unknownGroup} (${error.group})`;
    case 'badDecimals': return m.commandError.badDecimals;
    case 'unknownScenario': return `${m.commandError.unknownScenario} (${error.scenario})`;
    case 'duplicateScenario': return `${m.commandError.duplicateScenario} (${error.scenario})`;
    case 'invalidScenarioId': return `${m.commandError.invalidScenarioId} (${error.scenario})`;
    case 'scenarioHasChildren': return m.commandError.scenarioHasChildren(error.children.join(', '));
    case 'scenarioLoop': return `${m.commandError.scenarioLoop}: ${error.chain.join(' → ')}`;
    case 'invalidGroupId': return `${m.commandError.invalidGroupId} (${error.group})`;
    case 'duplicateGroup': return `${m.commandError.duplicateGroup} (${error.group})`;
    case 'groupInUse': return m.commandError.groupInUse(error.indicators.join(', '));
    case 'tooManyGroups': return m.commandError.tooManyGroups(error.limit);
    case 'nameTooLong': return m.commandError.nameTooLong(error.limit);
  }
}

export function PlanView(props: { session: PlanSession; plan: Plan }) {
  // The session is created once at start and never replaced.
  // eslint-disable-next-line solid/reactivity
  const session = props.session;
  const [adding, setAdding] = createSignal(false);
  const [focused, setFocused] = createSignal<string | null>(null);
  /** The group whose heading has the grid's focus ('' for the ungrouped one), or null. */
  const [focusedGroup, setFocusedGroup] = createSignal<string | null>(null);
  // The chart keeps the last indicator focused while a group heading has the focus.
  const [charted, setCharted] = createSignal<string | null>(null);
  // Another plan opened here has other groups (and its own "ungrouped" heading, if any).
  const planId = createMemo(() => props.plan.id);
  createEffect(on(planId, () => { setFocusedGroup(null); setCharted(null); }, { defer: true }));
  const [inspectorOpen, setInspectorOpen] = createSignal(true);
  // The inspector opens on the first cell a planner focuses: fetch it once the page is idle, so
  // it is there at once (and F6 finds it) rather than a chunk request later.
  onMount(() => {
    const preload = () => { void Inspector.preload(); void GroupPanel.preload(); };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(preload, { timeout: 2_000 });
    else setTimeout(preload, 500);
  });
  const [historyOpen, setHistoryOpen] = createSignal(false);
  const [chartOpen, setChartOpen] = createSignal(false);
  const [comparing, setComparing] = createSignal(false);
  const [reporting, setReporting] = createSignal(false);
  const [snapshotsOpen, setSnapshotsOpen] = createSignal(false);
  const [backupDismissed, setBackupDismissed] = createSignal(false);
  const [snapshotList, setSnapshotList] = createSignal<SnapshotSummary[]>([]);
  const [comparingSnapshot, setComparingSnapshot] = createSignal<{ name: string; plan: Plan } | null>(null);
  // The snapshots are watched while their panel is open (another tab may add some).
  createEffect(on(() => [snapshotsOpen(), props.plan.id] as const, ([open]) => {
    if (!open) return;
    const stop = session.snapshots.watch(setSnapshotList);
    onCleanup(stop);
  }));
  /** The plan as the shown scenario sees it: what the grid and the inspector show and edit. */
  const view = () => session.viewPlan() ?? props.plan;
  const overrides = createMemo(() => {
    const cells = overriddenCells(props.plan, session.scenario());
    return cells.ok ? cells.value : new Map();
  });
  const activeScenario = () => (props.plan.scenarios ?? []).find((s) => s.id === session.scenario()) ?? null;
  const [seeking, setSeeking] = createSignal<GoalSeekStart | null>(null);
  const [importingCsv, setImportingCsv] = createSignal<File | true | null>(null);
  const focusedIndicator = () => view().indicators.find((i) => i.id === focused());
  const chartedIndicator = () => view().indicators.find((i) => i.id === charted());
  /** The focused heading's group as a key that is never empty (`g:` + id), while it exists. */
  const shownGroup = () => {
    const id = focusedGroup();
    return id === '' || view().groups.some((g) => g.id === id) ? `g:${id}` : null;
  };

  const probabilities = (): TargetProbabilities => {
    const view = session.simulation();
    return new Map(view?.result.targets.map((target) => [`${target.indicator}#${target.index}`, target.probability]) ?? []);
  };
  /** The P10–P90 band of the charted indicator, from the latest simulation. */
  const band = () => {
    const view = session.simulation();
    const id = charted();
    if (!view || !id) return null;
    const { result } = view;
    const row = result.ids.indexOf(id);
    const low = result.percentiles.indexOf(0.1);
    const high = result.percentiles.indexOf(0.9);
    if (row < 0 || low < 0 || high < 0) return null;
    const n = result.periodKeys.length;
    const rows = result.ids.length;
    const slice = (p: number) => result.values.subarray((p * rows + row) * n, (p * rows + row + 1) * n);
    return { low: slice(low), high: slice(high) };
  };

  // The indicator of the last edit; its standing is announced once the new result arrives.
  const [announceFor, setAnnounceFor] = createSignal<string | null>(null);
  const [announced, setAnnounced] = createSignal('');
  createEffect(on(() => session.result(), (result) => {
    const id = announceFor();
    if (!result || !id) return;
    setAnnounced(announcement(props.plan, result, id, t(), lang()) ?? '');
  }, { defer: true }));

  /** Whether the latest change in the history is the one with this label (reactive). */
  const latestChangeIs = (label: string) => session.history().at(-1)?.label === label;

  const dispatch = (command: Command, label: string, options?: DispatchOptions) => {
    setAnnounceFor(indicatorOf(command));
    const id = session.scenario();
    const routed = id === null ? command : routeToScenario(command, id, session.viewNow() ?? props.plan);
    const refused = session.dispatch(routed, label, options);
    if (refused) notify({ kind: 'error', text: `${label}: ${describeCommandError(refused, t())}` });
    return refused;
  };

  const exportPlan = async () => {
    const file = await session.exportPlan();
    if (!file) return;
    downloadFile(file.fileName, file.text, 'application/json');
    notify({ kind: 'info', text: t().exported(file.fileName) });
    void session.recordExport();
  };

  // The chart's scenario lines come from a worker of their own, started when first asked: they
  // never queue behind (or hold up) the compute an edit starts. See decision 0015.
  let linesClient: EngineClient | null = null;
  const projectLines: ProjectScenarios = (plan, indicator, scenarios) =>
    (linesClient ??= createEngineClient(spawnBrowserWorker)).projectScenarios(plan, indicator, scenarios);
  onCleanup(() => linesClient?.close());

  const removeFocused = () => {
    const id = focused();
    const indicator = props.plan.indicators.find((i) => i.id === id);
    if (!indicator) return;
    session.dispatch({ type: 'removeIndicator', indicator: indicator.id }, `${t().removeIndicator}: ${localized(indicator.name, lang())}`);
    setFocused(null);
  };

  return (
    <section class="plan-view" aria-labelledby="plan-title">
      <header class="plan-header">
        <div>
          <h1 id="plan-title" data-testid="plan-title">{props.plan.name}</h1>
          <Show when={props.plan.description}>
            <p class="plan-description">{props.plan.description}</p>
          </Show>
        </div>
        <div class="toolbar" role="toolbar" aria-label={props.plan.name}>
          <button type="button" class="button" disabled={!session.canUndo()} onClick={() => session.undo()} title="Ctrl+Z" data-testid="undo">↶ {t().undo}</button>
          <button type="button" class="button" disabled={!session.canRedo()} onClick={() => session.redo()} title="Ctrl+Y" data-testid="redo">↷ {t().redo}</button>
          <button type="button" class="button" aria-pressed={historyOpen()} onClick={() => setHistoryOpen(!historyOpen())} data-testid="toggle-history">{t().showHistory}</button>
          <button type="button" class="button" aria-pressed={snapshotsOpen()} onClick={() => setSnapshotsOpen(!snapshotsOpen())} data-testid="toggle-snapshots">{t().showSnapshots}</button>
          <button type="button" class="button" aria-pressed={chartOpen()} onClick={() => setChartOpen(!chartOpen())} data-testid="toggle-chart">{t().showChart}</button>
          <button type="button" class="button" onClick={() => setSeeking({})} data-testid="open-goal-seek">{t().goalSeek}</button>
          <button type="button" class="button" onClick={() => setAdding(true)} data-testid="add-indicator">+ {t().addIndicator}</button>
          <button type="button" class="button" disabled={!focused()} onClick={removeFocused} data-testid="remove-indicator">{t().removeIndicator}</button>
          <button type="button" class="button" onClick={() => setImportingCsv(true)} data-testid="import-csv">{t().importCsv}</button>
          <button type="button" class="button" disabled={!session.result()} onClick={() => setReporting(true)} data-testid="open-report">{t().openReport}</button>
          <ExportMenu plan={props.plan} result={session.result()} />
          <button type="button" class="button button-primary" onClick={() => void exportPlan()} data-testid="export-plan">⇩ {t().exportPlan}</button>
        </div>
      </header>
      <p class="status-line" aria-live="polite" data-testid="save-status">
        <Show when={!session.saveFailed()} fallback={<strong class="field-error">{t().saveFailedStatus}</strong>}>
          {session.saving() ? t().saving : t().saved}
        </Show>
        <Show when={session.computing()}> · {t().computing}</Show>
        <span class="keyboard-hint"> · {t().keyboardHint}</span>
      </p>
      <Show when={session.backupReminder() && !backupDismissed()}>
        <div class="backup-reminder" role="status" data-testid="backup-reminder">
          <span>{t().backupReminder}</span>
          <button type="button" class="button button-primary" onClick={() => void exportPlan()}>⇩ {t().exportPlan}</button>
          <button type="button" class="button" onClick={() => setBackupDismissed(true)}>{t().later}</button>
        </div>
      </Show>
      <div class="plan-bars">
        <ScenarioBar session={session} plan={props.plan} dispatch={dispatch} onCompare={() => setComparing(true)} />
        <SimulationBar session={session} plan={props.plan} />
      </div>
      <Show when={activeScenario()}>
        {(scenario) => <p class="scenario-note" data-testid="scenario-note">{t().inScenario(localized(scenario().name, lang()))}</p>}
      </Show>
      <p class="visually-hidden" aria-live="polite" data-testid="announcer">{announced()}</p>
      <Show when={session.engineProblem()}>
        <p class="banner banner-error" role="alert">{t().planProblem}</p>
      </Show>
      <Show
        when={props.plan.indicators.length > 0}
        fallback={
          <div class="empty-state" data-testid="empty-plan">
            <p class="empty-title">{t().emptyPlan}</p>
            <p>{t().emptyPlanHint}</p>
            <button type="button" class="button button-primary" onClick={() => setAdding(true)}>+ {t().addIndicator}</button>
          </div>
        }
      >
        <div class="plan-workspace">
          {/* A new grid for each plan: some grid options (column virtualisation) are fixed at creation. */}
          <Show when={props.plan.id} keyed>
            {(_id) => (
              <PlanGrid
                plan={view()}
                overrides={overrides()}
                result={session.result()}
                probabilities={probabilities()}
                onEdit={(edit, options) => dispatch(edit.command, edit.label, options)}
                onInvalid={(message, details) => notify({ kind: 'error', text: message, ...(details ? { details } : {}) })}
                onFocusIndicator={(id) => { setFocused(id); if (id) { setCharted(id); setInspectorOpen(true); } }}
                onFocusGroup={(id) => { setFocusedGroup(id); if (id !== null) setInspectorOpen(true); }}
              />
            )}
          </Show>
          <Show when={historyOpen()}>
            <HistoryPanel session={session} />
          </Show>
          <Show when={snapshotsOpen()}>
            <SnapshotsPanel
              snapshots={snapshotList()}
              onCreate={(name) => void session.snapshots.create(name)}
              onRestore={(id) => void session.snapshots.restore(id)}
              onDelete={(id) => void session.snapshots.remove(id)}
              onCompare={(id) => {
                void session.snapshots.get(id).then((snapshot) => {
                  if (snapshot) setComparingSnapshot({ name: snapshot.name, plan: snapshot.plan });
                });
              }}
              onClose={() => setSnapshotsOpen(false)}
            />
          </Show>
          <Show when={inspectorOpen() && focusedIndicator() ? focused() : null} keyed>
            {(_id) => (
              <Inspector
                plan={view()}
                indicator={focusedIndicator() ?? view().indicators[0]!}
                scenario={session.scenario()}
                ownOverride={setsItself(overrides().get(focused() ?? ''))}
                result={session.result()}
                dispatch={dispatch}
                onGoalSeek={(start) => setSeeking(start)}
                onClose={() => setInspectorOpen(false)}
              />
            )}
          </Show>
          <Show when={inspectorOpen() ? shownGroup() : null} keyed>
            {(key) => (
              <GroupPanel
                plan={view()}
                group={key.slice(2)}
                dispatch={dispatch}
                undo={(label) => { if (latestChangeIs(label)) session.undo(); }}
                undoable={latestChangeIs}
                onClose={() => setInspectorOpen(false)}
              />
            )}
          </Show>
        </div>
      </Show>
      <Show when={chartOpen()}>
        <section class="chart-panel" aria-label={t().showChart}>
          <Show when={chartedIndicator() && session.result() ? chartedIndicator() : null} fallback={<p class="field-hint">{t().chartEmpty}</p>}>
            {(indicator) => (
              <ChartPanel session={session} plan={props.plan} view={view()} indicator={indicator()} result={session.result()!} band={band()} project={projectLines} />
            )}
          </Show>
        </section>
      </Show>
      <Show when={reporting() ? session.result() : null}>
        {(result) => (
          <ReportView
            plan={view()}
            result={result()}
            scenarioName={activeScenario() ? localized(activeScenario()!.name, lang()) : null}
            probabilities={probabilities()}
            onClose={() => setReporting(false)}
          />
        )}
      </Show>
      <Show when={comparingSnapshot()}>
        {(shown) => <SnapshotCompare name={shown().name} snapshot={shown().plan} current={props.plan} onClose={() => setComparingSnapshot(null)} />}
      </Show>
      <Show when={comparing()}>
        <CompareDialog session={session} plan={props.plan} onClose={() => setComparing(false)} />
      </Show>
      <Show when={seeking()}>
        {(start) => <GoalSeekDialog session={session} plan={props.plan} start={start()} onClose={() => setSeeking(null)} />}
      </Show>
      <Show when={importingCsv()}>
        {(chosen) => (
          <CsvImportDialog
            plan={props.plan}
            {...(chosen() instanceof File ? { file: chosen() as File } : {})}
            onClose={() => setImportingCsv(null)}
            onImport={(command, label) => { setImportingCsv(null); dispatch(command, label); }}
          />
        )}
      </Show>
      <Show when={adding()}>
        <AddIndicatorDialog
          plan={props.plan}
          onClose={() => setAdding(false)}
          onAdd={(indicator) => {
            setAdding(false);
            session.dispatch({ type: 'addIndicator', indicator, index: props.plan.indicators.length }, `${t().addIndicator}: ${indicator.name.vi}`);
          }}
        />
      </Show>
    </section>
  );
}
