import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Indicator, Plan, Range } from '../../../src/engine/model/plan.ts';
import { satisfies } from '../../../src/engine/projection/targets.ts';
import {
  createSimulation,
  normalQuantile,
  simulate,
  TrialSampler,
  type SimulationOptions,
  type SimulationResult,
} from '../../../src/engine/uncertainty/index.ts';
import { syntheticPlan } from './models.ts';

const examplePlan = (): Plan => JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8')).plan as Plan;

function run(plan: Plan, options: SimulationOptions = {}): SimulationResult {
  const result = simulate(plan, options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function cell(result: SimulationResult, percentile: number, id: string, period: string): number {
  const rows = result.ids.length;
  const n = result.periodKeys.length;
  return result.values[(percentile * rows + result.ids.indexOf(id)) * n + result.periodKeys.indexOf(period)] as number;
}

/** x held at a sampled level from 2020; y = 3x + 7 with a target. */
function linearPlan(range: Range, target?: { value: number; direction: 'atLeast' | 'atMost' }): Plan {
  return makePlan({
    name: 'linear',
    calendar: { periodicity: 'year', start: '2020', end: '2025' },
    indicators: [
      makeIndicator({ id: 'x', actuals: { '2020': 100 }, projection: { method: 'constant' }, range }),
      makeIndicator({
        id: 'y',
        projection: { method: 'formula', formula: '3 * x + 7' },
        targets: target ? [{ period: '2025', value: target.value, direction: target.direction }] : [],
      }),
    ],
  }, new Date('2026-01-01T00:00:00Z'));
}

/** The example plan with zero-width ranges at the plan's own values on four inputs. */
function exampleWithPointRanges(): Plan {
  const plan = examplePlan();
  const set = (id: string, range: Range) => { (plan.indicators.find((i) => i.id === id) as Indicator).range = range; };
  set('internet_subscribers', { distribution: 'pert', of: 'rate', low: 0.0633, likely: 0.0633, high: 0.0633 });
  set('population', { distribution: 'normal', of: 'level', mean: 3.656, sd: 0 });
  set('mobile_subscribers', { distribution: 'triangular', of: 'level', low: 2.98, likely: 2.98, high: 2.98 });
  set('online_services_full', { distribution: 'triangular', of: 'level', low: 868, likely: 868, high: 868 });
  return plan;
}

describe('Monte Carlo simulation', () => {
  it('equals the deterministic projection exactly when every range has zero width', () => {
    const plan = exampleWithPointRanges();
    const computed = createEngineApi().compute(plan);
    if (!computed.ok) throw new Error('compute');
    const result = run(plan, { trials: 500, percentiles: [0.1, 0.5, 0.9] });
    const cells = computed.value.values.length;
    for (let p = 0; p < 3; p++) expect(result.values.subarray(p * cells, (p + 1) * cells)).toEqual(computed.value.values);
    expect(result.mean).toEqual(computed.value.values);
    for (const target of result.targets) {
      const assessed = computed.value.indicators[computed.value.ids.indexOf(target.indicator)]?.targets.find((t) => t.index === target.index);
      if (!assessed) throw new Error('no target');
      expect(target.probability).toBe(satisfies(assessed.projected, assessed.value, assessed.direction) ? 1 : 0);
    }
  });

  it('reproduces itself exactly from the same seed, and not from another', () => {
    const plan = syntheticPlan({ indicators: 30, periods: 24, ranges: true, targets: true });
    const a = run(plan, { trials: 300, seed: 11 });
    const b = run(plan, { trials: 300, seed: 11 });
    const c = run(plan, { trials: 300, seed: 12 });
    expect(b.values).toEqual(a.values);
    expect(b.mean).toEqual(a.mean);
    expect(b.targets).toEqual(a.targets);
    expect(c.values).not.toEqual(a.values);
  });

  it('runs a preview that is exactly the first trials of the full run', () => {
    const plan = linearPlan({ distribution: 'pert', of: 'level', low: 50, likely: 90, high: 200 });
    const percentiles = [0, 0.1, 0.5, 0.9, 1];
    // The draws of the full run, taken from the sampler the simulation uses.
    const sampler = new TrialSampler([{ indicator: 'x', parameter: 'level', range: plan.indicators[0]?.range as Range }], 5);
    const out = new Float64Array(1);
    const draws = Array.from({ length: 4000 }, () => { sampler.draw(out); return 3 * (out[0] as number) + 7; });
    for (const trials of [1000, 4000]) {
      const result = run(plan, { trials, seed: 5, percentiles });
      const exact = run(plan, { trials, seed: 5, percentiles, storage: 'float64' });
      const first = draws.slice(0, trials).sort((p, q) => p - q);
      percentiles.forEach((p, i) => {
        const h = (trials - 1) * p;
        const below = Math.floor(h);
        const expected = (first[below] as number) + (h - below) * ((first[Math.min(below + 1, trials - 1)] as number) - (first[below] as number));
        expect(cell(exact, i, 'y', '2024')).toBe(expected);
        // Stored as 32-bit deviations from trial 0: equal to within 2^-23 of the spread.
        expect(Math.abs(cell(result, i, 'y', '2024') - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
      });
    }
  });

  it('matches the quantiles of a normal input through a linear model within sampling error', () => {
    const [mean, sd, trials] = [100, 10, 20_000];
    const result = run(linearPlan({ distribution: 'normal', of: 'level', mean, sd }), { trials, percentiles: [0.1, 0.5, 0.9] });
    [0.1, 0.5, 0.9].forEach((p, i) => {
      const z = normalQuantile(p);
      const expected = 3 * (mean + sd * z) + 7;
      // Standard error of a sample quantile: √(p(1 − p)/n) / density at the quantile.
      const density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (3 * sd);
      const error = Math.sqrt(p * (1 - p) / trials) / density;
      expect(Math.abs(cell(result, i, 'y', '2025') - expected)).toBeLessThan(3 * error);
    });
    expect(Math.abs((result.mean[1 * 6 + 5] as number) - (3 * mean + 7))).toBeLessThan(3 * 3 * sd / Math.sqrt(trials));
  });

  it('gives the probability of reaching a target that a normal input implies', () => {
    const [mean, sd, trials] = [100, 10, 20_000];
    // P(3x + 7 ≥ c) = 0.3 exactly when c = 3(mean + sd · Φ⁻¹(0.7)) + 7.
    const c = 3 * (mean + sd * normalQuantile(0.7)) + 7;
    const atLeast = run(linearPlan({ distribution: 'normal', of: 'level', mean, sd }, { value: c, direction: 'atLeast' }), { trials });
    const atMost = run(linearPlan({ distribution: 'normal', of: 'level', mean, sd }, { value: c, direction: 'atMost' }), { trials });
    const error = Math.sqrt(0.3 * 0.7 / trials);
    expect(Math.abs((atLeast.targets[0]?.probability as number) - 0.3)).toBeLessThan(3 * error);
    expect(Math.abs((atMost.targets[0]?.probability as number) - 0.7)).toBeLessThan(3 * error);
    expect(atLeast.targets[0]).toMatchObject({ indicator: 'y', index: 0, period: '2025' });
  });

  it('gives the same answer in many passes under a small memory budget as in one', () => {
    const plan = syntheticPlan({ indicators: 40, periods: 36, ranges: true, targets: true });
    const roomy = createSimulation(plan, { trials: 400 });
    const tight = createSimulation(plan, { trials: 400, memoryBudgetBytes: 400 * 4 * 150 + 3 * 4 * 40 * 36 * 8 });
    if (!roomy.ok || !tight.ok) throw new Error('create');
    expect(roomy.value.passes).toBe(1);
    expect(tight.value.passes).toBeGreaterThan(5);
    expect(tight.value.memoryBytes).toBeLessThan(roomy.value.memoryBytes);
    const a = roomy.value.result();
    const b = tight.value.result();
    expect(b.values).toEqual(a.values);
    expect(b.mean).toEqual(a.mean);
    expect(b.targets).toEqual(a.targets);
  });

  it('runs in batches with progress, to the same result as all at once', () => {
    const plan = syntheticPlan({ indicators: 20, periods: 12, ranges: true });
    const created = createSimulation(plan, { trials: 250, memoryBudgetBytes: 250 * 4 * 60 + 4 * 20 * 12 * 8 });
    if (!created.ok) throw new Error('create');
    const simulation = created.value;
    expect(simulation.total).toBe(250 * simulation.passes);
    const seen: number[] = [];
    while (simulation.runBatch(100) > 0) seen.push(simulation.done);
    expect(seen[seen.length - 1]).toBe(simulation.total);
    expect(seen.every((done, i) => i === 0 || done > (seen[i - 1] as number))).toBe(true);
    expect(simulation.runBatch(100)).toBe(0);
    expect(simulation.result().values).toEqual(run(plan, { trials: 250 }).values);
  });

  it('samples each input once per trial, so a whole path moves together', () => {
    // A growth rate drawn once per trial: every period is level × (1 + r)^t for the same r, so
    // the ratio of two periods' percentiles follows from one percentile of r.
    const plan = makePlan({ name: 'path', calendar: { periodicity: 'year', start: '2020', end: '2023' }, indicators: [
      makeIndicator({ id: 'x', actuals: { '2020': 100 }, projection: { method: 'growth', rate: 0.05 }, range: { distribution: 'triangular', of: 'rate', low: 0, likely: 0.05, high: 0.1 } }),
    ] });
    const result = run(plan, { trials: 2001, percentiles: [0.9] });
    const r = cell(result, 0, 'x', '2021') / 100 - 1;
    expect(cell(result, 0, 'x', '2023')).toBeCloseTo(100 * (1 + r) ** 3, 3);
  });
});

describe('simulation problems', () => {
  it('names each one', () => {
    const problem = (plan: Plan, options: SimulationOptions = {}) => {
      const result = createSimulation(plan, options);
      return result.ok ? null : result.error;
    };
    const ranged = linearPlan({ distribution: 'normal', of: 'level', mean: 100, sd: 1 });
    expect(problem(examplePlan())).toEqual({ code: 'noRanges' });
    const wrong = linearPlan({ distribution: 'normal', of: 'rate', mean: 0.1, sd: 0.01 });
    expect(problem(wrong)).toEqual({ code: 'rangeNotApplicable', indicator: 'x', parameter: 'rate' });
    expect(problem(ranged, { trials: 100_001 })).toEqual({ code: 'tooManyTrials', trials: 100_001, limit: 100_000 });
    expect(problem(ranged, { trials: 2.5 })).toEqual({ code: 'invalidOption', option: 'trials' });
    expect(problem(ranged, { seed: 0.5 })).toEqual({ code: 'invalidOption', option: 'seed' });
    expect(problem(ranged, { percentiles: [0.5, 1.5] })).toEqual({ code: 'invalidOption', option: 'percentiles' });
    expect(problem(ranged, { memoryBudgetBytes: 100 })).toMatchObject({ code: 'memoryBudgetTooSmall', budget: 100 });
    expect(problem(ranged, { storage: 'float16' as 'float32' })).toEqual({ code: 'invalidOption', option: 'storage' });
    const big = syntheticPlan({ indicators: 20, periods: 1200, ranges: true });
    expect(problem(big, { trials: 100_000 })).toMatchObject({ code: 'tooMuchWork', limit: 2_000_000_000 });
  });
});
