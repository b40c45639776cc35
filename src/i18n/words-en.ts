/** The words for a target's status and a projection method, in English (see words-vi.ts). */
import type { ProjectionMethod } from '../engine/model/plan.ts';
import type { TargetStatus } from '../engine/projection/targets.ts';

export const STATUS_EN = { met: 'Met', onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' } satisfies Record<TargetStatus, string>;

export const METHOD_EN = {
  constant: 'Hold constant',
  linear: 'Linear',
  growth: 'Growth',
  reachTarget: 'Reach target',
  logistic: 'S-curve',
  interpolate: 'Interpolate',
  manual: 'Manual',
  formula: 'Formula',
} satisfies Record<ProjectionMethod, string>;
