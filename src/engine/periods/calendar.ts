/**
 * Calendars: the periods of a plan as dense indices 0..n-1, so that the engine's columns are
 * plain Float64Arrays and a period key is turned into an index once, never on the hot path.
 */
import type { Calendar, PeriodKey, Periodicity } from '../model/plan.ts';

export const PERIODS_PER_YEAR: Record<Periodicity, number> = { year: 1, quarter: 4, month: 12 };

interface PeriodParts { year: number; sub: number; periodicity: Periodicity }

/** Reads `2024`, `2024-Q2` or `2024-03`; null when the key is not a period. */
export function parsePeriodKey(key: PeriodKey): PeriodParts | null {
  const m = /^([0-9]{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return { year, sub: Number(m[2]) - 1, periodicity: 'quarter' };
  if (m[3] !== undefined) return { year, sub: Number(m[3]) - 1, periodicity: 'month' };
  return { year, sub: 0, periodicity: 'year' };
}

export function formatPeriodKey(year: number, sub: number, periodicity: Periodicity): PeriodKey {
  switch (periodicity) {
    case 'year': return String(year).padStart(4, '0');
    case 'quarter': return `${String(year).padStart(4, '0')}-Q${sub + 1}`;
    case 'month': return `${String(year).padStart(4, '0')}-${String(sub + 1).padStart(2, '0')}`;
  }
}

/** Absolute ordinal of a period within its periodicity (periods since year 0). */
function ordinal(parts: PeriodParts): number {
  return parts.year * PERIODS_PER_YEAR[parts.periodicity] + parts.sub;
}

export type CalendarProblem =
  | { code: 'periodicityMismatch'; field: 'start' | 'end'; key: PeriodKey }
  | { code: 'endBeforeStart' }
  | { code: 'tooManyPeriods'; count: number; limit: number };

export interface PeriodIndex {
  readonly calendar: Calendar;
  readonly keys: readonly PeriodKey[];
  readonly count: number;
  /** Index of a key in this calendar, or -1 when it is not one of its periods. */
  indexOf(key: PeriodKey): number;
  /** The year each period belongs to. */
  readonly years: Int32Array;
}

export function checkCalendar(calendar: Calendar, limit: number): CalendarProblem | null {
  const start = parsePeriodKey(calendar.start);
  const end = parsePeriodKey(calendar.end);
  if (!start || start.periodicity !== calendar.periodicity) return { code: 'periodicityMismatch', field: 'start', key: calendar.start };
  if (!end || end.periodicity !== calendar.periodicity) return { code: 'periodicityMismatch', field: 'end', key: calendar.end };
  const count = ordinal(end) - ordinal(start) + 1;
  if (count < 1) return { code: 'endBeforeStart' };
  if (count > limit) return { code: 'tooManyPeriods', count, limit };
  return null;
}

/** The periods of a calendar; the calendar must have passed `checkCalendar`. */
export function periodIndex(calendar: Calendar): PeriodIndex {
  const start = parsePeriodKey(calendar.start);
  const end = parsePeriodKey(calendar.end);
  if (!start || !end) throw new Error(`invalid calendar ${calendar.start}..${calendar.end}`);
  const per = PERIODS_PER_YEAR[calendar.periodicity];
  const first = ordinal(start);
  const count = Math.max(0, ordinal(end) - first + 1);
  const keys: PeriodKey[] = [];
  const years = new Int32Array(count);
  const lookup = new Map<PeriodKey, number>();
  for (let i = 0; i < count; i++) {
    const o = first + i;
    const year = Math.floor(o / per);
    const key = formatPeriodKey(year, o - year * per, calendar.periodicity);
    keys.push(key);
    years[i] = year;
    lookup.set(key, i);
  }
  return {
    calendar,
    keys,
    count,
    years,
    indexOf: (key) => lookup.get(key) ?? -1,
  };
}

/** The unit of "per period" in growth rates: năm / quý / tháng. */
export function periodicityOf(calendar: Calendar): Periodicity {
  return calendar.periodicity;
}
