/**
 * Edit → paint: the growth rate of `input_0` typed into the grid as a planner types it (click the
 * cell, Enter, type, Enter), alternating between two rates so that every edit changes what is on
 * screen. For each edit, from the Enter that commits it to the frame in which the grid shows the
 * new rate and the new projection of `input_0` (the cone of 371 rows is recomputed in the worker;
 * `input_0`'s own cells are the affected ones on screen), with where the time went:
 *
 *   commit   Enter → the command posted to the worker (read from the open editor and applied in
 *            the Enter's keydown, before the grid shows the new rate and before AG Grid closes the
 *            editor; decision 0013)
 *   clone    the structured clone of that post (inside `postMessage`, on the main thread)
 *   worker   post → the answer back (the engine's recompute, the transfer, the queue)
 *   apply    answer → the DOM shows the values (Comlink, Solid, the row builder, AG Grid)
 *   paint    DOM → that frame's rendering done
 *
 * and the save: Enter → the app's read-write transaction on `plans` committed (the app starts it
 * after the frame that shows the result). After each edit the page is left to go quiet (no
 * transaction open, nothing for 300 ms) before the next, as between a planner's edits; the raw
 * IndexedDB save is timed in that pause, in turns with the app.
 */
import type { Page } from '@playwright/test';
import type { BenchWindow, IdbTransaction, InputEvent, LongFrame, LongTask, WaitResult, WaitSpec } from './probe.ts';
import type { RateEdits } from './plans.ts';
import { rawIdb } from './raw-idb.ts';
import { clearStats, settle } from './chromium.ts';

export const cellSelector = (indicator: string, column: string) => `.ag-row[row-id="i:${indicator}"] .ag-cell[col-id="${column}"]`;

export interface EditSample {
  typed: string;
  /** Enter → painted: the figure. */
  paintMs: number;
  /** Enter → the DOM showing the new values. */
  domMs: number;
  inputDelayMs: number;
  commitMs: number | null;
  cloneMs: number | null;
  workerMs: number | null;
  applyMs: number | null;
  frameMs: number;
  /** Enter → the app's read-write transaction on `plans` committed. */
  saveMs: number | null;
  /** That transaction alone, opened → committed. */
  saveTxMs: number | null;
  /** IndexedDB work the edit caused (the app's database only). */
  transactions: number;
  requests: Record<string, number>;
  /** Enter → the last of those transactions done. */
  storageBusyMs: number | null;
  /** Those transactions, times from the Enter: what storage did after the edit, in order. */
  timeline: { stores: string; mode: string; startMs: number; endMs: number | null; requests: string[] }[];
  /** Long tasks (≥ 50 ms) from the Enter to the page going quiet. */
  longTasks: LongTask[];
  longFrames: LongFrame[];
  events: InputEvent[];
  /** What the watched cell shows after the edit, and what the engine in Node says it must. */
  shown: string;
  expected: string;
  /** The raw baseline's save of the same plan, timed right after (ms), when asked for. */
  rawSaveMs: number | null;
}

export interface EditRun {
  column: string;
  samples: EditSample[];
}

/** The rightmost period column of `input_0` on screen: the most-changed value the planner sees. */
export async function watchedColumn(page: Page, indicator = 'input_0'): Promise<string> {
  const columns = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((c) => c.getAttribute('col-id') ?? ''), `.ag-row[row-id="i:${indicator}"] .ag-cell[col-id^="p:"]`);
  const periods = columns.map((c) => Number(c.slice(2))).filter((n) => Number.isInteger(n));
  if (periods.length === 0) throw new Error(`no period cell of ${indicator} on screen`);
  return `p:${Math.max(...periods)}`;
}

interface Details {
  posts: { start: number; end: number }[];
  messages: number[];
  idb: IdbTransaction[];
  longTasks: LongTask[];
  frames: LongFrame[];
  events: InputEvent[];
  shown: string;
}

async function details(page: Page, since: number, cell: string): Promise<Details> {
  return page.evaluate(([t0, selector]) => {
    const b = (window as unknown as BenchWindow).__bench;
    const from = t0 as number;
    return {
      posts: b.posts.filter((p) => p.start >= from),
      messages: b.messages.filter((m) => m >= from),
      idb: b.idb.filter((t) => t.start >= from && t.db === 'chitieu'),
      longTasks: b.longTasks.filter((l) => l.start + l.duration >= from),
      frames: b.frames.filter((f) => f.start + f.duration >= from),
      events: b.events.filter((e) => e.start >= from - 1),
      shown: document.querySelector(selector as string)?.textContent ?? '',
    };
  }, [since, cell] as const);
}

