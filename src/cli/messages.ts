/**
 * Every sentence the command line prints, in Vietnamese (the first language) and English. The
 * English table is typed by the Vietnamese one, so a missing translation fails the type check.
 * Help texts live in help.ts.
 */
import type { Lang } from '../i18n/numbers.ts';
import type { Periodicity, ProjectionMethod, TargetDirection } from '../engine/model/plan.ts';
import type { TargetStatus } from '../engine/projection/targets.ts';
import type { MethodProblem } from '../engine/projection/methods.ts';

const q = (s: string): string => `“${s}”`;

const vi = {
  // usage
  unknownCommand: (name: string, commands: string) => `không có lệnh ${q(name)}; các lệnh: ${commands}`,
    unknownOption: (option: string) => `không có tùy chọn ${option}`,
  missingValue: (option: string) => `tùy chọn ${option} cần một giá trị`,
  unexpectedValue: (option: string) => `tùy chọn ${option} không nhận giá trị`,
  repeatedOption: (option: string) => `tùy chọn ${option} được cho hai lần`,
  badChoice: (option: string, value: string, choices: string) => `${option} không nhận ${q(value)}; chọn một trong: ${choices}`,
  notANumber: (option: string, value: string) =>
    `${option} cần một số viết kiểu máy (ví dụ 5300, 81.5, -0.02), nhận được ${q(value)}`,
  notAnInteger: (option: string, value: string, min: string, max: string) =>
    `${option} cần một số nguyên từ ${min} đến ${max}, nhận được ${q(value)}`,
  missingArgument: (name: string) => `thiếu ${name}`,
  argument: { file: 'TỆP' } as Record<string, string>,
  extraArgument: (value: string) => `thừa đối số ${q(value)}`,
  seeHelp: (command: string) => `xem: chitieu ${command} --help`,
  seeGeneralHelp: 'xem: chitieu --help',
  outputFailed: (why: string) => `không ghi được kết quả (${why})`,
  internalError: (why: string) => `lỗi nội bộ của chitieu (${why}); hãy báo lỗi này`,
  exampleMissing: (path: string) => `không đọc được kế hoạch mẫu ${path}`,
  // reading files
  notFound: (file: string) => `${file}: không tìm thấy tệp`,
  isDirectory: (file: string) => `${file}: đây là một thư mục, không phải tệp`,
  notPermitted: (file: string) => `${file}: không có quyền đọc tệp`,
  notUtf8: (file: string) => `${file}: tệp không phải văn bản UTF-8`,
  readFailed: (file: string, why: string) => `${file}: không đọc được tệp (${why})`,
  stdinName: 'đầu vào chuẩn',
  invalidFile: (file: string, count: number) =>
    `${file}: không phải tệp kế hoạch hợp lệ (${count} vấn đề). Xem tất cả: chitieu validate ${file}`,
  moreIssues: (n: number) => `… và ${n} vấn đề khác`,
  warning: 'cảnh báo',
  // validate
  valid: (file: string, indicators: number, periods: string) => `${file}: hợp lệ (${indicators} chỉ tiêu, ${periods})`,
  problemsFound: (file: string, count: number) => `${file}: ${count} vấn đề`,
  // the engine
  formulaError: 'lỗi công thức',
  cycleError: (names: string) => `vòng phụ thuộc: ${names}`,
  blockedError: (name: string) => `không tính được vì ${q(name)} đang lỗi`,
  methodError: {
    noActual: 'chưa có số liệu thực hiện để dự báo',
    logisticOutOfRange: 'giá trị gần nhất phải dương và nhỏ hơn mức trần',
    nonPositiveForGrowth: 'nội suy theo tỷ lệ cần các giá trị dương',
  } satisfies Record<MethodProblem['code'], string>,
  atPeriod: (period: string) => `kỳ ${period}`,
  calendarPeriodicity: (field: string, key: string) => `plan.calendar.${field}: kỳ ${q(key)} không khớp với cách chia kỳ của lịch`,
  calendarEndBeforeStart: 'plan.calendar: kỳ kết thúc đứng trước kỳ bắt đầu',
  tooManyPeriods: (count: string, limit: string) => `plan.calendar: ${count} kỳ, vượt giới hạn ${limit} kỳ của bộ tính`,
  tooManyCells: (cells: string, limit: string) => `kế hoạch có ${cells} ô (chỉ tiêu × kỳ), vượt giới hạn ${limit} ô của bộ tính`,
  tooManyIndicators: (count: string, limit: string) => `kế hoạch có ${count} chỉ tiêu, vượt giới hạn ${limit} của bộ tính`,
  cannotCompute: (file: string, why: string) => `${file}: không tính được kế hoạch: ${why}`,
  rowsWithProblems: (n: number, file: string) => `${n} chỉ tiêu có ô không tính được; xem: chitieu validate ${file}`,
  // the projection
  periodicity: { year: 'theo năm', quarter: 'theo quý', month: 'theo tháng' } satisfies Record<Periodicity, string>,
  perPeriod: { year: '/năm', quarter: '/quý', month: '/tháng' } satisfies Record<Periodicity, string>,
  planLine: (name: string, from: string, to: string, periodicity: string) => `${name}\nKỳ ${from}–${to}, ${periodicity}`,
  scenarioLine: (name: string) => `Kịch bản: ${name}`,
  sectionIndicators: 'Chỉ tiêu',
  sectionValues: 'Giá trị theo kỳ (* số liệu thực hiện, còn lại là dự báo)',
  sectionTargets: 'Chỉ tiêu kế hoạch',
  sectionProblems: 'Vấn đề',
  noTargets: 'Chưa có chỉ tiêu kế hoạch nào.',
  colId: 'Mã',
  colName: 'Tên',
  colUnit: 'Đơn vị',
  colMethod: 'Cách dự báo',
  colPeriod: 'Kỳ',
  colTarget: 'Cần đạt',
  colProjected: 'Dự báo',
  colGap: 'Chênh lệch',
  colAttainment: 'Mức đạt',
  colGrowthNeeded: 'Tăng cần thiết',
  colFirstReached: 'Đạt từ kỳ',
  colStatus: 'Tình trạng',
  errorCell: '#LỖI',
  status: { met: 'Đã đạt', onTrack: 'Đúng hướng', atRisk: 'Có nguy cơ', offTrack: 'Chệch hướng' } satisfies Record<TargetStatus, string>,
  direction: { atLeast: '≥', atMost: '≤', hold: 'giữ' } satisfies Record<TargetDirection, string>,
  method: {
    constant: 'Giữ nguyên',
    linear: 'Tăng đều',
    growth: 'Tăng trưởng',
    reachTarget: 'Theo chỉ tiêu',
    logistic: 'Đường cong S',
    interpolate: 'Nội suy',
    manual: 'Nhập tay',
    formula: 'Công thức',
  } satisfies Record<ProjectionMethod, string>,
  ceiling: 'trần',
};

