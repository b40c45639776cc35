/**
 * CSV issues as sentences, in Vietnamese and English. Each starts with where the problem is, as a
 * planner finds it in a spreadsheet: "dòng 4, cột 2023: “abc” không phải là số".
 */
import type { Periodicity } from '../schema.ts';
import { parseNumber, type Lang } from '../../i18n/numbers.ts';
import { csvNumber } from './csv-export.ts';
import type { CsvIssue } from './issues.ts';

/** 1234567 → `1.234.567` (vi) or `1,234,567` (en). */
function count(n: number, lang: Lang): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return (n < 0 ? '-' : '') + groups.join(lang === 'vi' ? '.' : ',');
}

/**
 * A value read from a cell, written without thousands separators so that it cannot itself be read
 * two ways: 4900 and 4,9 (vi), 4900 and 4.9 (en).
 */
const plain = (value: number, lang: Lang): string => csvNumber(value, lang);

function quote(text: string, lang: Lang): string {
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return lang === 'vi' ? `“${short}”` : `"${short}"`;
}

function where(issue: CsvIssue, lang: Lang): string {
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (issue.row !== undefined) parts.push(vi ? `dòng ${issue.row}` : `row ${issue.row}`);
  if (issue.column !== undefined) {
    const header = issue.header?.trim();
    const label = header ? (header.length > 40 ? `${header.slice(0, 39)}…` : header) : vi ? `thứ ${issue.column}` : `#${issue.column}`;
    parts.push(vi ? `cột ${label}` : `column ${label}`);
  }
  if (parts.length === 0) parts.push(vi ? 'tệp' : 'file');
  return parts.join(', ');
}

const PERIODICITY: Record<Lang, Record<Periodicity, string>> = {
  vi: { year: 'năm', quarter: 'quý', month: 'tháng' },
  en: { year: 'years', quarter: 'quarters', month: 'months' },
};

const CONVENTION: Record<Lang, Record<Lang, string>> = {
  vi: { vi: 'kiểu Việt Nam (1.234,5)', en: 'kiểu tiếng Anh (1,234.5)' },
  en: { vi: 'the Vietnamese way (1.234,5)', en: 'the English way (1,234.5)' },
};

