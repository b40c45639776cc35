/**
 * A plan compiled once into a flat program: one row of a Float64Array matrix per indicator, a
 * step per row that fills it, and the rows in topological order. Recompute runs the steps; an
 * edit of data (actuals, targets, method parameters) rewrites its rows in place with
 * `updateProgram` and reruns only the cone downstream of them.
 *
 * A formula row has two evaluators over the same syntax tree: the per-cell closures of
 * `src/engine/formula` (the reference, exact about errors and blanks), and, when the formula uses
 * only row-wise operations, a whole-row form that runs each operation as one loop over the
 * periods (see `compileRowwise`). The whole-row form computes the same IEEE operations in the
 * same order, so its values are identical; it reports no errors itself but raises a flag, and a
 * flagged row is recomputed cell by cell, which reports them exactly.
 */
import type { Indicator, Plan, Projection, RangeParameter, Target } from '../model/plan.ts';
import { checkCalendar, periodIndex, type CalendarProblem, type PeriodIndex } from '../periods/calendar.ts';
import {
  compileFormula,
  formulaDependencies,
  parseFormula,
  type CompiledFormula,
  type FormulaAst,
  type FormulaError,
} from '../formula/index.ts';
import { buildGraph, downstreamCone, type DependencyGraph } from '../graph/index.ts';
import { projectRow, type Anchor, type MethodProblem } from './methods.ts';
import { compileRowwise, Scratch } from './rowwise.ts';
import { err, ok, type Result } from '../result.ts';

export const ENGINE_LIMITS = {
  periods: 1_200,
  indicators: 5_000,
  /** Cells (indicators × periods) one plan may hold. */
  cells: 2_000_000,
} as const;

export type PlanProblem =
  | { code: 'calendar'; problem: CalendarProblem }
  | { code: 'tooManyCells'; cells: number; limit: number }
  | { code: 'tooManyIndicators'; count: number; limit: number };

/** Why a row or a cell has no value. `period` is -1 when the whole row is affected. */
export type RowProblem =
  | { code: 'formula'; row: number; period: -1; error: FormulaError }
  | { code: 'runtime'; row: number; period: number; error: FormulaError }
  | { code: 'method'; row: number; period: -1; problem: MethodProblem }
  | { code: 'cycle'; row: number; period: -1; cycle: string[] }
  | { code: 'blocked'; row: number; period: -1; by: string };

export interface Program {
  /** The plan the program's data comes from; `updateProgram` replaces it. */
  readonly plan: Plan;
  readonly periods: PeriodIndex;
  readonly ids: readonly string[];
  readonly rowOf: ReadonlyMap<string, number>;
  /** rows × periods, row-major; NaN is blank. */
  readonly values: Float64Array;
  /** 1 where the cell holds an actual (a known value), not a projection. */
  readonly isActual: Uint8Array;
  /** rows × periods target values, NaN where there is none. */
  readonly targetValues: Float64Array;
  /** Per row, the latest period with an actual, or -1. */
  readonly latest: Int32Array;
  readonly graph: DependencyGraph;
  /** Problems found while compiling (formula errors, cycles); stable until the next compile. */
  readonly compileProblems: readonly RowProblem[];
  /** Problems of the last run per row (runtime errors, method problems). */
  readonly runProblems: RowProblem[][];
  readonly steps: readonly (RowStep | null)[];
  /**
   * rows × PARAMETERS.length overrides of input parameters (level, rate, step, ceiling); NaN is
   * "as in the plan". Written by `setParameter`, read by the row steps.
   */
  readonly parameters: Float64Array;
  /**
   * Counts the runs, parameter changes and updates of this program. Read-only for callers: a
   * holder of the program (an engine session) compares it with the value it saw last to notice
   * that someone else ran the program or set its parameters since.
   */
  readonly generation: number;
}

type RowStep = () => void;

const NO_STEP: RowStep = () => {};

type InputProjection = Exclude<Projection, { method: 'formula' }>;

