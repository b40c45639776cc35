import { describe, expect, it } from 'vitest';
import { detectNumberFormat, parseTsv, readPastedNumber, scaleOf, toTsv } from '../../src/ui/grid/clipboard.ts';

const read = (text: string, lang: 'vi' | 'en', unit = '') => {
  const r = readPastedNumber(text, lang, unit);
  return r.ok ? r.value : r.error.code;
};

describe('clipboard blocks', () => {
  it('splits a block copied from a spreadsheet into rows and cells, with quoted cells', () => {
    expect(parseTsv('a\tb\r\n1\t2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseTsv('"x\ty"\t"say ""hi"""\n"two\nlines"\t3')).toEqual([['x\ty', 'say "hi"'], ['two\nlines', '3']]);
    expect(parseTsv('4.900\t\t5.300')).toEqual([['4.900', '', '5.300']]);
  });

  it('writes what it reads', () => {
    const rows = [['Doanh thu', '4.900', ''], ['a\tb', 'say "hi"', 'x\ny']];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('detects the Vietnamese or English number format of a block', () => {
    expect(detectNumberFormat(['4.900', '81,5', '2,98'], 'en')).toBe('vi');
    expect(detectNumberFormat(['4,900', '81.5'], 'vi')).toBe('en');
    expect(detectNumberFormat(['1.234.567'], 'en')).toBe('vi');
    expect(detectNumberFormat(['4900', '12'], 'en')).toBe('en');
  });

  it('understands tỷ, triệu, billion and million relative to the unit of the indicator', () => {
    expect(scaleOf('tỷ đồng')).toBe(1e9);
    expect(scaleOf('triệu thuê bao')).toBe(1e6);
    expect(scaleOf('dịch vụ')).toBe(1);
    expect(read('2,98 triệu', 'vi', 'triệu thuê bao')).toBeCloseTo(2.98, 12);
    expect(read('2,98 triệu', 'vi', 'thuê bao')).toBeCloseTo(2_980_000, 6);
    expect(read('5.300 tỷ', 'vi', 'tỷ đồng')).toBe(5300);
    expect(read('5.3 billion', 'en', 'million VND')).toBeCloseTo(5300, 9);
    expect(read('12 m', 'en', '')).toBe('notANumber');
  });
});