function megabytes(characters: number, lang: Lang): string {
  const tenths = Math.round(characters / (1024 * 1024) * 10);
  const text = tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)}${lang === 'vi' ? ',' : '.'}${tenths % 10}`;
  return `${text} MB`;
}

function what(issue: CsvIssue, lang: Lang): string {
  const vi = lang === 'vi';
  switch (issue.code) {
    case 'tooLarge':
      return vi
        ? `quá lớn (${megabytes(issue.actual, lang)}); tối đa ${megabytes(issue.limit, lang)}`
        : `too large (${megabytes(issue.actual, lang)}); at most ${megabytes(issue.limit, lang)}`;
    case 'tooManyRows':
      return vi ? `có hơn ${count(issue.limit, lang)} dòng` : `has more than ${count(issue.limit, lang)} rows`;
    case 'tooManyColumns':
      return vi
        ? `có ${count(issue.actual, lang)} cột; tối đa ${count(issue.limit, lang)}`
        : `has ${count(issue.actual, lang)} columns; at most ${count(issue.limit, lang)}`;
    case 'badQuotes':
      return vi
        ? 'dấu ngoặc kép (") không khớp: một ô mở bằng " nhưng không được đóng đúng chỗ'
        : 'unmatched double quote ("): a cell opened with " is not closed where it should be';
    case 'noHeader':
      return vi
        ? 'không tìm thấy dòng tiêu đề trong 20 dòng đầu: cần một cột tên (“Chỉ tiêu” hoặc “Tên”) và các cột năm như 2023, 2024'
        : 'no header row in the first 20 rows: a name column ("Name" or "Indicator") and year columns such as 2023, 2024 are needed';
    case 'noNameColumn':
      return vi ? 'không có cột tên chỉ tiêu: đặt tiêu đề “Chỉ tiêu” hoặc “Tên” cho cột đó' : 'no name column: head it "Name" or "Indicator"';
    case 'noValueColumns':
      return vi
        ? 'không có cột số liệu: cần các cột năm như 2023, 2024 hoặc một cột “Mục tiêu”'
        : 'no value columns: year columns such as 2023, 2024 or a "Target" column are needed';
    case 'duplicateColumn':
      return vi ? `trùng với cột thứ ${issue.firstColumn}` : `repeats column #${issue.firstColumn}`;
    case 'mixedPeriodicity':
      return vi
        ? `các cột kỳ phải cùng một loại; các cột trước là ${PERIODICITY.vi[issue.expected]}`
        : `period columns must all be of one kind; the earlier ones are ${PERIODICITY.en[issue.expected]}`;
    case 'notANumber':
      return vi ? `${quote(issue.text, lang)} không phải là số` : `${quote(issue.text, lang)} is not a number`;
    case 'notAPeriod':
      return vi
        ? `${quote(issue.text, lang)} không phải là một kỳ (ví dụ 2025, 2025-Q4 hoặc 2025-12)`
        : `${quote(issue.text, lang)} is not a period (such as 2025, 2025-Q4 or 2025-12)`;
    case 'periodicityMismatch':
      return vi
        ? `${quote(issue.text, lang)} không cùng loại với các cột số liệu (theo ${PERIODICITY.vi[issue.expected]})`
        : `${quote(issue.text, lang)} is not of the same kind as the value columns (${PERIODICITY.en[issue.expected]})`;
    case 'missingName':
      return vi ? 'dòng có số liệu nhưng thiếu tên chỉ tiêu' : 'the row has values but no name';
    case 'tooLong':
      return vi
        ? `dài ${count(issue.actual, lang)} ký tự; tối đa ${count(issue.limit, lang)}`
        : `${count(issue.actual, lang)} characters long; at most ${count(issue.limit, lang)}`;
    case 'targetWithoutPeriod':
      return vi ? 'có giá trị chỉ tiêu nhưng thiếu năm (kỳ) chỉ tiêu' : 'a target value without a target year (period)';
    case 'tooManyIndicators':
      return vi
        ? `${count(issue.actual, lang)} chỉ tiêu; một kế hoạch có tối đa ${count(issue.limit, lang)}`
        : `${count(issue.actual, lang)} indicators; a plan holds at most ${count(issue.limit, lang)}`;
    case 'ambiguousNumber': {
      const other = issue.format === 'vi' ? 'en' : 'vi';
      const alternative = parseNumber(issue.text, other);
      const reading = alternative.ok ? plain(alternative.value, lang) : '?';
      return vi
        ? `${quote(issue.text, lang)} có thể là ${plain(issue.value, lang)} hoặc ${reading}; đã đọc là ${plain(issue.value, lang)}, theo ${CONVENTION.vi[issue.format]}`
        : `${quote(issue.text, lang)} could be ${plain(issue.value, lang)} or ${reading}; read as ${plain(issue.value, lang)}, ${CONVENTION.en[issue.format]}`;
    }
    case 'otherNumberFormat':
      return vi
        ? `${quote(issue.text, lang)} viết theo ${CONVENTION.vi[issue.format]}, khác phần lớn tệp (${CONVENTION.vi[issue.fileFormat]}); đã đọc là ${plain(issue.value, lang)}`
        : `${quote(issue.text, lang)} is written ${CONVENTION.en[issue.format]}, unlike most of the file (${CONVENTION.en[issue.fileFormat]}); read as ${plain(issue.value, lang)}`;
    case 'ignoredColumn':
      return vi ? 'không nhận ra cột này; bỏ qua' : 'column not recognised; ignored';
    case 'skippedRow':
      return vi
        ? `${quote(issue.text, lang)} không có đơn vị hay số liệu: coi là dòng tiêu đề nhóm, bỏ qua`
        : `${quote(issue.text, lang)} has no unit and no values: taken for a heading and skipped`;
    case 'duplicateName':
      return vi ? `trùng tên với dòng ${issue.firstRow}; vẫn thêm cả hai` : `same name as row ${issue.firstRow}; both are added`;
    case 'periodWithoutTarget':
      return vi ? 'có năm chỉ tiêu nhưng không có giá trị chỉ tiêu; bỏ qua' : 'a target year without a target value; ignored';
    case 'outsideCalendar': {
      const shown = issue.periods.length > 10 ? `${issue.periods.slice(0, 10).join(', ')}, …` : issue.periods.join(', ');
      const one = issue.periods.length === 1;
      return vi
        ? `${one ? 'kỳ' : 'các kỳ'} ${shown} nằm ngoài lịch của kế hoạch (${issue.start}–${issue.end}); số liệu của ${one ? 'kỳ này' : 'chúng'} không được thêm`
        : `${one ? 'period' : 'periods'} ${shown} ${one ? 'is' : 'are'} outside the plan's calendar (${issue.start}–${issue.end}); ${one ? 'its' : 'their'} values are not added`;
    }
    case 'targetOutsideCalendar':
      return vi
        ? `chỉ tiêu kỳ ${issue.period} nằm ngoài lịch của kế hoạch (${issue.start}–${issue.end}); không được thêm`
        : `the target for ${issue.period} is outside the plan's calendar (${issue.start}–${issue.end}); not added`;
    case 'moreIssues':
      if (issue.level === 'error') return vi ? `và ${count(issue.count, lang)} lỗi khác` : `and ${count(issue.count, lang)} more errors`;
      return vi ? `và ${count(issue.count, lang)} lưu ý khác` : `and ${count(issue.count, lang)} more warnings`;
  }
}

export function describeCsvIssue(issue: CsvIssue, lang: Lang): string {
  if (issue.code === 'moreIssues') return `… ${what(issue, lang)}`;
  return `${where(issue, lang)}: ${what(issue, lang)}`;
}
