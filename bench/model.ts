/**
 * The benchmark's synthetic plan, generated from a seed so every run (and every machine) measures
 * the same model.
 *
 * Shape (for the default spec, 1,000 indicators × 120 months):
 * - `growthRows` input rows (304), each with one actual in the first period and compound growth
 *   at a monthly rate between -0.5 % and +1.5 %. They come first, so "near the top" is literal in
 *   the spreadsheet too.
 * - The remaining rows (696) are formulas, each at a level 1..`maxDepth` (14): its first operand
 *   is a row of the level just below (so the longest chain is exactly `maxDepth` formulas deep),
 *   its other operands any lower row, one in ten of them a headline input (rows 0 and 1: think
 *   population and a price index, which real plans read everywhere). Fewer rows at higher levels,
 *   as in real plans, where a few headline indicators sit on many details.
 * - Row 0 (the first growth row) starts the spine: one formula per level reads the previous one
 *   through a sum, a weighted mean or a scaling, so editing row 0's rate reaches the deepest
 *   indicator and moves it. Row 0 is "the rate near the top": its cone is 371 of the 1,000 rows.
 *   The last `unreadInputs` growth rows are read by no formula: editing them is "an input nothing
 *   depends on".
 * - Formulas come from a few templates over positive values (sum, weighted mean, ratio, scale,
 *   product over a third, min, max, a conditional). Every value stays positive and finite, so
 *   there is no blank or error anywhere, and the same model means the same numbers in Chitieu, in
 *   HyperFormula and in the hand-written loop (the bench checks they agree before timing).
 *
 * The templates are data, rendered three ways: Chitieu formula text, spreadsheet formula text and
 * the hand-written evaluator in `floor.ts`.
 */
import type { Indicator, Plan, Range } from '../src/engine/model/plan.ts';
import { makeIndicator, makePlan } from '../src/engine/model/factories.ts';
import { formatPeriodKey } from '../src/engine/periods/calendar.ts';
import { seededRandom } from './random.ts';

export interface ModelSpec {
  indicators: number;
  /** Months, from January 2020. */
  periods: number;
  growthRows: number;
  maxDepth: number;
  /** Growth rows (the last ones) that no formula reads. */
  unreadInputs: number;
  /** Growth rows (the first ones) that formulas read more often than others. */
  headlineInputs: number;
  /** The share of non-spine operands that read a headline input. */
  headlineShare: number;
  seed: number;
}

export const MAIN_SPEC: ModelSpec = { indicators: 1_000, periods: 120, growthRows: 304, maxDepth: 14, unreadInputs: 4, headlineInputs: 2, headlineShare: 0.1, seed: 20240917 };

/** The Monte Carlo plan: 100 indicators × 60 months, every growth rate uncertain. */
export const SIMULATION_SPEC: ModelSpec = { indicators: 100, periods: 60, growthRows: 30, maxDepth: 8, unreadInputs: 2, headlineInputs: 2, headlineShare: 0.1, seed: 7 };

export type Template =
  | { kind: 'sum'; a: number; b: number }
  | { kind: 'weighted'; a: number; b: number; w: number; v: number }
  | { kind: 'ratio'; a: number; b: number; k: number }
  | { kind: 'scale'; a: number; k: number }
  | { kind: 'product'; a: number; b: number; c: number }
  | { kind: 'min'; a: number; b: number }
  | { kind: 'max'; a: number; b: number }
  | { kind: 'choose'; a: number; b: number; k: number };

export type Row =
  | { kind: 'growth'; row: number; id: string; level: number; rate: number; start: number }
  | { kind: 'formula'; row: number; id: string; level: number; template: Template };

export interface BenchModel {
  spec: ModelSpec;
  rows: Row[];
  /** The growth row whose rate "near the top" changes: the spine's root. */
  topInput: number;
  /** A growth row no formula reads. */
  leafInput: number;
  /** The deepest row on the spine: where goal seek aims. */
  deepest: number;
}

