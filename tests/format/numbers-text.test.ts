import { describe, expect, it } from 'vitest';
import { describeIssue, parsePlanFile, serializePlanFile } from '../../src/format/index.ts';
import { fixture, issuesOf, valueOf } from './helpers.ts';

const minimal = fixture('plan-v1-minimal.json');
const withActual = (literal: string): string =>
  minimal
    .replace('"end": "2030"', '"end": "2030"')
    .replace('"indicators": []', `"indicators": [{ "id": "x", "name": { "vi": "x" }, "unit": { "vi": "" }, "kind": "stock", "decimals": 0, "actuals": { "2025": ${literal} }, "projection": { "method": "constant" }, "targets": [] }]`);
const actualOf = (text: string): number | undefined => valueOf(parsePlanFile(text)).file.plan.indicators[0]?.actuals['2025'];

describe('numbers', () => {
  it('cannot hold NaN or ±Infinity: they are not JSON', () => {
    for (const literal of ['NaN', 'Infinity', '-Infinity']) {
      expect(issuesOf(parsePlanFile(withActual(literal)))[0]).toMatchObject({ code: 'syntax', path: 'plan.indicators[0].actuals["2025"]' });
    }
  });

  it('refuses 1e309 and -1e309 (beyond a double) with the path', () => {
    for (const literal of ['1e309', '-1e309', '123456789e400']) {
      const issues = issuesOf(parsePlanFile(withActual(literal)));
      expect(issues).toEqual([{ path: 'plan.indicators[0].actuals["2025"]', code: 'notFinite', received: literal.startsWith('-') ? '-Infinity' : 'Infinity' }]);
      expect(describeIssue(issues[0]!, 'vi')).toBe('plan.indicators[0].actuals["2025"]: số quá lớn, vượt phạm vi biểu diễn được (khoảng ±1,8 × 10³⁰⁸)');
    }
  });

  it('reads -0 as 0 and writes it as 0', () => {
    const value = actualOf(withActual('-0'));
    expect(Object.is(value, 0)).toBe(true);
    expect(Object.is(actualOf(withActual('-0.0e5')), 0)).toBe(true);
  });

  it('reads 2^53 + 1 as the nearest double, 2^53, like every JSON reader; re-export writes 9007199254740992', () => {
    const text = withActual('9007199254740993');
    const parsed = valueOf(parsePlanFile(text));
    expect(parsed.file.plan.indicators[0]?.actuals['2025']).toBe(2 ** 53);
    const again = serializePlanFile(parsed.file.plan, parsed.file);
    expect(again).toContain('"2025": 9007199254740992');
    expect(serializePlanFile(valueOf(parsePlanFile(again)).file.plan, parsed.file)).toBe(again);
  });

  it('refuses integers past 2^53 − 1 where a count is meant (revision)', () => {
    expect(issuesOf(parsePlanFile(fixture('hostile/unsafe-integer.json')))).toEqual([
      { path: 'plan.revision', code: 'tooBig', limit: Number.MAX_SAFE_INTEGER, received: String(2 ** 53) },
    ]);
  });

  it('reads numbers below the smallest double as 0 and keeps the smallest ones', () => {
    expect(actualOf(withActual('1e-400'))).toBe(0);
    expect(actualOf(withActual('5e-324'))).toBe(5e-324);
    expect(actualOf(withActual('1.7976931348623157e308'))).toBe(Number.MAX_VALUE);
  });
});

describe('text', () => {
  it('refuses lone surrogates, escaped or raw, in values and keys', () => {
    const cases: [string, string][] = [
      [minimal.replace('"Kế hoạch mẫu"', '"a\\ud800b"'), 'plan.name'],
      [minimal.replace('"Kế hoạch mẫu"', '"\\udc00"'), 'plan.name'],
      [minimal.replace('"Kế hoạch mẫu"', '"end\\ud83d"'), 'plan.name'],
      [minimal.replace('"Kế hoạch mẫu"', '"a\uD800b"'), 'plan.name'],
    ];
    for (const [text, path] of cases) expect(issuesOf(parsePlanFile(text))).toEqual([{ path, code: 'loneSurrogate', received: expect.any(String) }]);
    const key = minimal.replace('{\n', '{\n  "\\ud800": 1,\n');
    expect(issuesOf(parsePlanFile(key))[0]).toMatchObject({ code: 'loneSurrogate' });
  });

  it('accepts surrogate pairs, escaped or raw, and keeps them', () => {
    expect(valueOf(parsePlanFile(minimal.replace('"Kế hoạch mẫu"', '"\\ud83d\\ude00 😀"'))).file.plan.name).toBe('😀 😀');
  });

  it('refuses duplicate keys with their path, line and column, however they are spelled', () => {
    expect(issuesOf(parsePlanFile(fixture('hostile/duplicate-keys.json')))).toEqual([{ path: 'plan.name', code: 'duplicateKey', line: 10, column: 5 }]);
    const escaped = minimal.replace('"version": 1,', '"version": 1,\n  "\\u0076ersion": 1,');
    expect(issuesOf(parsePlanFile(escaped))).toEqual([{ path: 'version', code: 'duplicateKey', line: 4, column: 3 }]);
    const deep = minimal.replace('"periodicity": "year",', '"periodicity": "year",\n      "periodicity": "month",').replace('"indicators": []', '"indicators": [{}, { "a": 1, "b": { "c": 1, "c": 2 } }]');
    expect(issuesOf(parsePlanFile(deep))).toEqual([
      { path: 'plan.calendar.periodicity', code: 'duplicateKey', line: 12, column: 7 },
      { path: 'plan.indicators[1].b.c', code: 'duplicateKey', line: 17, column: 49 },
    ]);
  });

  it('allows equal keys in different objects', () => {
    expect(valueOf(parsePlanFile(fixture('plan-v1-full.json'))).file.plan.indicators).toHaveLength(8);
  });
});