export type CliMessages = typeof vi;

const en: CliMessages = {
  unknownCommand: (name: string, commands: string) => `no command ${q(name)}; the commands are: ${commands}`,
    unknownOption: (option: string) => `no option ${option}`,
  missingValue: (option: string) => `the option ${option} needs a value`,
  unexpectedValue: (option: string) => `the option ${option} takes no value`,
  repeatedOption: (option: string) => `the option ${option} is given twice`,
  badChoice: (option: string, value: string, choices: string) => `${option} does not take ${q(value)}; choose one of: ${choices}`,
  notANumber: (option: string, value: string) =>
    `${option} needs a number written the machine way (like 5300, 81.5, -0.02), got ${q(value)}`,
  notAnInteger: (option: string, value: string, min: string, max: string) =>
    `${option} needs a whole number from ${min} to ${max}, got ${q(value)}`,
  missingArgument: (name: string) => `missing ${name}`,
  argument: { file: 'FILE' },
  extraArgument: (value: string) => `unexpected argument ${q(value)}`,
  seeHelp: (command: string) => `see: chitieu ${command} --help`,
  seeGeneralHelp: 'see: chitieu --help',
  outputFailed: (why: string) => `cannot write the output (${why})`,
  internalError: (why: string) => `internal error in chitieu (${why}); please report it`,
  exampleMissing: (path: string) => `cannot read the example plan ${path}`,
  notFound: (file: string) => `${file}: no such file`,
  isDirectory: (file: string) => `${file}: is a directory, not a file`,
  notPermitted: (file: string) => `${file}: permission denied`,
  notUtf8: (file: string) => `${file}: the file is not UTF-8 text`,
  readFailed: (file: string, why: string) => `${file}: cannot read the file (${why})`,
  stdinName: 'standard input',
  invalidFile: (file: string, count: number) =>
    `${file}: not a valid plan file (${count} problem${count === 1 ? '' : 's'}). See them all: chitieu validate ${file}`,
  moreIssues: (n: number) => `… and ${n} more`,
  warning: 'warning',
  valid: (file: string, indicators: number, periods: string) => `${file}: valid (${indicators} indicator${indicators === 1 ? '' : 's'}, ${periods})`,
  problemsFound: (file: string, count: number) => `${file}: ${count} problem${count === 1 ? '' : 's'}`,
  formulaError: 'formula error',
  cycleError: (names: string) => `circular dependency: ${names}`,
  blockedError: (name: string) => `cannot compute because ${q(name)} has an error`,
  methodError: {
    noActual: 'no actual value to project from',
    logisticOutOfRange: 'the latest value must be positive and below the ceiling',
    nonPositiveForGrowth: 'geometric interpolation needs positive values',
  },
  atPeriod: (period: string) => `period ${period}`,
  calendarPeriodicity: (field: string, key: string) => `plan.calendar.${field}: the period ${q(key)} does not match the calendar's periodicity`,
  calendarEndBeforeStart: 'plan.calendar: the end comes before the start',
  tooManyPeriods: (count: string, limit: string) => `plan.calendar: ${count} periods, over the engine's limit of ${limit}`,
  tooManyCells: (cells: string, limit: string) => `the plan has ${cells} cells (indicators × periods), over the engine's limit of ${limit}`,
  tooManyIndicators: (count: string, limit: string) => `the plan has ${count} indicators, over the engine's limit of ${limit}`,
  cannotCompute: (file: string, why: string) => `${file}: the plan cannot be computed: ${why}`,
  rowsWithProblems: (n: number, file: string) => `${n} indicator${n === 1 ? ' has' : 's have'} cells that cannot be computed; see: chitieu validate ${file}`,
  periodicity: { year: 'yearly', quarter: 'quarterly', month: 'monthly' },
  perPeriod: { year: '/yr', quarter: '/qtr', month: '/mo' },
  planLine: (name: string, from: string, to: string, periodicity: string) => `${name}\nPeriods ${from}–${to}, ${periodicity}`,
  scenarioLine: (name: string) => `Scenario: ${name}`,
  sectionIndicators: 'Indicators',
  sectionValues: 'Values by period (* actual, the others projected)',
  sectionTargets: 'Targets',
  sectionProblems: 'Problems',
  noTargets: 'No targets yet.',
  colId: 'Id',
  colName: 'Name',
  colUnit: 'Unit',
  colMethod: 'Projection',
  colPeriod: 'Period',
  colTarget: 'Target',
  colProjected: 'Projected',
  colGap: 'Gap',
  colAttainment: 'Attainment',
  colGrowthNeeded: 'Growth needed',
  colFirstReached: 'First reached',
  colStatus: 'Status',
  errorCell: '#ERROR',
  status: { met: 'Met', onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' },
  direction: { atLeast: '≥', atMost: '≤', hold: 'hold' },
  method: {
    constant: 'Hold constant',
    linear: 'Linear',
    growth: 'Growth',
    reachTarget: 'Reach target',
    logistic: 'S-curve',
    interpolate: 'Interpolate',
    manual: 'Manual',
    formula: 'Formula',
  },
  ceiling: 'ceiling',
};

const MESSAGES: Record<Lang, CliMessages> = { vi, en };

export function messages(lang: Lang): CliMessages {
  return MESSAGES[lang];
}
