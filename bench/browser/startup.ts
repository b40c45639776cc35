/**
 * Time to an interactive grid, and opening and importing plans, as the planner sees them.
 *
 * - Start-up: navigation start (`performance.timeOrigin`) → the first indicator row showing a
 *   value in a period cell, painted (the probe's `bench:first-value-painted` mark). The app opens
 *   the most recently changed plan on start, so which plan this times depends on the order the
 *   benchmark works in.
 * - Open from the list: the click on a plan in the list → its title and a value of its first row
 *   painted; with the app's own storage part: the click → the read transaction committed, and →
 *   the plan read and checked (the first message the page posts to the worker after the click:
 *   opening a plan posts nothing before it has the checked plan in hand).
 * - Import, in the app's two steps: the file chosen (the input's `change`) → its preview painted
 *   ("read"); then "import as a new plan" clicked → the app's read-write transaction holding the
 *   plan committed ("write") and → the plan's title and first value painted ("shown"). The
 *   import's own time is read + write: the planner's look at the preview is left out.
 */
import type { Page } from '@playwright/test';
import type { BenchWindow, IdbTransaction, WaitResult, WaitSpec } from './probe.ts';
import { clearStats, openApp, settle } from './chromium.ts';

export interface StartupSample {
  /** Navigation start → first value painted. */
  firstValueMs: number;
  /** Navigation start → first indicator row in the DOM. */
  firstRowMs: number | null;
  /** Navigation start → the app's `data-ready`. */
  readyMs: number | null;
  /** Navigation timing, for context. */
  responseEndMs: number;
  domContentLoadedMs: number;
  /** Served by the service worker (a repeat visit) or from the network (the first). */
  controlled: boolean;
  title: string;
}

export async function startupSample(page: Page, how: 'first' | 'reload'): Promise<StartupSample> {
  await openApp(page, how === 'reload');
  await page.waitForFunction(() => (window as unknown as BenchWindow).__bench.startup.firstValue !== null, null, { polling: 50, timeout: 60_000 });
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    const mark = performance.getEntriesByName('bench:first-value-painted')[0];
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      firstValueMs: mark ? mark.startTime : (b.startup.firstValue as WaitResult).painted,
      firstRowMs: b.startup.firstRow,
      readyMs: b.startup.ready,
      responseEndMs: nav?.responseEnd ?? NaN,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN,
      controlled: navigator.serviceWorker?.controller != null,
      title: document.querySelector('[data-testid="plan-title"]')?.textContent ?? '',
    };
  });
}

export interface OpenSample {
  /** Click → title and first value painted. */
  shownMs: number;
  /** Click → the read of the plan committed. */
  readMs: number | null;
  /** Click → the plan read and checked (first post to the worker). */
  checkedMs: number | null;
  transactions: number;
  requests: Record<string, number>;
  /** The longest main-thread task from the click to the page going quiet (0: none over 50 ms). */
  longestTaskMs: number;
}

function requestCounts(idb: IdbTransaction[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of idb) for (const r of t.requests) out[`${r.op} ${r.store}`] = (out[`${r.op} ${r.store}`] ?? 0) + 1;
  return out;
}

async function armed(page: Page, spec: WaitSpec, act: () => Promise<void>, timeoutMs = 60_000): Promise<{ result: WaitResult; idb: IdbTransaction[]; posts: { start: number; end: number }[]; longestTaskMs: number }> {
  await settle(page);
  await clearStats(page);
  await page.evaluate((s) => (window as unknown as BenchWindow).__bench.wait(s), spec);
  await act();
  const result = await page.evaluate((t) => (window as unknown as BenchWindow).__bench.done(t), timeoutMs);
  if (!result) throw new Error(`nothing shown within ${timeoutMs} ms`);
  await settle(page);
  const rest = await page.evaluate((t0) => {
    const b = (window as unknown as BenchWindow).__bench;
    const tasks = b.longTasks.filter((l) => l.start + l.duration >= t0).map((l) => l.duration);
    return { idb: b.idb.filter((t) => t.start >= t0 && t.db === 'chitieu'), posts: b.posts.filter((p) => p.start >= t0), longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
  }, result.trigger);
  return { result, ...rest };
}

/** Clicks a plan in the list and waits for its title and `firstRow`'s first period value. */
export async function openFromList(page: Page, planName: string, firstRow: string): Promise<OpenSample> {
  const spec: WaitSpec = {
    trigger: { type: 'click', within: '.plan-open' },
    until: [
      { selector: '[data-testid="plan-title"]', text: planName },
      { selector: `.ag-row[row-id="i:${firstRow}"] .ag-cell[col-id="p:1"]`, nonEmpty: true },
    ],
  };
  const { result, idb, posts, longestTaskMs } = await armed(page, spec, async () => {
    await page.getByTestId('plan-item').filter({ hasText: planName }).locator('.plan-open').click();
  });
  const read = idb.find((t) => t.stores.includes('plans') && t.requests.some((r) => r.op === 'get' && r.store === 'plans'));
  const post = posts[0];
  return {
    shownMs: result.painted - result.trigger,
    readMs: read && read.end >= 0 ? read.end - result.trigger : null,
    checkedMs: post ? post.start - result.trigger : null,
    transactions: idb.length,
    requests: requestCounts(idb),
    longestTaskMs,
  };
}

export interface ImportSample {
  /** File chosen → the preview of what it holds painted (the file read, parsed, checked; the local copy looked up). */
  readMs: number;
  /** "Import as a new plan" clicked → the plan stored (the app's read-write transaction on `plans` committed). */
  writeMs: number | null;
  /** The import's own time, the planner's decision left out: read + write. */
  storedMs: number | null;
  /** "Import as a new plan" clicked → the imported plan's title and first value painted. */
  shownMs: number;
  transactions: number;
  requests: Record<string, number>;
  /** The longest main-thread task while reading and while writing (0: none over 50 ms). */
  longestTaskMs: { read: number; write: number };
}

/**
 * Imports a plan file through the app's file input and its preview ("import as a new plan"), and
 * waits until the plan is open and shows values.
 */
export async function importPlan(page: Page, path: string, planName: string, firstRow: string): Promise<ImportSample> {
  const read = await armed(page, {
    trigger: { type: 'change', within: '[data-testid="import-input"]' },
    until: [{ selector: '[data-testid="import-plan-name"]', text: planName }],
  }, async () => {
    await page.getByTestId('import-input').setInputFiles(path);
  }, 180_000);
  const write = await armed(page, {
    trigger: { type: 'click', within: '[data-testid="import-new"]' },
    until: [
      { selector: '[data-testid="plan-title"]', text: planName },
      { selector: `.ag-row[row-id="i:${firstRow}"] .ag-cell[col-id="p:1"]`, nonEmpty: true },
    ],
  }, async () => {
    await page.getByTestId('import-new').click();
  }, 180_000);
  const stored = write.idb.find((t) => t.mode === 'readwrite' && t.stores.includes('plans') && t.requests.some((r) => r.op === 'put' && r.store === 'plans'));
  const readMs = read.result.painted - read.result.trigger;
  const writeMs = stored && stored.end >= 0 ? stored.end - write.result.trigger : null;
  const idb = [...read.idb, ...write.idb];
  return {
    readMs,
    writeMs,
    storedMs: writeMs === null ? null : readMs + writeMs,
    shownMs: write.result.painted - write.result.trigger,
    transactions: idb.length,
    requests: requestCounts(idb),
    longestTaskMs: { read: read.longestTaskMs, write: write.longestTaskMs },
  };
}
