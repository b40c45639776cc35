/**
 * An engine session: keeps the compiled program of the last plan it computed, so that the next
 * plan, when it differs only in data (actuals, targets, input methods and their parameters),
 * updates those rows in place and reruns only what lies downstream of them. Anything structural
 * (ids, order, groups, calendar, formulas, a row switching between formula and input) compiles
 * again. The values are the same, bit for bit, as a fresh compile and full run.
 *
 * Finding what changed is cheap when the plan comes from commands: a command keeps every
 * indicator it does not touch as the same object, so comparing identities row by row finds the
 * edited rows in about a microsecond for 1,000 rows. Rows whose identity differs are compared by
 * content, which is what a plan that crossed `postMessage` gets for every row; `applyEdit` skips
 * the search when the caller knows which indicators changed. See
 * docs/decisions/0006-scenarios-and-incremental-recompute.md.
 */
import type { Indicator, Plan, Scenario } from './model/plan.ts';
import {
  compileProgram,
  indicatorChange,
  runProgram,
  updateProgram,
  type PlanProblem,
  type Program,
} from './projection/program.ts';
import { summarize, summarizeRow, type IndicatorResult, type PlanResult } from './projection/result.ts';
import type { RowProblem } from './projection/program.ts';
import { err, ok, type Result } from './result.ts';
import { applyOverrides, overridesOf, scenarioChain, type ScenarioProblem } from './scenarios/resolve.ts';

export type SessionProblem = PlanProblem | ScenarioProblem;

/** What an update did. */
export interface SessionUpdate {
  /**
   * `compiled`: a new program (first plan, structural change); `full`: every row ran again (the
   * program had been run or its parameters set by someone else since); `incremental`: only the
   * rows listed ran.
   */
  mode: 'compiled' | 'full' | 'incremental';
  /** Rows whose values were recomputed, in the order they ran. */
  rows: readonly number[];
  /** Rows whose data changed (values, targets): their target assessments may differ too. */
  changed: readonly number[];
}

/**
 * The rows of a result that changed since the result numbered `base`: the rows an edit
 * recomputed and those whose data it changed, with their values and target assessments. The
 * rest of result `version` is result `base` as it was (same periods, ids and row order).
 */
export interface PlanResultDelta {
  base: number;
  version: number;
  revision: number;
  /** Row indices, ascending. */
  rows: Int32Array;
  /** rows.length × periods, in the order of `rows`. */
  values: Float64Array;
  isActual: Uint8Array;
  /** One per entry of `rows`. */
  indicators: IndicatorResult[];
  /** Every problem of the new result (a short list; it is not split by row). */
  problems: RowProblem[];
}

/** A numbered result: whole, or as the rows that changed since an earlier one. */
export type NumberedResult =
  | { kind: 'full'; version: number; result: PlanResult }
  | { kind: 'delta'; delta: PlanResultDelta };

export interface EngineSession {
  /** The scenario's values for `plan` (null or absent: the base), computed incrementally. */
  compute(plan: Plan, scenarioId?: string | null): Result<PlanResult, SessionProblem>;
  /**
   * Like `compute`, numbering each result: when `base` is the number of the last result this
   * session gave and nothing else ran since, the answer is only the rows that changed (an edit's
   * cone, not the plan); otherwise the whole result.
   */
  computeSince(plan: Plan, scenarioId: string | null, base: number | null): Result<NumberedResult, SessionProblem>;
  /** Brings the program up to date with `plan` without summarising (for callers that ship rows). */
  update(plan: Plan, scenarioId?: string | null): Result<SessionUpdate, SessionProblem>;
  /**
   * Like `update`, trusting the caller that only `changedIndicators` differ from the plan given
   * last (their values, targets or overrides in the computed scenario; rows may not be added,
   * removed or moved). For a plan that crossed a worker boundary, where every row is a new object.
   */
  applyEdit(plan: Plan, changedIndicators: readonly string[], scenarioId?: string | null): Result<SessionUpdate, SessionProblem>;
  /** The current program (read its values; do not run it or set its parameters while computing). */
  program(): Program | null;
}

