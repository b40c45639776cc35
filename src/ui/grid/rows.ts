/**
 * The grid's rows, built from the plan and its computed result: a header row per group (sector)
 * followed by its indicators. Rows hold numbers, never HTML; the grid formats them as text.
 */
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { RowProblem } from '../../engine/projection/program.ts';
import type { TargetAssessment } from '../../engine/projection/targets.ts';
import type { Lang } from '../../i18n/numbers.ts';
import type { IndicatorOverrideOrigins } from '../../engine/scenarios/index.ts';
import { patchOf } from '../../client/result-delta.ts';

export interface GroupRow {
  kind: 'group';
  rowId: string;
  name: string;
}

export interface IndicatorRow {
  kind: 'indicator';
  rowId: string;
  indicator: Indicator;
  name: string;
  unit: string;
  isFormula: boolean;
  /** Per period value (NaN blank), and whether it is an actual. */
  values: Float64Array | null;
  isActual: Uint8Array | null;
  latestPeriod: number;
  latestValue: number;
  target: TargetAssessment | null;
  /** Share of simulated trials that reach the shown target; NaN before a simulation. */
  probability: number;
  /** In a scenario: which of this row's values the scenario (or its parents) set. */
  origins: IndicatorOverrideOrigins | null;
  /** Period problems by period index; -1 for the whole row. */
  problems: Map<number, RowProblem[]>;
}

export type GridRow = GroupRow | IndicatorRow;

export function localized(text: { vi: string; en?: string | undefined }, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}

/** Probability of reaching each target, by `indicator#index`, from a simulation. */
export type TargetProbabilities = ReadonlyMap<string, number>;

export function buildRows(
  plan: Plan,
  result: PlanResult | null,
  lang: Lang,
  ungroupedName: string,
  probabilities: TargetProbabilities = new Map(),
  overrides: ReadonlyMap<string, IndicatorOverrideOrigins> = new Map(),
): GridRow[] {
  return createRowBuilder()(plan, result, lang, ungroupedName, probabilities, overrides);
}

export type RowBuilder = typeof buildRows;

/**
 * buildRows that remembers its last call: an indicator row whose inputs are all the same objects
 * as last time (the indicator, the result, the language, its probability and override origins) is
 * the previous row object itself. An edit's first pass (the new plan, the old result) then builds
 * one row instead of a thousand, and an unchanged row is recognised by identity. When the new
 * result was patched from the last one (an edit's delta), the rows outside the patch are kept too.
 */
export function createRowBuilder(): RowBuilder {
  let last: { result: PlanResult | null; lang: Lang; rows: Map<string, IndicatorRow> } | null = null;
  let problemsFor: { result: PlanResult | null; byRow: Map<number, Map<number, RowProblem[]>> } | null = null;

  return (plan, result, lang, ungroupedName, probabilities = new Map(), overrides = new Map()) => {
    const n = result?.periodKeys.length ?? 0;
    const rowIndex = new Map(result?.ids.map((id, row) => [id, row]) ?? []);
    if (problemsFor?.result !== result) problemsFor = { result, byRow: problemsByRow(result) };
    const byRow = problemsFor.byRow;
    const patch = result ? patchOf(result) : undefined;
    // Rows of the last result that this one carries over unchanged, when it was patched from it.
    const carried = last && last.result !== result && patch && patch.from === last.result ? patch.rows : null;
    const previous = last && (last.result === result || carried) && last.lang === lang ? last.rows : null;
    const built = new Map<string, IndicatorRow>();

    const indicatorRow = (indicator: Indicator): IndicatorRow => {
      const row = rowIndex.get(indicator.id);
      // A result computed before a structural edit may not know this indicator yet.
      const known = result !== null && row !== undefined && result.ids[row] === indicator.id;
      const summary = known ? result.indicators[row] : undefined;
      const target = summary && summary.primary >= 0 ? (summary.targets[summary.primary] ?? null) : null;
      const probability = target ? (probabilities.get(`${indicator.id}#${target.index}`) ?? NaN) : NaN;
      const origins = overrides.get(indicator.id) ?? null;
      const before = previous?.get(indicator.id);
      const unchanged = !carried || (known && !carried.has(row));
      if (before && unchanged && before.indicator === indicator && before.origins === origins && Object.is(before.probability, probability)) {
        if (carried && known) {
          // Same numbers, read from the new result's buffers, so the old ones can be freed.
          before.values = result.values.subarray(row * n, (row + 1) * n);
          before.isActual = result.isActual.subarray(row * n, (row + 1) * n);
        }
        built.set(indicator.id, before);
        return before;
      }
      const values = known ? result.values.subarray(row * n, (row + 1) * n) : null;
      const isActual = known ? result.isActual.subarray(row * n, (row + 1) * n) : null;
      const latestPeriod = summary?.latest ?? -1;
      const made: IndicatorRow = {
        kind: 'indicator',
        rowId: `i:${indicator.id}`,
        indicator,
        name: localized(indicator.name, lang),
        unit: localized(indicator.unit, lang),
        isFormula: indicator.projection.method === 'formula',
        values,
        isActual,
        latestPeriod,
        latestValue: values && latestPeriod >= 0 ? (values[latestPeriod] as number) : NaN,
        target,
        probability,
        origins,
        problems: (known && byRow.get(row)) || new Map(),
      };
      built.set(indicator.id, made);
      return made;
    };

    const members = new Map<string | undefined, Indicator[]>();
    for (const indicator of plan.indicators) {
      const list = members.get(indicator.group);
      if (list) list.push(indicator);
      else members.set(indicator.group, [indicator]);
    }
    const rows: GridRow[] = [];
    const placed = new Set<string | undefined>();
    for (const group of plan.groups) {
      // An empty group keeps its heading: the planner can still find it to fill, rename or delete.
      if (placed.has(group.id)) continue;
      placed.add(group.id);
      rows.push({ kind: 'group', rowId: `g:${group.id}`, name: localized(group.name, lang) });
      for (const indicator of members.get(group.id) ?? []) rows.push(indicatorRow(indicator));
    }
    const rest = plan.indicators.filter((i) => !placed.has(i.group));
    if (rest.length > 0) {
      if (rows.length > 0) rows.push({ kind: 'group', rowId: 'g:', name: ungroupedName });
      for (const indicator of rest) rows.push(indicatorRow(indicator));
    }
    last = { result, lang, rows: built };
    return rows;
  };
}

