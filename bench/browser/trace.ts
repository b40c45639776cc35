/**
 * Main-thread tasks from a Chromium trace: every task the page's main thread ran (not only those
 * over 50 ms, which is all `longtask` reports), between two performance marks the benchmark sets,
 * with what the longest ones spent their time on.
 */
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string; url?: string } };
}

export interface TaskSummary {
  /** Tasks the renderer's main thread ran between the marks. */
  tasks: number;
  longestMs: number;
  over50ms: number;
  over16ms: number;
  /** The longest tasks, each with its time by kind of work (direct children of the task). */
  longest: { ms: number; at: number; work: Record<string, number> }[];
  /** Main-thread time by kind of work over all those tasks (direct children of each task). */
  byKind: Record<string, number>;
  /**
   * The same, only for tasks that overlap a timed window (the probe's `bench:trigger` mark →
   * its `bench:painted` mark), averaged per window: where an edit's main-thread time goes.
   */
  perWindow: { windows: number; meanWindowMs: number; meanBusyMs: number; longestTaskMs: number; byKind: Record<string, number> };
  /**
   * For each timed window, how many frames the page rendered (main-frame updates begun) between
   * the trigger and the DOM showing the new values: 0 means the first frame after the Enter was
   * the one with the values in it.
   */
  framesBeforeValues: number[];
  /** The engine worker's longest task (its recompute), for comparison. */
  workerLongestMs: number | null;
  /** The engine worker's busy time over the traced span. */
  workerBusyMs: number;
}

// `benchmark` for the main-frame updates (ProxyMain::BeginMainFrame): frames counted per window.
const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'benchmark'];
/** Events of the `benchmark` category alone: counted, not part of the work breakdown. */
const benchmarkOnly = (e: TraceEvent) => (e.cat ?? '').split(',').every((c) => c === 'cc' || c === 'benchmark');

