/**
 * Names derived from a planner's text: indicator ids for formulas and file names for downloads,
 * both ASCII so they survive every formula, file system and e-mail client.
 */
import { RESERVED_NAMES } from '../schema.ts';

/** "Thuê bao di động" → "Thue bao di dong": diacritics dropped, đ/Đ as d/D. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

const RESERVED: ReadonlySet<string> = new Set(RESERVED_NAMES);

/**
 * An identifier for formulas from a display name ("Doanh thu 2024" → doanh_thu_2024), not in
 * `taken` and never a name reserved by JavaScript objects. The same rule as the add-indicator
 * dialog, so an imported indicator gets the id it would have got when typed in.
 */
export function indicatorIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = foldDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48) || 'indicator';
  const start = /^[a-z_]/.test(base) ? base : `i_${base}`;
  let id = start;
  for (let n = 2; taken.has(id) || RESERVED.has(id); n++) id = `${start}_${n}`;
  return id;
}

/** A download's file name from the plan's name: `thanh-hoa-2024.csv`, `thanh-hoa-2024-en.csv`. */
export function planFileName(planName: string, extension: 'csv' | 'xlsx' | 'json', suffix?: string): string {
  const slug = foldDiacritics(planName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'ke-hoach';
  return `${slug}${suffix ? `-${suffix}` : ''}.${extension}`;
}

/** The spreadsheet exports' name for the same thing. */
export const spreadsheetFileName = planFileName;