/** What an input row's step reads; rewritten in place by `updateProgram`. */
interface InputRow {
  kind: 'input';
  /** The row's own cells of `isActual` (a view kept, so that an update allocates none). */
  actual: Uint8Array;
  /** The method as in the plan, and the copy that parameters are written into. */
  base: InputProjection;
  effective: InputProjection;
  /** Known cells (actuals, anchors, manual values) with NaN elsewhere, and where they are. */
  known: Float64Array;
  mask: Uint8Array;
  anchor: Anchor;
}

interface FormulaRow {
  kind: 'formula';
  /** The row's own cells of `values` and `isActual`. */
  cells: Float64Array;
  actual: Uint8Array;
  /**
   * Set when the row's actuals changed: the per-cell closures keep per-pass state (running sums,
   * memos) that a new pass resets, and a pass is only recognised as new when it starts at or
   * before the previous one's last period, which new actuals can break. The next cell-by-cell
   * run then compiles the formula again, so that it starts as a fresh compile does: priming the
   * old closures with a muted evaluation would not do, as a running sum then skips reporting an
   * error at a period before the first one computed, which a fresh compile reports.
   */
  freshPass: boolean;
  /** The periods holding actuals and their values, put back after a whole-row evaluation. */
  actualAt: Int32Array;
  actualValues: Float64Array;
  /** The row's step in general, and the one to use while the row holds no actual (see `formulaStep`). */
  full: RowStep;
  direct: RowStep | null;
}

/**
 * A formula row that is one whole-row loop and holds no actual runs that loop as its step: no
 * actuals to put back, and the loop's own fallback recomputes the row cell by cell. A call less
 * per row, which on a plan of short formulas is a tenth of a recompute.
 */
function formulaStep(state: FormulaRow): RowStep {
  return state.direct && state.actualAt.length === 0 ? state.direct : state.full;
}

/** What the program keeps out of sight of callers, to update rows in place. */
interface Internals {
  rows: (InputRow | FormulaRow | null)[];
  /** row -> formula rows that read its targets through `target(...)`. */
  targetReaders: number[][];
  generation: { value: number };
  /** The cone of one changed row, by row: the graph never changes, so neither does its cone. */
  cones: ConeCache;
}

const internals = new WeakMap<Program, Internals>();

export interface CompileOptions {
  /**
   * Evaluate formulas a whole row at a time where they allow it, and carry the commonest input
   * methods on in a register (the default). Off, every formula runs cell by cell and every method
   * through methods.ts: the reference the fast forms are tested against.
   */
  rowwise?: boolean;
}

/**
 * The three commonest methods, from the latest value on, with the running value kept in a local
 * rather than read back from the row: the arithmetic of methods.ts (`row[t - 1] * (1 + rate)`,
 * `row[t - 1] + step`, the value held) in the same order, so the same bits, at a third of the time
 * of reading each period's predecessor back from memory. False for any other method.
 */
function carryOn(projection: InputProjection, row: Float64Array, latest: number): boolean {
  const n = row.length;
  let v = row[latest] as number;
  switch (projection.method) {
    case 'growth': {
      const factor = 1 + projection.rate;
      for (let t = latest + 1; t < n; t++) { v = v * factor; row[t] = v; }
      return true;
    }
    case 'linear': {
      const step = projection.step;
      for (let t = latest + 1; t < n; t++) { v = v + step; row[t] = v; }
      return true;
    }
    case 'constant':
      for (let t = latest + 1; t < n; t++) row[t] = v;
      return true;
    case 'reachTarget':
    case 'logistic':
    case 'interpolate':
    case 'manual':
      return false;
  }
}

