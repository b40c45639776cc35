import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Indicator, Projection } from '../../../src/engine/model/plan.ts';
import { requiredGrowth } from '../../../src/engine/projection/methods.ts';

const calendar = { periodicity: 'year' as const, start: '2020', end: '2030' };

function project(indicator: Partial<Indicator> & { projection: Projection }, others: Indicator[] = []) {
  const plan = makePlan({ name: 'p', calendar, indicators: [makeIndicator({ id: 'x', ...indicator }), ...others] });
  const result = createEngineApi().compute(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const n = result.value.periodKeys.length;
  return { values: Array.from(result.value.values.subarray(0, n)), result: result.value };
}

describe('projection methods', () => {
  it('holds the latest actual constant', () => {
    const { values } = project({ actuals: { '2022': 5 }, projection: { method: 'constant' } });
    expect(values.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(values.slice(2)).toEqual(Array(9).fill(5));
  });

  it('adds a fixed step per period for linear', () => {
    const { values } = project({ actuals: { '2020': 10 }, projection: { method: 'linear', step: 2.5 } });
    expect(values[10]).toBeCloseTo(35, 12);
  });

  it('compounds growth per period', () => {
    const { values } = project({ actuals: { '2020': 100 }, projection: { method: 'growth', rate: 0.1 } });
    expect(values[3]).toBeCloseTo(133.1, 10);
  });

  it('starts projecting after the latest actual, keeping earlier actuals', () => {
    const { values, result } = project({ actuals: { '2020': 1, '2023': 8 }, projection: { method: 'growth', rate: 1 } });
    expect(values[0]).toBe(1);
    expect(Number.isNaN(values[1])).toBe(true);
    expect(values[4]).toBe(16);
    expect(Array.from(result.isActual.subarray(0, 5))).toEqual([1, 0, 0, 1, 0]);
  });

  it('reaches each target in turn along the compound path and keeps the last pace', () => {
    const { values } = project({
      actuals: { '2020': 100 },
      projection: { method: 'reachTarget' },
      targets: [{ period: '2022', value: 121, direction: 'atLeast' }, { period: '2024', value: 121, direction: 'atLeast' }],
    });
    expect(values[1]).toBeCloseTo(110, 10);
    expect(values[2]).toBe(121);
    expect(values[3]).toBeCloseTo(121, 10);
    expect(values[5]).toBeCloseTo(121, 10);
  });

  it('approaches the ceiling of an S-curve without passing it', () => {
    const { values } = project({ actuals: { '2020': 50 }, projection: { method: 'logistic', ceiling: 100, rate: 0.8 } });
    for (let t = 1; t < values.length; t++) {
      expect(values[t]).toBeGreaterThan(values[t - 1] as number);
      expect(values[t]).toBeLessThan(100);
    }
  });

  it('reports an S-curve whose latest value is above the ceiling', () => {
    const { result } = project({ actuals: { '2020': 150 }, projection: { method: 'logistic', ceiling: 100, rate: 0.8 } });
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'method', problem: expect.objectContaining({ code: 'logisticOutOfRange' }) }));
  });

  it('interpolates linearly and geometrically between anchors', () => {
    const linear = project({ actuals: { '2020': 10 }, projection: { method: 'interpolate', mode: 'linear', anchors: { '2024': 30 } } }).values;
    expect(linear[2]).toBeCloseTo(20, 12);
    expect(linear[10]).toBe(30);
    const geometric = project({ actuals: { '2020': 10 }, projection: { method: 'interpolate', mode: 'geometric', anchors: { '2022': 40 } } }).values;
    expect(geometric[1]).toBeCloseTo(20, 12);
  });

  it('shows manual values where they are typed and nothing elsewhere', () => {
    const { values } = project({ actuals: {}, projection: { method: 'manual', values: { '2025': 7 } } });
    expect(values[5]).toBe(7);
    expect(Number.isNaN(values[6])).toBe(true);
  });

  it('says there is nothing to project from without an actual', () => {
    const { result } = project({ actuals: {}, projection: { method: 'growth', rate: 0.1 } });
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'method', problem: { code: 'noActual' } }));
  });

  it('lands exactly on any positive target when projected with the growth it needs (property)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.001, max: 1e9, noNaN: true }),
      // Planning ratios: from a hundredth to a hundred times the latest actual. Near a rate of
      // -100 % the factor 1 + rate itself loses digits, whatever the method.
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.integer({ min: 1, max: 10 }),
      (from, ratio, years) => {
        const to = from * ratio;
        const rate = requiredGrowth(from, to, years);
        const { values } = project({ actuals: { '2020': from }, projection: { method: 'growth', rate } });
        expect(Math.abs((values[years] as number) - to) / to).toBeLessThan(1e-9);
      },
    ), { numRuns: 300 });
  });
});

describe('parameters set without recompiling', () => {
  it('replace the level, rate, step and ceiling for the next run, and clear back to the plan', async () => {
    const { compileProgram, runProgram, setParameter, baseParameter } = await import('../../../src/engine/projection/program.ts');
    const plan = makePlan({ name: 'p', calendar, indicators: [makeIndicator({ id: 'x', actuals: { '2020': 100 }, projection: { method: 'growth', rate: 0.1 } }), makeIndicator({ id: 'y', projection: { method: 'formula', formula: 'x * 2' } })] });
    const compiled = compileProgram(plan);
    if (!compiled.ok) throw new Error('compile');
    const program = compiled.value;
    runProgram(program);
    expect(program.values[1]).toBeCloseTo(110, 10);
    expect(baseParameter(program, 0, 'rate')).toBe(0.1);
    expect(setParameter(program, 0, 'rate', 0.2)).toBe(true);
    expect(setParameter(program, 0, 'level', 50)).toBe(true);
    expect(setParameter(program, 0, 'ceiling', 1)).toBe(false);
    expect(setParameter(program, 1, 'rate', 1)).toBe(false);
    runProgram(program);
    expect(program.values[0]).toBe(50);
    expect(program.values[1]).toBeCloseTo(60, 10);
    expect(program.values[11 + 1]).toBeCloseTo(120, 10);
    setParameter(program, 0, 'rate', NaN);
    setParameter(program, 0, 'level', NaN);
    runProgram(program);
    expect(program.values[0]).toBe(100);
    expect(program.values[1]).toBeCloseTo(110, 10);
  });
});
