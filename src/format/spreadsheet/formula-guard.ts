/**
 * Spreadsheet formula injection (QUALITY.md item 24): a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return can be run as a formula by Excel or LibreOffice when the file is
 * opened (`=HYPERLINK(…)`, DDE). Such text is written with an apostrophe in front, so it is shown
 * and kept as text. Numbers are never text cells, so a real `-5` stays a number.
 *
 * The rule is invertible: text that already starts with apostrophes followed by a dangerous
 * character gets one more, and reading removes exactly one. An indicator called `'=x` survives an
 * export and an import unchanged.
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/** The text as written into a spreadsheet cell. */
export function guardText(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** The inverse of `guardText`, for text read back from a cell. */
export function unguardText(cell: string): string {
  return cell.startsWith("'") && GUARDED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
