import { describe, expect, it } from 'vitest';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { compileProgram, runProgram } from '../../../src/engine/projection/program.ts';
import { NORMAL_P90, sensitivity, sensitivityProgram } from '../../../src/engine/uncertainty/index.ts';

/** total = a + 2b + 10c, with ranges of different widths on the three levels, and a target. */
function tornadoPlan(): Plan {
  return makePlan({
    name: 'tornado',
    calendar: { periodicity: 'year', start: '2020', end: '2024' },
    indicators: [
      makeIndicator({ id: 'a', actuals: { '2020': 100 }, projection: { method: 'constant' }, range: { distribution: 'triangular', of: 'level', low: 60, likely: 100, high: 180 } }),
      makeIndicator({ id: 'b', actuals: { '2020': 50 }, projection: { method: 'growth', rate: 0.1 }, range: { distribution: 'pert', of: 'rate', low: 0, likely: 0.1, high: 0.2 } }),
      makeIndicator({ id: 'c', actuals: { '2020': 5 }, projection: { method: 'constant' }, range: { distribution: 'normal', of: 'level', mean: 5, sd: 2.5 } }),
      makeIndicator({ id: 'unranged', actuals: { '2020': 1 }, projection: { method: 'constant' }, targets: [{ period: '2024', value: 1, direction: 'hold' }] }),
      makeIndicator({
        id: 'total',
        projection: { method: 'formula', formula: 'a + 2 * b + 10 * c' },
        targets: [{ period: '2024', value: 300, direction: 'atLeast' }, { period: '2022', value: 400, direction: 'atMost' }],
      }),
    ],
  }, new Date('2026-01-01T00:00:00Z'));
}

describe('sensitivity (tornado data)', () => {
  it('moves each input to its ends alone and ranks the inputs by their swing on each target', () => {
    const result = sensitivity(tornadoPlan());
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { inputs, targets } = result.value;
    expect(inputs.map((i) => [i.indicator, i.parameter])).toEqual([['a', 'level'], ['b', 'rate'], ['c', 'level']]);
    expect(inputs[2]?.low).toBeCloseTo(5 - NORMAL_P90 * 2.5, 12);

    const total2024 = targets.find((t) => t.indicator === 'total' && t.period === '2024');
    if (!total2024) throw new Error('no target');
    const base = 100 + 2 * 50 * 1.1 ** 4 + 10 * 5;
    expect(total2024.base).toBeCloseTo(base, 10);
    expect(total2024.baseAttainment).toBeCloseTo(base / 300, 12);
    // Swings in 2024: a 120; b 2·50·(1.2⁴ − 1) = 107.4; c 10 · 2 · 1.2816 · 2.5 = 64.1.
    expect(total2024.effects.map((e) => inputs[e.input]?.indicator)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = total2024.effects;
    expect(a?.atLow).toBeCloseTo(base - 40, 10);
    expect(a?.atHigh).toBeCloseTo(base + 80, 10);
    expect(b?.atLow).toBeCloseTo(100 + 100 + 50, 10);
    expect(b?.atHigh).toBeCloseTo(100 + 100 * 1.2 ** 4 + 50, 10);
    expect(b?.attainmentAtHigh).toBeCloseTo((100 + 100 * 1.2 ** 4 + 50) / 300, 12);
    expect((c?.atHigh as number) - (c?.atLow as number)).toBeCloseTo(10 * 2 * NORMAL_P90 * 2.5, 10);

    // Two years in, the rate has had less time to act (2·50·(1.2² − 1) = 44 < 64.1): each target
    // has its own order.
    const total2022 = targets.find((t) => t.indicator === 'total' && t.period === '2022');
    expect(total2022?.effects.map((e) => inputs[e.input]?.indicator)).toEqual(['a', 'c', 'b']);
    expect(total2022?.effects[0]?.attainmentAtHigh).toBeCloseTo(400 / (180 + 100 * 1.21 + 50), 12);

    // A target no range reaches: every effect is nil.
    const unranged = targets.find((t) => t.indicator === 'unranged');
    expect(unranged?.effects.every((e) => e.atLow === unranged.base && e.atHigh === unranged.base)).toBe(true);
    expect(unranged?.effects.map((e) => e.input)).toEqual([0, 1, 2]);
  });

  it('leaves a compiled program computing the plan as it stands', () => {
    const compiled = compileProgram(tornadoPlan());
    if (!compiled.ok) throw new Error('compile');
    runProgram(compiled.value);
    const before = compiled.value.values.slice();
    expect(sensitivityProgram(compiled.value).ok).toBe(true);
    expect(compiled.value.values).toEqual(before);
  });

  it('says when there is nothing to vary', () => {
    const plan = tornadoPlan();
    for (const indicator of plan.indicators) delete indicator.range;
    expect(sensitivity(plan)).toEqual({ ok: false, error: { code: 'noRanges' } });
  });
});
