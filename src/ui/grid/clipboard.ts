/**
 * Clipboard text in and out of the grid. AG Grid Community has no clipboard, so this is ours:
 * tab-separated blocks as Excel, LibreOffice Calc and Google Sheets write them, numbers in
 * Vietnamese or English format (detected from the block), and scale words where unambiguous.
 */
import { parseNumber, type Lang, type NumberParseError } from '../../i18n/numbers.ts';
import type { Result } from '../../engine/result.ts';

/** Splits clipboard text into rows of cells; quoted cells may hold tabs and line breaks. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const source = text.replace(/\r\n?/g, '\n');
  while (i < source.length) {
    const ch = source[i] as string;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') { quoted = true; i++; continue; }
    if (ch === '\t') { row.push(cell); cell = ''; i++; continue; }
    if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; continue; }
    cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Writes rows of cells as tab-separated text, quoting cells that hold tabs, quotes or breaks. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t'))
    .join('\n');
}

// Whole words only: single letters (m, k) are left alone, since "5 m" could be metres.
const SCALE_WORDS: readonly [RegExp, number][] = [
  [/(^|\s)(nghìn tỷ|ngàn tỷ|trillion)(?=\s|$)/iu, 1e12],
  [/(^|\s)(tỷ|tỉ|billion)(?=\s|$)/iu, 1e9],
  [/(^|\s)(triệu|million)(?=\s|$)/iu, 1e6],
  [/(^|\s)(nghìn|ngàn|thousand)(?=\s|$)/iu, 1e3],
];

/** The scale a text names: "tỷ đồng" → 1e9, "triệu thuê bao" → 1e6, "%" or "dịch vụ" → 1. */
export function scaleOf(text: string): number {
  return scaleWord(text)?.scale ?? 1;
}

function scaleWord(text: string): { scale: number; rest: string } | null {
  for (const [pattern, scale] of SCALE_WORDS) {
    const match = pattern.exec(text);
    if (match) return { scale, rest: text.slice(0, match.index) + text.slice(match.index + match[0].length) };
  }
  return null;
}

/**
 * The number format of a pasted block: Vietnamese when some cell can only be Vietnamese
 * (`81,5`, `1.234.567`, `4.900,5`), English when some cell can only be English; the UI's
 * language otherwise (plain integers read the same either way).
 */
export function detectNumberFormat(cells: readonly string[], fallback: Lang): Lang {
  let vi = 0;
  let en = 0;
  for (const raw of cells) {
    const cell = raw.replace(/[^\d.,-]/g, '');
    if (/\d,\d{1,2}$|\d,\d{4,}$|\.\d{3}\.\d{3}|\.\d{3},\d/.test(cell)) vi++;
    if (/\d\.\d{1,2}$|\d\.\d{4,}$|,\d{3},\d{3}|,\d{3}\.\d/.test(cell)) en++;
  }
  if (vi > en) return 'vi';
  if (en > vi) return 'en';
  return fallback;
}

/**
 * Reads a pasted cell as a number in the unit of the indicator it lands in: "2,98 triệu" into
 * "triệu thuê bao" is 2.98, into "thuê bao" it is 2,980,000; "5.300 tỷ" into "tỷ đồng" is 5,300.
 */
export function readPastedNumber(text: string, lang: Lang, unit: string): Result<number, NumberParseError> {
  const word = scaleWord(text);
  const parsed = parseNumber(word ? word.rest : text, lang);
  if (!parsed.ok || !word) return parsed;
  return { ok: true, value: (parsed.value * word.scale) / scaleOf(unit) };
}