export function generateModel(spec: ModelSpec): BenchModel {
  const random = seededRandom(spec.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const round = (x: number, digits: number): number => Number(x.toFixed(digits));
  const rows: Row[] = [];
  for (let r = 0; r < spec.growthRows; r++) {
    rows.push({
      kind: 'growth', row: r, id: `input_${r}`, level: 0,
      rate: round(-0.005 + random() * 0.02, 5),
      start: round(100 + random() * 9_900, 2),
    });
  }

  // Level sizes fall linearly with depth: level L gets a share proportional to maxDepth + 1 - L,
  // and every level has at least one row (the spine).
  const formulaCount = spec.indicators - spec.growthRows;
  const weights = Array.from({ length: spec.maxDepth }, (_, i) => spec.maxDepth - i);
  const total = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((formulaCount * w) / total)));
  let extra = formulaCount - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; extra > 0; i = (i + 1) % sizes.length, extra--) sizes[i] = (sizes[i] as number) + 1;

  const readable = rows.slice(0, spec.growthRows - spec.unreadInputs).map((r) => r.row);
  const byLevel: number[][] = [readable];
  let spine = 0;
  for (let level = 1; level <= spec.maxDepth; level++) {
    const below = byLevel[level - 1] as number[];
    const lower = byLevel.flat();
    const here: number[] = [];
    for (let i = 0; i < (sizes[level - 1] as number); i++) {
      const row = rows.length;
      // The first row of each level continues the spine from row 0.
      const a = i === 0 ? spine : pick(below);
      // A share of the other operands read a headline input (rows 0..headlineInputs-1), as real
      // plans read population or prices; the rest read any lower row.
      const other = (): number => (random() < spec.headlineShare ? Math.floor(random() * spec.headlineInputs) : pick(lower));
      const template = i === 0 ? spineTemplate(random, a, other) : makeTemplate(random, a, other);
      rows.push({ kind: 'formula', row, id: `f${level}_${i}`, level, template });
      here.push(row);
      if (i === 0) spine = row;
    }
    byLevel.push(here);
  }
  return { spec, rows, topInput: 0, leafInput: spec.growthRows - 1, deepest: spine };
}

function makeTemplate(random: () => number, a: number, other: () => number): Template {
  const k = Number((0.5 + random()).toFixed(3));
  switch (Math.floor(random() * 8)) {
    case 0: return { kind: 'sum', a, b: other() };
    case 1: {
      const w = Number((0.2 + random() * 0.6).toFixed(3));
      return { kind: 'weighted', a, b: other(), w, v: Number((1 - w).toFixed(3)) };
    }
    case 2: return { kind: 'ratio', a, b: other(), k: Number((k * 100).toFixed(1)) };
    case 3: return { kind: 'scale', a, k };
    case 4: return { kind: 'product', a, b: other(), c: other() };
    case 5: return { kind: 'min', a, b: other() };
    case 6: return { kind: 'max', a, b: other() };
    default: return { kind: 'choose', a, b: other(), k };
  }
}

/**
 * The spine passes every change of row 0 on (a min, a max or a conditional could cut it off), so
 * the deepest indicator responds to row 0's rate and goal seek has something to find.
 */
function spineTemplate(random: () => number, a: number, other: () => number): Template {
  const k = Number((0.5 + random()).toFixed(3));
  switch (Math.floor(random() * 3)) {
    case 0: return { kind: 'sum', a, b: other() };
    case 1: {
      const w = Number((0.5 + random() * 0.3).toFixed(3));
      return { kind: 'weighted', a, b: other(), w, v: Number((1 - w).toFixed(3)) };
    }
    default: return { kind: 'scale', a, k };
  }
}

/** The rows a template reads, in operand order. */
export function operands(template: Template): number[] {
  switch (template.kind) {
    case 'scale': return [template.a];
    case 'product': return [template.a, template.b, template.c];
    case 'sum':
    case 'weighted':
    case 'ratio':
    case 'min':
    case 'max':
    case 'choose': return [template.a, template.b];
  }
}

/**
 * A template as formula text, with `name(row)` naming each operand; `functionCase` writes function
 * names as Chitieu's docs do (lower) or as spreadsheets do (upper).
 */
