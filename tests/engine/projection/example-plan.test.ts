import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';

const examplePlan = (): Plan => JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8')).plan as Plan;

function compute(plan: Plan): PlanResult {
  const result = createEngineApi().compute(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function value(result: PlanResult, id: string, period: string): number {
  const row = result.ids.indexOf(id);
  const t = result.periodKeys.indexOf(period);
  return result.values[row * result.periodKeys.length + t] as number;
}

function primaryTarget(result: PlanResult, id: string) {
  const summary = result.indicators[result.ids.indexOf(id)];
  const target = summary?.targets[summary.primary];
  if (!target) throw new Error(`no target for ${id}`);
  return target;
}

describe('the Thanh Hóa 2024 example, checked by hand against the 2023 review', () => {
  const result = compute(examplePlan());

  it('needs +0.671 % a year to take mobile subscribers from 2.98 M to 3 M', () => {
    const target = primaryTarget(result, 'mobile_subscribers');
    expect(target.growthNeeded).toBeCloseTo(3 / 2.98 - 1, 12);
    expect(target.growthNeeded * 100).toBeCloseTo(0.671, 3);
    expect(target.status).toBe('onTrack');
    expect(target.projected).toBeCloseTo(3, 12);
  });

  it('needs +8.163 % a year to take revenue from 4,900 to 5,300 billion VND', () => {
    const target = primaryTarget(result, 'sector_revenue');
    expect(target.growthNeeded * 100).toBeCloseTo(8.163, 3);
    expect(target.attainment).toBeCloseTo(1, 12);
  });

  it('shows the internet target, the same as 2023, as met rather than as growth', () => {
    const target = primaryTarget(result, 'internet_subscribers');
    expect(target.status).toBe('met');
    expect(target.growthNeeded).toBeCloseTo(0, 12);
  });

  it('computes density from subscribers and the implied population of 3.656 M', () => {
    expect(value(result, 'mobile_density', '2023')).toBeCloseTo(2.98 / 3.656 * 100, 10);
    expect(Math.round(value(result, 'mobile_density', '2023') * 10) / 10).toBe(81.5);
  });

  it('adds partly and fully online services into the 1,710 on the national portal', () => {
    expect(value(result, 'online_services_total', '2023')).toBe(1710);
  });

  it('keeps the 2022 values the review implies as actuals', () => {
    expect(value(result, 'internet_subscribers', '2022')).toBeCloseTo(2.45 / 1.0633, 3);
    expect(value(result, 'sector_revenue', '2022')).toBeCloseTo(4900 / 1.0242, 0);
    const row = result.ids.indexOf('sector_revenue');
    expect(result.isActual[row * result.periodKeys.length + 0]).toBe(1);
  });

  it('compounds internet subscribers at 6.33 % a year through to the horizon', () => {
    for (let year = 2024; year <= 2030; year++) {
      expect(value(result, 'internet_subscribers', String(year))).toBeCloseTo(2.45 * 1.0633 ** (year - 2023), 12);
    }
  });

  it('carries the pace revenue needs for its 2024 target on to 2030', () => {
    expect(value(result, 'sector_revenue', '2030')).toBeCloseTo(4900 * (5300 / 4900) ** 7, 6);
  });

  it('recomputes density when population changes', () => {
    const plan = examplePlan();
    const population = plan.indicators.find((i) => i.id === 'population');
    if (!population) throw new Error('no population');
    population.actuals['2023'] = 4;
    expect(value(compute(plan), 'mobile_density', '2023')).toBeCloseTo(2.98 / 4 * 100, 10);
  });
});
