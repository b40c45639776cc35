import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenarioCommand, resolveScenario, type ScenarioCommand } from '../../../src/engine/scenarios/index.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { serializePlan } from '../../../src/format/serialize.ts';
import { inputProjection, keysOf, random, randomOverrides, randomPlan, value, type Random } from '../session/random-plans.ts';
import { deepFreeze, scenarioPlan } from './helpers.ts';

function apply(plan: Plan, command: ScenarioCommand): { plan: Plan; inverse: ScenarioCommand } {
  const result = applyScenarioCommand(plan, command);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function expectExactly(actual: Plan, expected: Plan): void {
  expect(actual).toStrictEqual(expected);
  expect(serializePlan(actual)).toBe(serializePlan(expected));
}

/** A command that makes sense for the plan as it is (it may still be refused: a loop, children). */
function randomCommand(r: Random, plan: Plan): ScenarioCommand {
  const scenarios = plan.scenarios ?? [];
  const keys = keysOf(plan);
  const some = (): string => (scenarios.length > 0 && r.chance(0.9) ? r.pick(scenarios).id : 'unknown');
  const indicator = (): string => r.pick(plan.indicators).id;
  switch (r.int(10)) {
    case 0: return {
      type: 'addScenario',
      index: r.int(scenarios.length + 1),
      scenario: {
        id: `s${r.int(50)}`,
        name: { vi: 'Mới', ...(r.chance(0.5) ? { en: 'New' } : {}) },
        ...(scenarios.length > 0 && r.chance(0.5) ? { parent: r.pick(scenarios).id } : {}),
        ...(r.chance(0.3) ? { description: 'Giả định' } : {}),
        overrides: randomOverrides(r, plan.indicators, keys),
      },
    };
    case 1: return { type: 'removeScenario', scenario: some() };
    case 2: return { type: 'renameScenario', scenario: some(), name: { vi: `Tên ${r.int(9)}` } };
    case 3: return { type: 'setScenarioDescription', scenario: some(), description: r.chance(0.5) ? null : `Mô tả ${r.int(9)}` };
    case 4: return { type: 'setScenarioParent', scenario: some(), parent: r.chance(0.3) ? null : some() };
    case 5: return { type: 'setOverride', scenario: some(), indicator: indicator(), change: { field: 'actual', period: r.pick(keys), value: r.chance(0.3) ? null : value(r) } };
    case 6: {
      const field = r.pick(['projection', 'targets', 'range'] as const);
      switch (field) {
        case 'projection': return { type: 'setOverride', scenario: some(), indicator: indicator(), change: { field, value: r.chance(0.3) ? null : inputProjection(r, keys) } };
        case 'targets': return { type: 'setOverride', scenario: some(), indicator: indicator(), change: { field, value: r.chance(0.3) ? null : [{ period: r.pick(keys), value: value(r), direction: 'atMost' }] } };
        case 'range': return { type: 'setOverride', scenario: some(), indicator: indicator(), change: { field, value: r.pick([null, 'none', { distribution: 'normal', of: 'level', mean: 1, sd: 0.1 }] as const) } };
      }
      break;
    }
    case 7: return { type: 'resetOverride', scenario: some(), indicator: indicator() };
    case 8: return { type: 'replaceOverride', scenario: some(), indicator: indicator(), override: r.chance(0.2) ? null : { actuals: {} } };
  }
  return { type: 'makeBaseline', scenario: some() };
}

describe('scenario commands', () => {
  it('each undone by its inverse exactly, and a sequence undone in reverse order', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 30 }), (seed, steps) => {
        const r = random(seed);
        const original = deepFreeze(randomPlan(r));
        let plan = original;
        const inverses: ScenarioCommand[] = [];
        for (let i = 0; i < steps; i++) {
          const result = applyScenarioCommand(plan, randomCommand(r, plan));
          if (!result.ok) continue;
          const next = deepFreeze(result.value.plan);
          expectExactly(apply(next, result.value.inverse).plan, plan);
          inverses.push(result.value.inverse);
          plan = next;
        }
        for (const inverse of inverses.reverse()) plan = apply(plan, inverse).plan;
        expectExactly(plan, original);
      }),
      { numRuns: 400 },
    );
  });

  it('sets and resets one field of an override, leaving no empty override behind', () => {
    const plan = scenarioPlan();
    const set = apply(plan, { type: 'setOverride', scenario: 'higher', indicator: 'arpu', change: { field: 'actual', period: '2024', value: 1.5 } }).plan;
    expect(set.scenarios?.[1]?.overrides.arpu).toEqual({ actuals: { '2024': 1.5 } });
    const reset = apply(set, { type: 'setOverride', scenario: 'higher', indicator: 'arpu', change: { field: 'actual', period: '2024', value: null } }).plan;
    expect(reset.scenarios?.[1]?.overrides).not.toHaveProperty('arpu');
    const none = apply(plan, { type: 'setOverride', scenario: 'high', indicator: 'revenue', change: { field: 'range', value: 'none' } }).plan;
    expect(none.scenarios?.[0]?.overrides.revenue?.range).toBeNull();
    const gone = apply(plan, { type: 'resetOverride', scenario: 'high', indicator: 'subscribers' }).plan;
    expect(gone.scenarios?.[0]?.overrides).not.toHaveProperty('subscribers');
  });

  it('makes a scenario the baseline: the base takes its values and its descendants compute as before', () => {
    const plan = scenarioPlan();
    const effective = (p: Plan, id: string | null): Plan => {
      const r = resolveScenario(p, id);
      if (!r.ok) throw new Error('resolve');
      return r.value;
    };
    const before = effective(plan, 'higher');
    const { plan: after, inverse } = apply(plan, { type: 'makeBaseline', scenario: 'high' });
    expect(after.indicators).toEqual(effective(plan, 'high').indicators);
    expect(after.scenarios?.[0]).toEqual({ id: 'high', name: { vi: 'Cao' }, overrides: {} });
    expect(effective(after, 'higher').indicators).toEqual(before.indicators);
    expect(inverse.type).toBe('restoreBaseline');
    expectExactly(apply(after, inverse).plan, plan);
  });

  it('refuses what would break the plan, naming why', () => {
    const plan = scenarioPlan();
    const refused = (command: ScenarioCommand) => {
      const result = applyScenarioCommand(plan, command);
      return result.ok ? null : result.error;
    };
    expect(refused({ type: 'removeScenario', scenario: 'high' })).toEqual({ code: 'scenarioHasChildren', scenario: 'high', children: ['higher'] });
    expect(refused({ type: 'setScenarioParent', scenario: 'high', parent: 'higher' })).toEqual({ code: 'scenarioLoop', chain: ['high', 'higher', 'high'] });
    expect(refused({ type: 'setScenarioParent', scenario: 'high', parent: 'high' })).toEqual({ code: 'scenarioLoop', chain: ['high', 'high'] });
    expect(refused({ type: 'addScenario', index: 0, scenario: { id: 'high', name: { vi: 'x' }, overrides: {} } })).toEqual({ code: 'duplicateScenario', scenario: 'high' });
    expect(refused({ type: 'addScenario', index: 0, scenario: { id: '__proto__', name: { vi: 'x' }, overrides: {} } })).toEqual({ code: 'invalidScenarioId', scenario: '__proto__' });
    expect(refused({ type: 'addScenario', index: 5, scenario: { id: 'low', name: { vi: 'x' }, overrides: {} } })).toEqual({ code: 'badIndex', index: 5 });
    expect(refused({ type: 'addScenario', index: 0, scenario: { id: 'low', name: { vi: 'x' }, overrides: { nobody: {} } } })).toEqual({ code: 'unknownIndicator', indicator: 'nobody' });
    expect(refused({ type: 'renameScenario', scenario: 'high', name: { vi: '  ' } })).toEqual({ code: 'emptyName' });
    expect(refused({ type: 'setOverride', scenario: 'nope', indicator: 'arpu', change: { field: 'projection', value: null } })).toEqual({ code: 'unknownScenario', scenario: 'nope' });
    expect(refused({ type: 'setOverride', scenario: 'high', indicator: 'arpu', change: { field: 'actual', period: '2030', value: 1 } })).toEqual({ code: 'unknownPeriod', period: '2030' });
    expect(refused({ type: 'setOverride', scenario: 'high', indicator: 'arpu', change: { field: 'actual', period: '2024', value: Infinity } })).toEqual({ code: 'notFinite' });
    expect(refused({ type: 'setOverride', scenario: 'high', indicator: 'nobody', change: { field: 'targets', value: [] } })).toEqual({ code: 'unknownIndicator', indicator: 'nobody' });
  });

  it('drops the scenario list with its last scenario, unless it was there empty before', () => {
    const { scenarios: _, ...bare } = scenarioPlan();
    const added = apply(bare, { type: 'addScenario', index: 0, scenario: { id: 'a', name: { vi: 'A' }, overrides: {} } });
    expect(apply(added.plan, added.inverse).plan).not.toHaveProperty('scenarios');
    const empty: Plan = { ...bare, scenarios: [] };
    const addedToEmpty = apply(empty, { type: 'addScenario', index: 0, scenario: { id: 'a', name: { vi: 'A' }, overrides: {} } });
    expect(apply(addedToEmpty.plan, addedToEmpty.inverse).plan.scenarios).toEqual([]);
  });
});