export function compileProgram(plan: Plan, options: CompileOptions = {}): Result<Program, PlanProblem> {
  const calendarProblem = checkCalendar(plan.calendar, ENGINE_LIMITS.periods);
  if (calendarProblem) return err({ code: 'calendar', problem: calendarProblem });
  if (plan.indicators.length > ENGINE_LIMITS.indicators) {
    return err({ code: 'tooManyIndicators', count: plan.indicators.length, limit: ENGINE_LIMITS.indicators });
  }
  const periods = periodIndex(plan.calendar);
  const n = periods.count;
  const rowCount = plan.indicators.length;
  if (rowCount * n > ENGINE_LIMITS.cells) {
    return err({ code: 'tooManyCells', cells: rowCount * n, limit: ENGINE_LIMITS.cells });
  }

  const ids = plan.indicators.map((indicator) => indicator.id);
  const rowOf = new Map<string, number>();
  ids.forEach((id, row) => rowOf.set(id, row));
  const groupRows = new Map<string, number[]>();
  for (const group of plan.groups) groupRows.set(group.id, []);
  plan.indicators.forEach((indicator, row) => {
    if (indicator.group !== undefined) groupRows.get(indicator.group)?.push(row);
  });

  const values = new Float64Array(rowCount * n).fill(NaN);
  const isActual = new Uint8Array(rowCount * n);
  const targetValues = new Float64Array(rowCount * n).fill(NaN);
  const latest = new Int32Array(rowCount).fill(-1);
  const compileProblems: RowProblem[] = [];
  const runProblems: RowProblem[][] = plan.indicators.map(() => []);

  plan.indicators.forEach((indicator, row) => {
    writeActuals(indicator.actuals, row, periods, values, isActual, latest);
    writeTargets(indicator.targets, row, periods, targetValues);
  });

  // Current cell, for runtime errors reported from inside compiled formulas.
  let currentRow = 0;
  let currentPeriod = 0;
  const report = (code: 'divisionByZero' | 'notFinite', position: number): void => {
    runProblems[currentRow]?.push({ code: 'runtime', row: currentRow, period: currentPeriod, error: { code, position } });
  };

  const dependsOn: number[][] = plan.indicators.map(() => []);
  const targetReaders: number[][] = plan.indicators.map(() => []);
  const formulas: (CompiledFormula | null)[] = plan.indicators.map(() => null);
  // The same compile again, with new per-pass state (see FormulaRow.freshPass).
  const recompile: (() => CompiledFormula)[] = [];
  // Formulas that may be evaluated a whole row at a time (they do not read their own row).
  const rowwise: (FormulaAst | null)[] = plan.indicators.map(() => null);
  const formulaFailed = new Uint8Array(rowCount);
  const scratch = new Scratch(n);
  // Whole-row formulas and the inlined methods, each checked against its reference (off).
  const fast = options.rowwise !== false;
  plan.indicators.forEach((indicator, row) => {
    if (indicator.projection.method !== 'formula') return;
    const parsed = parseFormula(indicator.projection.formula);
    if (!parsed.ok) {
      compileProblems.push({ code: 'formula', row, period: -1, error: parsed.error });
      formulaFailed[row] = 1;
      return;
    }
    const targetRow = (id: string): Float64Array | null => {
      const r = rowOf.get(id);
      return r === undefined ? null : targetValues.subarray(r * n, (r + 1) * n);
    };
    const context = {
      values,
      periods: n,
      rowOf: (id: string) => rowOf.get(id) ?? -1,
      groupRows: (groupId: string) => groupRows.get(groupId) ?? null,
      targetRow,
      report,
    };
    const compiled = compileFormula(parsed.value, context);
    if (!compiled.ok) {
      compileProblems.push({ code: 'formula', row, period: -1, error: compiled.error });
      formulaFailed[row] = 1;
      return;
    }
    const first = compiled.value;
    formulas[row] = first;
    recompile[row] = () => {
      const again = compileFormula(parsed.value, context);
      return again.ok ? again.value : first;
    };
    const deps = formulaDependencies(parsed.value);
    const reads = new Set<number>();
    for (const id of deps.indicators) {
      const r = rowOf.get(id);
      if (r === undefined) continue;
      // A row may read its own history through prev(): the row is filled period by period.
      if (r === row && deps.lagged.includes(id)) continue;
      reads.add(r);
    }
    // Summing its own group reads the row's own cell: a cycle (docs/formulas.md), like `x = x`.
    for (const groupId of deps.groups) for (const r of groupRows.get(groupId) ?? []) reads.add(r);
    dependsOn[row] = [...reads];
    for (const id of deps.targets) {
      const r = rowOf.get(id);
      if (r !== undefined) targetReaders[r]?.push(row);
    }
    // A row reading its own earlier periods must be filled period by period: no whole-row form.
    if (options.rowwise !== false && !deps.indicators.includes(indicator.id)) rowwise[row] = parsed.value;
  });

  const graph = buildGraph(rowCount, dependsOn);
  for (const cycle of graph.cycles) {
    const names = cycle.map((r) => ids[r] as string);
    for (const row of cycle) compileProblems.push({ code: 'cycle', row, period: -1, cycle: names });
  }
  const inCycle = new Uint8Array(rowCount);
  for (const cycle of graph.cycles) for (const r of cycle) inCycle[r] = 1;
  for (const row of graph.blocked) {
    const by = dependsOn[row]?.find((r) => inCycle[r] || formulaFailed[r]);
    compileProblems.push({ code: 'blocked', row, period: -1, by: ids[by ?? row] as string });
  }

  const parameters = new Float64Array(rowCount * PARAMETERS.length).fill(NaN);
  const rowStates: (InputRow | FormulaRow | null)[] = plan.indicators.map(() => null);
  const steps: (RowStep | null)[] = plan.indicators.map((indicator, row) => {
    const offset = row * n;
    const rowValues = values.subarray(offset, offset + n);
    const rowActual = isActual.subarray(offset, offset + n);
    const projection = indicator.projection;
    if (projection.method === 'formula') {
      const compiled = formulas[row];
      if (!compiled) return null;
      let formula: CompiledFormula = compiled;
      const state: FormulaRow = { kind: 'formula', cells: rowValues, actual: rowActual, freshPass: false, actualAt: new Int32Array(0), actualValues: new Float64Array(0), full: NO_STEP, direct: null };
      writeActualCells(rowValues, rowActual, state);
      rowStates[row] = state;
      const byCell = (): void => {
        currentRow = row;
        if (state.freshPass) {
          state.freshPass = false;
          formula = recompile[row]?.() ?? formula;
        }
        for (let t = 0; t < n; t++) {
          if (rowActual[t]) continue;
          currentPeriod = t;
          const v = formula(t);
          rowValues[t] = Number.isFinite(v) ? v : NaN;
        }
      };
      const whole = rowwise[row] ? compileRowwise(rowwise[row], { values, targetValues, periods: n, rowOf, groupRows, scratch }, rowValues) : null;
      state.full = byCell;
      if (!whole) return byCell;
      const ops = whole.ops;
      const only = ops.length === 1 ? ops[0] : undefined;
      const copy = whole.row !== rowValues;
      const fallback = whole.fallback;
      if (only && !copy && fallback) {
        // Flagged, the loop's exact form has written the row: recompute it cell by cell there
        // and then, so that whoever called the loop (this row's step or `full`) has nothing to do.
        const exact = fallback.run;
        fallback.run = () => {
          scratch.flagged = false;
          exact();
          if (scratch.flagged) {
            scratch.flagged = false;
            byCell();
          }
        };
        state.direct = only;
      }
      state.full = () => {
        scratch.flagged = false;
        if (only) only();
        else for (let i = 0; i < ops.length; i++) (ops[i] as () => void)();
        if (copy) {
          // A formula that is one name or target: its values as they are, blank for ±Infinity.
          const out = whole.row;
          for (let t = 0; t < n; t++) {
            if (rowActual[t]) continue;
            const v = out[t] as number;
            rowValues[t] = Math.abs(v) === Infinity ? NaN : v;
          }
        } else {
          // The last operation wrote every period: put the actuals back.
          const cells = state.actualAt;
          const known = state.actualValues;
          for (let i = 0; i < cells.length; i++) rowValues[cells[i] as number] = known[i] as number;
        }
        if (scratch.flagged) byCell();
      };
      return formulaStep(state);
    }
    const state: InputRow = {
      kind: 'input',
      actual: rowActual,
      base: { ...projection },
      effective: { ...projection },
      known: new Float64Array(n),
      mask: new Uint8Array(n),
      anchor: { latest: latest[row] as number, targets: targetValues.subarray(offset, offset + n) },
    };
    writeKnownCells(indicator, periods, rowActual, state);
    rowStates[row] = state;
    const p = row * PARAMETERS.length;
    return () => {
      // Restore known values, then project: a rerun must not build on its own earlier output.
      rowValues.set(state.known);
      const last = latest[row] as number;
      const level = parameters[p] as number;
      if (level === level && last >= 0) rowValues[last] = level;
      const rate = parameters[p + 1] as number;
      const step = parameters[p + 2] as number;
      const ceiling = parameters[p + 3] as number;
      // Only the methods that have a parameter get it; the others ignore their slots.
      const effective = state.effective;
      const base = state.base;
      switch (effective.method) {
        case 'growth':
          effective.rate = rate === rate ? rate : (base as typeof effective).rate;
          break;
        case 'linear':
          effective.step = step === step ? step : (base as typeof effective).step;
          break;
        case 'logistic':
          effective.rate = rate === rate ? rate : (base as typeof effective).rate;
          effective.ceiling = ceiling === ceiling ? ceiling : (base as typeof effective).ceiling;
          break;
        case 'constant':
        case 'reachTarget':
        case 'interpolate':
        case 'manual':
          break;
      }
      state.anchor.latest = last;
      if (fast && last >= 0 && carryOn(effective, rowValues, last)) return;
      const problem = projectRow(effective, rowValues, state.mask, state.anchor);
      if (problem) runProblems[row]?.push({ code: 'method', row, period: -1, problem });
    };
  });

  const generation = { value: 0 };
  const program: Program = {
    plan, periods, ids, rowOf, values, isActual, targetValues, latest, graph, compileProblems, runProblems, steps, parameters,
    get generation() { return generation.value; },
  };
  internals.set(program, { rows: rowStates, targetReaders, generation, cones: new ConeCache(graph) });
  return ok(program);
}

