/**
 * The report's words, in Vietnamese (the first language) and English; the English table is typed
 * by the Vietnamese one, as in src/ui/i18n/messages.ts, so a missing translation fails the type
 * check. The Vietnamese follows a department's year-end report ("ước đạt 4.900 tỷ đồng, bằng
 * 102,42 % so với năm 2022"). Sentence parts take figures already formatted; text.ts decides which
 * parts a sentence needs and joins them. No Solid here: the sentences are built in Node tests too.
 */
import type { Periodicity, TargetDirection } from '../../engine/model/plan.ts';
import type { TargetStatus } from '../../engine/projection/targets.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { STATUS_VI } from '../../i18n/words-vi.ts';
import { STATUS_EN } from '../../i18n/words-en.ts';

const vi = {
  // the view
  dialogLabel: 'Báo cáo',
  print: 'In / Lưu PDF',
  printHint: 'Chọn “Lưu dưới dạng PDF” trong hộp thoại in để có tệp PDF khổ A4.',
  close: 'Đóng',
  language: 'Ngôn ngữ',
  // the title block
  kicker: 'Báo cáo thực hiện chỉ tiêu',
  scenario: 'Kịch bản',
  baseScenario: 'Kịch bản cơ sở',
  reportDate: 'Ngày lập báo cáo',
  date: (date: Date) => {
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(date).find((p) => p.type === type)?.value ?? '';
    return `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`;
  },
  coverage: (actualsThrough: string | null, horizon: string) =>
    actualsThrough ? `Số liệu thực hiện đến ${actualsThrough}; dự báo đến ${horizon}.` : `Chưa có số liệu thực hiện; dự báo đến ${horizon}.`,
  notSimulated: 'Chưa chạy mô phỏng nên báo cáo chưa có khả năng đạt chỉ tiêu.',
  simulated: 'Khả năng đạt chỉ tiêu là tỷ lệ số lần mô phỏng đạt chỉ tiêu.',
  summaryTitle: 'Tóm tắt',
  summary: (targets: number, parts: string[]) =>
    targets === 0 ? 'Chưa có chỉ tiêu nào được giao mục tiêu.' : `Trong ${targets} chỉ tiêu có mục tiêu: ${parts.join(', ')}.`,
  summaryPart: { met: (n: number) => `${n} đã đạt`, onTrack: (n: number) => `${n} đúng hướng`, atRisk: (n: number) => `${n} có nguy cơ không đạt`, offTrack: (n: number) => `${n} chệch hướng` } satisfies Record<TargetStatus, (n: number) => string>,
  ungrouped: 'Chỉ tiêu khác',
  // the table
  colNumber: 'TT',
  colIndicator: 'Chỉ tiêu',
  colLatest: 'Thực hiện gần nhất',
  colChange: 'So với kỳ trước',
  colTarget: 'Chỉ tiêu kế hoạch',
  colGrowthNeeded: 'Tăng cần thiết',
  colProjected: 'Dự báo kỳ chỉ tiêu',
  colProbability: 'Khả năng đạt',
  colStatus: 'Tình trạng',
  formulaRow: 'tính bằng công thức',
  computedValue: 'tính từ công thức',
  status: STATUS_VI,
  perPeriod: { year: '/năm', quarter: '/quý', month: '/tháng' } satisfies Record<Periodicity, string>,
  // footnotes
  notesTitle: 'Ghi chú và nguồn số liệu',
  noteLabel: 'Ghi chú',
  sourceLabel: 'Nguồn',
  targetNoteLabel: (period: string) => `Chỉ tiêu ${period}`,
  footnoteRef: (number: string) => `Ghi chú ${number}`,
  // periods in prose: "năm 2023", "quý I/2024", "tháng 3/2024"
  year: (year: string) => `năm ${year}`,
  quarter: (quarter: number, year: string) => `quý ${['I', 'II', 'III', 'IV'][quarter - 1] ?? quarter}/${year}`,
  month: (month: number, year: string) => `tháng ${month}/${year}`,
  // sentence parts
  latestActual: (name: string, period: string, value: string) => `${name} ${period} ước đạt ${value}`,
  latestComputed: (name: string, period: string, value: string) => `${name} ${period} đạt ${value} (tính theo công thức)`,
  change: (ratio: string, previous: string) => `bằng ${ratio} so với ${previous}`,
  noFigures: (name: string) => `${name} chưa có số liệu thực hiện`,
  noFormulaFigures: (name: string) => `${name} (tính theo công thức) chưa có số liệu`,
  notComputed: (name: string) => `${name} chưa tính được (xem lỗi trong bảng chỉ tiêu)`,
  target: { atLeast: (value: string) => `chỉ tiêu ${value}`, atMost: (value: string) => `chỉ tiêu tối đa ${value}`, hold: (value: string) => `chỉ tiêu giữ mức ${value}` } satisfies Record<TargetDirection, (value: string) => string>,
  rise: (target: string, period: string, growth: string, perPeriod: string) => `để đạt ${target} ${period} cần tăng ${growth}${perPeriod}`,
  fall: (target: string, period: string, growth: string, perPeriod: string) => `để đạt ${target} ${period} cần giảm ${growth}${perPeriod}`,
  targetIs: (target: string, period: string) => `có ${target} ${period}`,
  alreadyMet: (target: string, period: string) => `đã đạt ${target} ${period}`,
  metPast: (target: string, period: string, attainment: string) => `đã đạt ${target} ${period}${attainment ? ` (bằng ${attainment} chỉ tiêu)` : ''}`,
  missedPast: (target: string, period: string, attainment: string) => `không đạt ${target} ${period}${attainment ? ` (bằng ${attainment} chỉ tiêu)` : ''}`,
  projection: (projected: string, attainment: string) => `dự báo ${projected}${attainment ? `, bằng ${attainment} chỉ tiêu` : ''}`,
  willMeet: (detail: string) => `theo dự báo hiện tại sẽ đạt chỉ tiêu${detail ? ` (${detail})` : ''}`,
  atRisk: (detail: string) => `theo dự báo hiện tại có nguy cơ không đạt chỉ tiêu (${detail})`,
  willMiss: (detail: string) => `theo dự báo hiện tại sẽ không đạt chỉ tiêu (${detail})`,
  noProjection: (period: string) => `chưa có số dự báo cho ${period}`,
  probability: (chance: string) => `khả năng đạt theo mô phỏng là ${chance}`,
  horizon: (period: string, value: string) => `dự báo ${period} đạt ${value}`,
};

