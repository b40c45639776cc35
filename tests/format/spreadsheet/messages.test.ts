import { describe, expect, it } from 'vitest';
import { describeCsvIssue } from '../../../src/format/spreadsheet/messages.ts';
import type { CsvIssue } from '../../../src/format/spreadsheet/issues.ts';

/** One issue of every code: a new code without a sentence fails here (and the type check). */
const EVERY: CsvIssue[] = [
  { level: 'error', code: 'tooLarge', limit: 5 * 1024 * 1024, actual: 6.5 * 1024 * 1024 },
  { level: 'error', code: 'tooManyRows', limit: 5050 },
  { level: 'error', code: 'tooManyColumns', limit: 1230, actual: 2000, row: 2 },
  { level: 'error', code: 'badQuotes', row: 3 },
  { level: 'error', code: 'noHeader' },
  { level: 'error', code: 'noNameColumn', row: 1 },
  { level: 'error', code: 'noValueColumns', row: 1 },
  { level: 'error', code: 'duplicateColumn', firstColumn: 3, row: 1, column: 5, header: '2023' },
  { level: 'error', code: 'mixedPeriodicity', expected: 'year', row: 1, column: 4, header: '2024-Q1' },
  { level: 'error', code: 'notANumber', text: 'abc', row: 4, column: 4, header: '2023' },
  { level: 'error', code: 'notAPeriod', text: 'sau', row: 4, column: 6, header: 'Năm mục tiêu' },
  { level: 'error', code: 'periodicityMismatch', text: '2025-Q4', expected: 'year', row: 4, column: 6, header: 'Năm mục tiêu' },
  { level: 'error', code: 'missingName', row: 4, column: 1, header: 'Chỉ tiêu' },
  { level: 'error', code: 'tooLong', limit: 500, actual: 812, row: 4, column: 1, header: 'Chỉ tiêu' },
  { level: 'error', code: 'targetWithoutPeriod', row: 4, column: 6, header: 'Năm mục tiêu' },
  { level: 'error', code: 'tooManyIndicators', limit: 5000, actual: 5012 },
  { level: 'warning', code: 'ambiguousNumber', text: '4.900', value: 4900, format: 'vi', row: 2, column: 3, header: '2022' },
  { level: 'warning', code: 'otherNumberFormat', text: '4900.5', value: 4900.5, format: 'en', fileFormat: 'vi', row: 2, column: 3, header: '2022' },
  { level: 'warning', code: 'ignoredColumn', row: 1, column: 7, header: 'Phụ trách' },
  { level: 'warning', code: 'skippedRow', text: 'I. KINH TẾ', row: 5 },
  { level: 'warning', code: 'duplicateName', firstRow: 2, row: 7, column: 1, header: 'Chỉ tiêu' },
  { level: 'warning', code: 'periodWithoutTarget', row: 3, column: 6, header: 'Năm mục tiêu' },
  { level: 'warning', code: 'outsideCalendar', periods: ['2019', '2020'], start: '2021', end: '2030' },
  { level: 'warning', code: 'targetOutsideCalendar', period: '2035', start: '2021', end: '2030', row: 4 },
  { level: 'warning', code: 'moreIssues', count: 1234 },
];

describe('describeCsvIssue', () => {
  it.each(EVERY.map((issue) => [issue.code, issue] as const))('says where and what for %s, in both languages', (_code, issue) => {
    const vi = describeCsvIssue(issue, 'vi');
    const en = describeCsvIssue(issue, 'en');
    expect(vi).not.toBe(en);
    if (issue.code === 'moreIssues') return;
    expect(vi).toMatch(issue.row !== undefined ? /^dòng \d+/ : /^tệp: /);
    expect(en).toMatch(issue.row !== undefined ? /^row \d+/ : /^file: /);
    if (issue.column !== undefined) {
      expect(vi).toContain(`cột ${issue.header}`);
      expect(en).toContain(`column ${issue.header}`);
    }
  });

  it('reads as the issue asks', () => {
    const say = (code: CsvIssue['code'], lang: 'vi' | 'en') => describeCsvIssue(EVERY.find((i) => i.code === code) as CsvIssue, lang);
    expect(say('notANumber', 'vi')).toBe('dòng 4, cột 2023: “abc” không phải là số');
    expect(say('tooLarge', 'vi')).toBe('tệp: quá lớn (6,5 MB); tối đa 5 MB');
    expect(say('tooLarge', 'en')).toBe('file: too large (6.5 MB); at most 5 MB');
    expect(say('tooManyIndicators', 'vi')).toBe('tệp: 5.012 chỉ tiêu; một kế hoạch có tối đa 5.000');
    expect(say('moreIssues', 'vi')).toBe('… và 1.234 lưu ý khác');
    expect(say('moreIssues', 'en')).toBe('… and 1,234 more warnings');
    expect(say('outsideCalendar', 'en')).toBe("file: periods 2019, 2020 are outside the plan's calendar (2021–2030); their values are not added");
  });
});
