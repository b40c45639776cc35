import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProgram, runProgram } from '../../../src/engine/projection/program.ts';
import { summarize, type PlanResult } from '../../../src/engine/projection/result.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { random, randomPlan } from './random-plans.ts';

/** CHITIEU_PROPERTY_RUNS=40 runs 40 times as many cases (a soak; the default is for every test run). */
const SCALE = Math.max(1, Number(process.env.CHITIEU_PROPERTY_RUNS ?? 1));

function run(plan: Plan, rowwise: boolean): PlanResult {
  const program = compileProgram(plan, { rowwise });
  if (!program.ok) throw new Error(JSON.stringify(program.error));
  runProgram(program.value);
  // Twice: a rerun must give the same as the first run.
  runProgram(program.value);
  return summarize(program.value);
}

function differences(a: PlanResult, b: PlanResult): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.values.length; i++) if (!Object.is(a.values[i], b.values[i])) out.push(`${i}: ${a.values[i]} ≠ ${b.values[i]}`);
  return out;
}

describe('whole-row evaluation of formulas', () => {
  it('gives the values and the problems of cell-by-cell evaluation, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const plan = randomPlan(random(seed));
        const byRow = run(plan, true);
        const byCell = run(plan, false);
        expect(differences(byRow, byCell)).toEqual([]);
        expect(byRow.problems).toEqual(byCell.problems);
      }),
      { numRuns: 1500 * SCALE },
    );
  });

  it('gives the same bits on plans made of the operations it fuses, where rows rarely fall back', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const plan = randomPlan(random(seed), { rowwise: true });
        const byRow = run(plan, true);
        const byCell = run(plan, false);
        expect(differences(byRow, byCell)).toEqual([]);
        expect(byRow.problems).toEqual(byCell.problems);
      }),
      { numRuns: 1500 * SCALE },
    );
  });

  const one = (formula: string, actuals: Record<string, number> = {}): PlanResult => {
    const plan = makePlan({
      name: 'p',
      calendar: { periodicity: 'year', start: '2020', end: '2023' },
      indicators: [
        makeIndicator({ id: 'a', actuals: { '2020': 4, '2021': 0, '2022': -2 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'b', actuals: { '2020': 2, '2021': 1e300, '2022': 0, '2023': 3 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'c', actuals, projection: { method: 'formula', formula } }),
      ],
    });
    const result = run(plan, true);
    expect(differences(result, run(plan, false))).toEqual([]);
    expect(result.problems).toEqual(run(plan, false).problems);
    return result;
  };
  const row = (result: PlanResult): number[] => [...result.values.subarray(8, 12)];

  it('reports a division by zero at its cell, as cell by cell does', () => {
    const result = one('a / b');
    expect(row(result)).toEqual([2, 0, NaN, NaN]);
    expect(result.problems).toEqual([{ code: 'runtime', row: 2, period: 2, error: { code: 'divisionByZero', position: 2 } }]);
  });

  it('reports an overflow, and none in a branch an if does not take', () => {
    expect(one('b * b').problems.map((p) => p.code)).toEqual(['runtime']);
    expect(one('if(b > 1e299, 0, b * b)').problems).toEqual([]);
  });

  it('keeps actuals of the formula row and reports nothing computed under them', () => {
    const result = one('a / b', { '2022': 9 });
    expect(row(result)).toEqual([2, 0, 9, NaN]);
    expect(result.problems).toEqual([]);
  });

  it('reports an operand that overflows before a blank it is divided by, and blanks an input’s infinity', () => {
    // a * 1e300 overflows in 2021 only, where b is blank: cell by cell reports it all the same.
    const plan = makePlan({
      name: 'p',
      calendar: { periodicity: 'year', start: '2020', end: '2022' },
      indicators: [
        makeIndicator({ id: 'a', actuals: { '2020': 1, '2021': 1e300 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'b', actuals: { '2020': 2 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'c', projection: { method: 'formula', formula: 'a * 1e300 / b' } }),
        makeIndicator({ id: 'g', actuals: { '2020': 1e300 }, projection: { method: 'growth', rate: 1e10 } }),
        makeIndicator({ id: 'd', projection: { method: 'formula', formula: '-g' } }),
        makeIndicator({ id: 'e', projection: { method: 'formula', formula: 'g' } }),
        makeIndicator({ id: 'h', projection: { method: 'formula', formula: 'g / g' } }),
      ],
    });
    const result = run(plan, true);
    expect(differences(result, run(plan, false))).toEqual([]);
    expect(result.problems).toEqual(run(plan, false).problems);
    expect(result.problems).toEqual([
      { code: 'runtime', row: 2, period: 1, error: { code: 'notFinite', position: 2 } },
      // ∞ / ∞
      { code: 'runtime', row: 6, period: 1, error: { code: 'notFinite', position: 2 } },
      { code: 'runtime', row: 6, period: 2, error: { code: 'notFinite', position: 2 } },
    ]);
    // g grows past the largest double: the formulas reading it hold blanks there, as cell by cell.
    expect([...result.values.subarray(12, 18)]).toEqual([-1e300, NaN, NaN, 1e300, NaN, NaN]);
  });

  it('computes `(x op y) op z` in one loop with the values and reports of two', () => {
    // b holds 2, 1e300, 0 and 3: each fused shape meets an overflow, a zero divisor and a blank.
    for (const formula of ['a * b / b', 'b / (a * b)', 'a * b / a', '(a - b) / b', 'b * (a + b)', '(a / b) * (b - a)', 'a * b / b * 3', 'a * b / b / b']) {
      one(formula);
      one(formula, { '2021': 5 });
    }
    // a is blank in 2023; 0 × 1e300 / 1e300 in 2021; −2 × 0 / 0 in 2022.
    expect(row(one('a * b / b'))).toEqual([4, 0, NaN, NaN]);
    expect(one('a * b / b').problems).toEqual([{ code: 'runtime', row: 2, period: 2, error: { code: 'divisionByZero', position: 6 } }]);
    // 1e300 × 1e300 overflows in 2021 before the division: reported at the multiplication.
    expect(one('b * b / a').problems).toEqual([{ code: 'runtime', row: 2, period: 1, error: { code: 'notFinite', position: 2 } }]);
  });

  it('falls back to the exact loop on a blank operand, without reporting it', () => {
    const plan = makePlan({
      name: 'p',
      calendar: { periodicity: 'year', start: '2020', end: '2023' },
      indicators: [
        makeIndicator({ id: 'a', actuals: { '2020': 4, '2022': -2 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'b', actuals: { '2020': 2, '2021': 5, '2023': 3 }, projection: { method: 'manual', values: {} } }),
        ...['a + b', 'a / b', 'a * 2 + b * 3', 'a * b / b', 'if(a > b, a * 2, b)', 'if(a < b, a, b * 0.5)', 'min(a, b)', 'max(a * 2, b)', '2 / b', 'a * 3', '1 - b * 2']
          .map((formula, i) => makeIndicator({ id: `f${i}`, projection: { method: 'formula', formula } })),
      ],
    });
    const result = run(plan, true);
    expect(differences(result, run(plan, false))).toEqual([]);
    expect(result.problems).toEqual([]);
    // a + b: blank where either is.
    expect([...result.values.subarray(8, 12)]).toEqual([6, NaN, NaN, NaN]);
  });

  it('keeps the sign of zero that min and max fold to, and reports a group sum that overflows', () => {
    const plan = makePlan({
      name: 'p',
      calendar: { periodicity: 'year', start: '2020', end: '2021' },
      groups: [{ id: 'big', name: { vi: 'Lớn' } }],
      indicators: [
        makeIndicator({ id: 'a', group: 'big', actuals: { '2020': 0, '2021': 1.5e308 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'b', group: 'big', actuals: { '2020': -0, '2021': 1.5e308 }, projection: { method: 'manual', values: {} } }),
        makeIndicator({ id: 'lo', projection: { method: 'formula', formula: 'min(a, b)' } }),
        makeIndicator({ id: 'hi', projection: { method: 'formula', formula: 'max(b, a)' } }),
        makeIndicator({ id: 'total', projection: { method: 'formula', formula: 'sumgroup(big)' } }),
      ],
    });
    const result = run(plan, true);
    expect(differences(result, run(plan, false))).toEqual([]);
    expect(Object.is(result.values[4], 0)).toBe(true);
    expect(Object.is(result.values[6], -0)).toBe(true);
    expect(result.values[9]).toBeNaN();
    expect(result.problems).toEqual([{ code: 'runtime', row: 4, period: 1, error: { code: 'notFinite', position: 0 } }]);
  });
});
