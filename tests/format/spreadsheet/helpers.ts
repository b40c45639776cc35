/** Shared bits of the spreadsheet tests: fixtures, plans computed by the real engine, arbitraries. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { periodIndex } from '../../../src/engine/periods/calendar.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import type { Result } from '../../../src/engine/result.ts';
import type { Indicator, Plan, Projection } from '../../../src/format/schema.ts';
import type { CsvIssue } from '../../../src/format/spreadsheet/index.ts';
import { arbText, arbValue } from '../arbitraries.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function compute(plan: Plan): PlanResult {
  const result = createEngineApi().compute(plan);
  if (!result.ok) expect.fail(`the engine refused the plan: ${JSON.stringify(result.error)}`);
  return result.value;
}

export function valueOf<T>(result: Result<T, CsvIssue[]>): T {
  if (!result.ok) expect.fail(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function issuesOf<T>(result: Result<T, CsvIssue[]>): CsvIssue[] {
  if (result.ok) expect.fail('expected the CSV to be refused');
  return result.error;
}

/** A small yearly plan 2021–2030 with the given indicators. */
export function yearlyPlan(indicators: Indicator[], fields: Partial<Plan> = {}): Plan {
  return makePlan({
    name: 'Kế hoạch thử',
    calendar: { periodicity: 'year', start: '2021', end: '2030' },
    indicators,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...fields,
  });
}

export { makeIndicator };

/** Text as a planner could type it in a cell: composed (NFC), no edge spaces, not empty. */
const arbCellText = arbText(40).map((s) => s.normalize('NFC').trim());
const arbName = arbCellText.filter((s) => s !== '');

const arbInputProjection: fc.Arbitrary<Projection> = fc.oneof(
  fc.constant<Projection>({ method: 'constant' }),
  arbValue.map((step): Projection => ({ method: 'linear', step })),
  fc.double({ min: -0.5, max: 0.5, noNaN: true }).map((rate): Projection => ({ method: 'growth', rate })),
  fc.constant<Projection>({ method: 'reachTarget' }),
);

/**
 * Plans of input indicators (the kind a CSV can carry) with at least one actual each, in 0–2
 * groups, with any names, units and finite values, over 1–12 years.
 */
export const arbCsvPlan: fc.Arbitrary<Plan> = fc
  .record({
    start: fc.integer({ min: 1990, max: 2090 }),
    count: fc.integer({ min: 1, max: 12 }),
    groups: fc.array(arbName, { maxLength: 2 }),
    size: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ start, count, groups, size }) => {
    const calendar = { periodicity: 'year' as const, start: String(start), end: String(start + count - 1) };
    const keys = periodIndex(calendar).keys;
    const groupIds = groups.map((_, g) => `g${g}`);
    const indicator = (id: string) =>
      fc
        .record({
          name: arbName,
          unit: arbCellText,
          group: fc.option(fc.constantFrom(...(groupIds.length > 0 ? groupIds : ['none'])), { nil: undefined }),
          actualKeys: fc.subarray([...keys], { minLength: 1 }),
          values: fc.array(arbValue, { minLength: keys.length, maxLength: keys.length }),
          projection: arbInputProjection,
          target: fc.option(fc.record({ period: fc.constantFrom(...keys), value: arbValue }), { nil: undefined }),
          decimals: fc.integer({ min: 0, max: 6 }),
        })
        .map((f) =>
          makeIndicator({
            id,
            name: { vi: f.name },
            unit: { vi: f.unit },
            ...(f.group !== undefined && groupIds.includes(f.group) ? { group: f.group } : {}),
            decimals: f.decimals,
            actuals: Object.fromEntries(f.actualKeys.map((key, k) => [key, f.values[k] as number])),
            projection: f.projection,
            targets: f.target ? [{ ...f.target, direction: 'atLeast' as const }] : [],
          }),
        );
    return fc.tuple(...Array.from({ length: size }, (_, k) => indicator(`i${k}`))).map((indicators) =>
      yearlyPlan(indicators, { calendar, groups: groups.map((name, g) => ({ id: `g${g}`, name: { vi: name } })) }),
    );
  });
