/**
 * The grid as CSV for Excel and LibreOffice.
 *
 * Numbers are written as plain numbers in the chosen convention — no thousands separators, the
 * decimal mark of the language: `4900;2,98` (vi) and `4900,2.98` (en). A spreadsheet program
 * opening the file in a matching locale reads every one of them as a number; thousands separators
 * would add nothing for it and would turn `4.900` into 4.9 the day the file is opened in the other
 * convention. The Vietnamese file is separated by `;` because `,` is its decimal mark (what Excel
 * under vi-VN expects); the English one by `,`.
 *
 * Actuals and targets are written with every digit, so they read back exactly; computed values to
 * 12 significant digits, so that 2.9800000000000004 reads as 2.98. A UTF-8 byte order mark tells
 * Excel the file is UTF-8 (without it, Vietnamese comes out as mojibake), and lines end in CRLF.
 */
import Papa from 'papaparse/papaparse.min.js';
import type { Plan } from '../schema.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { guardText } from './formula-guard.ts';
import type { NumberFormat } from './number-shape.ts';
import { SHEET_LABELS } from './labels.ts';
import { planTable, type TableCell } from './table.ts';

export interface CsvExportOptions {
  /** Language of the headers and statuses. */
  lang: Lang;
  /** Decimal mark and delimiter: `,` and `;` (vi) or `.` and `,` (en). */
  numberFormat: NumberFormat;
  /** When given, a first line names the scenario the values belong to. */
  scenarioName?: string;
}

export const CSV_DELIMITER: Record<NumberFormat, string> = { vi: ';', en: ',' };
const BOM = '\uFEFF';

/** A number as a spreadsheet reads it in the given convention: `-1234,5` (vi), `-1234.5` (en). */
export function csvNumber(value: number, format: NumberFormat, exact = true): string {
  const shown = exact ? value : Number(value.toPrecision(12));
  // String() gives the shortest text that reads back as the same double; -0 is written as 0.
  const text = String(shown === 0 ? 0 : shown);
  return format === 'vi' ? text.replace('.', ',') : text;
}

function cellText(cell: TableCell, format: NumberFormat): string {
  if (cell === null) return '';
  switch (cell.kind) {
    case 'text':
      return guardText(cell.text);
    case 'period':
      return guardText(cell.key);
    case 'value':
      return csvNumber(cell.value, format, cell.origin !== 'projected');
    case 'percent': {
      const percent = Math.round(cell.fraction * 10_000) / 100;
      return Number.isFinite(percent) ? csvNumber(percent, format) : '';
    }
  }
}

export function planToCsv(plan: Plan, result: PlanResult, options: CsvExportOptions): string {
  const table = planTable(plan, result, options.lang);
  const lines: string[][] = [];
  if (options.scenarioName !== undefined) {
    // Padded to the table's width: papaparse, Excel and LibreOffice all guess the delimiter from
    // rows splitting evenly, and the scenario line should not make that harder.
    const line = [SHEET_LABELS[options.lang].scenario, guardText(options.scenarioName)];
    while (line.length < table.header.length) line.push('');
    lines.push(line);
  }
  lines.push(table.header.map(guardText));
  for (const row of table.rows) lines.push(row.map((cell) => cellText(cell, options.numberFormat)));
  const csv = Papa.unparse(lines, {
    delimiter: CSV_DELIMITER[options.numberFormat],
    newline: '\r\n',
    // Quoting only where needed (delimiter, quote, line break, edge spaces); formulas are guarded
    // above, text only, because papaparse's own guard would also turn negative numbers into text.
    quotes: false,
    escapeFormulae: false,
  });
  return `${BOM}${csv}\r\n`;
}
