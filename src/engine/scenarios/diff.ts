/**
 * Two computed plans side by side (two scenarios, or a plan before and after): per indicator and
 * period the absolute and relative difference, and per target whether each side meets it.
 */
import type { TargetDirection } from '../model/plan.ts';
import type { PlanResult } from '../projection/result.ts';
import type { TargetStatus } from '../projection/targets.ts';

/** One side of a target comparison. */
export interface TargetSide {
  value: number;
  projected: number;
  status: TargetStatus;
  /** Met, or on track to be. */
  achieved: boolean;
}

export interface TargetComparison {
  indicator: string;
  period: string;
  direction: TargetDirection;
  /** null when that side has no such target (scenarios may set different targets). */
  a: TargetSide | null;
  b: TargetSide | null;
}

export interface ResultDiff {
  /** Indicators in both results, in the order of `a`. */
  ids: string[];
  /** Periods in both results, in the order of `a`. */
  periodKeys: string[];
  /** ids × periods, row-major: b − a; blank (NaN) when either is blank. */
  absolute: Float64Array;
  /**
   * ids × periods: (b − a) / |a|; 0 where the two are equal (0 and 0 included), blank where
   * either is blank or a is 0 and b is not (no finite share of nothing).
   */
  relative: Float64Array;
  onlyInA: string[];
  onlyInB: string[];
  /**
   * Per indicator in both, its targets matched by period and direction (the k-th of a kind in
   * `a` with the k-th in `b`), in the order of `a`, then those only `b` has.
   */
  targets: TargetComparison[];
}

export function diffResults(a: PlanResult, b: PlanResult): ResultDiff {
  const rowInB = new Map(b.ids.map((id, row) => [id, row]));
  const periodInB = new Map(b.periodKeys.map((key, t) => [key, t]));
  const ids: string[] = [];
  const rowsA: number[] = [];
  const rowsB: number[] = [];
  a.ids.forEach((id, row) => {
    const other = rowInB.get(id);
    if (other === undefined) return;
    ids.push(id);
    rowsA.push(row);
    rowsB.push(other);
  });
  const periodKeys: string[] = [];
  const periodsA: number[] = [];
  const periodsB: number[] = [];
  a.periodKeys.forEach((key, t) => {
    const other = periodInB.get(key);
    if (other === undefined) return;
    periodKeys.push(key);
    periodsA.push(t);
    periodsB.push(other);
  });

  const nA = a.periodKeys.length;
  const nB = b.periodKeys.length;
  const m = periodKeys.length;
  const absolute = new Float64Array(ids.length * m);
  const relative = new Float64Array(ids.length * m);
  for (let i = 0; i < ids.length; i++) {
    const offA = (rowsA[i] as number) * nA;
    const offB = (rowsB[i] as number) * nB;
    for (let j = 0; j < m; j++) {
      const x = a.values[offA + (periodsA[j] as number)] as number;
      const y = b.values[offB + (periodsB[j] as number)] as number;
      absolute[i * m + j] = y - x;
      relative[i * m + j] = x === y ? 0 : x === 0 ? NaN : (y - x) / Math.abs(x);
    }
  }

  const inA = new Set(a.ids);
  const targets: TargetComparison[] = [];
  ids.forEach((id, i) => targets.push(...compareTargets(id, a, rowsA[i] as number, b, rowsB[i] as number)));
  return {
    ids,
    periodKeys,
    absolute,
    relative,
    onlyInA: a.ids.filter((id) => !rowInB.has(id)),
    onlyInB: b.ids.filter((id) => !inA.has(id)),
    targets,
  };
}

function compareTargets(id: string, a: PlanResult, rowA: number, b: PlanResult, rowB: number): TargetComparison[] {
  const side = (result: PlanResult, row: number) =>
    (result.indicators[row]?.targets ?? []).map((t) => ({
      period: result.periodKeys[t.period] as string,
      direction: t.direction,
      side: { value: t.value, projected: t.projected, status: t.status, achieved: t.status === 'met' || t.status === 'onTrack' },
    }));
  const fromB = side(b, rowB);
  const used = new Uint8Array(fromB.length);
  const out: TargetComparison[] = [];
  for (const t of side(a, rowA)) {
    const k = fromB.findIndex((u, j) => !used[j] && u.period === t.period && u.direction === t.direction);
    if (k >= 0) used[k] = 1;
    out.push({ indicator: id, period: t.period, direction: t.direction, a: t.side, b: k >= 0 ? (fromB[k]?.side ?? null) : null });
  }
  fromB.forEach((u, j) => {
    if (!used[j]) out.push({ indicator: id, period: u.period, direction: u.direction, a: null, b: u.side });
  });
  return out;
}
