/**
 * CPU profiles of the page's main thread (CDP `Profiler`), summarised by function with names and
 * positions read back through the build's source maps: where the main thread's time goes.
 *
 * In `windows` mode only the samples inside the probe's waits (trigger → paint) are kept, so the
 * summary covers the edits' own windows and nothing the test driver does between them (clicks,
 * typing, waiting). The profile's clock is put beside `performance.now()` by a function the probe
 * spins in for a few milliseconds first (`benchClockMark`). `(program)` is native work outside
 * JavaScript: style, layout, paint, IndexedDB, structured clones.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchWindow } from './probe.ts';
import { lookup, readSourceMap, shortSource, type SourceMap } from './sourcemap.ts';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export interface FunctionTime { fn: string; where: string; ms: number }

export interface ProfileSummary {
  /** Windows summarised (the whole profile counts as one). */
  windows: number;
  /** Wall time the summary covers (the windows' total in `windows` mode). */
  totalMs: number;
  /** Sampled time by category: JavaScript, native work outside it, garbage collection, idle. */
  scriptMs: number;
  programMs: number;
  gcMs: number;
  idleMs: number;
  /** Functions by self time. */
  self: FunctionTime[];
  /** Functions by total time (themselves and what they call). */
  total: FunctionTime[];
  /** Self time by source file (our modules and packages). */
  bySource: { source: string; ms: number }[];
  /** For the functions with most self time, the stacks (innermost first) they were sampled in most. */
  stacks: { fn: string; ms: number; stacks: { ms: number; frames: string[] }[] }[];
  files: string[];
}

