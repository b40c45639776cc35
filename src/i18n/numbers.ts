/**
 * Numbers the way a planner reads and types them. Vietnamese groups thousands with `.` and marks
 * decimals with `,` (4.900; 81,5); English does the opposite. Parsing is strict where a reading
 * would be ambiguous and lenient where only one reading exists (`2.98` typed in Vietnamese can
 * only be 2.98, while `5.500` is five thousand five hundred).
 */
import { err, ok, type Result } from '../engine/result.ts';

export type Lang = 'vi' | 'en';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, f);
  }
  return f;
}

/** `4900` → `4.900` (vi) or `4,900` (en); blank for NaN. */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  if (!Number.isFinite(value)) return '';
  // -0 and values that round to zero must not print as "-0".
  const rounded = Math.abs(value) < 0.5 * Math.pow(10, -decimals) ? 0 : value;
  return formatter(lang, decimals).format(rounded);
}

/** A fraction as a percentage: `0.006711` → `0,67 %` (vi) or `0.67%` (en). */
export function formatPercent(fraction: number, lang: Lang, decimals = 2, signed = false): string {
  if (!Number.isFinite(fraction)) return '';
  const text = formatNumber(fraction * 100, lang, decimals);
  const sign = signed && fraction * 100 >= 0.5 * Math.pow(10, -decimals) ? '+' : '';
  return lang === 'vi' ? `${sign}${text} %` : `${sign}${text}%`;
}

export type NumberParseError = { code: 'empty' } | { code: 'notANumber'; text: string };

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Reads a number typed or pasted by a planner. Accepts a sign (also the Unicode minus), spaces
 * and non-breaking spaces as group separators, and a trailing `%` (the caller decides what a
 * percentage means; the number is returned as written).
 */
export function parseNumber(input: string, lang: Lang): Result<number, NumberParseError> {
  let text = input.trim().replace(/[\u00a0\u202f\u2009 ]/g, '').replace(/\u2212/g, '-');
  if (text.endsWith('%')) text = text.slice(0, -1);
  if (text === '') return err({ code: 'empty' });
  const { group, decimal } = SEPARATORS[lang];
  const m = /^([+-]?)(.*)$/.exec(text);
  const sign = m?.[1] === '-' ? -1 : 1;
  const body = m?.[2] ?? '';
  const normalised = normaliseDigits(body, group, decimal);
  if (normalised === null || !/^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) {
    return err({ code: 'notANumber', text: input });
  }
  const value = sign * Number(normalised);
  return Number.isFinite(value) ? ok(value === 0 ? 0 : value) : err({ code: 'notANumber', text: input });
}

function normaliseDigits(body: string, group: string, decimal: string): string | null {
  const hasGroup = body.includes(group);
  const hasDecimal = body.includes(decimal);
  if (hasGroup && hasDecimal) {
    // Both marks: the grouping must come first and be well formed (1.234.567,8).
    const [whole, fraction, ...rest] = body.split(decimal);
    if (rest.length > 0 || whole === undefined || !isGrouped(whole, group)) return null;
    return `${whole.split(group).join('')}.${fraction ?? ''}`;
  }
  if (hasDecimal) {
    const parts = body.split(decimal);
    return parts.length === 2 ? parts.join('.') : null;
  }
  if (hasGroup) {
    // Only the group mark: thousands when every group has three digits (5.500, 2.980.000),
    // otherwise the only sensible reading is a decimal typed the other language's way (2.98).
    if (isGrouped(body, group)) return body.split(group).join('');
    const parts = body.split(group);
    return parts.length === 2 ? parts.join('.') : null;
  }
  return body;
}

function isGrouped(whole: string, group: string): boolean {
  const parts = whole.split(group);
  if (parts.length < 2) return /^\d+$/.test(whole);
  return /^\d{1,3}$/.test(parts[0] ?? '') && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}
