import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { planDifferences } from '../../../src/engine/scenarios/preview.ts';
import { inSections, wordDifference, type WordContext } from '../../../src/ui/import/words.ts';
import { random } from '../../engine/session/random-plans.ts';
import { scenarioPlan } from '../../engine/scenarios/helpers.ts';
import { planPair } from './varied-plans.ts';

const plan = (): Plan => ({
  ...scenarioPlan(),
  indicators: scenarioPlan().indicators.map((i) => (i.id === 'revenue' ? { ...i, name: { vi: 'Doanh thu', en: 'Revenue' }, actuals: { '2023': 4900, '2024': 5300 } } : i)),
});
const change = (p: Plan, id: string, edit: (i: Indicator) => Indicator): Plan => ({ ...p, indicators: p.indicators.map((i) => (i.id === id ? edit(i) : i)) });
const lines = (local: Plan, incoming: Plan, lang: 'vi' | 'en' = 'vi') => {
  const ctx: WordContext = { lang, local, incoming };
  return planDifferences(local, incoming).map((d) => wordDifference(d, ctx).line);
};

describe('a difference in words', () => {
  it('names a changed actual by indicator and period, numbers the planner’s way', () => {
    const local = plan();
    const incoming = change(local, 'revenue', (i) => ({ ...i, actuals: { ...i.actuals, '2024': 5500 } }));
    expect(lines(local, incoming)).toEqual(['Doanh thu 2024: 5.300 → 5.500']);
    expect(lines(local, incoming, 'en')).toEqual(['Revenue 2024: 5,300 → 5,500']);
  });

  it('shows the decimals it takes for two different values not to read the same', () => {
    const local = change(plan(), 'revenue', (i) => ({ ...i, actuals: { ...i.actuals, '2024': 5300.2 } }));
    const incoming = change(local, 'revenue', (i) => ({ ...i, actuals: { ...i.actuals, '2024': 5300.25 } }));
    expect(lines(local, incoming)).toEqual(['Doanh thu 2024: 5.300,2 → 5.300,25']);
  });

  it('says blank for a value on one side only, and names rows added and removed', () => {
    const local = plan();
    const incoming: Plan = {
      ...change(local, 'revenue', (i) => ({ ...i, actuals: { '2023': 4900 } })),
      indicators: [...local.indicators.filter((i) => i.id !== 'arpu').map((i) => (i.id === 'revenue' ? { ...i, actuals: { '2023': 4900 } } : i)), makeIndicator({ id: 'population', name: { vi: 'Dân số' } })],
    };
    expect(lines(local, incoming)).toEqual(['Doanh thu 2024: 5.300 → trống', 'Thêm chỉ tiêu “Dân số”', 'Bỏ chỉ tiêu “arpu”']);
  });

  it('words targets, projections (only the periods that differ) and a formula', () => {
    const local = change(plan(), 'revenue', (i) => ({ ...i, projection: { method: 'manual', values: { '2025': 5600, '2026': 5900 } }, targets: [{ period: '2025', value: 5300, direction: 'atLeast' }] }));
    const incoming = change(local, 'revenue', (i) => ({ ...i, projection: { method: 'manual', values: { '2025': 5600, '2026': 6000 } }, targets: [{ period: '2026', value: 6000, direction: 'atLeast' }] }));
    const withFormula = change(incoming, 'arpu', (i) => ({ ...i, projection: { method: 'formula', formula: 'revenue / subscribers / 12' } }));
    expect(lines(local, withFormula)).toEqual([
      'Doanh thu: cách dự báo: nhập tay: 2026 = 5.900 → nhập tay: 2026 = 6.000',
      'Doanh thu: mục tiêu: ≥ 5.300 (2025) → ≥ 6.000 (2026)',
      'arpu: cách dự báo: công thức revenue / subscribers → công thức revenue / subscribers / 12',
    ]);
    const growth = change(local, 'subscribers', (i) => ({ ...i, projection: { method: 'growth', rate: 0.0067 } }));
    expect(lines(local, growth, 'en')).toEqual(['subscribers: projection: grow +1.00% per period → grow +0.67% per period']);
  });

  it('words a scenario’s override by scenario, indicator and period, and what it inherits', () => {
    const local = plan();
    const high = local.scenarios?.[0] as NonNullable<Plan['scenarios']>[number];
    const incoming: Plan = {
      ...local,
      scenarios: [{ ...high, overrides: { ...high.overrides, revenue: { ...high.overrides.revenue, actuals: { '2025': 5800 } } } }, ...(local.scenarios ?? []).slice(1)],
    };
    expect(lines(local, incoming)).toEqual(['Kịch bản “Cao” — Doanh thu 2025: theo kịch bản cha → 5.800']);
  });

  it('shows a change to the English name alone', () => {
    const local = plan();
    const incoming = change(local, 'revenue', (i) => ({ ...i, name: { vi: 'Doanh thu', en: 'Sector revenue' } }));
    expect(lines(local, incoming)).toEqual(['Doanh thu: tên: “Doanh thu” / “Revenue” → “Doanh thu” / “Sector revenue”']);
  });

  it('never words a difference as no change, in either language', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom('vi' as const, 'en' as const), (seed, lang) => {
        const { local, incoming } = planPair(random(seed));
        const ctx: WordContext = { lang, local, incoming };
        for (const d of planDifferences(local, incoming)) {
          const words = wordDifference(d, ctx);
          expect(words.line.length).toBeGreaterThan(0);
          if (d.kind !== 'order' && d.kind !== 'indicator' && d.kind !== 'group' && d.kind !== 'scenario') expect(words.local).not.toBe(words.incoming);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('groups differences by indicator and scenario, in the order they come', () => {
    const local = plan();
    let incoming = change(local, 'revenue', (i) => ({ ...i, actuals: { '2023': 4950, '2024': 5500 } }));
    incoming = change(incoming, 'subscribers', (i) => ({ ...i, actuals: { ...i.actuals, '2024': 3.05 } }));
    incoming = { ...incoming, name: 'Kế hoạch mới' };
    const ctx: WordContext = { lang: 'vi', local, incoming };
    const sections = inSections(planDifferences(local, incoming), (d) => d, ctx);
    expect(sections.map((s) => [s.section.title, s.items.map((d) => wordDifference(d, ctx).short)])).toEqual([
      ['Kế hoạch', ['Tên kế hoạch: “Kế hoạch” → “Kế hoạch mới”']],
      ['subscribers', ['2024: trống → 3']],
      ['Doanh thu', ['2023: 4.900 → 4.950', '2024: 5.300 → 5.500']],
    ]);
  });
});