interface Memo {
  /** The base indicator and the override objects that made `effective`. */
  base: Indicator;
  overrides: readonly object[];
  effective: Indicator;
}

export function createEngineSession(): EngineSession {
  let current: Program | null = null;
  let generation = -1;
  let scenario: string | null = null;
  // Effective indicators of the scenario, reused while their base and overrides are the same
  // objects: they then keep their identity from one call to the next.
  let memo = new Map<string, Memo>();
  // The number of the last result given by `computeSince`; null once the program moved without
  // one (an update, a compute, a failure), so no delta is ever relative to values not given.
  let versions = 0;
  let given: number | null = null;

  const effectivePlan = (plan: Plan, scenarioId: string | null): Result<Plan, ScenarioProblem> => {
    if (scenarioId === null) {
      if (memo.size > 0) memo = new Map();
      return ok(plan);
    }
    const chain = scenarioChain(plan, scenarioId);
    if (!chain.ok) return chain;
    const nextMemo = new Map<string, Memo>();
    let indicators: Indicator[] | null = null;
    const overridden = overriddenIds(chain.value);
    const rowOf = current?.rowOf;
    for (const id of overridden) {
      // The program's rows are usually the plan's; a plan of another shape is searched.
      const guess = rowOf?.get(id);
      const i = guess !== undefined && plan.indicators[guess]?.id === id ? guess : plan.indicators.findIndex((indicator) => indicator.id === id);
      const base = plan.indicators[i];
      if (!base) continue;
      const overrides = overridesOf(chain.value, id);
      const last = memo.get(id);
      const effective = last && last.base === base && sameObjects(last.overrides, overrides) ? last.effective : applyOverrides(base, overrides);
      nextMemo.set(id, { base, overrides, effective });
      if (effective === base) continue;
      indicators ??= [...plan.indicators];
      indicators[i] = effective;
    }
    memo = nextMemo;
    return ok(indicators ? { ...plan, indicators } : plan);
  };

  const compile = (plan: Plan): Result<SessionUpdate, SessionProblem> => {
    const compiled = compileProgram(plan);
    if (!compiled.ok) {
      current = null;
      return compiled;
    }
    current = compiled.value;
    runProgram(current);
    generation = current.generation;
    const rows = current.graph.order;
    return ok({ mode: 'compiled', rows, changed: rows });
  };

  /** Updates the rows given (or, with null, every row whose object differs) and runs their cone. */
  const refresh = (plan: Plan, candidates: readonly number[] | null): Result<SessionUpdate, SessionProblem> => {
    const program = current;
    if (!program || !sameShape(program.plan, plan)) return compile(plan);
    const previous = program.plan.indicators;
    const next = plan.indicators;
    const changed: number[] = [];
    for (const row of candidates ?? differingRows(previous, next)) {
      const a = previous[row] as Indicator;
      const b = next[row] as Indicator;
      if (a === b) continue;
      const change = indicatorChange(a, b);
      if (change.structural) return compile(plan);
      if (change.values || change.targets) changed.push(row);
    }
    // Someone ran this program or set its parameters since: put them back and run everything.
    const foreign = program.generation !== generation;
    const cone = updateProgram(program, plan, changed);
    if (foreign) {
      program.parameters.fill(NaN);
      runProgram(program);
      generation = program.generation;
      return ok({ mode: 'full', rows: program.graph.order, changed });
    }
    runProgram(program, cone);
    generation = program.generation;
    return ok({ mode: 'incremental', rows: cone, changed });
  };

  const update = (plan: Plan, scenarioId: string | null = null): Result<SessionUpdate, SessionProblem> => {
    given = null;
    const effective = effectivePlan(plan, scenarioId);
    if (!effective.ok) return effective;
    scenario = scenarioId;
    return refresh(effective.value, null);
  };

  return {
    update,
    compute(plan, scenarioId = null) {
      const updated = update(plan, scenarioId);
      if (!updated.ok) return err(updated.error);
      return ok(summarize(current as Program));
    },
    computeSince(plan, scenarioId, base) {
      const since = given;
      const updated = update(plan, scenarioId);
      if (!updated.ok) return err(updated.error);
      const program = current as Program;
      const version = ++versions;
      given = version;
      if (since === null || base !== since || updated.value.mode !== 'incremental') return ok({ kind: 'full', version, result: summarize(program) });
      return ok({ kind: 'delta', delta: deltaOf(program, [...updated.value.rows, ...updated.value.changed], base, version) });
    },
    applyEdit(plan, changedIndicators, scenarioId = null) {
      given = null;
      const program = current;
      if (!program || scenarioId !== scenario) return update(plan, scenarioId);
      const effective = effectivePlan(plan, scenarioId);
      if (!effective.ok) return effective;
      const rows: number[] = [];
      for (const id of changedIndicators) {
        const row = program.rowOf.get(id);
        // A new id, or a row that moved: not an edit of data.
        if (row === undefined || effective.value.indicators[row]?.id !== id) return compile(effective.value);
        rows.push(row);
      }
      return refresh(effective.value, rows);
    },
    program: () => current,
  };
}