export async function traced(browser: Browser, page: Page, run: () => Promise<void>): Promise<TaskSummary> {
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.evaluate(() => performance.mark('bench:trace-start'));
  try {
    await run();
  } finally {
    await page.evaluate(() => performance.mark('bench:trace-end'));
  }
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return summarizeTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

/** What kind of work a trace event is, in a few words. */
function kindOf(event: TraceEvent): string {
  const type = event.args?.data?.type;
  switch (event.name) {
    case 'EventDispatch': return `event ${type ?? ''}`.trim();
    case 'FunctionCall': return 'script (function call)';
    case 'TimerFire': return 'script (timer)';
    case 'FireAnimationFrame': return 'script (animation frame)';
    case 'v8.run': case 'EvaluateScript': case 'v8.compile': case 'v8.compileModule': case 'v8.evaluateModule': return 'script (load)';
    case 'RunMicrotasks': return 'script (microtasks)';
    case 'UpdateLayoutTree': case 'RecalculateStyles': return 'style';
    case 'Layout': return 'layout';
    case 'Paint': case 'PrePaint': case 'Layerize': case 'UpdateLayer': case 'Commit': return 'paint';
    case 'MinorGC': case 'MajorGC': case 'V8.GCScavenger': case 'V8.GCFinalizeMC': case 'BlinkGC.AtomicPhase': return 'gc';
    case 'ParseHTML': return 'parse html';
    default: return event.name;
  }
}

export function summarizeTrace(events: TraceEvent[]): TaskSummary {
  const start = events.find((e) => e.name === 'bench:trace-start');
  const end = events.find((e) => e.name === 'bench:trace-end');
  if (!start || !end) throw new Error('the trace has no bench marks (blink.user_timing)');
  const { pid, tid } = start;
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number' && e.ts >= start.ts && e.ts <= end.ts);
  const isTask = (e: TraceEvent) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask';
  const main = complete.filter((e) => e.pid === pid && e.tid === tid);
  // Both names can wrap the same task; keep the outermost.
  const tasks = main.filter(isTask).sort((a, b) => a.ts - b.ts).filter((t, i, all) => {
    const previous = all[i - 1];
    return !(previous && t.ts < previous.ts + (previous.dur as number));
  });
  const ms = (e: TraceEvent) => (e.dur as number) / 1000;
  const sorted = [...tasks].sort((a, b) => ms(b) - ms(a));
  // Events of the main thread that are not tasks, by start (outer ones first on equal starts).
  const inner = main.filter((e) => !isTask(e) && !benchmarkOnly(e)).sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const workOf = new Map<TraceEvent, Record<string, number>>();
  let cursor = 0;
  for (const task of [...tasks].sort((a, b) => a.ts - b.ts)) {
    const end = task.ts + (task.dur as number);
    while (cursor < inner.length && (inner[cursor] as TraceEvent).ts < task.ts) cursor++;
    const out: Record<string, number> = {};
    // Direct children only: an event starting after the previous top-level one ended.
    let coverEnd = -Infinity;
    for (let i = cursor; i < inner.length && (inner[i] as TraceEvent).ts < end; i++) {
      const e = inner[i] as TraceEvent;
      if (e.ts + (e.dur as number) > end || e.ts < coverEnd) continue;
      coverEnd = e.ts + (e.dur as number);
      out[kindOf(e)] = (out[kindOf(e)] ?? 0) + ms(e);
    }
    const accounted = Object.values(out).reduce((sum, x) => sum + x, 0);
    out['other (task overhead, unlabelled)'] = Math.max(0, ms(task) - accounted);
    workOf.set(task, out);
  }
  const rounded = (rec: Record<string, number>) =>
    Object.fromEntries(Object.entries(rec).filter(([, v]) => v >= 0.01).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  const byKind: Record<string, number> = {};
  for (const rec of workOf.values()) for (const [k, v] of Object.entries(rec)) byKind[k] = (byKind[k] ?? 0) + v;
  // Timed windows, from the probe's marks on this thread.
  const marks = events.filter((e) => e.pid === pid && e.tid === tid && (e.name === 'bench:trigger' || e.name === 'bench:painted') && e.ts >= start.ts && e.ts <= end.ts).sort((a, b) => a.ts - b.ts);
  const windows: { from: number; to: number }[] = [];
  let open: number | null = null;
  for (const m of marks) {
    if (m.name === 'bench:trigger') open = m.ts;
    else if (open !== null) {
      windows.push({ from: open, to: m.ts });
      open = null;
    }
  }
  // Frames begun between a window's trigger and its DOM mark (the probe's `bench:dom`).
  const doms = events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'bench:dom').map((e) => e.ts).sort((a, b) => a - b);
  const frameStarts = main.filter((e) => e.name === 'ProxyMain::BeginMainFrame').map((e) => e.ts);
  const framesBeforeValues = windows.flatMap((w) => {
    const dom = doms.find((d) => d > w.from && d <= w.to);
    return dom === undefined ? [] : [frameStarts.filter((f) => f > w.from && f < dom).length];
  });
  const perKind: Record<string, number> = {};
  let busy = 0;
  let longestInWindows = 0;
  for (const [task, rec] of workOf) {
    if (!windows.some((w) => task.ts < w.to && task.ts + (task.dur as number) > w.from)) continue;
    busy += ms(task);
    longestInWindows = Math.max(longestInWindows, ms(task));
    for (const [k, v] of Object.entries(rec)) perKind[k] = (perKind[k] ?? 0) + v;
  }
  const n = windows.length || 1;
  const workers = [...threadNames.entries()].filter(([key, name]) => key.startsWith(`${pid}:`) && /DedicatedWorker/.test(name)).map(([key]) => Number(key.split(':')[1]));
  const workerTasks = complete.filter((e) => e.pid === pid && workers.includes(e.tid) && isTask(e));
  return {
    tasks: tasks.length,
    longestMs: sorted[0] ? ms(sorted[0]) : 0,
    over50ms: tasks.filter((t) => ms(t) > 50).length,
    over16ms: tasks.filter((t) => ms(t) > 16.7).length,
    longest: sorted.slice(0, 5).map((t) => ({ ms: Math.round(ms(t) * 100) / 100, at: Math.round((t.ts - start.ts) / 1000), work: rounded(workOf.get(t) ?? {}) })),
    byKind: rounded(byKind),
    perWindow: {
      windows: windows.length,
      meanWindowMs: Math.round((windows.reduce((sum, w) => sum + (w.to - w.from), 0) / 1000 / n) * 100) / 100,
      meanBusyMs: Math.round((busy / n) * 100) / 100,
      longestTaskMs: Math.round(longestInWindows * 100) / 100,
      byKind: rounded(Object.fromEntries(Object.entries(perKind).map(([k, v]) => [k, v / n]))),
    },
    framesBeforeValues,
    workerLongestMs: workerTasks.length ? Math.max(...workerTasks.map(ms)) : null,
    workerBusyMs: Math.round(workerTasks.reduce((sum, t) => sum + ms(t), 0) * 100) / 100,
  };
}
