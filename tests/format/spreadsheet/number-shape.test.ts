import { describe, expect, it } from 'vitest';
import { decideNumberFormat, numberShape } from '../../../src/format/spreadsheet/number-shape.ts';

describe('numberShape', () => {
  it.each([
    ['4900', 'plain'], ['-12', 'plain'], ['1e+21', 'plain'], ['5%', 'plain'],
    ['81,5', 'vi'], ['1.234,5', 'vi'], ['2.980.000', 'vi'], ['0,500', 'vi'], ['-1,5e-7', 'vi'], ['4,9000', 'vi'], ['12345,678', 'vi'],
    ['4900.5', 'en'], ['1,234.5', 'en'], ['2,980,000', 'en'], ['0.500', 'en'], ['.5', 'en'], ['1.5e-7', 'en'],
    ['4.900', 'ambiguous'], ['4,900', 'ambiguous'], ['-123.456', 'ambiguous'], ['1 234,5', 'vi'], ['4\u00a0900', 'plain'],
    ['abc', 'invalid'], ['', 'invalid'], ['1.2.3a', 'invalid'], ['(1.234)', 'invalid'], ['e5', 'invalid'], [',', 'invalid'],
  ] as const)('%j is %s', (text, shape) => {
    expect(numberShape(text)).toBe(shape);
  });
});

describe('decideNumberFormat', () => {
  it('follows the unambiguous cells, the majority when they disagree', () => {
    expect(decideNumberFormat({ vi: 3, en: 0 }, ',', 'en')).toEqual({ format: 'vi', basis: 'values', mixed: false });
    expect(decideNumberFormat({ vi: 1, en: 5 }, ';', 'vi')).toEqual({ format: 'en', basis: 'values', mixed: true });
    expect(decideNumberFormat({ vi: 2, en: 2 }, ';', 'en')).toEqual({ format: 'en', basis: 'values', mixed: true });
  });

  it('falls back on the delimiter, then on the language', () => {
    expect(decideNumberFormat({ vi: 0, en: 0 }, ';', 'en')).toEqual({ format: 'vi', basis: 'delimiter', mixed: false });
    expect(decideNumberFormat({ vi: 0, en: 0 }, ',', 'vi')).toEqual({ format: 'en', basis: 'delimiter', mixed: false });
    expect(decideNumberFormat({ vi: 0, en: 0 }, '\t', 'vi')).toEqual({ format: 'vi', basis: 'language', mixed: false });
  });
});
