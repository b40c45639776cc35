import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planToXlsx, sheetNames } from '../../../src/format/spreadsheet/xlsx-export.ts';
import { compute, makeIndicator, yearlyPlan } from './helpers.ts';

/** The cells of a sheet as { A1: { type, value, style } }, shared strings resolved. */
function readSheet(files: Record<string, Uint8Array>, index: number): Record<string, { type: 'number' | 'text'; value: string; style: string | undefined }> {
  const xml = strFromU8(files[`xl/worksheets/sheet${index}.xml`] as Uint8Array);
  const shared = [...strFromU8(files['xl/sharedStrings.xml'] as Uint8Array).matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g)].map((m) =>
    (m[1] as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
  const cells: Record<string, { type: 'number' | 'text'; value: string; style: string | undefined }> = {};
  for (const m of xml.matchAll(/<c ([^>]*)>(?:<v>([^<]*)<\/v>)?<\/c>/g)) {
    const attributes = Object.fromEntries([...(m[1] as string).matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    if (m[2] === undefined) continue;
    const text = attributes.t === 's';
    cells[attributes.r as string] = { type: text ? 'text' : 'number', value: text ? (shared[Number(m[2])] as string) : m[2], style: attributes.s };
  }
  return cells;
}

function numberFormatOf(files: Record<string, Uint8Array>, style: string | undefined): string | undefined {
  const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf ([^>]*)>/g)].map((m) => m[1] as string);
  const id = /numFmtId="(\d+)"/.exec(xfs[Number(style)] ?? '')?.[1];
  return id === undefined ? undefined : /formatCode="([^"]*)"/.exec(styles.split(`numFmtId="${id}"`)[1] ?? '')?.[1];
}

const plan = yearlyPlan([
  makeIndicator({ id: 'revenue', name: { vi: 'Doanh thu', en: 'Revenue' }, unit: { vi: 'tỷ đồng' }, actuals: { '2022': 4784, '2023': 4900 },
    projection: { method: 'reachTarget' }, targets: [{ period: '2025', value: 5300, direction: 'atLeast' }] }),
  makeIndicator({ id: 'balance', name: { vi: '=HYPERLINK("http://evil","x")' }, unit: { vi: '-tỷ đồng' }, decimals: 2, actuals: { '2023': -12.5 } }),
  makeIndicator({ id: 'tabbed', name: { vi: '\t@SUM(1)' }, unit: { vi: '+%' }, actuals: { '2023': 1 } }),
]);
const base = compute(plan);
const high = compute({ ...plan, indicators: plan.indicators.map((i) => (i.id === 'revenue' ? { ...i, actuals: { ...i.actuals, '2023': 5000 } } : i)) });

describe('planToXlsx', () => {
  it('writes one sheet per scenario, named and in order', async () => {
    const files = unzipSync(await planToXlsx(plan, [{ scenarioName: 'Cơ sở', result: base }, { scenarioName: 'Tăng trưởng cao', result: high }], { lang: 'vi' }));
    const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual(['Cơ sở', 'Tăng trưởng cao']);
    expect(readSheet(files, 1).F2?.value).toBe('4900');
    expect(readSheet(files, 2).F2?.value).toBe('5000');
  });

  it('writes values as number cells with a number format, negatives included, and text as text', async () => {
    const files = unzipSync(await planToXlsx(plan, [{ scenarioName: 'Cơ sở', result: base }], { lang: 'vi' }));
    const cells = readSheet(files, 1);
    expect(cells.A1).toMatchObject({ type: 'text', value: 'Chỉ tiêu' });
    expect(cells.D1).toMatchObject({ type: 'text', value: '2021' });
    expect(cells.A2).toMatchObject({ type: 'text', value: 'Doanh thu' });
    expect(cells.E2).toMatchObject({ type: 'number', value: '4784' });
    expect(numberFormatOf(files, cells.E2?.style)).toBe('#,##0');
    expect(cells.F3).toMatchObject({ type: 'number', value: '-12.5' });
    expect(numberFormatOf(files, cells.F3?.style)).toBe('#,##0.00');
    // The projection, the target and its assessment.
    expect(cells.G2).toMatchObject({ type: 'number' });
    expect(Number(cells.G2?.value)).toBeCloseTo(4900 * Math.sqrt(5300 / 4900), 6);
    expect(cells.C2).toMatchObject({ type: 'number', value: '2023' });
    expect(cells.N2).toMatchObject({ type: 'number', value: '2025' });
    expect(cells.O2).toMatchObject({ type: 'number', value: '5300' });
    expect(numberFormatOf(files, cells.P2?.style)).toBe('0.00%');
    expect(Number(cells.P2?.value)).toBeCloseTo(Math.sqrt(5300 / 4900) - 1, 12);
    expect(cells.R2).toMatchObject({ type: 'text', value: 'Đúng hướng' });
  });

  it('writes text starting with a formula character with an apostrophe, as in CSV', async () => {
    const files = unzipSync(await planToXlsx(plan, [{ scenarioName: 'Cơ sở', result: base }], { lang: 'en' }));
    const cells = readSheet(files, 1);
    expect(cells.A3).toMatchObject({ type: 'text', value: `'=HYPERLINK("http://evil","x")` });
    expect(cells.B3).toMatchObject({ type: 'text', value: "'-tỷ đồng" });
    expect(cells.A4).toMatchObject({ type: 'text', value: "'\t@SUM(1)" });
    expect(cells.B4).toMatchObject({ type: 'text', value: "'+%" });
    expect(cells.A1?.value).toBe('Indicator');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).not.toMatch(/<f>/);
  });

  it('gives Excel-safe, unique sheet names however scenarios are called', () => {
    expect(sheetNames(['Cơ sở', 'cơ sở', 'a/b:c*d?e[f]g\\h', "'quoted'", '', 'History', 'x'.repeat(40), 'x'.repeat(40), '\u0001tab\u0002'])).toEqual([
      'Cơ sở', 'cơ sở (2)', 'a b c d e f g h', 'quoted', 'Sheet', 'History 1', 'x'.repeat(31), `${'x'.repeat(27)} (2)`, 'tab',
    ]);
    const long = sheetNames([`${'a'.repeat(30)}😀`])[0] as string;
    expect(long).toBe('a'.repeat(30));
  });

  it('is loaded only when asked: no module imports the workbook writer statically', () => {
    const folder = fileURLToPath(new URL('../../../src/format/spreadsheet/', import.meta.url));
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(`${folder}${file}`, 'utf8');
      expect(source, file).not.toMatch(/^\s*import\s[^;(]*from\s+'write-excel-file/m);
    }
    expect(readFileSync(`${folder}xlsx-export.ts`, 'utf8')).toMatch(/await import\('write-excel-file\/universal'\)/);
  });
});
