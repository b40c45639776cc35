/**
 * A plan compiled once into a flat program: one row of a Float64Array matrix per indicator, a
 * step per row that fills it, and the rows in topological order. Recompute runs the steps; an
 * edit reruns only the cone downstream of the rows it touched.
 */
import type { Indicator, Plan, Projection, RangeParameter } from '../model/plan.ts';
import { checkCalendar, periodIndex, type CalendarProblem, type PeriodIndex } from '../periods/calendar.ts';
import {
  compileFormula,
  formulaDependencies,
  parseFormula,
  type CompiledFormula,
  type FormulaError,
} from '../formula/index.ts';
import { buildGraph, downstreamCone, type DependencyGraph } from '../graph/index.ts';
import { projectRow, type MethodProblem } from './methods.ts';
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
}

type RowStep = () => void;

export function compileProgram(plan: Plan): Result<Program, PlanProblem> {
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

  plan.indicators.forEach((indicator, row) => writeKnownValues(indicator, row, periods, values, isActual, targetValues, latest));

  // Current cell, for runtime errors reported from inside compiled formulas.
  let currentRow = 0;
  let currentPeriod = 0;
  const report = (code: 'divisionByZero' | 'notFinite', position: number): void => {
    runProblems[currentRow]?.push({ code: 'runtime', row: currentRow, period: currentPeriod, error: { code, position } });
  };

  const dependsOn: number[][] = plan.indicators.map(() => []);
  const formulas: (CompiledFormula | null)[] = plan.indicators.map(() => null);
  const formulaFailed = new Uint8Array(rowCount);
  plan.indicators.forEach((indicator, row) => {
    if (indicator.projection.method !== 'formula') return;
    const parsed = parseFormula(indicator.projection.formula);
    if (!parsed.ok) {
      compileProblems.push({ code: 'formula', row, period: -1, error: parsed.error });
      formulaFailed[row] = 1;
      return;
    }
    const compiled = compileFormula(parsed.value, {
      values,
      periods: n,
      rowOf: (id) => rowOf.get(id) ?? -1,
      groupRows: (groupId) => groupRows.get(groupId) ?? null,
      targetRow: (id) => {
        const r = rowOf.get(id);
        return r === undefined ? null : targetValues.subarray(r * n, (r + 1) * n);
      },
      report,
    });
    if (!compiled.ok) {
      compileProblems.push({ code: 'formula', row, period: -1, error: compiled.error });
      formulaFailed[row] = 1;
      return;
    }
    formulas[row] = compiled.value;
    const deps = formulaDependencies(parsed.value);
    const reads = new Set<number>();
    for (const id of deps.indicators) {
      const r = rowOf.get(id);
      if (r === undefined) continue;
      // A row may read its own history through prev(): the row is filled period by period.
      if (r === row && deps.lagged.includes(id)) continue;
      reads.add(r);
    }
    for (const groupId of deps.groups) for (const r of groupRows.get(groupId) ?? []) if (r !== row) reads.add(r);
    dependsOn[row] = [...reads];
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
  const steps: (RowStep | null)[] = plan.indicators.map((indicator, row) => {
    const offset = row * n;
    const rowValues = values.subarray(offset, offset + n);
    const rowActual = isActual.subarray(offset, offset + n);
    const rowTargets = targetValues.subarray(offset, offset + n);
    const projection = indicator.projection;
    if (projection.method === 'formula') {
      const formula = formulas[row];
      if (!formula) return null;
      return () => {
        currentRow = row;
        for (let t = 0; t < n; t++) {
          if (rowActual[t]) continue;
          currentPeriod = t;
          const v = formula(t);
          rowValues[t] = Number.isFinite(v) ? v : NaN;
        }
      };
    }
    const known = knownCells(indicator, periods, rowActual);
    // A private, mutable copy of the method's parameters: goal seek and simulation set them
    // through `setParameter` without recompiling and without allocating per run.
    const effective = { ...projection } as InputProjection;
    const base = { ...projection } as InputProjection;
    const p = row * PARAMETERS.length;
    return () => {
      // Restore known values, then project: a rerun must not build on its own earlier output.
      for (let t = 0; t < n; t++) if (!known.mask[t]) rowValues[t] = NaN; else rowValues[t] = known.values[t] as number;
      const last = latest[row] as number;
      const level = parameters[p] as number;
      if (!Number.isNaN(level) && last >= 0) rowValues[last] = level;
      applyParameter(effective, base, 'rate', parameters[p + 1] as number);
      applyParameter(effective, base, 'step', parameters[p + 2] as number);
      applyParameter(effective, base, 'ceiling', parameters[p + 3] as number);
      const problem = projectRow(effective, rowValues, known.mask, { latest: last, targets: rowTargets });
      if (problem) runProblems[row]?.push({ code: 'method', row, period: -1, problem });
    };
  });

  return ok({ plan, periods, ids, rowOf, values, isActual, targetValues, latest, graph, compileProblems, runProblems, steps, parameters });
}

type InputProjection = Exclude<Projection, { method: 'formula' }>;

/** The parameters of input rows that goal seek and simulation may vary, in their slot order. */
export const PARAMETERS: readonly RangeParameter[] = ['level', 'rate', 'step', 'ceiling'];

function applyParameter(effective: InputProjection, base: InputProjection, name: 'rate' | 'step' | 'ceiling', value: number): void {
  if (!(name in base)) return;
  const target = effective as unknown as Record<string, number>;
  target[name] = Number.isNaN(value) ? (base as unknown as Record<string, number>)[name] as number : value;
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
  for (const row of rows) {
    const problems = program.runProblems[row];
    if (problems) problems.length = 0;
    program.steps[row]?.();
  }
}

/** The rows an edit of `changed` rows affects, in the order to rerun them. */
export function affectedRows(program: Program, changed: readonly number[]): number[] {
  return downstreamCone(program.graph, changed);
}

function writeKnownValues(
  indicator: Indicator,
  row: number,
  periods: PeriodIndex,
  values: Float64Array,
  isActual: Uint8Array,
  targetValues: Float64Array,
  latest: Int32Array,
): void {
  const offset = row * periods.count;
  let last = -1;
  for (const [key, value] of Object.entries(indicator.actuals)) {
    const t = periods.indexOf(key);
    if (t < 0) continue;
    values[offset + t] = value;
    isActual[offset + t] = 1;
    if (t > last) last = t;
  }
  latest[row] = last;
  for (const target of indicator.targets) {
    const t = periods.indexOf(target.period);
    if (t >= 0) targetValues[offset + t] = target.value;
  }
}

/** Cells a method starts from: actuals, plus anchors or manual values, which are not actuals. */
function knownCells(indicator: Indicator, periods: PeriodIndex, rowActual: Uint8Array): { mask: Uint8Array; values: Float64Array } {
  const n = periods.count;
  const mask = new Uint8Array(n);
  const values = new Float64Array(n).fill(NaN);
  const projection = indicator.projection;
  const extra = projection.method === 'interpolate' ? projection.anchors : projection.method === 'manual' ? projection.values : null;
  if (extra) {
    for (const [key, value] of Object.entries(extra)) {
      const t = periods.indexOf(key);
      if (t >= 0) { mask[t] = 1; values[t] = value; }
    }
  }
  for (const [key, value] of Object.entries(indicator.actuals)) {
    const t = periods.indexOf(key);
    if (t >= 0 && rowActual[t]) { mask[t] = 1; values[t] = value; }
  }
  return { mask, values };
}
