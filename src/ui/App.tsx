import { createSignal, lazy, onCleanup, onMount, Show } from 'solid-js';
import type { ImportWrite, PlanSession } from '../app/session.ts';
import type { Plan } from '../engine/model/plan.ts';

// The import preview (differences, merge) loads with the first file read.
const ImportPreviewDialog = lazy(() => import('./import/ImportPreviewDialog.tsx'));
import type { FileIssue } from '../format/index.ts';
import { lang, setLang, t, type Lang } from './i18n/index.ts';
import { Notices } from './Notices.tsx';
import { notify } from './notices.ts';
import { PlanList } from './PlanList.tsx';
import { PlanView } from './PlanView.tsx';

/** A message above everything: storage unavailable, a newer database, an update ready… */
export interface Banner {
  text: string;
  /** Offers to reload the page. */
  reload?: boolean;
  action?: { label: string; run: () => void };
}

export interface AppProps {
  session: PlanSession;
  banner: () => Banner | null;
}

const MAX_LISTED_ISSUES = 20;

/**
 * The parts of the screen F6 and Shift+F6 move between, in reading order: a planner gets from the
 * plan list to the grid or the inspector without tabbing through every cell on the way.
 */
const REGIONS = ['.app-header', '.plan-list', '.plan-header', '.plan-bars', '.plan-grid', '.history', '.snapshots', '.inspector', '.chart-panel', '.notices'];
const FOCUSABLE = 'button:not(:disabled), summary, select:not(:disabled), textarea:not(:disabled), input:not(:disabled):not([tabindex="-1"]), [href], [tabindex]:not([tabindex="-1"])';

/** Where focus lands in a region: the grid's focused cell (or its first), else the first control. */
function entryOf(region: Element): HTMLElement | null {
  if (region.matches('.plan-grid')) {
    return region.querySelector<HTMLElement>('.ag-cell-focus') ?? region.querySelector<HTMLElement>('.ag-row[row-index="0"] .ag-cell');
  }
  // The newest notice first: it is the one just announced (a deletion's Undo).
  if (region.matches('.notices')) return region.lastElementChild?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
  return region.querySelector<HTMLElement>(FOCUSABLE);
}

function moveToRegion(backwards: boolean): boolean {
  const regions = REGIONS.flatMap((selector) => [...document.querySelectorAll(selector)]).filter((region) => entryOf(region));
  if (regions.length === 0) return false;
  const active = document.activeElement;
  const here = regions.findIndex((region) => active && region.contains(active));
  const next = here < 0 ? (backwards ? regions.length - 1 : 0) : (here + (backwards ? -1 : 1) + regions.length) % regions.length;
  const target = entryOf(regions[next] as Element);
  target?.focus();
  return !!target;
}

/**
 * Keeps focus off <body> when what held it disappears (a panel closed, a list item replaced, a
 * notice gone, a button disabled): it goes back to the latest element focused before that is
 * still there. Focus a planner moved to <body> themselves (a click on nothing) is left alone.
 */
function keepFocus(): () => void {
  const recent: HTMLElement[] = [];
  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLElement)) return;
    const at = recent.indexOf(event.target);
    if (at >= 0) recent.splice(at, 1);
    recent.push(event.target);
    if (recent.length > 30) recent.shift();
  };
  // Hidden counts too: a closed <details> or a panel hidden by CSS keeps its elements connected.
  // (checkVisibility is missing before Safari 17.4: layout boxes tell most of it there.)
  const visible = (element: HTMLElement) => (typeof element.checkVisibility === 'function' ? element.checkVisibility() : (element as Element).getClientRects().length > 0);
  const usable = (element: HTMLElement) => element.isConnected && !element.matches(':disabled') && !element.closest('[inert]') && visible(element);
  const restore = () => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const last = recent.at(-1);
    if (!last || usable(last)) return;
    for (let i = recent.length - 2; i >= 0; i--) {
      const candidate = recent[i] as HTMLElement;
      if (!usable(candidate)) continue;
      candidate.focus();
      if (document.activeElement === candidate) return;
    }
  };
  const observer = new MutationObserver(restore);
  // The browser drops the focus of an element that is hidden or disabled at its next rendering
  // update, after the change that caused it was observed: look again once that has happened.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget === null) setTimeout(restore, 0);
  };
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'open', 'hidden'] });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
    observer.disconnect();
  };
}

