/**
 * Indicators from a CSV file: a name, a unit, values per period (columns headed `2022`, `2023`, …)
 * and optionally a target and its year. The delimiter (`,` `;` tab) is guessed by papaparse, or
 * read from Excel's `sep=` line; the number convention is decided once per file from the values
 * themselves (number-shape.ts). Title rows above the header are skipped, as are the computed
 * columns of our own export, so a CSV exported by Chitieu reads back in.
 *
 * Every problem names its row and column; all of them are reported at once, and a file with any
 * error adds nothing. Warnings (an ambiguous `4.900`, an ignored column) do not stop the import.
 */
import Papa, { type ParseResult } from 'papaparse/papaparse.min.js';
import { LIMITS, type Indicator, type LocalizedText, type Periodicity } from '../schema.ts';
import { makeIndicator } from '../../engine/model/factories.ts';
import { parsePeriodKey } from '../../engine/periods/calendar.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { unguardText } from './formula-guard.ts';
import { columnRole, type ColumnRole } from './headers.ts';
import { CSV_LIMITS, IssueList, type CsvIssue } from './issues.ts';
import { indicatorIdFor } from './names.ts';
import { decideNumberFormat, isBlankCell, numberShape, readNumber, type FormatBasis, type NumberFormat } from './number-shape.ts';

export interface CsvImport {
  indicators: Indicator[];
  /** The record each indicator came from (1-based, as a spreadsheet numbers rows). */
  rows: number[];
  /** The file's period columns, in calendar order. */
  periodKeys: string[];
  detected: { delimiter: string; numberFormat: NumberFormat; basis: FormatBasis };
  warnings: CsvIssue[];
}

export interface CsvImportOptions {
  /** The planner's language: names are stored in it, and it decides numbers nothing else decides. */
  lang?: Lang;
}

type Role = ColumnRole['role'];
type SingleRole = Exclude<Role, 'period' | 'known' | 'unknown'>;

interface Layout {
  headerRow: number;
  header: string[];
  single: Record<SingleRole, number>;
  periods: { column: number; key: string }[];
  periodicity: Periodicity | null;
}

const isEmptyRow = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

/** A header: a name column with values or a target, or at least two period columns. */
function looksLikeHeader(roles: readonly ColumnRole[]): boolean {
  const periods = roles.filter((r) => r.role === 'period').length;
  const has = (role: Role) => roles.some((r) => r.role === role);
  return (has('name') && (periods > 0 || has('target'))) || periods >= 2;
}

function findHeader(rows: readonly string[][]): number {
  const searched = Math.min(rows.length, CSV_LIMITS.headerSearch);
  for (let i = 0; i < searched; i++) {
    const row = rows[i] as string[];
    // A row past the column limit is refused anyway; reading its headers would only cost time.
    if (row.length <= CSV_LIMITS.columns && looksLikeHeader(row.map(columnRole))) return i;
  }
  return -1;
}

function readLayout(rows: readonly string[][], issues: IssueList, rowNumber: (index: number) => number): Layout | null {
  const headerRow = findHeader(rows);
  if (headerRow < 0) {
    issues.add({ level: 'error', code: 'noHeader' });
    return null;
  }
  const roles = (rows[headerRow] as string[]).map(columnRole);
  const header = (rows[headerRow] as string[]).map((h) => h.trim());
  const at = (column: number) => ({ row: rowNumber(headerRow), column: column + 1, header: header[column] ?? '' });
  const single: Record<SingleRole, number> = { name: -1, unit: -1, target: -1, targetPeriod: -1, actualsThrough: -1, note: -1, source: -1 };
  const periods: { column: number; key: string }[] = [];
  const unknown: number[] = [];
  let periodicity: Periodicity | null = null;

  roles.forEach((role, column) => {
    switch (role.role) {
      case 'period': {
        const first = periods.find((p) => p.key === role.key);
        if (first) {
          issues.add({ level: 'error', code: 'duplicateColumn', firstColumn: first.column + 1, ...at(column) });
          return;
        }
        const kind = parsePeriodKey(role.key)?.periodicity ?? 'year';
        if (periodicity === null) periodicity = kind;
        else if (kind !== periodicity) {
          issues.add({ level: 'error', code: 'mixedPeriodicity', expected: periodicity, ...at(column) });
          return;
        }
        periods.push({ column, key: role.key });
        return;
      }
      case 'known':
        return;
      case 'unknown':
        unknown.push(column);
        return;
      case 'name':
      case 'unit':
      case 'target':
      case 'targetPeriod':
      case 'actualsThrough':
      case 'note':
      case 'source': {
        const first = single[role.role];
        if (first >= 0) issues.add({ level: 'error', code: 'duplicateColumn', firstColumn: first + 1, ...at(column) });
        else single[role.role] = column;
        return;
      }
    }
  });

  if (single.name < 0) {
    // Many tables head the name column with nothing, or with a word of their own: take the first
    // unrecognised column left of the values.
    const firstValue = periods.length > 0 ? Math.min(...periods.map((p) => p.column)) : Infinity;
    const index = unknown.findIndex((c) => c < firstValue);
    if (index < 0) {
      issues.add({ level: 'error', code: 'noNameColumn', row: rowNumber(headerRow) });
      return null;
    }
    single.name = unknown.splice(index, 1)[0] as number;
  }
  if (periods.length === 0 && single.target < 0) {
    issues.add({ level: 'error', code: 'noValueColumns', row: rowNumber(headerRow) });
    return null;
  }
  for (const column of unknown) {
    const used = rows.slice(headerRow + 1).some((row) => (row[column] ?? '').trim() !== '');
    if (used) issues.add({ level: 'warning', code: 'ignoredColumn', ...at(column) });
  }
  periods.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { headerRow, header, single, periods, periodicity };
}