/** The parameters of input rows that goal seek and simulation may vary, in their slot order. */
export const PARAMETERS: readonly RangeParameter[] = ['level', 'rate', 'step', 'ceiling'];

function bump(program: Program): void {
  const inner = internals.get(program);
  if (inner) inner.generation.value++;
}

/**
 * Sets (or with NaN, clears) a parameter of an input row for the next runs: `level` replaces the
 * latest actual, the others the method's own. Returns false when the row's method has no such
 * parameter (`level` needs an actual to replace).
 */
export function setParameter(program: Program, row: number, parameter: RangeParameter, value: number): boolean {
  const indicator = program.plan.indicators[row];
  if (!indicator || indicator.projection.method === 'formula') return false;
  if (parameter === 'level' ? (program.latest[row] as number) < 0 : !(parameter in indicator.projection)) return false;
  program.parameters[row * PARAMETERS.length + PARAMETERS.indexOf(parameter)] = value;
  bump(program);
  return true;
}

/** The value a parameter has in the plan itself (NaN when the row has no such parameter). */
export function baseParameter(program: Program, row: number, parameter: RangeParameter): number {
  const indicator = program.plan.indicators[row];
  if (!indicator || indicator.projection.method === 'formula') return NaN;
  if (parameter === 'level') {
    const last = program.latest[row] as number;
    const key = program.periods.keys[last];
    return last < 0 || key === undefined ? NaN : (indicator.actuals[key] ?? NaN);
  }
  const projection = indicator.projection as unknown as Record<string, unknown>;
  const value = projection[parameter];
  return typeof value === 'number' ? value : NaN;
}

