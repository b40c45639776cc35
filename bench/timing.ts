/**
 * Timing: warm up, then repeat and keep the median (robust to a GC pause or a scheduler hiccup in
 * one sample). Work shorter than a timer's resolution is timed in batches and divided.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Timing {
  /** Median of the samples, per call, in milliseconds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Samples taken (each of `batch` calls). */
  samples: number;
  batch: number;
}

export interface TimingOptions {
  warmup: number;
  samples: number;
  /** Calls per sample; each sample's time is divided by it. */
  batch?: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function summarise(times: number[], batch: number): Timing {
  return { medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), samples: times.length, batch };
}

/** `fn(i)` gets the call's index, so alternating edits (rate up, rate down) do real work each time. */
export function time(fn: (i: number) => void, options: TimingOptions): Timing {
  const batch = options.batch ?? 1;
  let i = 0;
  for (let w = 0; w < options.warmup * batch; w++) fn(i++);
  const times: number[] = [];
  for (let s = 0; s < options.samples; s++) {
    const start = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) fn(i++);
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  return summarise(times, batch);
}

/**
 * A variant to time in turns: a function, or one with its own batch size and an untimed `prepare`
 * run before each of its batches.
 */
export type Variant = ((i: number) => void) | { run: (i: number) => void; batch: number; prepare?: () => void };

function batched(v: Variant): v is { run: (i: number) => void; batch: number; prepare?: () => void } {
  return typeof v === 'object';
}

let gc: (() => void) | null = null;

/**
 * A full garbage collection, outside any timed region: so that one variant's garbage is not
 * collected on another's time. Node exposes `gc` only behind a flag; the flag can be set at run
 * time and the function fetched from a fresh context.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose_gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/**
 * Several variants timed in turns (a batch of each per round), so that load from elsewhere on a
 * shared machine falls on all of them alike and their ratios stay fair.
 */
export function timeInTurns<K extends string>(variants: Record<K, Variant>, options: TimingOptions): Record<K, Timing> {
  const names = Object.keys(variants) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  const batchOf = (name: K): number => {
    const v: Variant = variants[name];
    return batched(v) ? v.batch : (options.batch ?? 1);
  };
  let i = 0;
  for (let round = 0; round < options.warmup + options.samples; round++) {
    for (const name of names) {
      const v: Variant = variants[name];
      const fn = batched(v) ? v.run : v;
      const batch = batchOf(name);
      if (batched(v)) v.prepare?.();
      const start = process.hrtime.bigint();
      for (let b = 0; b < batch; b++) fn(i++);
      if (round >= options.warmup) times.get(name)?.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(times.get(name) ?? [], batchOf(name))])) as Record<K, Timing>;
}

export async function timeAsync(fn: (i: number) => Promise<void>, options: TimingOptions): Promise<Timing> {
  const batch = options.batch ?? 1;
  let i = 0;
  for (let w = 0; w < options.warmup * batch; w++) await fn(i++);
  const times: number[] = [];
  for (let s = 0; s < options.samples; s++) {
    const start = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) await fn(i++);
    times.push(Number(process.hrtime.bigint() - start) / 1e6 / batch);
  }
  return summarise(times, batch);
}
