/**
 * The grid as an Excel workbook, one sheet per scenario. The writer (write-excel-file, with fflate)
 * is loaded by a dynamic import inside `planToXlsx`, so it is a chunk of its own that the browser
 * fetches only when a planner asks for a workbook.
 *
 * Numbers are number cells with a number format (the indicator's decimals with thousands
 * separators, percentages as `0.00%`), which Excel shows in the reader's own locale; projected
 * values are italic, as in the grid. Text cells follow the CSV rule for formula characters
 * (formula-guard.ts): a text cell is never a formula in .xlsx, but a planner who copies it into a
 * CSV or retypes it should not get one either, and one rule is easier to trust than two.
 */
import type { Plan } from '../schema.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { guardText } from './formula-guard.ts';
import { planTable, type TableCell } from './table.ts';

export interface ScenarioResult {
  scenarioName: string;
  result: PlanResult;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_NAME_LIMIT = 31;
const FORBIDDEN_IN_SHEET_NAME = /[[\]/\\:*?]/g;
// C0 and C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF: not valid in the XML.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cuts to `limit` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end);
}

/**
 * Sheet names Excel accepts, one per scenario name: none of `[]/\:*?`, no control characters, no
 * apostrophe at either end, 1–31 characters, not "History" (reserved by Excel), and unique
 * ignoring case — "Cơ sở", "Cơ sở (2)", …
 */
export function sheetNames(names: readonly string[], fallback = 'Sheet'): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let base = name
      .normalize('NFC')
      .replace(INVALID_XML, '')
      .replace(FORBIDDEN_IN_SHEET_NAME, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
    if (!base || base.toLowerCase() === 'history') base = base ? `${base} 1` : fallback;
    base = cut(base, SHEET_NAME_LIMIT).trim();
    let candidate = base;
    for (let n = 2; used.has(candidate.toLocaleLowerCase('en')); n++) {
      const suffix = ` (${n})`;
      candidate = `${cut(base, SHEET_NAME_LIMIT - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(candidate.toLocaleLowerCase('en'));
    return candidate;
  });
}

/** The write-excel-file cell for one table cell (its `SheetData` cell shape). */
interface XlsxCell {
  value: string | number;
  type: StringConstructor | NumberConstructor;
  format?: string;
  fontStyle?: 'italic';
  fontWeight?: 'bold';
  textColor?: string;
}

function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(Math.min(decimals, 6))}` : '#,##0';
}

function xlsxCell(cell: TableCell): XlsxCell | null {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      return { value: guardText(cell.text), type: String };
    case 'period':
      // A year is a number (Excel would flag "2024" stored as text); a quarter or month is text.
      return /^\d{4}$/.test(cell.key) ? { value: Number(cell.key), type: Number, format: '0' } : { value: cell.key, type: String };
    case 'value':
      return cell.origin === 'projected'
        ? { value: cell.value, type: Number, format: numberFormat(cell.decimals), fontStyle: 'italic', textColor: '#2F5D86' }
        : { value: cell.value, type: Number, format: numberFormat(cell.decimals) };
    case 'percent':
      return { value: cell.fraction, type: Number, format: '0.00%' };
  }
}

/**
 * A workbook of the plan with one sheet per scenario result, as the bytes of an .xlsx file
 * (wrap them in a Blob of type `XLSX_MIME` to download). Rejects only when the writer's chunk
 * cannot be loaded (offline before it was ever fetched) or the writer fails.
 */
export async function planToXlsx(
  plan: Plan,
  results: readonly [ScenarioResult, ...ScenarioResult[]],
  options: { lang: Lang },
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const names = sheetNames(results.map((r) => r.scenarioName), options.lang === 'vi' ? 'Kịch bản' : 'Scenario');
  const sheets = results.map(({ result }, index) => {
    const table = planTable(plan, result, options.lang);
    const header = table.header.map((text): XlsxCell => ({ value: guardText(text), type: String, fontWeight: 'bold' }));
    return {
      sheet: names[index] as string,
      data: [header, ...table.rows.map((row) => row.map(xlsxCell))],
      columns: table.header.map((_, column) => ({ width: column === table.nameColumn ? 42 : column === table.nameColumn + 1 ? 16 : 12 })),
      stickyRowsCount: 1,
      stickyColumnsCount: table.nameColumn + 1,
    };
  });
  const blob = await writeXlsxFile(sheets, { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