export function formulaText(template: Template, name: (row: number) => string, functionCase: 'lower' | 'upper' = 'lower'): string {
  const fn = (f: string): string => (functionCase === 'upper' ? f.toUpperCase() : f);
  const a = name(template.a);
  switch (template.kind) {
    case 'sum': return `${a} + ${name(template.b)}`;
    case 'weighted': return `${a} * ${template.w} + ${name(template.b)} * ${template.v}`;
    case 'ratio': return `${a} / ${name(template.b)} * ${template.k}`;
    case 'scale': return `${a} * ${template.k}`;
    case 'product': return `${a} * ${name(template.b)} / ${name(template.c)}`;
    case 'min': return `${fn('min')}(${a}, ${name(template.b)})`;
    case 'max': return `${fn('max')}(${a}, ${name(template.b)})`;
    case 'choose': return `${fn('if')}(${a} > ${name(template.b)}, ${a} * ${template.k}, ${name(template.b)})`;
  }
}

export function periodKeys(spec: ModelSpec): string[] {
  return Array.from({ length: spec.periods }, (_, t) => formatPeriodKey(2020 + Math.floor(t / 12), t % 12, 'month'));
}

export interface PlanOptions {
  /** Give every growth row a range on its rate (for simulation). */
  ranges?: boolean;
  /** Give every formula row with no reader a target at the last period (for target probabilities). */
  targets?: boolean;
}

/** The model as a Chitieu plan. */
export function toPlan(model: BenchModel, options: PlanOptions = {}): Plan {
  const keys = periodKeys(model.spec);
  const first = keys[0] as string;
  const last = keys[keys.length - 1] as string;
  const read = new Set(model.rows.flatMap((r) => (r.kind === 'formula' ? operands(r.template) : [])));
  const indicators: Indicator[] = model.rows.map((row) => {
    if (row.kind === 'growth') {
      return makeIndicator({
        id: row.id,
        actuals: { [first]: row.start },
        projection: { method: 'growth', rate: row.rate },
        ...(options.ranges ? { range: rateRange(row) } : {}),
      });
    }
    const formula = formulaText(row.template, (r) => (model.rows[r] as Row).id);
    return makeIndicator({
      id: row.id,
      projection: { method: 'formula', formula },
      targets: options.targets && !read.has(row.row) ? [{ period: last, value: 0, direction: 'atLeast' }] : [],
    });
  });
  return makePlan(
    { id: `bench-${model.spec.seed}`, name: `Benchmark ${model.spec.indicators} × ${model.spec.periods}`, calendar: { periodicity: 'month', start: first, end: last }, indicators },
    new Date('2024-01-01T00:00:00Z'),
  );
}

/**
 * A spread of ±0.5 percentage points a month around the rate, in turn triangular, PERT and
 * normal, so the simulation samples every distribution it supports.
 */
function rateRange(row: Row & { kind: 'growth' }): Range {
  const r = row.rate;
  switch (row.row % 3) {
    case 0: return { distribution: 'triangular', of: 'rate', low: r - 0.005, likely: r, high: r + 0.005 };
    case 1: return { distribution: 'pert', of: 'rate', low: r - 0.005, likely: r, high: r + 0.005 };
    default: return { distribution: 'normal', of: 'rate', mean: r, sd: 0.0025 };
  }
}

/** Spreadsheet column name of a 0-based column: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/**
 * The model as one spreadsheet: one row per indicator, column A the growth rate (blank for
 * formula rows), then one column per period. Growth rows are `=prev*(1+$A{row})`; formulas read
 * the same column of their operands' rows.
 */
export function toSheet(model: BenchModel): (string | number | null)[][] {
  return model.rows.map((row) => {
    const line: (string | number | null)[] = [row.kind === 'growth' ? row.rate : null];
    for (let t = 0; t < model.spec.periods; t++) {
      const col = columnName(t + 1);
      if (row.kind === 'growth') {
        line.push(t === 0 ? row.start : `=${columnName(t)}${row.row + 1}*(1+$A${row.row + 1})`);
      } else {
        line.push(`=${formulaText(row.template, (r) => `${col}${r + 1}`, 'upper')}`);
      }
    }
    return line;
  });
}
