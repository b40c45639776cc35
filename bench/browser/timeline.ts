/**
 * Where one edit's time goes, thread by thread: a Chromium trace of a few timed edits of the
 * 1,000 × 120 plan, printed as a timeline per edit (milliseconds from the committing Enter's
 * handler) of the main thread's tasks and what they ran, the engine worker's tasks, and the
 * compositor's and raster threads' work. A tool for looking, not a figure: the figures are
 * `run.ts`'s.
 *
 *   npx tsx bench/browser/timeline.ts [--dist DIR] [--edits N] [--save FILE] [--categories A,B] [--profile]
 */
import { writeFileSync } from 'node:fs';
import { openSession } from './chromium.ts';
import { runEdits } from './edits.ts';
import { rateEdits, writePlanFiles } from './plans.ts';
import { importPlan } from './startup.ts';
import { profiled } from './profile.ts';
import { ensureBuild, snapshotDist, startPreview } from './server.ts';

interface TraceEvent { name: string; cat?: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> } }

const args = process.argv.slice(2);
const opt = (flag: string) => { const i = args.indexOf(flag); return i >= 0 ? args[i + 1] : undefined; };
const EDITS = Number(opt('--edits') ?? 4);
const CATEGORIES = [...(opt('--categories')?.split(',') ?? []), 'toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'cc', 'viz', 'benchmark'];

const INTERESTING = new Set(['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MinorGC', 'MajorGC', 'V8.GCScavenger', 'ParseHTML', 'IntersectionObserverController::computeIntersections', 'ProxyMain::BeginMainFrame', 'ProxyImpl::ScheduledActionCommit', 'ProxyImpl::ScheduledActionDraw', 'RasterTask', 'TileManager::AssignGpuMemoryToTiles', 'Graphics.Pipeline', 'DisplayScheduler::DrawAndSwap', 'Display::DrawAndSwap', 'SkiaOutputSurfaceImpl::SwapBuffers', 'Scheduler::BeginFrame', 'BeginFrame', 'DrawFrame', 'Screenshot', 'SwapBuffers']);

function label(e: TraceEvent): string {
  const d = e.args?.data as Record<string, unknown> | undefined;
  if (e.name === 'EventDispatch') return `event ${String(d?.['type'] ?? '')}`;
  if (e.name === 'FunctionCall') return `fn ${String(d?.['functionName'] ?? '') || '(anon)'} ${String(d?.['url'] ?? '').split('/').pop()}:${String(d?.['lineNumber'] ?? '')}`;
  return e.name;
}

async function main() {
  const dist = await snapshotDist(opt('--dist') ?? (ensureBuild(), undefined));
  const files = writePlanFiles();
  const edits = rateEdits(files.main.plan);
  const server = await startPreview(dist);
  const s = await openSession(server.url);
  try {
    await s.page.goto('/');
    await s.page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
    await importPlan(s.page, files.main.path, files.main.plan.name, 'input_0');
    await runEdits(s.page, { edits, warmup: 4, count: 2 });
    if (args.includes('--profile')) {
      // Instead of the trace: a CPU profile of the same edits, by function (source-mapped).
      const summary = await profiled(s.context, s.page, dist, async () => { await runEdits(s.page, { edits, warmup: 0, count: EDITS }); }, { mode: 'windows', saveTo: opt('--profile-save') ?? null, name: 'timeline' });
      console.log(`CPU profile of ${summary.windows} edit windows, ${summary.totalMs} ms: script ${summary.scriptMs}, native ${summary.programMs}, GC ${summary.gcMs}, idle ${summary.idleMs}`);
      console.log('by total time:');
      for (const f of summary.total.slice(0, Number(opt("--top") ?? 45))) console.log(`  ${f.ms.toFixed(1).padStart(7)}  ${f.fn}  ${f.where}`);
      console.log('by self time:');
      for (const f of summary.self.slice(0, 25)) console.log(`  ${f.ms.toFixed(1).padStart(7)}  ${f.fn}  ${f.where}`);
      return;
    }
    const browser = s.context.browser();
    if (!browser) throw new Error('no browser for tracing');
    await browser.startTracing(s.page, { categories: CATEGORIES });
    const run = await runEdits(s.page, { edits, warmup: 0, count: EDITS });
    const buffer = await browser.stopTracing();
    const save = opt('--save');
    if (save) writeFileSync(save, buffer);
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    const names = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
    const triggers = events.filter((e) => e.name === 'bench:trigger').sort((a, b) => a.ts - b.ts);
    const painted = events.filter((e) => e.name === 'bench:painted').sort((a, b) => a.ts - b.ts);
    const renderer = triggers[0]?.pid;
    triggers.forEach((t, i) => {
      const end = painted.find((p) => p.ts > t.ts);
      if (!end) return;
      const sample = run.samples[i];
      // The trace's own answer: the end of the first main-frame update after the DOM showed the values.
      const dom = events.find((e) => e.name === 'bench:dom' && e.ts > t.ts && e.ts <= end.ts);
      const frame = dom ? events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X' && e.pid === t.pid && e.ts > dom.ts).sort((a, b) => a.ts - b.ts)[0] : undefined;
      if (frame) console.log(`trace: handler → end of the frame after the DOM change ${((frame.ts + (frame.dur ?? 0) - t.ts) / 1000).toFixed(1)} ms (that frame's main-thread update ${((frame.dur ?? 0) / 1000).toFixed(1)} ms); probe painted ${((end.ts - t.ts) / 1000).toFixed(1)} ms`);
      const before = dom ? events.filter((e) => e.name === 'ProxyMain::BeginMainFrame' && e.ph === 'X' && e.pid === t.pid && e.ts > t.ts && e.ts < dom.ts) : [];
      console.log(`frames begun before the values were in the DOM: ${before.length}${before.map((f) => ` (at ${((f.ts - t.ts) / 1000).toFixed(1)} ms, DOM at ${(((dom?.ts ?? 0) - t.ts) / 1000).toFixed(1)})`).join('')}`);
      console.log(`\n=== edit ${i + 1}: painted at ${((end.ts - t.ts) / 1000).toFixed(1)} ms after the handler (probe: ${sample?.paintMs.toFixed(1)} from the event; commit ${sample?.commitMs?.toFixed(1)} worker ${sample?.workerMs?.toFixed(1)} apply ${sample?.applyMs?.toFixed(1)} frame ${sample?.frameMs.toFixed(1)})`);
      const from = t.ts - 2000;
      const to = end.ts + 2000;
      const inWindow = events.filter((e) => (e.ph === 'X' || e.ph === 'I' || e.ph === 'i' || e.ph === 'R') && e.ts >= from && e.ts <= to && (INTERESTING.has(e.name) || e.name.startsWith('bench:') || e.name === 'ThreadControllerImpl::RunTask'));
      const byThread = new Map<string, TraceEvent[]>();
      for (const e of inWindow) {
        const name = names.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
        if (e.pid !== renderer && !/Viz|Compositor|GPU|VizCompositor/i.test(name)) continue;
        const key = `${e.pid === renderer ? 'renderer' : 'browser/gpu'} ${name}`;
        byThread.set(key, [...(byThread.get(key) ?? []), e]);
      }
      for (const [thread, list] of byThread) {
        const tasks = list.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
        const busy = tasks.reduce((sum, e) => sum + Math.min(e.ts + (e.dur ?? 0), end.ts) - Math.max(e.ts, t.ts), 0) / 1000;
        console.log(`-- ${thread} (busy in window ${busy.toFixed(1)} ms)`);
        for (const e of list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
          const dur = (e.dur ?? 0) / 1000;
          if (e.name === 'ThreadControllerImpl::RunTask' && dur < 0.3) continue;
          if (e.name !== 'ThreadControllerImpl::RunTask' && dur < 0.2 && !e.name.startsWith('bench:') && e.ph === 'X') continue;
          const at = (e.ts - t.ts) / 1000;
          const indent = e.name === 'ThreadControllerImpl::RunTask' ? '' : '    ';
          console.log(`${indent}${at.toFixed(1).padStart(7)} +${dur.toFixed(1).padStart(5)}  ${e.name === 'ThreadControllerImpl::RunTask' ? 'TASK' : label(e)}`);
        }
      }
    });
  } finally {
    await s.close();
    await server.stop();
  }
}
main().catch((error) => { console.error(error); process.exit(1); });
