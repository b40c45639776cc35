import { describe, expect, it } from 'vitest';
import { diffResults } from '../../../src/engine/scenarios/index.ts';
import { createEngineSession } from '../../../src/engine/session.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { scenarioPlan } from './helpers.ts';

function compute(plan: Plan, scenario: string | null): PlanResult {
  const result = createEngineSession().compute(plan, scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const at = (diff: { ids: string[]; periodKeys: string[]; absolute: Float64Array; relative: Float64Array }, id: string, period: string) => {
  const i = diff.ids.indexOf(id) * diff.periodKeys.length + diff.periodKeys.indexOf(period);
  return { absolute: diff.absolute[i], relative: diff.relative[i] };
};

describe('the difference of two results', () => {
  const plan = scenarioPlan();
  const base = compute(plan, null);
  const high = compute(plan, 'high');
  const diff = diffResults(base, high);

  it('gives b − a and (b − a) / |a| per indicator and period', () => {
    expect(diff.ids).toEqual(['subscribers', 'revenue', 'arpu']);
    expect(diff.periodKeys).toEqual(['2022', '2023', '2024', '2025', '2026']);
    expect(at(diff, 'subscribers', '2023').absolute).toBeCloseTo(0.02, 12);
    expect(at(diff, 'subscribers', '2023').relative).toBeCloseTo(0.02 / 2.98, 12);
    expect(at(diff, 'subscribers', '2024').absolute).toBeCloseTo(3.0 * 1.03 - 2.98 * 1.01, 12);
    // Equal values differ by 0, not by a blank.
    expect(at(diff, 'subscribers', '2022')).toEqual({ absolute: 0, relative: 0 });
    expect(at(diff, 'revenue', '2025')).toEqual({ absolute: 0, relative: 0 });
    expect(at(diff, 'arpu', '2024').absolute).toBeCloseTo(4900 * 1.05 / (3.0 * 1.03) - 4900 * 1.05 / (2.98 * 1.01), 9);
  });

  it('leaves blanks blank and a share of zero undefined', () => {
    const withZero = { ...base, values: base.values.slice() };
    withZero.values[0] = 0;
    const d = diffResults(withZero, high);
    expect(at(d, 'subscribers', '2022').relative).toBeNaN();
    // revenue has no actual before 2023: blank on both sides.
    expect(at(diff, 'revenue', '2022').absolute).toBeNaN();
    expect(at(diff, 'revenue', '2022').relative).toBeNaN();
  });

  it('compares each target on both sides, and lists targets only one side has', () => {
    expect(diff.targets).toEqual([
      {
        indicator: 'subscribers', period: '2025', direction: 'atLeast',
        a: { value: 3, projected: base.indicators[0]?.targets[0]?.projected, status: 'onTrack', achieved: true },
        // "high" starts from 3.0 million: already at the level asked for.
        b: { value: 3, projected: high.indicators[0]?.targets[0]?.projected, status: 'met', achieved: true },
      },
      {
        indicator: 'revenue', period: '2026', direction: 'atLeast', a: null,
        // 5,672 of 6,000 is 94.5 %: short of the 95 % that counts as at risk.
        b: { value: 6000, projected: 4900 * 1.05 * 1.05 * 1.05, status: 'offTrack', achieved: false },
      },
    ]);
    const low = diffResults(high, base).targets.find((t) => t.indicator === 'revenue');
    expect(low).toMatchObject({ a: { value: 6000 }, b: null });
  });

  it('matches rows by id and lists the rows only one side has', () => {
    const extended = compute({ ...plan, indicators: [makeIndicator({ id: 'extra', actuals: { '2022': 1 } }), ...plan.indicators.slice(1)] }, null);
    const d = diffResults(base, extended);
    expect(d.ids).toEqual(['revenue', 'arpu']);
    expect(d.onlyInA).toEqual(['subscribers']);
    expect(d.onlyInB).toEqual(['extra']);
    expect(at(d, 'revenue', '2024')).toEqual({ absolute: 0, relative: 0 });
  });
});
