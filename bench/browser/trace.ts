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
  /** The engine worker's longest task (its recompute), for comparison. */
  workerLongestMs: number | null;
}

const CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

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
  const work = (task: TraceEvent): Record<string, number> => {
    const inside = main.filter((e) => !isTask(e) && e.ts >= task.ts && e.ts + (e.dur as number) <= task.ts + (task.dur as number));
    // Direct children only: an event not inside another event of the task.
    const top = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + (o.dur as number) >= e.ts + (e.dur as number) && (o.dur as number) > (e.dur as number)));
    const out: Record<string, number> = {};
    for (const e of top) out[kindOf(e)] = Math.round(((out[kindOf(e)] ?? 0) + ms(e)) * 100) / 100;
    return out;
  };
  const workers = [...threadNames.entries()].filter(([key, name]) => key.startsWith(`${pid}:`) && /DedicatedWorker/.test(name)).map(([key]) => Number(key.split(':')[1]));
  const workerTasks = complete.filter((e) => e.pid === pid && workers.includes(e.tid) && isTask(e));
  return {
    tasks: tasks.length,
    longestMs: sorted[0] ? ms(sorted[0]) : 0,
    over50ms: tasks.filter((t) => ms(t) > 50).length,
    over16ms: tasks.filter((t) => ms(t) > 16.7).length,
    longest: sorted.slice(0, 5).map((t) => ({ ms: Math.round(ms(t) * 100) / 100, at: Math.round((t.ts - start.ts) / 1000), work: work(t) })),
    workerLongestMs: workerTasks.length ? Math.max(...workerTasks.map(ms)) : null,
  };
}