/** Runs the rows given (in topological order), or every computable row. */
export function runProgram(program: Program, rows: readonly number[] = program.graph.order): void {
  bump(program);
  const { runProblems, steps } = program;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    const problems = runProblems[row];
    if (problems && problems.length > 0) problems.length = 0;
    steps[row]?.();
  }
}

/**
 * The rows an edit of `changed` rows affects, in the order to rerun them. The cone of a single row
 * is kept (an edit is usually of one input, and then again of the same one): the array returned
 * is shared, never to be modified.
 */
export function affectedRows(program: Program, changed: readonly number[]): readonly number[] {
  const cones = internals.get(program)?.cones;
  return cones ? cones.of(changed) : downstreamCone(program.graph, changed);
}

/**
 * Cones of single rows as they are asked for, up to a budget of rows held in all (a plan of 5,000
 * rows could otherwise keep millions); past it, the oldest go first. Cones of several rows are
 * computed each time: they vary more, and their rows are fewer to remember than to find.
 */
class ConeCache {
  private readonly cones = new Map<number, readonly number[]>();
  private held = 0;
  private readonly budget: number;

  constructor(private readonly graph: DependencyGraph) {
    this.budget = Math.max(1 << 16, 8 * graph.dependents.length);
  }

  of(changed: readonly number[]): readonly number[] {
    const first = changed[0];
    if (first === undefined) return [];
    for (let i = 1; i < changed.length; i++) if (changed[i] !== first) return cone(this.graph, changed);
    const known = this.cones.get(first);
    if (known) return known;
    const rows = cone(this.graph, [first]);
    if (rows.length > this.budget) return rows;
    for (const [row, old] of this.cones) {
      if (this.held + rows.length <= this.budget) break;
      this.cones.delete(row);
      this.held -= old.length;
    }
    this.cones.set(first, rows);
    this.held += rows.length;
    return rows;
  }
}

