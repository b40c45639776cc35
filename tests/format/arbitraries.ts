/**
 * fast-check arbitraries for valid plans: every plan generated here passes `parsePlan` (schema and
 * meaning: unique ids, existing groups, period keys of the calendar). Reusable by any test that
 * needs plans: `import { arbPlan } from '../format/arbitraries.ts'`.
 *
 * Text is drawn from all of Unicode (well-formed: no lone surrogates), including quotes,
 * backslashes, control characters, U+2028 and Vietnamese; numbers from all finite doubles,
 * including -0, subnormals, 2^53 and ±Number.MAX_VALUE.
 */
import fc from 'fast-check';
import { LIMITS, type Calendar, type Group, type Indicator, type LocalizedText, type Periodicity, type Plan, type Projection, type Target } from '../../src/format/schema.ts';
import { formatPeriodKey, PERIODS_PER_YEAR, periodIndex } from '../../src/engine/periods/calendar.ts';

export interface PlanShape {
  /** Most indicators in a plan (default 6). */
  readonly maxIndicators?: number;
  /** Most groups (default 3). */
  readonly maxGroups?: number;
  /** Most periods in the calendar (default 24). */
  readonly maxPeriods?: number;
  /** Most targets per indicator (default 4). */
  readonly maxTargets?: number;
}

const VIETNAMESE = [
  'Tổng sản phẩm trên địa bàn',
  'Tỷ lệ hộ nghèo',
  'Thu ngân sách nhà nước',
  'nghìn người',
  'tỷ đồng',
  'Độ che phủ rừng',
  'Kế hoạch phát triển kinh tế – xã hội 5 năm',
];

/** Any well-formed text up to `max` code units (never a lone surrogate). */
export function arbText(max: number = 40, min: number = 0): fc.Arbitrary<string> {
  return fc
    .oneof(
      // Lengths are in code points (binary) or graphemes: up to 2 or several UTF-16 units each.
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(Math.floor(max / 2), 30) }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(Math.floor(max / 8), 10) }) },
      { weight: 1, arbitrary: fc.constantFrom(...VIETNAMESE) },
      { weight: 1, arbitrary: fc.constantFrom('"', '\\', '\u2028', '\u0000\u001f', '</script>', '=1+1', '{"a":1}', '😀🇻🇳') },
    )
    .filter((s) => s.length >= min && s.length <= max);
}

export const arbIdentifier: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/)
  .filter((s) => s !== '__proto__' && s !== 'constructor' && s !== 'prototype');

/** Any finite number, with the awkward ones often. */
export const arbValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, -0, 0.1, 0.0633, 1e21, 1e-7, 5e-324, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON),
  },
);

export const arbTimestamp: fc.Arbitrary<string> = fc
  .date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2199-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

export const arbLocalizedText: fc.Arbitrary<LocalizedText> = fc.record(
  { vi: arbText(40), en: arbText(40) },
  { requiredKeys: ['vi'] },
);

export function arbCalendar(maxPeriods: number = 24): fc.Arbitrary<Calendar> {
  return fc
    .record({
      periodicity: fc.constantFrom<Periodicity>('year', 'quarter', 'month'),
      // Mostly plausible years; sometimes any 4-digit year ("0999" sorts before "1000" but an object would not).
      year: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1900, max: 2100 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 - Math.min(maxPeriods, LIMITS.periods) }) }),
      sub: fc.nat({ max: 11 }),
      count: fc.integer({ min: 1, max: Math.min(maxPeriods, LIMITS.periods) }),
    })
    .map(({ periodicity, year, sub, count }) => {
      const per = PERIODS_PER_YEAR[periodicity];
      const first = year * per + (sub % per);
      const last = first + count - 1;
      return {
        periodicity,
        start: formatPeriodKey(year, sub % per, periodicity),
        end: formatPeriodKey(Math.floor(last / per), last % per, periodicity),
      };
    });
}

/** A period → value map over some of `keys`. */
function arbPeriodValues(keys: readonly string[]): fc.Arbitrary<Record<string, number>> {
  return fc.subarray([...keys]).chain((chosen) =>
    fc.array(arbValue, { minLength: chosen.length, maxLength: chosen.length }).map((values) => {
      const out: Record<string, number> = {};
      chosen.forEach((key, i) => {
        out[key] = values[i] ?? 0;
      });
      return out;
    }),
  );
}

