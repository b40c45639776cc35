/**
 * What a number cell says about the file's number convention. `81,5`, `1.234,5` and `2.980.000`
 * can only be Vietnamese; `4900.5`, `1,234.5` and `2,980,000` only English; `4.900` and `4,900`
 * either (four thousand nine hundred, or four point nine); `4900` both. A file is read one way,
 * decided from its unambiguous cells (see `decideNumberFormat`); only the ambiguous cells depend on
 * that decision.
 */
import { parseNumber, type Lang } from '../../i18n/numbers.ts';
import type { Result } from '../../engine/result.ts';

export type NumberFormat = Lang;
export type NumberShape = 'plain' | 'vi' | 'en' | 'ambiguous' | 'invalid';

/** Cells meaning "no value" in Vietnamese statistical tables and in spreadsheets. */
const BLANK = /^(|-|–|—|\.\.|\.\.\.|…)$/;

export function isBlankCell(text: string): boolean {
  return BLANK.test(text.trim());
}

/** The digits and marks of a cell: no spaces (a group separator in some files), sign or `%`. */
function mantissa(text: string): string | null {
  const body = text
    .trim()
    .replace(/[\u00a0\u202f\u2009 ]/g, '')
    .replace(/\u2212/g, '-')
    .replace(/^[+-]/, '')
    .replace(/%$/, '');
  const m = /^([0-9.,]*)(?:[eE][+-]?[0-9]+)?$/.exec(body);
  if (!m || !/[0-9]/.test(m[1] ?? '')) return null;
  return m[1] as string;
}

const count = (text: string, mark: string): number => text.split(mark).length - 1;

export function numberShape(text: string): NumberShape {
  const digits = mantissa(text);
  if (digits === null) return 'invalid';
  const dots = count(digits, '.');
  const commas = count(digits, ',');
  if (dots > 0 && commas > 0) return digits.lastIndexOf(',') > digits.lastIndexOf('.') ? 'vi' : 'en';
  if (dots > 1) return 'vi';
  if (commas > 1) return 'en';
  // One mark followed by exactly three digits after a 1–3 digit whole part: a thousands group or
  // a decimal, depending on the convention. ("0.500" is not a thousands group anywhere.)
  if (dots === 1) return /^[1-9][0-9]{0,2}\.[0-9]{3}$/.test(digits) ? 'ambiguous' : 'en';
  if (commas === 1) return /^[1-9][0-9]{0,2},[0-9]{3}$/.test(digits) ? 'ambiguous' : 'vi';
  return 'plain';
}

export type FormatBasis =
  /** The file's unambiguous cells (all of one convention, or most of them). */
  | 'values'
  /** No cell decided it: `;` separates Vietnamese files (their decimal mark is `,`), `,` English ones. */
  | 'delimiter'
  /** Neither did the delimiter (tab): the planner's language. */
  | 'language';

export interface FormatDecision {
  format: NumberFormat;
  basis: FormatBasis;
  /** Unambiguous cells of both conventions were found. */
  mixed: boolean;
}

export function decideNumberFormat(
  counts: { vi: number; en: number },
  delimiter: string,
  language: NumberFormat,
): FormatDecision {
  if (counts.vi > 0 || counts.en > 0) {
    const format = counts.vi === counts.en ? language : counts.vi > counts.en ? 'vi' : 'en';
    return { format, basis: 'values', mixed: counts.vi > 0 && counts.en > 0 };
  }
  if (delimiter === ';') return { format: 'vi', basis: 'delimiter', mixed: false };
  if (delimiter === ',') return { format: 'en', basis: 'delimiter', mixed: false };
  return { format: language, basis: 'language', mixed: false };
}

/** Reads a cell: an unambiguous one in its own convention, the others in the file's. */
export function readNumber(text: string, shape: NumberShape, fileFormat: NumberFormat): Result<number, unknown> {
  return parseNumber(text, shape === 'vi' || shape === 'en' ? shape : fileFormat);
}