/** How an edit of one indicator reaches a compiled program. */
export interface IndicatorChange {
  /** The program must be compiled again: its id, group, formula, or formula-or-input changed. */
  structural: boolean;
  /** Its actuals or its input method (or the method's parameters) changed. */
  values: boolean;
  /** Its targets (period, value, direction) changed. */
  targets: boolean;
}

/**
 * What changed between two versions of an indicator, as far as computing goes: names, units,
 * notes, kind, decimals and ranges do not enter the program. Numbers compare with `Object.is`, so
 * `-0` and `0` differ (they can give different results).
 */
export function indicatorChange(previous: Indicator, next: Indicator): IndicatorChange {
  if (previous === next) return { structural: false, values: false, targets: false };
  const a = previous.projection;
  const b = next.projection;
  const structural =
    previous.id !== next.id ||
    previous.group !== next.group ||
    (a.method === 'formula') !== (b.method === 'formula') ||
    (a.method === 'formula' && b.method === 'formula' && a.formula !== b.formula);
  return {
    structural,
    values: !sameRecord(previous.actuals, next.actuals) || !sameProjection(a, b),
    targets: !sameTargets(previous.targets, next.targets),
  };
}

/**
 * Rewrites the data of `rows` from `plan` in place (actuals, targets, input methods), replaces the
 * program's plan, and returns the rows to rerun, in order. `plan` must have the program's
 * structure: the same calendar and groups, the same indicators in the same order, and for every
 * row listed `indicatorChange(program.plan.indicators[row], plan.indicators[row]).structural`
 * false; rows not listed must be unchanged in what they compute from. The caller runs the rows
 * returned (with `runProgram`).
 */
export function updateProgram(program: Program, plan: Plan, rows: readonly number[]): readonly number[] {
  const inner = internals.get(program);
  if (!inner) throw new Error('updateProgram: not a compiled program');
  const n = program.periods.count;
  const seeds: number[] = [];
  for (const row of rows) {
    const previous = program.plan.indicators[row];
    const next = plan.indicators[row];
    if (!previous || !next) continue;
    const change = indicatorChange(previous, next);
    const state = inner.rows[row] ?? null;
    if (change.values) {
      const offset = row * n;
      program.values.fill(NaN, offset, offset + n);
      program.isActual.fill(0, offset, offset + n);
      writeActuals(next.actuals, row, program.periods, program.values, program.isActual, program.latest as Int32Array);
      if (state?.kind === 'input') {
        const projection = next.projection as InputProjection;
        state.base = { ...projection };
        state.effective = { ...projection };
        writeKnownCells(next, program.periods, state.actual, state);
      } else if (state?.kind === 'formula') {
        state.freshPass = true;
        writeActualCells(state.cells, state.actual, state);
        (program.steps as (RowStep | null)[])[row] = formulaStep(state);
      }
      seeds.push(row);
    }
    if (change.targets) {
      writeTargets(next.targets, row, program.periods, program.targetValues);
      if (next.projection.method === 'reachTarget') seeds.push(row);
      for (const reader of inner.targetReaders[row] ?? []) seeds.push(reader);
    }
  }
  (program as { plan: Plan }).plan = plan;
  inner.generation.value++;
  return inner.cones.of(seeds);
}