/** The same calendar, groups and row count: what a program's layout rests on besides its rows. */
function sameShape(a: Plan, b: Plan): boolean {
  if (a.indicators.length !== b.indicators.length) return false;
  const ca = a.calendar;
  const cb = b.calendar;
  if (ca !== cb && (ca.periodicity !== cb.periodicity || ca.start !== cb.start || ca.end !== cb.end)) return false;
  if (a.groups !== b.groups) {
    if (a.groups.length !== b.groups.length) return false;
    for (let i = 0; i < a.groups.length; i++) if (a.groups[i]?.id !== b.groups[i]?.id) return false;
  }
  // Row ids are checked where rows differ, by `indicatorChange` (an id is structural).
  return true;
}

/**
 * Rows whose indicator is another object: what a command may have changed. Four rows a step:
 * this scan is most of the cost of an edit nothing depends on.
 */
function differingRows(previous: readonly Indicator[], next: readonly Indicator[]): number[] {
  const rows: number[] = [];
  const count = next.length;
  let row = 0;
  for (; row + 4 <= count; row += 4) {
    if (previous[row] !== next[row] || previous[row + 1] !== next[row + 1] || previous[row + 2] !== next[row + 2] || previous[row + 3] !== next[row + 3]) {
      for (let r = row; r < row + 4; r++) if (previous[r] !== next[r]) rows.push(r);
    }
  }
  for (; row < count; row++) if (previous[row] !== next[row]) rows.push(row);
  return rows;
}

function overriddenIds(chain: readonly Scenario[]): Set<string> {
  const ids = new Set<string>();
  for (const scenario of chain) for (const id of Object.keys(scenario.overrides)) ids.add(id);
  return ids;
}

function sameObjects(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The listed rows of the program's values as a delta (rows may repeat and come in any order). */
function deltaOf(program: Program, listed: readonly number[], base: number, version: number): PlanResultDelta {
  const rows = Int32Array.from(new Set(listed)).sort();
  const n = program.periods.count;
  const values = new Float64Array(rows.length * n);
  const isActual = new Uint8Array(rows.length * n);
  const indicators: IndicatorResult[] = [];
  rows.forEach((row, i) => {
    values.set(program.values.subarray(row * n, (row + 1) * n), i * n);
    isActual.set(program.isActual.subarray(row * n, (row + 1) * n), i * n);
    indicators.push(summarizeRow(program, row));
  });
  const problems: RowProblem[] = [...program.compileProblems];
  for (const rowProblems of program.runProblems) problems.push(...rowProblems);
  return { base, version, revision: program.plan.revision, rows, values, isActual, indicators, problems };
}