export function App(props: AppProps) {
  // The session is created once at start and never replaced.
  // eslint-disable-next-line solid/reactivity
  const session = props.session;
  let fileInput!: HTMLInputElement;
  const [dragging, setDragging] = createSignal(false);
  const [preview, setPreview] = createSignal<{ incoming: Plan; local: Plan | null; warnings: string[]; text: string } | null>(null);

  // The wording of file problems loads only when a file has some.
  const describe = async (issues: readonly FileIssue[]) => {
    const { describeIssue } = await import('../format/messages.ts');
    return issues.map((issue) => describeIssue(issue, lang()));
  };

  const refuse = async (fileName: string, issues: readonly FileIssue[]) => {
    const described = await describe(issues.slice(0, MAX_LISTED_ISSUES));
    const lines = described;
    if (issues.length > MAX_LISTED_ISSUES) lines.push(t().moreProblems(issues.length - MAX_LISTED_ISSUES));
    notify({ kind: 'error', text: t().importRefused(fileName), details: lines, sticky: true });
  };

  /** Reads a file and shows what it holds; nothing is written until the planner chooses. */
  const readFile = async (text: string, fileName: string) => {
    const reading = await session.readImport(text);
    if (reading.kind === 'refused') return void refuse(fileName, reading.issues);
    const warnings = reading.warnings.length ? await describe(reading.warnings) : [];
    setPreview({ incoming: reading.incoming, local: reading.local, warnings, text });
  };

  const importFile = async (file: File) => readFile(await file.text(), file.name);

  /** Runs an import choice; if the local plan changed meanwhile, shows the preview again. */
  const write = async (run: () => Promise<ImportWrite>, text: string) => {
    setPreview(null);
    const outcome = await run();
    if (outcome.kind === 'written') notify({ kind: 'info', text: t().importDone(outcome.plan.name) });
    else if (outcome.kind === 'conflict') {
      notify({ kind: 'info', text: t().conflict });
      await readFile(text, '');
    }
  };

  const snapshotName = async () => {
    const { importMessages } = await import('./import/messages.ts');
    const when = new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date());
    return importMessages(lang()).snapshotName(when);
  };

  const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (event.relatedTarget === null) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void importFile(file);
  };

  // Undo and redo from anywhere except while typing in a field or editing a cell.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'F6' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      // Not while a dialog or the report is open: they keep focus inside.
      if (document.querySelector('dialog[open], [aria-modal="true"]')) return;
      if (moveToRegion(event.shiftKey)) event.preventDefault();
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.closest('input, textarea, select, [contenteditable="true"]') || target.closest('.ag-cell-inline-editing'))) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      if (!session.undo()) notify({ kind: 'info', text: t().nothingToUndo });
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      session.redo();
    }
  };

  let stopKeepingFocus: (() => void) | undefined;
  onMount(() => {
    stopKeepingFocus = keepFocus();
    document.documentElement.lang = lang();
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('keydown', onKeyDown);
  });
  onCleanup(() => {
    stopKeepingFocus?.();
    window.removeEventListener('dragover', onDragOver);
    window.removeEventListener('dragleave', onDragLeave);
    window.removeEventListener('drop', onDrop);
    window.removeEventListener('keydown', onKeyDown);
  });

  return (
    <div class="app" classList={{ dragging: dragging() }}>
      <header class="app-header">
        <div class="brand">
          <span class="brand-mark" aria-hidden="true">◎</span>
          <span class="brand-name">{t().appName}</span>
          <span class="brand-tagline">{t().appTagline}</span>
        </div>
        <div class="header-actions">
          <button type="button" class="button" data-testid="import-plan" onClick={() => fileInput.click()}>⇧ {t().importPlan}</button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            class="visually-hidden"
            data-testid="import-input"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
          <label class="language-switch">
            <span class="visually-hidden">{t().language}</span>
            <select data-testid="language" value={lang()} onChange={(e) => void setLang(e.currentTarget.value as Lang)}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </header>
      <Show when={props.banner()}>
        {(banner) => (
          <div class="banner banner-warning" role="alert" data-testid="banner">
            <span>{banner().text}</span>
            <Show when={banner().reload}>
              <button type="button" class="button" onClick={() => location.reload()}>{t().reload}</button>
            </Show>
            <Show when={banner().action}>
              {(action) => <button type="button" class="button button-primary" onClick={() => action().run()}>{action().label}</button>}
            </Show>
          </div>
        )}
      </Show>
      <div class="app-body">
        <PlanList session={session} />
        <main class="app-main">
          <Show when={session.plan()} fallback={<div class="empty-state" data-testid="no-plan-open"><p>{t().noPlanOpen}</p></div>}>
            {(plan) => <PlanView session={session} plan={plan()} />}
          </Show>
        </main>
      </div>
      <Show when={dragging()}>
        <div class="drop-overlay" aria-hidden="true"><p>{t().dropHere}</p></div>
      </Show>
      <Show when={preview()}>
        {(shown) => (
          <ImportPreviewDialog
            incoming={shown().incoming}
            local={shown().local}
            warnings={shown().warnings}
            onCancel={() => setPreview(null)}
            onImportCopy={() => {
              const { incoming, local, text } = shown();
              void write(() => session.importNew(incoming, local ? { asCopy: true, copySuffix: t().copySuffix } : {}), text);
            }}
            onReplace={() => {
              const { incoming, local, text } = shown();
              if (local) void write(async () => session.replaceWith(incoming, local, await snapshotName()), text);
            }}
            onMerge={(merged) => {
              const { local, text } = shown();
              if (local) void write(async () => session.mergeInto(merged, local, await snapshotName()), text);
            }}
          />
        )}
      </Show>
      <Notices />
    </div>
  );
}
