import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Indicator, Plan, Projection } from '../../../src/engine/model/plan.ts';
import { compileProgram, runProgram, setParameter, type Program } from '../../../src/engine/projection/program.ts';
import { goalSeek, goalSeekProgram, type GoalSeekRequest } from '../../../src/engine/solve/index.ts';

const examplePlan = (): Plan => JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8')).plan as Plan;

function indicatorOf(plan: Plan, id: string): Indicator {
  const found = plan.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function compiled(plan: Plan): Program {
  const result = compileProgram(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  runProgram(result.value);
  return result.value;
}

/** The indicator's value at the period when the parameter is set to x, from a fresh compile. */
function valueWith(plan: Plan, request: GoalSeekRequest, x: number): number {
  const program = compiled(plan);
  const row = program.rowOf.get(request.vary.indicator) as number;
  setParameter(program, row, request.vary.parameter, x);
  runProgram(program);
  return program.values[(program.rowOf.get(request.indicator) as number) * program.periods.count + program.periods.indexOf(request.period)] as number;
}

function answer(plan: Plan, request: GoalSeekRequest) {
  const result = goalSeek(plan, request);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('goal seek on the Thanh Hóa example', () => {
  it('finds the population growth that keeps mobile density at 82 per 100 in 2025', () => {
    const plan = examplePlan();
    indicatorOf(plan, 'population').projection = { method: 'growth', rate: 0.01 };
    const request: GoalSeekRequest = { vary: { indicator: 'population', parameter: 'rate' }, indicator: 'mobile_density', period: '2025', value: 82 };
    const found = answer(plan, request);
    // Subscribers reach 3 M in 2024 and carry the same growth into 2025; density = subs / pop × 100.
    const subscribers2025 = 3 * (3 / 2.98);
    const expected = Math.sqrt(subscribers2025 / (0.82 * 3.656)) - 1;
    expect(found.value).toBeCloseTo(expected, 12);
    expect(Math.abs(found.achieved - 82) / 82).toBeLessThan(1e-12);
    expect(found.base).toBe(0.01);
    expect(found.evaluations).toBeLessThanOrEqual(15);
  });

  it('finds the population level that gives density 82 in 2025 when it is held constant', () => {
    const plan = examplePlan();
    const request: GoalSeekRequest = { vary: { indicator: 'population', parameter: 'level' }, indicator: 'mobile_density', period: '2025', value: 82 };
    const found = answer(plan, request);
    expect(found.value).toBeCloseTo((3 * 3 / 2.98) / 0.82, 12);
    expect(found.base).toBe(3.656);
    expect(found.evaluations).toBeLessThanOrEqual(15);
  });

  it('finds the revenue per subscriber a formula needs to reach 5,300 billion VND', () => {
    const plan = examplePlan();
    plan.indicators.push(
      makeIndicator({ id: 'arpu', actuals: { '2023': 110_000 }, projection: { method: 'constant' } }),
      makeIndicator({ id: 'service_revenue', projection: { method: 'formula', formula: 'arpu * mobile_subscribers * 1e6 * 12 / 1e9' } }),
    );
    const request: GoalSeekRequest = { vary: { indicator: 'arpu', parameter: 'level' }, indicator: 'service_revenue', period: '2024', value: 5300 };
    const found = answer(plan, request);
    expect(found.value).toBeCloseTo(5300 / (3 * 12e6 / 1e9), 6);
    expect(found.evaluations).toBeLessThanOrEqual(4); // linear in the level: the secant lands at once
  });
});

type Link = { shape: 'scale'; k: number } | { shape: 'shift'; c: number } | { shape: 'compound'; k: number } | { shape: 'ratio'; c: number } | { shape: 'square' };

const linkArb: fc.Arbitrary<Link> = fc.oneof(
  fc.record({ shape: fc.constant('scale' as const), k: fc.double({ min: 0.2, max: 5, noNaN: true }) }),
  fc.record({ shape: fc.constant('shift' as const), c: fc.double({ min: 0, max: 500, noNaN: true }) }),
  fc.record({ shape: fc.constant('compound' as const), k: fc.double({ min: 0.9, max: 1.1, noNaN: true }) }),
  fc.record({ shape: fc.constant('ratio' as const), c: fc.double({ min: 10, max: 1000, noNaN: true }) }),
  fc.record({ shape: fc.constant('square' as const) }),
);

function formulaOf(link: Link, above: string, self: string): string {
  switch (link.shape) {
    case 'scale': return `${above} * ${link.k}`;
    case 'shift': return `${above} + ${link.c}`;
    // Its own history: a row that compounds what it reads.
    case 'compound': return `if(prev(${self}) > 0, prev(${self}) * ${link.k} + ${above} * 0.1, ${above})`;
    case 'ratio': return `${above} * ${above} / (${above} + ${link.c})`;
    case 'square': return `${above} * ${above} / 1000`;
  }
}

const inputArb = fc.oneof(
  fc.record({ method: fc.constant('growth' as const), rate: fc.double({ min: -0.05, max: 0.15, noNaN: true }), parameter: fc.constantFrom('rate' as const, 'level' as const) }),
  fc.record({ method: fc.constant('linear' as const), step: fc.double({ min: 0, max: 20, noNaN: true }), parameter: fc.constantFrom('step' as const, 'level' as const) }),
);

describe('goal seek through chains of formulas', () => {
  it('reproduces the value asked within 1e-9 and in at most 15 evaluations', () => {
    fc.assert(fc.property(
      inputArb,
      fc.double({ min: 50, max: 5000, noNaN: true }),
      // Smooth planning chains: compounding, scaling and shifts, with at most two links that
      // square (a square, a saturating ratio), one square at most. (Towers of powers such as
      // x^8 behind a shift need a few more evaluations; they stay correct.)
      fc.array(linkArb, { minLength: 0, maxLength: 6 }).filter((links) =>
        links.filter((l) => l.shape === 'square').length <= 1 && links.filter((l) => l.shape === 'square' || l.shape === 'ratio').length <= 2),
      fc.integer({ min: 1, max: 10 }),
      fc.double({ min: 0.5, max: 2, noNaN: true }),
      (input, level, links, period, factor) => {
        const projection: Projection = input.method === 'growth' ? { method: 'growth', rate: input.rate } : { method: 'linear', step: input.step };
        const indicators = [makeIndicator({ id: 'x', actuals: { '2020': level }, projection })];
        links.forEach((link, i) => {
          const above = i === 0 ? 'x' : `y${i - 1}`;
          indicators.push(makeIndicator({ id: `y${i}`, projection: { method: 'formula', formula: formulaOf(link, above, `y${i}`) } }));
        });
        const plan = makePlan({ name: 'chain', calendar: { periodicity: 'year', start: '2020', end: '2030' }, indicators }, new Date('2026-01-01T00:00:00Z'));
        const last = links.length === 0 ? 'x' : `y${links.length - 1}`;
        const base = input.parameter === 'level' ? level : input.method === 'growth' ? input.rate : input.step;
        // A value the model does reach: its own value with the parameter moved by a random amount.
        const moved = input.parameter === 'rate' ? base + (factor - 1) * 0.1 : input.parameter === 'step' ? base * factor + (factor - 1) * 2 : base * factor;
        const probe: GoalSeekRequest = { vary: { indicator: 'x', parameter: input.parameter }, indicator: last, period: String(2020 + period), value: 0 };
        const goal = valueWith(plan, probe, moved);
        if (!Number.isFinite(goal) || Math.abs(goal) < 1e-6) return; // not a well-posed ask
        const request = { ...probe, value: goal };
        const result = goalSeek(plan, request);
        if (!result.ok) throw new Error(`${JSON.stringify(result.error)} for ${JSON.stringify({ input, level, links, period, factor })}`);
        const reached = valueWith(plan, request, result.value.value);
        expect(Math.abs(reached - goal) / Math.abs(goal)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(result.value.achieved - goal) / Math.abs(goal)).toBeLessThanOrEqual(1e-9);
        expect(result.value.evaluations).toBeLessThanOrEqual(15);
      },
    ), { numRuns: 300 });
  });

  it('restores the compiled program: parameters and values read as before', () => {
    const plan = examplePlan();
    indicatorOf(plan, 'population').projection = { method: 'growth', rate: 0.01 };
    const program = compiled(plan);
    const row = program.rowOf.get('population') as number;
    setParameter(program, row, 'rate', 0.02);
    runProgram(program);
    const values = program.values.slice();
    const parameters = program.parameters.slice();
    const found = goalSeekProgram(program, { vary: { indicator: 'population', parameter: 'rate' }, indicator: 'mobile_density', period: '2030', value: 70 });
    expect(found.ok).toBe(true);
    expect(program.values).toEqual(values);
    expect(program.parameters).toEqual(parameters);
  });
});

describe('goal seek when no answer exists', () => {
  it('says so, with the widest interval tried and the values at its ends', () => {
    const plan = examplePlan();
    const request: GoalSeekRequest = { vary: { indicator: 'internet_subscribers', parameter: 'rate' }, indicator: 'internet_subscribers', period: '2030', value: -1 };
    const result = goalSeek(plan, request);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'noSolution') throw new Error(JSON.stringify(result));
    const { low, high, lowValue, highValue } = result.error;
    expect(low).toBeGreaterThan(-1);
    expect(low).toBeLessThan(-0.999);
    expect(high).toBeGreaterThan(1);
    expect(lowValue).toBeCloseTo(valueWith(plan, request, low), 12);
    expect(highValue).toBe(valueWith(plan, request, high));
    expect(Math.min(lowValue, highValue)).toBeGreaterThan(-1);
  });

  it('stays inside the bounds given and reports their ends', () => {
    const plan = examplePlan();
    const request: GoalSeekRequest = {
      vary: { indicator: 'internet_subscribers', parameter: 'rate' }, indicator: 'internet_subscribers', period: '2030', value: 100, bounds: { low: 0, high: 0.1 },
    };
    const result = goalSeek(plan, request);
    if (result.ok || result.error.code !== 'noSolution') throw new Error(JSON.stringify(result));
    expect(result.error.low).toBe(0);
    expect(result.error.high).toBe(0.1);
    expect(result.error.highValue).toBeCloseTo(2.45 * 1.1 ** 7, 10);
  });

  it('gives up within the evaluation cap on a value the model can never reach', () => {
    const plan = makePlan({ name: 'capped', calendar: { periodicity: 'year', start: '2020', end: '2025' }, indicators: [
      makeIndicator({ id: 'x', actuals: { '2020': 1 }, projection: { method: 'linear', step: 1 } }),
      makeIndicator({ id: 'y', projection: { method: 'formula', formula: 'min(x, 5)' } }),
    ] });
    const result = goalSeek(plan, { vary: { indicator: 'x', parameter: 'step' }, indicator: 'y', period: '2025', value: 7, maxEvaluations: 40 });
    if (result.ok || result.error.code !== 'noSolution') throw new Error(JSON.stringify(result));
    expect(result.error.highValue).toBe(5);
  });

  it('names what is wrong with the request', () => {
    const plan = examplePlan();
    const seek = (request: Partial<GoalSeekRequest>) => {
      const result = goalSeek(plan, { vary: { indicator: 'population', parameter: 'level' }, indicator: 'mobile_density', period: '2025', value: 82, ...request });
      return result.ok ? null : result.error;
    };
    expect(seek({ indicator: 'nobody' })).toEqual({ code: 'unknownIndicator', indicator: 'nobody' });
    expect(seek({ vary: { indicator: 'nobody', parameter: 'level' } })).toEqual({ code: 'unknownIndicator', indicator: 'nobody' });
    expect(seek({ period: '2040' })).toEqual({ code: 'unknownPeriod', period: '2040' });
    expect(seek({ vary: { indicator: 'population', parameter: 'rate' } })).toEqual({ code: 'noSuchParameter', indicator: 'population', parameter: 'rate' });
    expect(seek({ vary: { indicator: 'mobile_density', parameter: 'level' } })).toEqual({ code: 'noSuchParameter', indicator: 'mobile_density', parameter: 'level' });
    expect(seek({ indicator: 'sector_revenue' })).toEqual({ code: 'notAffected', indicator: 'sector_revenue', vary: 'population' });
    expect(seek({ value: Number.NaN })).toEqual({ code: 'invalidRequest', field: 'value' });
    expect(seek({ bounds: { low: 2, high: 1 } })).toEqual({ code: 'invalidRequest', field: 'bounds' });
    expect(seek({ maxEvaluations: 0 })).toEqual({ code: 'invalidRequest', field: 'maxEvaluations' });
  });

  it('reports an indicator that cannot be computed and a plan that cannot be compiled', () => {
    const plan = examplePlan();
    plan.indicators.push(makeIndicator({ id: 'broken', projection: { method: 'formula', formula: 'population *' } }));
    const broken = goalSeek(plan, { vary: { indicator: 'population', parameter: 'level' }, indicator: 'broken', period: '2025', value: 1 });
    expect(broken).toEqual({ ok: false, error: { code: 'notComputable', indicator: 'broken' } });
    const bad = { ...examplePlan(), calendar: { periodicity: 'year' as const, start: '2030', end: '2020' } };
    const result = goalSeek(bad, { vary: { indicator: 'population', parameter: 'level' }, indicator: 'mobile_density', period: '2025', value: 82 });
    expect(result.ok ? null : result.error.code).toBe('plan');
  });
});
