import { describe, expect, it } from 'vitest';
import { FILE_ISSUE_CODES, LIMITS, describeIssue, type FileIssue, type FileIssueCode } from '../../src/format/index.ts';

/** A plausible issue of each code, with the fields the import fills in for it. */
const SAMPLES: Record<FileIssueCode, FileIssue> = {
  tooLarge: { path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: 31_457_280 },
  tooDeep: { path: 'plan.indicators[0].note', code: 'tooDeep', limit: 64, line: 3, column: 70 },
  syntax: { path: 'plan', code: 'syntax', expected: 'commaOrObjectEnd', received: '"x"', line: 40, column: 7 },
  unexpectedEnd: { path: 'plan.indicators[2]', code: 'unexpectedEnd', expected: 'value', line: 120, column: 1 },
  duplicateKey: { path: 'plan.name', code: 'duplicateKey', line: 10, column: 5 },
  forbiddenKey: { path: 'plan.__proto__', code: 'forbiddenKey', received: '"__proto__"' },
  loneSurrogate: { path: 'plan.name', code: 'loneSurrogate', received: '"\\ud800"' },
  notFinite: { path: 'plan.revision', code: 'notFinite', received: 'Infinity' },
  unsupportedValue: { path: 'createdAt', code: 'unsupportedValue', received: 'Date' },
  notPlanFile: { path: 'format', code: 'notPlanFile', expected: '"chitieu-plan"', received: '"excel"' },
  badVersion: { path: 'version', code: 'badVersion', received: '"1"' },
  newerVersion: { path: 'version', code: 'newerVersion', received: '2', expected: '1' },
  noMigration: { path: 'version', code: 'noMigration', received: '0', expected: '1' },
  type: { path: 'plan.indicators[3].targets[0].value', code: 'type', expected: 'number', received: '"abc"' },
  missingKey: { path: 'plan.indicators[0].kind', code: 'missingKey' },
  unknownKey: { path: 'plan.indicators[0].colour', code: 'unknownKey' },
  value: { path: 'plan.indicators[0].kind', code: 'value', expected: '"stock", "flow", "rate"', received: '"volume"' },
  notInteger: { path: 'plan.indicators[0].decimals', code: 'notInteger', received: '1.5' },
  tooShort: { path: 'plan.name', code: 'tooShort', limit: 1, actual: 0, received: '""' },
  tooLong: { path: 'plan.name', code: 'tooLong', limit: 500, actual: 812 },
  tooFew: { path: 'plan.indicators', code: 'tooFew', limit: 1, actual: 0 },
  tooMany: { path: 'plan.indicators', code: 'tooMany', limit: 5000, actual: 5001 },
  tooSmall: { path: 'plan.revision', code: 'tooSmall', limit: 0, received: '-1' },
  tooBig: { path: 'plan.indicators[0].decimals', code: 'tooBig', limit: 6, received: '7' },
  format: { path: 'plan.calendar.start', code: 'format', expected: 'periodKey', received: '"2024-13"' },
  reservedName: { path: 'plan.indicators[0].id', code: 'reservedName', received: '"constructor"' },
  invalid: { path: 'plan.x', code: 'invalid', expected: 'something', received: '1' },
  duplicateId: { path: 'plan.indicators[4].id', code: 'duplicateId', received: '"grdp"', related: 'plan.indicators[0]' },
  unknownGroup: { path: 'plan.indicators[1].group', code: 'unknownGroup', received: '"van_hoa"', expected: 'plan.groups' },
  periodicityMismatch: { path: 'plan.indicators[0].actuals["2024-Q1"]', code: 'periodicityMismatch', expected: 'year', received: '"2024-Q1"' },
  endBeforeStart: { path: 'plan.calendar.end', code: 'endBeforeStart', expected: '"2030"', received: '"2020"' },
  tooManyPeriods: { path: 'plan.calendar', code: 'tooManyPeriods', limit: 1200, actual: 1572 },
  periodOutsideCalendar: { path: 'plan.indicators[0].targets[0].period', code: 'periodOutsideCalendar', expected: '2020 – 2030', received: '"2031"' },
  rangeOrder: { path: 'plan.indicators[0].range', code: 'rangeOrder', received: '3 / 1 / 2' },
  rangeParameter: { path: 'plan.indicators[0].range.of', code: 'rangeParameter', received: '"ceiling"', expected: 'growth' },
  unknownIndicator: { path: 'plan.scenarios[0].overrides.nope', code: 'unknownIndicator', received: '"nope"' },
  unknownScenario: { path: 'plan.scenarios[0].parent', code: 'unknownScenario', received: '"nope"' },
  scenarioCycle: { path: 'plan.scenarios[0].parent', code: 'scenarioCycle', received: 'a → b → a' },
  hashMismatch: { path: 'hash', code: 'hashMismatch', expected: '"ab…"', received: '"cd…"' },
  moreIssues: { path: '', code: 'moreIssues', actual: 200 },
  internal: { path: '', code: 'internal' },
};

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('describeIssue', () => {
  it('gives the brief examples exactly', () => {
    const issue: FileIssue = { path: 'indicators[3].targets[0].value', code: 'type', expected: 'number', received: '"abc"' };
    expect(describeIssue(issue, 'vi')).toBe('indicators[3].targets[0].value: cần một số, nhận được "abc"');
    expect(describeIssue(issue, 'en')).toBe('indicators[3].targets[0].value: expected a number, got "abc"');
  });

  it.each(FILE_ISSUE_CODES)('%s: a message in both languages that starts with where the issue is', (code) => {
    const issue = SAMPLES[code];
    const vi = describeIssue(issue, 'vi');
    const en = describeIssue(issue, 'en');
    const where = issue.path === '' ? { vi: 'tệp', en: 'file' } : { vi: issue.path, en: issue.path };
    expect(vi.startsWith(`${where.vi}`)).toBe(true);
    expect(en.startsWith(`${where.en}`)).toBe(true);
    if (issue.line !== undefined) {
      expect(vi).toContain(`(dòng ${issue.line}, cột ${issue.column}): `);
      expect(en).toContain(`(line ${issue.line}, column ${issue.column}): `);
    }
    for (const text of [vi, en]) {
      expect(text).not.toMatch(/undefined|NaN|\[object|\?/);
      expect(text.length).toBeGreaterThan(where.en.length + 8);
    }
    expect(vi).not.toBe(en);
    expect(vi).toMatch(VIETNAMESE_LETTER);
    expect(vi).toBe(vi.normalize('NFC'));
  });

  it.each(FILE_ISSUE_CODES)('%s: still a sentence when the optional fields are missing', (code) => {
    for (const lang of ['vi', 'en'] as const) {
      const text = describeIssue({ path: 'x', code }, lang);
      expect(text.startsWith('x: ')).toBe(true);
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('reads naturally in Vietnamese', () => {
    const vi = (code: FileIssueCode): string => describeIssue(SAMPLES[code], 'vi');
    expect(vi('tooLarge')).toBe('tệp: tệp nặng 30 MB, vượt giới hạn 20 MB');
    expect(vi('syntax')).toBe('plan (dòng 40, cột 7): lỗi cú pháp JSON: cần dấu phẩy "," hoặc dấu đóng ngoặc "}" nhưng gặp "x"');
    expect(vi('missingKey')).toBe('plan.indicators[0].kind: thiếu trường bắt buộc');
    expect(vi('value')).toBe('plan.indicators[0].kind: cần một trong các giá trị "stock", "flow", "rate", nhận được "volume"');
    expect(vi('tooMany')).toBe('plan.indicators: có 5.001 phần tử, vượt giới hạn 5.000');
    expect(vi('duplicateId')).toBe('plan.indicators[4].id: mã "grdp" đã được dùng ở plan.indicators[0]');
    expect(vi('periodOutsideCalendar')).toBe('plan.indicators[0].targets[0].period: kỳ "2031" nằm ngoài lịch của kế hoạch (2020 – 2030)');
    expect(vi('periodicityMismatch')).toBe('plan.indicators[0].actuals["2024-Q1"]: kỳ "2024-Q1" không khớp với lịch của kế hoạch, vốn tính theo năm (ví dụ 2024)');
    expect(vi('newerVersion')).toBe(
      'version: tệp được tạo bằng phiên bản Chitieu mới hơn (định dạng tệp phiên bản 2, bản Chitieu này chỉ đọc được đến phiên bản 1). Hãy cập nhật Chitieu để mở tệp này; chưa có gì bị thay đổi.',
    );
  });
});
