/**
 * CSV as RFC 4180 describes it: CRLF line ends, fields quoted when they hold a comma, a quote or
 * a line break, quotes doubled. Cells are typed, because a spreadsheet treats text starting with
 * `= + - @`, a tab or a carriage return as a formula: such TEXT is written with an apostrophe in
 * front, while real numbers (negative ones too) stay numbers.
 */

export type CsvCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'blank' };

export const text = (value: string): CsvCell => ({ kind: 'text', text: value });
/** A number, or a blank cell when it is not finite (the engine's NaN means blank). */
export const number = (value: number): CsvCell => (Number.isFinite(value) ? { kind: 'number', value } : { kind: 'blank' });
export const blank: CsvCell = { kind: 'blank' };

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would read as a formula, made inert. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The machine form of a number: `4900`, `81.5`, `-0.02`; never `-0`. */
export function machineNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

export function csvField(cell: CsvCell): string {
  switch (cell.kind) {
    case 'text':
      return quote(neutralise(cell.text));
    case 'number':
      return machineNumber(cell.value);
    case 'blank':
      return '';
  }
}

/** A header and its rows as one CSV document, every line ending in CRLF. */
export function renderCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map((name) => csvField(text(name))), ...rows.map((row) => row.map(csvField))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
