import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overriddenCells, resolveScenario } from '../../../src/engine/scenarios/index.ts';
import { setsItself } from '../../../src/engine/scenarios/resolve.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { random, randomPlan } from '../session/random-plans.ts';
import { deepFreeze, scenarioPlan } from './helpers.ts';

function resolved(plan: Plan, id: string | null): Plan {
  const result = resolveScenario(plan, id);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('resolving a scenario', () => {
  it('is the base itself for null', () => {
    const plan = scenarioPlan();
    expect(resolved(plan, null)).toBe(plan);
  });

  it('lays actuals over the base period by period and replaces projection, targets and range', () => {
    const [subscribers, revenue] = resolved(scenarioPlan(), 'high').indicators;
    expect(subscribers?.actuals).toEqual({ '2022': 2.9, '2023': 3.0 });
    expect(subscribers?.projection).toEqual({ method: 'growth', rate: 0.03 });
    expect(subscribers?.targets).toEqual([{ period: '2025', value: 3, direction: 'atLeast' }]);
    expect(subscribers && 'range' in subscribers).toBe(false);
    expect(revenue?.targets).toEqual([{ period: '2026', value: 6000, direction: 'atLeast' }]);
  });

  it('applies the ancestors root first, then the scenario itself', () => {
    const [subscribers, revenue] = resolved(scenarioPlan(), 'higher').indicators;
    expect(subscribers?.actuals).toEqual({ '2022': 2.9, '2023': 3.1, '2024': 3.2 });
    // Inherited from "high", which "higher" does not override.
    expect(subscribers?.projection).toEqual({ method: 'growth', rate: 0.03 });
    expect(revenue?.projection).toEqual({ method: 'linear', step: 500 });
    expect(revenue?.targets).toEqual([{ period: '2026', value: 6000, direction: 'atLeast' }]);
  });

  it('keeps indicators no scenario touches as the very same objects', () => {
    const plan = scenarioPlan();
    const effective = resolved(plan, 'higher');
    expect(effective.indicators[2]).toBe(plan.indicators[2]);
    expect(effective.indicators[0]).not.toBe(plan.indicators[0]);
  });

  it('names an unknown scenario, a missing parent and a loop of parents', () => {
    const plan = scenarioPlan();
    expect(resolveScenario(plan, 'low')).toEqual({ ok: false, error: { code: 'unknownScenario', scenario: 'low' } });
    const orphan: Plan = { ...plan, scenarios: [{ id: 'a', name: { vi: 'A' }, parent: 'gone', overrides: {} }] };
    expect(resolveScenario(orphan, 'a')).toEqual({ ok: false, error: { code: 'unknownScenario', scenario: 'gone', child: 'a' } });
    const loop: Plan = {
      ...plan,
      scenarios: [
        { id: 'a', name: { vi: 'A' }, parent: 'b', overrides: {} },
        { id: 'b', name: { vi: 'B' }, parent: 'c', overrides: {} },
        { id: 'c', name: { vi: 'C' }, parent: 'b', overrides: {} },
      ],
    };
    expect(resolveScenario(loop, 'a')).toEqual({ ok: false, error: { code: 'scenarioLoop', chain: ['b', 'c', 'b'] } });
  });

  it('never changes the plan it is given', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const plan = deepFreeze(randomPlan(random(seed)));
        const copy = structuredClone(plan);
        for (const scenario of plan.scenarios ?? []) resolved(plan, scenario.id);
        expect(plan).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });
});

describe('overridden cells', () => {
  it('tells what a scenario sets itself from what it inherits, and from which scenario', () => {
    const cells = overriddenCells(scenarioPlan(), 'higher');
    if (!cells.ok) throw new Error('failed');
    const subscribers = cells.value.get('subscribers');
    expect(subscribers?.actuals).toEqual(new Map([
      ['2023', { scenario: 'higher', inherited: false }],
      ['2024', { scenario: 'higher', inherited: false }],
    ]));
    expect(subscribers?.projection).toEqual({ scenario: 'high', inherited: true });
    expect(subscribers?.range).toEqual({ scenario: 'high', inherited: true });
    expect(subscribers?.targets).toBeUndefined();
    const revenue = cells.value.get('revenue');
    expect(revenue?.projection).toEqual({ scenario: 'higher', inherited: false });
    expect(revenue?.targets).toEqual({ scenario: 'high', inherited: true });
    expect(cells.value.has('arpu')).toBe(false);
  });

  it('says a scenario sets an indicator itself only when one of its fields or periods is not inherited', () => {
    const own = overriddenCells(scenarioPlan(), 'higher');
    const inheritedOnly = overriddenCells(scenarioPlan(), 'high');
    if (!own.ok || !inheritedOnly.ok) throw new Error('failed');
    expect(setsItself(own.value.get('subscribers'))).toBe(true); // its own actuals
    expect(setsItself(own.value.get('revenue'))).toBe(true); // its own projection, inherited targets
    expect(setsItself(own.value.get('arpu'))).toBe(false); // nothing at all
    expect(setsItself({ actuals: new Map(), projection: { scenario: 'high', inherited: true }, range: { scenario: 'high', inherited: true } })).toBe(false);
    expect(setsItself(inheritedOnly.value.get('subscribers'))).toBe(true);
  });

  it('is empty for the base and a problem for an unknown scenario', () => {
    const base = overriddenCells(scenarioPlan(), null);
    expect(base.ok && base.value.size).toBe(0);
    expect(overriddenCells(scenarioPlan(), 'nope').ok).toBe(false);
  });
});