export async function profiled(
  context: BrowserContext,
  page: Page,
  distDir: string,
  run: () => Promise<void>,
  options: { mode: 'windows' | 'whole'; saveTo: string | null; name: string },
): Promise<ProfileSummary> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.evaluate(() => { (window as unknown as BenchWindow).__bench.windows.length = 0; });
  await cdp.send('Profiler.start');
  let profile: CpuProfile;
  let mark: [number, number] | undefined;
  let windows: { start: number; end: number }[] | null = null;
  try {
    mark = await page.evaluate(() => (window as unknown as BenchWindow).__bench.clockMark(5));
    await run();
    if (options.mode === 'windows') windows = await page.evaluate(() => (window as unknown as BenchWindow).__bench.windows);
  } finally {
    profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
    await cdp.detach();
  }
  const profiles = [profile];
  const files: string[] = [];
  if (options.saveTo) {
    profiles.forEach((profile, i) => {
      const file = join(options.saveTo as string, `${options.name}-${i + 1}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      files.push(file);
    });
  }
  return { ...summarizeProfiles(profiles, distDir, mark && windows ? { mark, windows } : null), files };
}

/** Sample times (ms, on the page's `performance.now()` clock) of a profile, aligned by the clock mark. */
function sampleTimes(profile: CpuProfile, mark: [number, number]): number[] | null {
  const marked = new Set(profile.nodes.filter((n) => n.callFrame.functionName === 'benchClockMark').map((n) => n.id));
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) {
    t += delta;
    times.push(t / 1000);
  }
  const first = profile.samples.findIndex((id) => marked.has(id));
  if (first < 0) return null;
  const offset = (times[first] as number) - mark[0];
  return times.map((x) => x - offset);
}

export function summarizeProfiles(
  profiles: CpuProfile[],
  distDir: string,
  only: { mark: [number, number]; windows: { start: number; end: number }[] } | null,
): Omit<ProfileSummary, 'files'> {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (url: string): SourceMap | null => {
    if (!maps.has(url)) {
      const asset = url.match(/\/(assets\/[^/?#]+\.js)/);
      maps.set(url, asset ? readSourceMap(join(distDir, asset[1] as string)) : null);
    }
    return maps.get(url) ?? null;
  };
  const describe = (frame: CallFrame): { fn: string; where: string; source: string } => {
    let fn = frame.functionName || '(anonymous)';
    let source = frame.url ? frame.url.replace(/^.*\//, '') : '(native)';
    let where = frame.url ? `${source}:${frame.lineNumber + 1}` : '';
    const map = frame.url ? mapOf(frame.url) : null;
    const segment = map ? lookup(map, frame.lineNumber, frame.columnNumber) : null;
    if (map && segment) {
      source = shortSource(map.sources[segment.source] ?? source);
      where = `${source}:${segment.line + 1}`;
      const original = segment.name >= 0 ? map.names[segment.name] : undefined;
      if (original) fn = original;
    }
    return { fn, where, source };
  };

  const self = new Map<string, FunctionTime>();
  const total = new Map<string, FunctionTime>();
  const sources = new Map<string, number>();
  const paths = new Map<string, Map<string, number>>();
  const special = { '(program)': 0, '(garbage collector)': 0, '(idle)': 0 } as Record<string, number>;
  let wall = 0;
  let sampled = 0;
  for (const profile of profiles) {
    const times = only ? sampleTimes(profile, only.mark) : null;
    if (only && !times) throw new Error('the profile has no clock mark: cannot tell which samples are inside the windows');
    const inside = (i: number) => {
      if (!only || !times) return true;
      const t = times[i] as number;
      return only.windows.some((w) => t >= w.start && t <= w.end);
    };
    wall += only ? only.windows.reduce((sum, w) => sum + (w.end - w.start), 0) : (profile.endTime - profile.startTime) / 1000;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const described = new Map<number, ReturnType<typeof describe>>();
    const info = (id: number) => {
      let d = described.get(id);
      if (!d) {
        d = describe((byId.get(id) as ProfileNode).callFrame);
        described.set(id, d);
      }
      return d;
    };
    profile.samples.forEach((id, i) => {
      if (!inside(i)) return;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id);
      if (!node) return;
      sampled += ms;
      const name = node.callFrame.functionName;
      if (name in special) {
        special[name] = (special[name] as number) + ms;
        return;
      }
      const d = info(id);
      const key = `${d.fn}@${d.where}`;
      const s = self.get(key) ?? { fn: d.fn, where: d.where, ms: 0 };
      s.ms += ms;
      self.set(key, s);
      sources.set(d.source, (sources.get(d.source) ?? 0) + ms);
      // The stack this sample was taken in, a few frames up.
      const frames: string[] = [];
      for (let at: number | undefined = id; at !== undefined && frames.length < 10; at = parent.get(at)) {
        const frame = (byId.get(at) as ProfileNode).callFrame;
        if (frame.functionName === '(root)') break;
        const a = info(at);
        frames.push(`${a.fn} ${a.where}`.trim());
      }
      const byPath = paths.get(key) ?? new Map<string, number>();
      const path = frames.join(' ← ');
      byPath.set(path, (byPath.get(path) ?? 0) + ms);
      paths.set(key, byPath);
      // Total time: every distinct function on the stack, once.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = (byId.get(at) as ProfileNode).callFrame;
        if (frame.functionName === '(root)') break;
        const a = info(at);
        const k = `${a.fn}@${a.where}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const t = total.get(k) ?? { fn: a.fn, where: a.where, ms: 0 };
        t.ms += ms;
        total.set(k, t);
      }
    });
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  const top = (m: Map<string, FunctionTime>, n: number) => [...m.values()].sort((a, b) => b.ms - a.ms).slice(0, n).map((f) => ({ ...f, ms: r(f.ms) }));
  const program = special['(program)'] as number;
  const gc = special['(garbage collector)'] as number;
  const idle = special['(idle)'] as number;
  return {
    windows: only ? only.windows.length : profiles.length,
    totalMs: r(wall),
    scriptMs: r(sampled - program - gc - idle),
    programMs: r(program),
    gcMs: r(gc),
    idleMs: r(idle),
    self: top(self, 25),
    total: top(total, 40),
    bySource: [...sources.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([source, ms]) => ({ source, ms: r(ms) })),
    stacks: [...self.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10).map(([key, f]) => ({
      fn: `${f.fn} ${f.where}`.trim(),
      ms: r(f.ms),
      stacks: [...(paths.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([path, ms]) => ({ ms: r(ms), frames: path.split(' ← ') })),
    })),
  };
}
