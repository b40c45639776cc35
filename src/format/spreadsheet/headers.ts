/**
 * Which column is which, from its header: Vietnamese or English, with or without diacritics, any
 * case, with a parenthesised note ("Tăng cần thiết (%/năm)") or not. Matching is exact after that
 * folding, never by substring: "Chỉ tiêu" is the indicator's name while "Chỉ tiêu kế hoạch" is its
 * target, and both appear in real tables (and in our own export).
 */
import { parsePeriodKey } from '../../engine/periods/calendar.ts';
import { foldDiacritics } from './names.ts';

export type ColumnRole =
  | { role: 'name' }
  | { role: 'unit' }
  | { role: 'period'; key: string }
  | { role: 'target' }
  | { role: 'targetPeriod' }
  | { role: 'actualsThrough' }
  | { role: 'note' }
  | { role: 'source' }
  /** A column we know and do not need: our own export's computed columns, row numbers, groups. */
  | { role: 'known' }
  | { role: 'unknown' };

const SYNONYMS: Record<Exclude<ColumnRole['role'], 'period' | 'unknown'>, readonly string[]> = {
  name: ['chi tieu', 'ten chi tieu', 'ten', 'noi dung', 'name', 'indicator', 'indicator name'],
  unit: ['don vi', 'don vi tinh', 'dvt', 'unit', 'units'],
  target: ['muc tieu', 'chi tieu ke hoach', 'chi tieu can dat', 'gia tri muc tieu', 'target', 'target value'],
  targetPeriod: ['nam muc tieu', 'nam chi tieu', 'ky chi tieu', 'ky muc tieu', 'target year', 'target period'],
  actualsThrough: ['thuc hien den', 'so lieu thuc hien den', 'actuals through', 'actual through', 'actuals up to'],
  note: ['ghi chu', 'note', 'notes'],
  source: ['nguon', 'nguon so lieu', 'source'],
  known: [
    'stt', 'tt', 'so tt', 'no',
    'nhom', 'linh vuc', 'group', 'sector',
    'tang can thiet', 'growth needed',
    'muc dat', 'attainment',
    'tinh trang', 'status',
    'thuc hien gan nhat', 'latest actual',
    'du bao ky chi tieu', 'projected at target',
    'cach du bao', 'method',
    'toc do du bao', 'projection rate',
  ],
};

const BY_KEY = new Map<string, ColumnRole>();
for (const [role, keys] of Object.entries(SYNONYMS)) {
  for (const key of keys) BY_KEY.set(key, { role } as ColumnRole);
}

/** "Đơn vị tính (ĐVT)" → "don vi tinh". */
export function headerKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A period column: `2024`, `2024-Q1`, `2024-03`, or a year with a word in front that still means
 * "the value of that year": "Năm 2024", "TH 2023" (thực hiện, actual), "Ước TH 2023" (estimated
 * actual), "Year 2024". "KH 2024" (kế hoạch, the plan) is not one: it is a target.
 */
const YEAR_WITH_WORD = /^(?:nam|year|th|thuc hien|uoc|uoc th|uoc thuc hien|actual|actuals|estimate|est) ([0-9]{4})$/;

function periodOf(text: string): string | null {
  const trimmed = text.trim();
  if (parsePeriodKey(trimmed)) return trimmed;
  const m = YEAR_WITH_WORD.exec(headerKey(trimmed));
  return m ? (m[1] as string) : null;
}

export function columnRole(header: string): ColumnRole {
  const key = periodOf(header);
  if (key !== null) return { role: 'period', key };
  return BY_KEY.get(headerKey(header)) ?? { role: 'unknown' };
}