export type ReportMessages = typeof vi;

const en: ReportMessages = {
  dialogLabel: 'Report',
  print: 'Print / Save PDF',
  printHint: 'Choose “Save as PDF” in the print dialog for an A4 PDF file.',
  close: 'Close',
  language: 'Language',
  kicker: 'Targets report',
  scenario: 'Scenario',
  baseScenario: 'Base scenario',
  reportDate: 'Report date',
  date: (date) => new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(date),
  coverage: (actualsThrough, horizon) =>
    actualsThrough ? `Actual figures through ${actualsThrough}; projections to ${horizon}.` : `No actual figures yet; projections to ${horizon}.`,
  notSimulated: 'No simulation has been run, so the report gives no chance of reaching the targets.',
  simulated: 'The chance of reaching a target is the share of simulated trials that reach it.',
  summaryTitle: 'Summary',
  summary: (targets, parts) =>
    targets === 0 ? 'No indicator has a target yet.' : `Of ${targets} ${targets === 1 ? 'indicator' : 'indicators'} with a target: ${parts.join(', ')}.`,
  summaryPart: { met: (n) => `${n} met`, onTrack: (n) => `${n} on track`, atRisk: (n) => `${n} at risk`, offTrack: (n) => `${n} off track` },
  ungrouped: 'Other indicators',
  colNumber: 'No.',
  colIndicator: 'Indicator',
  colLatest: 'Latest actual',
  colChange: 'On the period before',
  colTarget: 'Target',
  colGrowthNeeded: 'Growth needed',
  colProjected: 'Projected at target',
  colProbability: 'Chance of reaching',
  colStatus: 'Status',
  formulaRow: 'computed by formula',
  computedValue: 'computed by formula',
  status: STATUS_EN,
  perPeriod: { year: ' a year', quarter: ' a quarter', month: ' a month' },
  notesTitle: 'Notes and sources',
  noteLabel: 'Note',
  sourceLabel: 'Source',
  targetNoteLabel: (period) => `Target for ${period}`,
  footnoteRef: (number) => `Note ${number}`,
  year: (year) => year,
  quarter: (quarter, year) => `Q${quarter} ${year}`,
  month: (month, year) => `${new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1))} ${year}`,
  // "Name: figure" rather than a verb, which would have to agree with names singular and plural.
  latestActual: (name, period, value) => `${name}: an estimated ${value} in ${period}`,
  latestComputed: (name, period, value) => `${name}: ${value} in ${period} (computed by formula)`,
  change: (ratio, previous) => `${ratio} of the ${previous} figure`,
  noFigures: (name) => `${name}: no actual figures yet`,
  noFormulaFigures: (name) => `${name} (computed by formula): no figures yet`,
  notComputed: (name) => `${name}: cannot be computed (see the error in the grid)`,
  target: { atLeast: (value) => `target of ${value}`, atMost: (value) => `target of at most ${value}`, hold: (value) => `target of holding ${value}` },
  rise: (target, period, growth, perPeriod) => `reaching the ${period} ${target} needs growth of ${growth}${perPeriod}`,
  fall: (target, period, growth, perPeriod) => `reaching the ${period} ${target} needs a fall of ${growth}${perPeriod}`,
  targetIs: (target, period) => `the ${period} ${target} is set`,
  alreadyMet: (target, period) => `the ${period} ${target} is already met`,
  metPast: (target, period, attainment) => `the ${period} ${target} was met${attainment ? ` (${attainment} of target)` : ''}`,
  missedPast: (target, period, attainment) => `the ${period} ${target} was not met${attainment ? ` (${attainment} of target)` : ''}`,
  projection: (projected, attainment) => `projected ${projected}${attainment ? `, ${attainment} of target` : ''}`,
  willMeet: (detail) => `on the current projection the target will be met${detail ? ` (${detail})` : ''}`,
  atRisk: (detail) => `on the current projection the target is at risk (${detail})`,
  willMiss: (detail) => `on the current projection the target will not be met (${detail})`,
  noProjection: (period) => `there is no projection for ${period} yet`,
  probability: (chance) => `the simulation gives a ${chance} chance of reaching it`,
  horizon: (period, value) => `the projection for ${period} is ${value}`,
};

const MESSAGES: Record<Lang, ReportMessages> = { vi, en };

export function reportMessages(lang: Lang): ReportMessages {
  return MESSAGES[lang];
}
