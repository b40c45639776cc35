/**
 * Projection methods for input indicators: each fills the periods after the latest actual of one
 * row of the engine's matrix, in place. Rows are `Float64Array` slices; blank is NaN.
 */
import type { Projection } from '../model/plan.ts';

export type MethodProblem =
  | { code: 'noActual' }
  | { code: 'logisticOutOfRange'; latest: number; ceiling: number }
  | { code: 'nonPositiveForGrowth'; period: number };

/** Where the known values of a row end and what the projection starts from. */
export interface Anchor {
  /** Index of the latest period with an actual, or -1. */
  latest: number;
  /** Target values per period (NaN where there is none), for reach-a-target. */
  targets: Float64Array;
}

/** The compound rate per period that takes `from` to `to` in `periods` steps (a spreadsheet's RRI). */
export function requiredGrowth(from: number, to: number, periods: number): number {
  if (!(periods > 0) || !(from > 0) || !(to > 0)) return NaN;
  return Math.pow(to / from, 1 / periods) - 1;
}

/**
 * Fills `row` (length = period count) after `anchor.latest` according to `projection`.
 * Actuals are already in `row`; `isActual[t]` says which. Returns a problem when the method
 * cannot project (the affected cells stay blank).
 */
export function projectRow(
  projection: Exclude<Projection, { method: 'formula' }>,
  row: Float64Array,
  isActual: Uint8Array,
  anchor: Anchor,
): MethodProblem | null {
  const n = row.length;
  const latest = anchor.latest;
  switch (projection.method) {
    case 'manual': {
      // Manual values were written by the caller (they are per period, like actuals).
      return null;
    }
    case 'interpolate':
      return interpolate(row, isActual, projection.mode);
    case 'constant': {
      if (latest < 0) return { code: 'noActual' };
      const v = row[latest] as number;
      for (let t = latest + 1; t < n; t++) row[t] = v;
      return null;
    }
    case 'linear': {
      if (latest < 0) return { code: 'noActual' };
      for (let t = latest + 1; t < n; t++) row[t] = (row[t - 1] as number) + projection.step;
      return null;
    }
    case 'growth': {
      if (latest < 0) return { code: 'noActual' };
      const factor = 1 + projection.rate;
      for (let t = latest + 1; t < n; t++) row[t] = (row[t - 1] as number) * factor;
      return null;
    }
    case 'reachTarget':
      return reachTargets(row, anchor);
    case 'logistic': {
      if (latest < 0) return { code: 'noActual' };
      const a = row[latest] as number;
      const k = projection.ceiling;
      if (!(a > 0) || !(k > a)) return { code: 'logisticOutOfRange', latest: a, ceiling: k };
      // The logistic curve through (latest, a) with carrying capacity k: it approaches k and
      // never passes it, which is what saturating indicators (density, coverage) need.
      const c = (k - a) / a;
      for (let t = latest + 1; t < n; t++) row[t] = k / (1 + c * Math.exp(-projection.rate * (t - latest)));
      return null;
    }
  }
}

/**
 * The growth path from the latest actual to each later target in turn; past the last target the
 * last rate carries on (the pace the plan asks for). Without a later target the level is held.
 */
function reachTargets(row: Float64Array, anchor: Anchor): MethodProblem | null {
  const n = row.length;
  let from = anchor.latest;
  if (from < 0) return { code: 'noActual' };
  let rate = 0;
  let linearStep = NaN;
  for (let t = from + 1; t < n; t++) {
    const target = anchor.targets[t] as number;
    if (Number.isNaN(target)) continue;
    const start = row[from] as number;
    const steps = t - from;
    rate = requiredGrowth(start, target, steps);
    // Zero or negative values have no compound path: go there in equal steps instead.
    linearStep = Number.isNaN(rate) ? (target - start) / steps : NaN;
    for (let s = from + 1; s <= t; s++) {
      row[s] = Number.isNaN(rate) ? start + linearStep * (s - from) : start * Math.pow(1 + rate, s - from);
    }
    row[t] = target;
    from = t;
  }
  for (let t = from + 1; t < n; t++) {
    const prev = row[t - 1] as number;
    row[t] = Number.isNaN(linearStep) ? prev * (1 + rate) : prev + linearStep;
  }
  return null;
}

/** Linear or geometric interpolation between known cells (actuals and anchors); ends are held. */
function interpolate(row: Float64Array, known: Uint8Array, mode: 'linear' | 'geometric'): MethodProblem | null {
  const n = row.length;
  let previous = -1;
  for (let t = 0; t < n; t++) {
    if (!known[t]) continue;
    if (previous >= 0 && t - previous > 1) {
      const a = row[previous] as number;
      const b = row[t] as number;
      const steps = t - previous;
      const geometric = mode === 'geometric' && a > 0 && b > 0;
      if (mode === 'geometric' && !geometric) return { code: 'nonPositiveForGrowth', period: a > 0 ? t : previous };
      for (let s = previous + 1; s < t; s++) {
        const f = (s - previous) / steps;
        row[s] = geometric ? a * Math.pow(b / a, f) : a + (b - a) * f;
      }
    }
    previous = t;
  }
  if (previous < 0) return { code: 'noActual' };
  const last = row[previous] as number;
  for (let t = previous + 1; t < n; t++) row[t] = last;
  return null;
}
