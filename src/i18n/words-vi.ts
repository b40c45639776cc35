/**
 * The words for a target's status and a projection method, in Vietnamese: one spelling for the
 * grid, the report and the command line. English is in words-en.ts, a module of its own so the
 * first load (Vietnamese) does not carry it.
 */
import type { ProjectionMethod } from '../engine/model/plan.ts';
import type { TargetStatus } from '../engine/projection/targets.ts';

export const STATUS_VI = { met: 'Đã đạt', onTrack: 'Đúng hướng', atRisk: 'Có nguy cơ', offTrack: 'Chệch hướng' } satisfies Record<TargetStatus, string>;

export const METHOD_VI = {
  constant: 'Giữ nguyên',
  linear: 'Tăng đều',
  growth: 'Tăng trưởng',
  reachTarget: 'Theo chỉ tiêu',
  logistic: 'Đường cong S',
  interpolate: 'Nội suy',
  manual: 'Nhập tay',
  formula: 'Công thức',
} satisfies Record<ProjectionMethod, string>;
