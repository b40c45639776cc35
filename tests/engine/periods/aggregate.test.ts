import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateToYears } from '../../../src/engine/periods/aggregate.ts';
import { createEngineSession } from '../../../src/engine/session.ts';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { formatPeriodKey } from '../../../src/engine/periods/calendar.ts';

function compute(plan: Plan): PlanResult {
  const result = createEngineSession().compute(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const MANUAL = { method: 'manual', values: {} } as const;

/** The formulas both plans share: sums of stocks, scaled flows, and rates over them. */
const FORMULAS: { id: string; kind: Indicator['kind']; formula: string }[] = [
  { id: 'stock_total', kind: 'stock', formula: 's0 + s1' },
  { id: 'flow_total', kind: 'flow', formula: 'f0 * 2 + f1' },
  { id: 'per_head', kind: 'rate', formula: 'f0 / s0 * 100' },
  { id: 'stock_growth', kind: 'rate', formula: 'growth(s1)' },
  { id: 'flow_change', kind: 'rate', formula: 'f1 - prev(f1)' },
  { id: 'running', kind: 'rate', formula: 'cumsum(f0) / s1' },
  { id: 'rate_scaled', kind: 'rate', formula: 'r0 * 2 + per_head' },
  { id: 'to_target', kind: 'rate', formula: 'target(s0) - s0' },
];

interface Case { years: number; stocks: number[][]; flows: number[][]; rates: number[][]; split: number[][]; jitter: number[][] }

/**
 * A yearly plan, and a monthly plan built to agree with it: stocks end each year at the yearly
 * level, flows' months add up to the year, the input rate's months average to the year.
 * Integers keep every sum exact, so the two must agree to the bit.
 */
function plans(c: Case): { yearly: Plan; monthly: Plan } {
  const first = 2020;
  const yearKeys = Array.from({ length: c.years }, (_, j) => String(first + j));
  const monthKey = (j: number, m: number): string => formatPeriodKey(first + j, m, 'month');
  const yearly: Indicator[] = [];
  const monthly: Indicator[] = [];
  const input = (id: string, kind: Indicator['kind'], perYear: number[], months: (j: number) => number[]): void => {
    yearly.push(makeIndicator({ id, kind, actuals: Object.fromEntries(yearKeys.map((k, j) => [k, perYear[j] as number])), projection: MANUAL }));
    const actuals: Record<string, number> = {};
    for (let j = 0; j < c.years; j++) months(j).forEach((v, m) => { actuals[monthKey(j, m)] = v; });
    monthly.push(makeIndicator({ id, kind, actuals, projection: MANUAL }));
  };
  c.stocks.forEach((levels, i) => input(`s${i}`, 'stock', levels, (j) => Array.from({ length: 12 }, (_, m) => (m === 11 ? (levels[j] as number) : (c.jitter[i]?.[m] ?? 1) * 7))));
  c.flows.forEach((totals, i) => input(`f${i}`, 'flow', totals, (j) => {
    const parts = (c.split[i] ?? []).slice(0, 11);
    return [...parts, (totals[j] as number) - parts.reduce((s, v) => s + v, 0)];
  }));
  c.rates.forEach((means, i) => input(`r${i}`, 'rate', means, (j) => {
    const d = c.jitter[i] ?? [];
    // ±d in pairs: the mean stays exactly the yearly value.
    return Array.from({ length: 12 }, (_, m) => (means[j] as number) + (m % 2 === 0 ? (d[m >> 1] ?? 0) : -(d[m >> 1] ?? 0)));
  }));
  yearly[0] = { ...(yearly[0] as Indicator), targets: [{ period: yearKeys[c.years - 1] as string, value: 1000, direction: 'atLeast' }] };
  monthly[0] = { ...(monthly[0] as Indicator), targets: [{ period: monthKey(c.years - 1, 11), value: 1000, direction: 'atLeast' }] };
  for (const f of FORMULAS) {
    const row = makeIndicator({ id: f.id, kind: f.kind, projection: { method: 'formula', formula: f.formula } });
    yearly.push(row);
    monthly.push(row);
  }
  const common = { id: 'p', name: 'p', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
  return {
    yearly: makePlan({ ...common, calendar: { periodicity: 'year', start: yearKeys[0] as string, end: yearKeys[c.years - 1] as string }, indicators: yearly }),
    monthly: makePlan({ ...common, calendar: { periodicity: 'month', start: monthKey(0, 0), end: monthKey(c.years - 1, 11) }, indicators: monthly }),
  };
}

const whole = fc.integer({ min: 1, max: 100_000 });

describe('yearly figures of a monthly plan', () => {
  it('agree with the yearly plan for stocks, flows and rates, to the bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((years) => fc.record({
          years: fc.constant(years),
          stocks: fc.array(fc.array(whole, { minLength: years, maxLength: years }), { minLength: 2, maxLength: 2 }),
          flows: fc.array(fc.array(whole, { minLength: years, maxLength: years }), { minLength: 2, maxLength: 2 }),
          rates: fc.array(fc.array(whole, { minLength: years, maxLength: years }), { minLength: 1, maxLength: 1 }),
          split: fc.array(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 11, maxLength: 11 }), { minLength: 2, maxLength: 2 }),
          jitter: fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 12, maxLength: 12 }), { minLength: 2, maxLength: 2 }),
        })),
        (c) => {
          const { yearly, monthly } = plans(c);
          const expected = compute(yearly);
          const figures = aggregateToYears(monthly, compute(monthly));
          expect(figures.periodKeys).toEqual(expected.periodKeys);
          const differing: string[] = [];
          expected.ids.forEach((id, row) => {
            for (let j = 0; j < c.years; j++) {
              const want = expected.values[row * c.years + j] as number;
              const got = figures.values[row * c.years + j] as number;
              if (!Object.is(want, got)) differing.push(`${id} ${expected.periodKeys[j]}: ${got} ≠ ${want}`);
            }
          });
          expect(differing).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  const quarterly = (indicator: Partial<Indicator> & { id: string }, start = '2024-Q1', end = '2025-Q4'): number[] => {
    const plan = makePlan({ name: 'q', calendar: { periodicity: 'quarter', start, end }, indicators: [makeIndicator({ projection: MANUAL, ...indicator })] });
    return [...aggregateToYears(plan, compute(plan)).values];
  };

  it('takes a stock’s last value that is not blank', () => {
    expect(quarterly({ id: 's', kind: 'stock', actuals: { '2024-Q1': 1, '2024-Q3': 3, '2025-Q1': 5 } })).toEqual([3, 5]);
  });

  it('leaves a flow’s year blank when a period is blank, or the calendar holds only part of the year', () => {
    expect(quarterly({ id: 'f', kind: 'flow', actuals: { '2024-Q1': 1, '2024-Q2': 2, '2024-Q3': 3, '2024-Q4': 4, '2025-Q1': 5 } })).toEqual([10, NaN]);
    expect(quarterly({ id: 'f', kind: 'flow', actuals: { '2024-Q3': 3, '2024-Q4': 4, '2025-Q1': 1, '2025-Q2': 1 } }, '2024-Q3', '2025-Q2')).toEqual([NaN, NaN]);
  });

  it('averages an input rate over the periods that are not blank', () => {
    expect(quarterly({ id: 'r', kind: 'rate', actuals: { '2024-Q1': 1, '2024-Q2': 2, '2024-Q4': 6 } })).toEqual([3, NaN]);
  });

  it('gives a yearly plan’s own figures back', () => {
    const plan = makePlan({ name: 'y', calendar: { periodicity: 'year', start: '2024', end: '2025' }, indicators: [makeIndicator({ id: 'a', kind: 'flow', actuals: { '2024': 2 } })] });
    expect(aggregateToYears(plan, compute(plan))).toEqual({ periodKeys: ['2024', '2025'], values: new Float64Array([2, 2]) });
  });
});
