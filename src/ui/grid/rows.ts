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
  const n = result?.periodKeys.length ?? 0;
  const rowIndex = new Map(result?.ids.map((id, row) => [id, row]) ?? []);
  const problemsByRow = new Map<number, Map<number, RowProblem[]>>();
  for (const problem of result?.problems ?? []) {
    let byPeriod = problemsByRow.get(problem.row);
    if (!byPeriod) problemsByRow.set(problem.row, (byPeriod = new Map()));
    const list = byPeriod.get(problem.period) ?? [];
    list.push(problem);
    byPeriod.set(problem.period, list);
  }

  const indicatorRow = (indicator: Indicator): IndicatorRow => {
    const row = rowIndex.get(indicator.id);
    // A result computed before a structural edit may not know this indicator yet.
    const known = result !== null && row !== undefined && result.ids[row] === indicator.id;
    const values = known ? result.values.subarray(row * n, (row + 1) * n) : null;
    const isActual = known ? result.isActual.subarray(row * n, (row + 1) * n) : null;
    const summary = known ? result.indicators[row] : undefined;
    const latestPeriod = summary?.latest ?? -1;
    const target = summary && summary.primary >= 0 ? (summary.targets[summary.primary] ?? null) : null;
    return {
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
      probability: target ? (probabilities.get(`${indicator.id}#${target.index}`) ?? NaN) : NaN,
      origins: overrides.get(indicator.id) ?? null,
      problems: (known && problemsByRow.get(row)) || new Map(),
    };
  };

  const rows: GridRow[] = [];
  const placed = new Set<string>();
  for (const group of plan.groups) {
    const members = plan.indicators.filter((i) => i.group === group.id);
    if (members.length === 0) continue;
    rows.push({ kind: 'group', rowId: `g:${group.id}`, name: localized(group.name, lang) });
    for (const indicator of members) {
      rows.push(indicatorRow(indicator));
      placed.add(indicator.id);
    }
  }
  const rest = plan.indicators.filter((i) => !placed.has(i.id));
  if (rest.length > 0) {
    if (rows.length > 0) rows.push({ kind: 'group', rowId: 'g:', name: ungroupedName });
    for (const indicator of rest) rows.push(indicatorRow(indicator));
  }
  return rows;
}
