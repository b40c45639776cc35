/**
 * Wires the parts together: storage (IndexedDB, or memory when the browser refuses), the engine
 * worker behind its client, the session, and the UI. The first start stores the example plan.
 */
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import '../ui/styles.css';
import { createEngineClient, spawnBrowserWorker } from '../client/engine-client.ts';
import { parsePlan } from '../format/parse-plan.ts';
import type { Plan } from '../engine/model/plan.ts';
import { browserJournalStore, createMemoryRepository, openStorage, replayUnsavedEdits, type PlanRepository, type StorageError } from '../storage/index.ts';

import { App, type Banner } from '../ui/App.tsx';
import { initialLanguage, setLang, t } from '../ui/i18n/index.ts';
import { notify } from '../ui/notices.ts';
import { createPlanSession } from './session.ts';
import { registerOffline } from './offline.ts';

async function loadExample(): Promise<Plan> {
  const url = new URL('examples/thanh-hoa-2024.json', document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  // The file reader is its own chunk: it is needed only on first start and for imports.
  const { parsePlanFile } = await import('../format/parse.ts');
  const parsed = parsePlanFile(await response.text());
  if (!parsed.ok) throw new Error('the example plan file is invalid');
  return parsed.value.file.plan;
}

function describeStorageError(error: StorageError): string {
  switch (error.kind) {
    case 'quota': return t().quotaExceeded;
    case 'unavailable': return t().storageClosed;
    case 'conflict': return t().conflict;
    case 'notFound':
    case 'invalid':
    case 'unknown':
      return error.message;
  }
}

async function start(): Promise<void> {
  await setLang(initialLanguage());
  const [banner, setBanner] = createSignal<Banner | null>(null);
  const validate = (value: unknown) => parsePlan(value);

  let repository: PlanRepository;
  const opened = await openStorage(undefined, {
    validate,
    onVersionChange: () => setBanner({ text: t().versionChange, reload: true }),
  });
  if (opened.ok) {
    repository = opened.value.repository;
  } else {
    repository = createMemoryRepository({ validate });
    setBanner(
      opened.error.kind === 'newerDatabase' ? { text: t().newerDatabase, reload: true }
        : opened.error.kind === 'upgradeFailed' ? { text: t().upgradeFailed, reload: true }
          : { text: t().storageUnavailable },
    );
  }

  const engine = createEngineClient(spawnBrowserWorker, {
    onRestart: (reason) => {
      if (reason.code !== 'closed') notify({ kind: 'error', text: t().engineRestarted });
    },
  });
  const session = createPlanSession(repository, engine, {
    onStorageError: (error) => notify({ kind: 'error', text: t().saveFailed(describeStorageError(error)), sticky: true }),
    onConflict: () => notify({ kind: 'info', text: t().conflict }),
    onEngineRestart: () => notify({ kind: 'error', text: t().engineRestarted }),
  });

  // Saves go to IndexedDB as they happen; these make sure the last ones finish as the page goes.
  // Saves go out at once; what IndexedDB has not committed when the page goes is journalled
  // synchronously to localStorage and replayed at the next start.
  const flush = () => {
    session.writeJournal();
    void session.flush();
  };
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  window.addEventListener('pagehide', flush);

  const seeded = await repository.seedIfFirstRun(loadExample);
  // Edits journalled as the page last closed are put back before any plan opens.
  const replayed = await replayUnsavedEdits(repository, browserJournalStore());
  if (replayed.ok) {
    const lost = replayed.value.filter((outcome) => outcome.kind === 'dropped' && outcome.count > 0);
    for (const outcome of lost) if (outcome.kind === 'dropped') notify({ kind: 'error', text: t().journalDropped(outcome.count), sticky: true });
  }
  const root = document.getElementById('app');
  if (!root) throw new Error('index.html has no #app element');
  render(() => <App session={session} banner={banner} />, root);

  const plans = await repository.listPlans();
  const first = seeded.ok && seeded.value.planId ? seeded.value.planId : plans.ok ? plans.value[0]?.id : undefined;
  if (first) await session.openPlan(first);
  document.body.dataset.ready = 'true';

  registerOffline((update) => {
    setBanner({
      text: t().updateReady,
      action: { label: t().reload, run: () => void session.flush().then(update) },
    });
  });
}

void start();
