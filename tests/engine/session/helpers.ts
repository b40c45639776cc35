/**
 * A generated planning model the size of a real provincial plan, for timing the engine and for
 * checking that incremental recompute agrees with a full one: `inputs` compound-growth rows
 * followed by formula rows in levels, each level reading the one below, so the deepest chain is
 * `depth` formulas long. Deterministic for a seed.
 */
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { formatPeriodKey } from '../../../src/engine/periods/calendar.ts';

export interface ModelShape {
  indicators: number;
  /** Months from January 2020. */
  periods: number;
  inputs: number;
  depth: number;
  /** The last inputs, read by no formula: editing one is "an input nothing depends on". */
  unread: number;
  seed: number;
}

export const LARGE_MODEL: ModelShape = { indicators: 1_000, periods: 120, inputs: 300, depth: 12, unread: 4, seed: 20_240_917 };

/** One row as the hand-written floor evaluates it: kind 0 is growth, 1..8 the formula templates. */
export interface FloorRow { kind: number; a: number; b: number; c: number; k: number; start: number; rate: number }

export interface GeneratedModel {
  plan: Plan;
  rows: FloorRow[];
  /** An input at the root of the longest chain: its edit reaches the deepest formula. */
  topInput: string;
  /** An input no formula reads. */
  leafInput: string;
  deepest: string;
}

/** mulberry32: small and deterministic; enough to lay out a model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function monthKeys(periods: number): string[] {
  return Array.from({ length: periods }, (_, t) => formatPeriodKey(2020 + Math.floor(t / 12), t % 12, 'month'));
}

export function generateModel(shape: ModelShape): GeneratedModel {
  const random = seededRandom(shape.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const keys = monthKeys(shape.periods);
  const first = keys[0] as string;
  const indicators: Indicator[] = [];
  const rows: FloorRow[] = [];
  const rowOf = new Map<string, number>();
  for (let r = 0; r < shape.inputs; r++) {
    const start = Number((100 + random() * 9_900).toFixed(2));
    const rate = Number((-0.005 + random() * 0.02).toFixed(5));
    rowOf.set(`input_${r}`, r);
    rows.push({ kind: 0, a: -1, b: -1, c: -1, k: 0, start, rate });
    indicators.push(makeIndicator({ id: `input_${r}`, kind: 'stock', actuals: { [first]: start }, projection: { method: 'growth', rate } }));
  }
  const formulaCount = shape.indicators - shape.inputs;
  // Fewer rows on higher levels, as in real plans; every level has one at least (the spine).
  const weights = Array.from({ length: shape.depth }, (_, i) => shape.depth - i);
  const total = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((formulaCount * w) / total)));
  let extra = formulaCount - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; extra > 0; i = (i + 1) % sizes.length, extra--) sizes[i] = (sizes[i] as number) + 1;

  const readable = indicators.slice(0, shape.inputs - shape.unread).map((i) => i.id);
  const levels: string[][] = [readable];
  let spine = 'input_0';
  for (let level = 1; level <= shape.depth; level++) {
    const below = levels[level - 1] as string[];
    const lower = levels.flat();
    const here: string[] = [];
    for (let i = 0; i < (sizes[level - 1] as number); i++) {
      const a = i === 0 ? spine : pick(below);
      const b = pick(lower);
      const c = pick(lower);
      const k = Number((0.5 + random()).toFixed(3));
      const template = Math.floor(random() * 8);
      const formula = [
        `${a} + ${b}`,
        `${a} * ${k} + ${b} * ${k / 2}`,
        `${a} / ${b} * 100`,
        `${a} * ${k}`,
        `${a} * ${b} / ${c}`,
        `min(${a}, ${b})`,
        `max(${a}, ${b})`,
        `if(${a} > ${b}, ${a} * ${k}, ${b})`,
      ][template] as string;
      const id = `f${level}_${i}`;
      const row = (name: string): number => rowOf.get(name) as number;
      rowOf.set(id, indicators.length);
      rows.push({ kind: template + 1, a: row(a), b: row(b), c: row(c), k, start: 0, rate: 0 });
      indicators.push(makeIndicator({ id, kind: 'flow', projection: { method: 'formula', formula } }));
      here.push(id);
      if (i === 0) spine = id;
    }
    levels.push(here);
  }
  const plan = makePlan(
    { id: `model-${shape.seed}`, name: `Model ${shape.indicators} × ${shape.periods}`, calendar: { periodicity: 'month', start: first, end: keys[keys.length - 1] as string }, indicators },
    new Date('2024-01-01T00:00:00Z'),
  );
  return { plan, rows, topInput: 'input_0', leafInput: `input_${shape.inputs - 1}`, deepest: spine };
}

/** The plan with one indicator replaced the way commands replace it: a new object, the rest shared. */
export function withIndicator(plan: Plan, id: string, change: (indicator: Indicator) => Indicator): Plan {
  const indicators = plan.indicators.map((indicator) => (indicator.id === id ? change(indicator) : indicator));
  return { ...plan, indicators, revision: plan.revision + 1 };
}