export function arbProjection(keys: readonly string[]): fc.Arbitrary<Projection> {
  return fc.oneof(
    fc.constant<Projection>({ method: 'constant' }),
    arbValue.map((step): Projection => ({ method: 'linear', step })),
    arbValue.map((rate): Projection => ({ method: 'growth', rate })),
    fc.constant<Projection>({ method: 'reachTarget' }),
    fc.tuple(arbValue, arbValue).map(([ceiling, rate]): Projection => ({ method: 'logistic', ceiling, rate })),
    fc
      .tuple(fc.constantFrom<'linear' | 'geometric'>('linear', 'geometric'), arbPeriodValues(keys))
      .map(([mode, anchors]): Projection => ({ method: 'interpolate', mode, anchors })),
    arbPeriodValues(keys).map((values): Projection => ({ method: 'manual', values })),
    arbText(80).map((formula): Projection => ({ method: 'formula', formula })),
  );
}

export function arbTarget(keys: readonly string[]): fc.Arbitrary<Target> {
  return fc.record(
    {
      period: fc.constantFrom(...keys),
      value: arbValue,
      direction: fc.constantFrom<Target['direction']>('atLeast', 'atMost', 'hold'),
      note: arbText(60),
    },
    { requiredKeys: ['period', 'value', 'direction'] },
  );
}

export function arbIndicator(id: string, keys: readonly string[], groupIds: readonly string[], maxTargets: number = 4): fc.Arbitrary<Indicator> {
  return fc
    .record(
      {
        name: arbLocalizedText,
        unit: arbLocalizedText,
        group: groupIds.length > 0 ? fc.constantFrom(...groupIds) : fc.constant(undefined),
        kind: fc.constantFrom<Indicator['kind']>('stock', 'flow', 'rate'),
        decimals: fc.integer({ min: 0, max: 6 }),
        actuals: arbPeriodValues(keys),
        projection: arbProjection(keys),
        targets: fc.array(arbTarget(keys), { maxLength: maxTargets }),
        note: arbText(60),
        source: arbText(60),
      },
      { requiredKeys: ['name', 'unit', 'kind', 'decimals', 'actuals', 'projection', 'targets'] },
    )
    .map((fields): Indicator => {
      const { group, ...rest } = fields;
      return { id, ...rest, ...(group !== undefined ? { group } : {}) };
    });
}

/** A valid plan. */
export function arbPlan(shape: PlanShape = {}): fc.Arbitrary<Plan> {
  const { maxIndicators = 6, maxGroups = 3, maxPeriods = 24, maxTargets = 4 } = shape;
  return fc
    .record({
      calendar: arbCalendar(maxPeriods),
      groupIds: fc.uniqueArray(arbIdentifier, { maxLength: maxGroups }),
      indicatorIds: fc.uniqueArray(arbIdentifier, { maxLength: maxIndicators }),
    })
    .chain(({ calendar, groupIds, indicatorIds }) => {
      const keys = periodIndex(calendar).keys;
      const groups = fc.tuple(...groupIds.map((id) => arbLocalizedText.map((name): Group => ({ id, name }))));
      const indicators = fc.tuple(...indicatorIds.map((id) => arbIndicator(id, keys, groupIds, maxTargets)));
      return fc.record(
        {
          id: fc.oneof(fc.uuid(), arbText(100, 1)),
          name: arbText(60, 1),
          description: arbText(200),
          calendar: fc.constant(calendar),
          groups: groups.map((g): Group[] => [...g]),
          indicators: indicators.map((list): Indicator[] => [...list]),
          createdAt: arbTimestamp,
          updatedAt: arbTimestamp,
          revision: fc.nat(),
        },
        { requiredKeys: ['id', 'name', 'calendar', 'groups', 'indicators', 'createdAt', 'updatedAt', 'revision'] },
      );
    });
}

/** A SHA-256 digest as a file writes it: 64 lowercase hex digits (a few distinct values, so lists repeat some). */
export const arbHash: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0'.repeat(64), 'f'.repeat(64), `${'ab'.repeat(31)}01`),
  fc.stringMatching(/^[0-9a-f]{64}$/),
);

/** What export writes about itself. */
export const arbExportMeta: fc.Arbitrary<{ app: string; exportedAt: string; lineage?: string[] }> = fc.record(
  {
    app: fc.oneof(fc.constant('Chitieu 0.1.0'), arbText(100)),
    exportedAt: arbTimestamp,
    // Up to the limit, duplicates included: the reader takes the list as written.
    lineage: fc.array(arbHash, { minLength: 1, maxLength: 6 }),
  },
  { requiredKeys: ['app', 'exportedAt'] },
);
