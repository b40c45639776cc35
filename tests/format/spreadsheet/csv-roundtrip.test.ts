import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planToCsv } from '../../../src/format/spreadsheet/csv-export.ts';
import { parseIndicatorsCsv } from '../../../src/format/spreadsheet/csv-import.ts';
import type { Indicator } from '../../../src/format/schema.ts';
import { arbText } from '../arbitraries.ts';
import { arbCsvPlan, compute, valueOf } from './helpers.ts';

const zeroless = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === 0 ? 0 : v]));
const localized = (text: { vi: string; en?: string }, lang: 'vi' | 'en') => (lang === 'en' && text.en ? text.en : text.vi);

/** What a CSV carries of an indicator, comparable whatever order rows come in. */
function essence(indicator: Indicator, lang: 'vi' | 'en'): string {
  return JSON.stringify([localized(indicator.name, lang), localized(indicator.unit, lang), Object.entries(zeroless(indicator.actuals)).sort()]);
}

describe('CSV export → import', () => {
  it('gives back every name, unit and actual value, in both number formats and both languages', () => {
    fc.assert(
      fc.property(
        arbCsvPlan,
        fc.constantFrom('vi' as const, 'en' as const),
        fc.constantFrom('vi' as const, 'en' as const),
        fc.option(arbText(30), { nil: undefined }),
        (plan, lang, numberFormat, scenarioName) => {
          const csv = planToCsv(plan, compute(plan), { lang, numberFormat, ...(scenarioName !== undefined ? { scenarioName } : {}) });
          const imported = valueOf(parseIndicatorsCsv(csv, { lang }));
          expect(imported.detected.numberFormat).toBe(numberFormat);
          expect(imported.detected.delimiter).toBe(numberFormat === 'vi' ? ';' : ',');
          expect(imported.indicators.map((i) => essence(i, lang)).sort()).toEqual(plan.indicators.map((i) => essence(i, lang)).sort());
          expect(imported.periodKeys).toEqual(Array.from({ length: Number(plan.calendar.end) - Number(plan.calendar.start) + 1 }, (_, k) => String(Number(plan.calendar.start) + k)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back the target of an indicator that has one', () => {
    fc.assert(
      fc.property(arbCsvPlan, fc.constantFrom('vi' as const, 'en' as const), (plan, format) => {
        const imported = valueOf(parseIndicatorsCsv(planToCsv(plan, compute(plan), { lang: 'vi', numberFormat: format })));
        const targetsOf = (list: Indicator[]) =>
          list.map((i) => JSON.stringify([i.name.vi, i.targets.map((t) => [t.period, t.value === 0 ? 0 : t.value])])).sort();
        expect(targetsOf(imported.indicators)).toEqual(targetsOf(plan.indicators));
        for (const indicator of imported.indicators) {
          expect(indicator.projection.method).toBe(indicator.targets.length > 0 ? 'reachTarget' : 'constant');
        }
      }),
      { numRuns: 150 },
    );
  });
});