export interface EditOptions {
  edits: RateEdits;
  warmup: number;
  count: number;
  indicator?: string;
  /** Time the raw save after each edit (stashed plan key and raw id). */
  rawSave?: { key: string; id: string };
  /** Called after each edit, settled (for traces and profiles that bracket a batch). */
  onSample?: (sample: EditSample, index: number) => void;
}

export async function runEdits(page: Page, options: EditOptions): Promise<EditRun> {
  const indicator = options.indicator ?? 'input_0';
  const rateCell = cellSelector(indicator, 'growthRate');
  // Focusing a row opens the inspector beside the grid, which narrows it: the columns on screen
  // are those left once it is open.
  await page.locator(rateCell).click();
  await settle(page);
  const column = await watchedColumn(page, indicator);
  const valueCell = cellSelector(indicator, column);
  const samples: EditSample[] = [];
  const total = options.warmup + options.count;
  for (let i = 0; i < total; i++) {
    // Type the rate the cell does not show now, so every edit changes the plan.
    const showing = (await page.locator(rateCell).textContent()) ?? '';
    const which = showing.startsWith(options.edits.rateText[0]) ? 1 : 0;
    const typed = options.edits.typed[which];
    await settle(page);
    await clearStats(page);
    await page.locator(rateCell).click();
    await page.keyboard.press('Enter');
    const editor = page.locator('.ag-cell-inline-editing input');
    await editor.waitFor({ state: 'visible' });
    await editor.fill(typed);
    // A planner sees what they typed before pressing Enter: the typed text's frame is drawn first
    // (without this the driver's Enter can come 2 ms after the text, and that text's frame then
    // lands inside the timed window).
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    const spec: WaitSpec = {
      trigger: { type: 'keydown', key: 'Enter', within: '.ag-cell-inline-editing' },
      until: [{ selector: rateCell, changed: true }, { selector: valueCell, changed: true }],
    };
    await page.evaluate((s) => (window as unknown as BenchWindow).__bench.wait(s), spec);
    await page.keyboard.press('Enter');
    const result: WaitResult | null = await page.evaluate(() => (window as unknown as BenchWindow).__bench.done(30_000));
    if (!result) throw new Error(`edit ${i}: the grid did not show the new values within 30 s`);
    await settle(page);
    const d = await details(page, result.trigger, valueCell);
    const post = d.posts.find((p) => p.start >= result.handler);
    const message = post ? d.messages.find((m) => m >= post.end) : undefined;
    const save = d.idb.find((t) => t.mode === 'readwrite' && t.stores.includes('plans'));
    const requests: Record<string, number> = {};
    for (const t of d.idb) for (const r of t.requests) requests[`${r.op} ${r.store}`] = (requests[`${r.op} ${r.store}`] ?? 0) + 1;
    const ends = d.idb.map((t) => t.end).filter((e) => e >= 0);
    let rawSaveMs: number | null = null;
    if (options.rawSave) rawSaveMs = await rawIdb(page, 'save', options.rawSave.key, options.rawSave.id);
    const sample: EditSample = {
      typed,
      paintMs: result.painted - result.trigger,
      domMs: result.dom - result.trigger,
      inputDelayMs: result.handler - result.trigger,
      commitMs: post ? post.start - result.trigger : null,
      cloneMs: post ? post.end - post.start : null,
      workerMs: post && message !== undefined ? message - post.end : null,
      applyMs: message !== undefined ? result.dom - message : null,
      frameMs: result.painted - result.dom,
      saveMs: save && save.end >= 0 ? save.end - result.trigger : null,
      saveTxMs: save && save.end >= 0 ? save.end - save.start : null,
      transactions: d.idb.length,
      requests,
      storageBusyMs: ends.length ? Math.max(...ends) - result.trigger : null,
      timeline: d.idb.map((t) => ({
        stores: t.stores.join('+'),
        mode: t.mode,
        startMs: Math.round((t.start - result.trigger) * 10) / 10,
        endMs: t.end >= 0 ? Math.round((t.end - result.trigger) * 10) / 10 : null,
        requests: t.requests.map((r) => `${r.op} ${r.store}`),
      })),
      longTasks: d.longTasks,
      longFrames: d.frames,
      events: d.events,
      shown: d.shown,
      expected: options.edits.cells[which][column] ?? '',
      rawSaveMs,
    };
    if (i >= options.warmup) {
      samples.push(sample);
      options.onSample?.(sample, samples.length - 1);
    }
  }
  return { column, samples };
}