/** `downstreamCone`, without its marking pass when no row reads the seeds (an edited leaf input). */
function cone(graph: DependencyGraph, seeds: readonly number[]): number[] {
  if (seeds.length === 0) return [];
  for (const row of seeds) if ((graph.dependents[row]?.length ?? 0) > 0) return downstreamCone(graph, seeds);
  const rows = [...new Set(seeds)].filter((row) => (graph.rank[row] ?? -1) >= 0);
  return rows.length > 1 ? rows.sort((a, b) => (graph.rank[a] as number) - (graph.rank[b] as number)) : rows;
}

function writeActuals(actuals: Record<string, number>, row: number, periods: PeriodIndex, values: Float64Array, isActual: Uint8Array, latest: Int32Array): void {
  const offset = row * periods.count;
  let last = -1;
  for (const key in actuals) {
    const t = periods.indexOf(key);
    if (t < 0) continue;
    values[offset + t] = actuals[key] as number;
    isActual[offset + t] = 1;
    if (t > last) last = t;
  }
  latest[row] = last;
}

function writeTargets(targets: readonly Target[], row: number, periods: PeriodIndex, targetValues: Float64Array): void {
  const offset = row * periods.count;
  targetValues.fill(NaN, offset, offset + periods.count);
  for (const target of targets) {
    const t = periods.indexOf(target.period);
    if (t >= 0) targetValues[offset + t] = target.value;
  }
}

function writeActualCells(rowValues: Float64Array, rowActual: Uint8Array, state: FormulaRow): void {
  let count = 0;
  for (let t = 0; t < rowActual.length; t++) if (rowActual[t]) count++;
  state.actualAt = new Int32Array(count);
  state.actualValues = new Float64Array(count);
  for (let t = 0, i = 0; t < rowActual.length; t++) {
    if (!rowActual[t]) continue;
    state.actualAt[i] = t;
    state.actualValues[i++] = rowValues[t] as number;
  }
}

/** Cells a method starts from: actuals, plus anchors or manual values, which are not actuals. */
function writeKnownCells(indicator: Indicator, periods: PeriodIndex, rowActual: Uint8Array, state: InputRow): void {
  const { mask, known } = state;
  mask.fill(0);
  known.fill(NaN);
  const projection = indicator.projection;
  const extra = projection.method === 'interpolate' ? projection.anchors : projection.method === 'manual' ? projection.values : null;
  if (extra) {
    for (const key in extra) {
      const t = periods.indexOf(key);
      if (t >= 0) { mask[t] = 1; known[t] = extra[key] as number; }
    }
  }
  const actuals = indicator.actuals;
  for (const key in actuals) {
    const t = periods.indexOf(key);
    if (t >= 0 && rowActual[t]) { mask[t] = 1; known[t] = actuals[key] as number; }
  }
}

function sameRecord(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !Object.is(a[key], b[key])) return false;
    count++;
  }
  for (const _ in b) count--;
  return count === 0;
}

function sameTargets(a: readonly Target[], b: readonly Target[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Target;
    const y = b[i] as Target;
    if (x.period !== y.period || !Object.is(x.value, y.value) || x.direction !== y.direction) return false;
  }
  return true;
}

function sameProjection(a: Projection, b: Projection): boolean {
  if (a === b) return true;
  switch (a.method) {
    case 'constant':
    case 'reachTarget':
      return b.method === a.method;
    case 'linear':
      return b.method === 'linear' && Object.is(a.step, b.step);
    case 'growth':
      return b.method === 'growth' && Object.is(a.rate, b.rate);
    case 'logistic':
      return b.method === 'logistic' && Object.is(a.rate, b.rate) && Object.is(a.ceiling, b.ceiling);
    case 'interpolate':
      return b.method === 'interpolate' && a.mode === b.mode && sameRecord(a.anchors, b.anchors);
    case 'manual':
      return b.method === 'manual' && sameRecord(a.values, b.values);
    case 'formula':
      return b.method === 'formula' && a.formula === b.formula;
  }
}
