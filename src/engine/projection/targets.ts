/**
 * What a target asks and how the projection measures up: the gap, attainment, the growth per
 * period needed from the latest actual, the first period that reaches it, and a status.
 */
import type { TargetDirection } from '../model/plan.ts';
import { requiredGrowth } from './methods.ts';

export type TargetStatus = 'met' | 'onTrack' | 'atRisk' | 'offTrack';

/** Within this share of the target a projection that falls short is "at risk", not "off track". */
export const AT_RISK_TOLERANCE = 0.05;

export interface TargetAssessment {
  /** Index of the target in the indicator's `targets`. */
  index: number;
  period: number;
  value: number;
  direction: TargetDirection;
  /** The indicator's value at the target period (an actual if there is one), NaN if blank. */
  projected: number;
  /** projected − target. */
  gap: number;
  /** projected ÷ target (for "at most": target ÷ projected), NaN when undefined. */
  attainment: number;
  /** Compound growth per period needed from the latest actual; NaN when the target is not ahead of it. */
  growthNeeded: number;
  /** First period from the latest actual on whose value satisfies the target; -1 if none. */
  firstReached: number;
  status: TargetStatus;
}

// Relative slack so that a projection built to land on the target counts as landing on it.
const EPSILON = 1e-9;

export function satisfies(value: number, target: number, direction: TargetDirection): boolean {
  if (Number.isNaN(value)) return false;
  const slack = Math.abs(target) * EPSILON;
  switch (direction) {
    case 'atLeast':
    case 'hold':
      return value >= target - slack;
    case 'atMost':
      return value <= target + slack;
  }
}

export function assessTarget(
  row: Float64Array,
  isActual: Uint8Array,
  latest: number,
  index: number,
  period: number,
  value: number,
  direction: TargetDirection,
): TargetAssessment {
  const projected = row[period] as number;
  const gap = projected - value;
  const attainment = direction === 'atMost' ? value / projected : projected / value;
  const latestValue = latest >= 0 ? (row[latest] as number) : NaN;
  const growthNeeded = latest >= 0 && period > latest ? requiredGrowth(latestValue, value, period - latest) : NaN;

  let firstReached = -1;
  for (let t = Math.max(latest, 0); t < row.length; t++) {
    if (satisfies(row[t] as number, value, direction)) { firstReached = t; break; }
  }

  let status: TargetStatus;
  if (isActual[period]) {
    // The target period is behind us: it was met or it was not.
    status = satisfies(projected, value, direction) ? 'met' : 'offTrack';
  } else if (latest >= 0 && latest < period && direction !== 'atMost' && satisfies(latestValue, value, direction)) {
    // Already at the level asked for (a "hold the level" target is the common case).
    status = 'met';
  } else if (satisfies(projected, value, direction)) {
    status = 'onTrack';
  } else if (Number.isFinite(attainment) && attainment >= 1 - AT_RISK_TOLERANCE) {
    status = 'atRisk';
  } else {
    status = 'offTrack';
  }
  return { index, period, value, direction, projected, gap, attainment, growthNeeded, firstReached, status };
}
