import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse/papaparse.min.js';
import { guardText, unguardText } from '../../../src/format/spreadsheet/formula-guard.ts';
import { planToCsv } from '../../../src/format/spreadsheet/csv-export.ts';
import { arbText } from '../arbitraries.ts';
import { compute, makeIndicator, yearlyPlan } from './helpers.ts';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

describe('formula guard', () => {
  it.each(DANGEROUS)('prefixes text starting with %j with an apostrophe', (start) => {
    expect(guardText(`${start}HYPERLINK("http://x","y")`)).toBe(`'${start}HYPERLINK("http://x","y")`);
  });

  it('leaves other text alone, including an apostrophe before a harmless character', () => {
    for (const text of ['Doanh thu', '', "'abc", '4.900', ' =1', '（=1', 'a=1']) expect(guardText(text)).toBe(text);
  });

  it('reads back every text exactly, even one that already starts with apostrophes', () => {
    fc.assert(
      fc.property(fc.oneof(arbText(20), fc.tuple(fc.stringMatching(/^'{0,3}$/), fc.constantFrom(...DANGEROUS), arbText(10)).map((p) => p.join(''))), (text) => {
        expect(unguardText(guardText(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('CSV export and formula injection (QUALITY 24)', () => {
  const plan = yearlyPlan([
    ...DANGEROUS.map((start, k) =>
      makeIndicator({
        id: `danger_${k}`,
        name: { vi: `${start}cmd|' /C calc'!A0` },
        unit: { vi: `${start}unit` },
        actuals: { '2023': -5 - k, '2024': -0.25 },
      }),
    ),
  ]);
  const result = compute(plan);

  it.each(['vi', 'en'] as const)('writes dangerous text prefixed and negative numbers bare (%s)', (format) => {
    const csv = planToCsv(plan, result, { lang: format, numberFormat: format });
    const rows = Papa.parse(csv.slice(1), { delimiter: format === 'vi' ? ';' : ',' }).data.filter((r) => r.length > 1);
    const header = rows[0] as string[];
    const name = header.indexOf(format === 'vi' ? 'Chỉ tiêu' : 'Indicator');
    const y2023 = header.indexOf('2023');
    const y2024 = header.indexOf('2024');
    DANGEROUS.forEach((start, k) => {
      const row = rows[k + 1] as string[];
      expect(row[name]).toBe(`'${start}cmd|' /C calc'!A0`);
      expect(row[name + 1]).toBe(`'${start}unit`);
      expect(row[y2023]).toBe(String(-5 - k));
      expect(row[y2024]).toBe(format === 'vi' ? '-0,25' : '-0.25');
    });
  });

  it('writes no cell that starts with a formula character unless it is a number', () => {
    for (const format of ['vi', 'en'] as const) {
      const csv = planToCsv(plan, result, { lang: format, numberFormat: format, scenarioName: '=evil()' });
      const cells = Papa.parse(csv.slice(1), { delimiter: format === 'vi' ? ';' : ',' }).data.flat();
      const number = format === 'vi' ? /^-?\d+(,\d+)?(e[+-]\d+)?$/ : /^-?\d+(\.\d+)?(e[+-]\d+)?$/;
      for (const cell of cells) if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(number);
    }
  });
});
