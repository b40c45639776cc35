import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, parseNumber } from '../../src/i18n/numbers.ts';

const parsed = (text: string, lang: 'vi' | 'en') => {
  const r = parseNumber(text, lang);
  return r.ok ? r.value : r.error.code;
};

describe('numbers the Vietnamese way and the English way', () => {
  it('formats 4900 as 4.900 and 81.5 as 81,5 in Vietnamese', () => {
    expect(formatNumber(4900, 'vi')).toBe('4.900');
    expect(formatNumber(81.5, 'vi', 1)).toBe('81,5');
    expect(formatNumber(4900, 'en')).toBe('4,900');
  });

  it('formats growth as +0,67 % in Vietnamese and +0.67% in English', () => {
    expect(formatPercent(3 / 2.98 - 1, 'vi', 2, true)).toBe('+0,67 %');
    expect(formatPercent(5300 / 4900 - 1, 'vi', 2, true)).toBe('+8,16 %');
    expect(formatPercent(3 / 2.98 - 1, 'en', 2, true)).toBe('+0.67%');
  });

  it('never prints -0', () => {
    expect(formatNumber(-0.0001, 'vi', 2)).toBe('0,00');
  });

  it('reads 5.500 as five thousand five hundred and 2,98 as 2.98 in Vietnamese', () => {
    expect(parsed('5.500', 'vi')).toBe(5500);
    expect(parsed('2,98', 'vi')).toBe(2.98);
    expect(parsed('1.234.567,5', 'vi')).toBe(1234567.5);
    expect(parsed('-4.900', 'vi')).toBe(-4900);
    expect(parsed('−12,5 %', 'vi')).toBe(-12.5);
  });

  it('reads a decimal typed the English way in Vietnamese when no other reading exists', () => {
    expect(parsed('2.98', 'vi')).toBe(2.98);
  });

  it('reads English numbers the English way', () => {
    expect(parsed('5,500', 'en')).toBe(5500);
    expect(parsed('2.98', 'en')).toBe(2.98);
    expect(parsed('1,234,567.5', 'en')).toBe(1234567.5);
  });

  it('refuses text that is not a number', () => {
    expect(parsed('abc', 'vi')).toBe('notANumber');
    expect(parsed('1,2,3', 'vi')).toBe('notANumber');
    expect(parsed('', 'vi')).toBe('empty');
    expect(parsed('1e999', 'en')).toBe('notANumber');
  });

  it('reads back what it formats, in both languages (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('vi' as const, 'en' as const), (units, decimals, lang) => {
      const value = units / 10 ** decimals;
      expect(parsed(formatNumber(value, lang, decimals), lang)).toBeCloseTo(value, decimals);
    }), { numRuns: 2000 });
  });
});
