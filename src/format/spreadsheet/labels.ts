/**
 * The words written into exported spreadsheets: column headers and statuses, in Vietnamese and
 * English. The headers are the grid's words (src/ui/i18n/messages.ts), repeated here because this
 * layer is pure and may not import the UI; the statuses come from src/i18n, shared with the grid,
 * the report and the command line. Every header is also one the CSV import recognises
 * (headers.ts), so an export reads back in.
 */
import type { Periodicity } from '../schema.ts';
import type { TargetStatus } from '../../engine/projection/targets.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { STATUS_EN } from '../../i18n/words-en.ts';
import { STATUS_VI } from '../../i18n/words-vi.ts';

export interface SheetLabels {
  group: string;
  indicator: string;
  unit: string;
  actualsThrough: string;
  targetPeriod: Record<Periodicity, string>;
  target: string;
  growthNeeded: Record<Periodicity, string>;
  attainment: string;
  status: string;
  statuses: Record<TargetStatus, string>;
  scenario: string;
  baseScenario: string;
}

const vi: SheetLabels = {
  group: 'Nhóm',
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị',
  actualsThrough: 'Thực hiện đến',
  targetPeriod: { year: 'Năm chỉ tiêu', quarter: 'Kỳ chỉ tiêu', month: 'Kỳ chỉ tiêu' },
  target: 'Chỉ tiêu kế hoạch',
  growthNeeded: { year: 'Tăng cần thiết (%/năm)', quarter: 'Tăng cần thiết (%/quý)', month: 'Tăng cần thiết (%/tháng)' },
  attainment: 'Mức đạt (%)',
  status: 'Tình trạng',
  statuses: STATUS_VI,
  scenario: 'Kịch bản',
  baseScenario: 'Cơ sở',
};

const en: SheetLabels = {
  group: 'Group',
  indicator: 'Indicator',
  unit: 'Unit',
  actualsThrough: 'Actuals through',
  targetPeriod: { year: 'Target year', quarter: 'Target period', month: 'Target period' },
  target: 'Target',
  growthNeeded: { year: 'Growth needed (%/year)', quarter: 'Growth needed (%/quarter)', month: 'Growth needed (%/month)' },
  attainment: 'Attainment (%)',
  status: 'Status',
  statuses: STATUS_EN,
  scenario: 'Scenario',
  baseScenario: 'Base',
};

export const SHEET_LABELS: Record<Lang, SheetLabels> = { vi, en };