/** Decimal places a value was written with, for the grid's display (0–6). */
function decimalsOf(value: number): number {
  const text = String(value);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return 6;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Records of the file. papaparse guesses the delimiter from how evenly it splits the first ten
 * records, which an unpadded title row or decimal commas can mislead; when its guess finds no
 * header, the delimiter that does is taken instead.
 */
function parseRows(body: string, given: string): ParseResult {
  const parse = (delimiter: string, preview: number) =>
    Papa.parse(body, { delimiter, delimitersToGuess: DELIMITERS, preview, skipEmptyLines: false });
  const guessed = parse(given, CSV_LIMITS.rows + 1);
  if (given || findHeader(guessed.data) >= 0) return guessed;
  const other = DELIMITERS.find((d) => d !== guessed.meta.delimiter && findHeader(parse(d, CSV_LIMITS.headerSearch).data) >= 0);
  return other ? parse(other, CSV_LIMITS.rows + 1) : guessed;
}

export function parseIndicatorsCsv(text: string, options: CsvImportOptions = {}): Result<CsvImport, CsvIssue[]> {
  const language: Lang = options.lang ?? 'vi';
  if (text.length > CSV_LIMITS.characters) {
    return err([{ level: 'error', code: 'tooLarge', limit: CSV_LIMITS.characters, actual: text.length }]);
  }
  // Decomposed Vietnamese (macOS, Windows-1258) becomes the composed form the rest of the app uses.
  let body = (text.startsWith('\uFEFF') ? text.slice(1) : text).normalize('NFC');
  // Excel's own hint, "sep=;" on the first line.
  let skipped = 0;
  let delimiter = '';
  const sep = /^sep=([^\r\n"])\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1] as string;
    body = body.slice(sep[0].length);
    skipped = 1;
  }
  const rowNumber = (index: number) => index + 1 + skipped;

  const parsed = parseRows(body, delimiter);
  const rows = parsed.data;
  const issues = new IssueList();
  if (rows.length > CSV_LIMITS.rows) return err([{ level: 'error', code: 'tooManyRows', limit: CSV_LIMITS.rows }]);
  const widest = rows.reduce((most, row, index) => (row.length > (rows[most]?.length ?? 0) ? index : most), 0);
  const width = rows[widest]?.length ?? 0;
  if (width > CSV_LIMITS.columns) {
    return err([{ level: 'error', code: 'tooManyColumns', limit: CSV_LIMITS.columns, actual: width, row: rowNumber(widest) }]);
  }
  for (const problem of parsed.errors) {
    if (problem.type === 'Quotes') issues.add({ level: 'error', code: 'badQuotes', ...(problem.row !== undefined ? { row: rowNumber(problem.row) } : {}) });
  }

  const layout = readLayout(rows, issues, rowNumber);
  if (!layout) return err(issues.list('error'));
  const { single, periods, header } = layout;
  const dataRows: number[] = [];
  for (let i = layout.headerRow + 1; i < rows.length; i++) if (!isEmptyRow(rows[i] as string[])) dataRows.push(i);

  // The file's number convention, from all its number cells at once.
  const numberColumns = [...periods.map((p) => p.column), ...(single.target >= 0 ? [single.target] : [])];
  const counts = { vi: 0, en: 0 };
  for (const i of dataRows) {
    const row = rows[i] as string[];
    for (const column of numberColumns) {
      const cell = row[column] ?? '';
      if (isBlankCell(cell)) continue;
      const shape = numberShape(cell);
      if (shape === 'vi' || shape === 'en') counts[shape]++;
    }
  }
  const decision = decideNumberFormat(counts, parsed.meta.delimiter, language);
  const warnAmbiguous = decision.basis !== 'values' || decision.mixed;

  const indicators: Indicator[] = [];
  const sourceRows: number[] = [];
  const taken = new Set<string>();
  const firstRowOfName = new Map<string, number>();
  const localized = (value: string): LocalizedText => (language === 'en' ? { vi: value, en: value } : { vi: value });

  for (const i of dataRows) {
    const row = rows[i] as string[];
    const line = rowNumber(i);
    const cell = (column: number): string => (column >= 0 ? (row[column] ?? '').trim() : '');
    const at = (column: number) => ({ row: line, column: column + 1, header: header[column] ?? '' });
    let failed = false;
    const fail = (issue: CsvIssue) => {
      failed = true;
      issues.add(issue);
    };

    const readValue = (column: number): number | null => {
      const text = cell(column);
      if (isBlankCell(text)) return null;
      const shape = numberShape(text);
      const read = shape === 'invalid' ? null : readNumber(text, shape, decision.format);
      if (!read || !read.ok) {
        fail({ level: 'error', code: 'notANumber', text, ...at(column) });
        return null;
      }
      const value = read.value as number;
      if (shape === 'ambiguous' && warnAmbiguous) {
        issues.add({ level: 'warning', code: 'ambiguousNumber', text, value, format: decision.format, ...at(column) });
      } else if ((shape === 'vi' || shape === 'en') && shape !== decision.format) {
        issues.add({ level: 'warning', code: 'otherNumberFormat', text, value, format: shape, fileFormat: decision.format, ...at(column) });
      }
      return value;
    };
    const readPeriod = (column: number): string | null => {
      const text = cell(column);
      if (text === '') return null;
      const parts = parsePeriodKey(text);
      if (!parts) {
        fail({ level: 'error', code: 'notAPeriod', text, ...at(column) });
        return null;
      }
      if (layout.periodicity !== null && parts.periodicity !== layout.periodicity) {
        fail({ level: 'error', code: 'periodicityMismatch', text, expected: layout.periodicity, ...at(column) });
        return null;
      }
      return text;
    };
    const readText = (column: number, limit: number): string => {
      const text = unguardText(cell(column));
      if (text.length > limit) fail({ level: 'error', code: 'tooLong', limit, actual: text.length, ...at(column) });
      return text;
    };

    const name = readText(single.name, LIMITS.textLength);
    const unit = readText(single.unit, LIMITS.textLength);
    const note = readText(single.note, LIMITS.stringLength);
    const source = readText(single.source, LIMITS.stringLength);
    // With an "actuals through" column (our export has one), later values are projections.
    const through = single.actualsThrough >= 0 ? readPeriod(single.actualsThrough) : undefined;
    const actuals: Record<string, number> = {};
    let decimals = 0;
    let values = 0;
    for (const { column, key } of periods) {
      const value = readValue(column);
      if (value === null) continue;
      values++;
      if (through === undefined || (through !== null && key <= through)) {
        actuals[key] = value;
        decimals = Math.max(decimals, decimalsOf(value));
      }
    }
    const targetValue = single.target >= 0 ? readValue(single.target) : null;
    const targetPeriod = single.targetPeriod >= 0 ? readPeriod(single.targetPeriod) : null;
    if (targetValue !== null && cell(single.targetPeriod) === '') {
      fail({ level: 'error', code: 'targetWithoutPeriod', ...at(single.targetPeriod >= 0 ? single.targetPeriod : single.target) });
    } else if (targetPeriod !== null && isBlankCell(cell(single.target))) {
      issues.add({ level: 'warning', code: 'periodWithoutTarget', ...at(single.targetPeriod) });
    }
    if (targetValue !== null) decimals = Math.max(decimals, decimalsOf(targetValue));

    if (name === '') {
      if (unit !== '' || values > 0 || targetValue !== null || note !== '' || source !== '') fail({ level: 'error', code: 'missingName', ...at(single.name) });
      // Otherwise only row numbers or other ignored columns: not an indicator.
      continue;
    }
    if (unit === '' && values === 0 && targetValue === null && targetPeriod === null && note === '' && source === '' && !failed) {
      // "I. KINH TẾ": a heading between indicators, not one of them.
      issues.add({ level: 'warning', code: 'skippedRow', text: name, row: line });
      continue;
    }
    if (failed) continue;

    const seen = firstRowOfName.get(name);
    if (seen !== undefined) issues.add({ level: 'warning', code: 'duplicateName', firstRow: seen, ...at(single.name) });
    else firstRowOfName.set(name, line);
    const id = indicatorIdFor(name, taken);
    taken.add(id);
    const target = targetValue !== null && targetPeriod !== null ? { period: targetPeriod, value: targetValue, direction: 'atLeast' as const } : null;
    indicators.push(makeIndicator({
      id,
      name: localized(name),
      unit: localized(unit),
      kind: 'stock',
      decimals,
      actuals,
      projection: target ? { method: 'reachTarget' } : { method: 'constant' },
      targets: target ? [target] : [],
      ...(note ? { note } : {}),
      ...(source ? { source } : {}),
    }));
    sourceRows.push(line);
  }

  if (indicators.length > LIMITS.indicators) {
    issues.add({ level: 'error', code: 'tooManyIndicators', limit: LIMITS.indicators, actual: indicators.length });
  }
  if (issues.hasErrors) return err(issues.list('error'));
  return ok({
    indicators,
    rows: sourceRows,
    periodKeys: periods.map((p) => p.key),
    detected: { delimiter: parsed.meta.delimiter, numberFormat: decision.format, basis: decision.basis },
    warnings: issues.list('warning'),
  });
}
