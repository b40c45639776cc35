import { createSignal, lazy, onCleanup, onMount, Show } from 'solid-js';
import type { ImportWrite, PlanSession } from '../app/session.ts';
import type { ImportLineage } from '../app/lineage.ts';
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

export function App(props: AppProps) {
  // The session is created once at start and never replaced.
  // eslint-disable-next-line solid/reactivity
  const session = props.session;
  let fileInput!: HTMLInputElement;
  const [dragging, setDragging] = createSignal(false);
  const [preview, setPreview] = createSignal<{ incoming: Plan; local: Plan | null; warnings: string[]; text: string; lineage: ImportLineage } | null>(null);

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
    setPreview({ incoming: reading.incoming, local: reading.local, warnings, text, lineage: reading.lineage });
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
      event.preventDefault();
      const backwards = event.shiftKey;
      if (focusModule) focusModule.moveToRegion(backwards);
      else void import('./focus.ts').then((m) => m.moveToRegion(backwards));
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
  // Loaded after the first paint (it is not needed for it); once here, F6 moves the focus at once.
  let focusModule: typeof import('./focus.ts') | null = null;
  onMount(() => {
    void import('./focus.ts').then((m) => {
      focusModule = m;
      stopKeepingFocus = m.keepFocus();
    });
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
            lineage={shown().lineage}
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