function problemsByRow(result: PlanResult | null): Map<number, Map<number, RowProblem[]>> {
  const byRow = new Map<number, Map<number, RowProblem[]>>();
  for (const problem of result?.problems ?? []) {
    let byPeriod = byRow.get(problem.row);
    if (!byPeriod) byRow.set(problem.row, (byPeriod = new Map()));
    const list = byPeriod.get(problem.period) ?? [];
    list.push(problem);
    byPeriod.set(problem.period, list);
  }
  return byRow;
}

/**
 * What a row's new version changes on screen, so the grid does no more than that:
 *  - `none`: nothing (the same object, or the same content);
 *  - `values`: only what cells show, which the grid finds by comparing each cell's value;
 *  - `classes`: also how cells look (actual or projected, the target's period, an override, an
 *    error) where the value may stay the same: every cell of the row is redrawn;
 *  - `row`: the row's own class (formula or input): the row is rebuilt.
 */
export type RowChange = 'none' | 'values' | 'classes' | 'row';

export function rowChange(before: GridRow | undefined, after: GridRow): RowChange {
  if (before === after) return 'none';
  if (!before || before.kind !== after.kind) return 'row';
  if (before.kind === 'group' || after.kind === 'group') return before.name === after.name ? 'none' : 'values';
  if (before.isFormula !== after.isFormula) return 'row';
  const a = before.target;
  const b = after.target;
  if ((a === null) !== (b === null) || (a && b && a.period !== b.period)) return 'classes';
  if (before.problems.size > 0 || after.problems.size > 0 || originsKey(before) !== originsKey(after)) return 'classes';
  if (!sameArray(before.isActual, after.isActual)) return 'classes';
  if (before.indicator !== after.indicator || before.name !== after.name || before.unit !== after.unit) return 'values';
  if (before.latestPeriod !== after.latestPeriod || !sameNumber(before.latestValue, after.latestValue) || !sameNumber(before.probability, after.probability)) return 'values';
  if (a && b && (a.status !== b.status || !sameNumber(a.value, b.value) || !sameNumber(a.projected, b.projected) || !sameNumber(a.growthNeeded, b.growthNeeded) || !sameNumber(a.attainment, b.attainment))) return 'values';
  return sameArray(before.values, after.values) ? 'none' : 'values';
}

const sameNumber = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function sameArray(a: Float64Array | Uint8Array | null, b: Float64Array | Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameNumber(a[i] as number, b[i] as number)) return false;
  return true;
}

function originsKey(row: IndicatorRow): string {
  const o = row.origins;
  if (!o) return '';
  const mark = (x: { scenario: string; inherited: boolean } | undefined) => (x ? `${x.scenario}${x.inherited ? '^' : ''}` : '-');
  return `${[...o.actuals].map(([k, v]) => `${k}:${mark(v)}`).join(',')}|${mark(o.projection)}|${mark(o.targets)}|${mark(o.range)}`;
}
