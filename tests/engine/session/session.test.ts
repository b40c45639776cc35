import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngineSession } from '../../../src/engine/session.ts';
import { runProgram, setParameter } from '../../../src/engine/projection/program.ts';
import { summarize } from '../../../src/engine/projection/result.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { random, randomEdit, randomPlan } from './random-plans.ts';
import { generateModel, withIndicator } from './helpers.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { expectSameResult, fresh } from './same-result.ts';

/** Ids of the indicators an edit replaced, or whose override it changed in any scenario. */
function touchedIds(before: Plan, after: Plan): string[] {
  const ids = new Set<string>();
  const old = new Map(before.indicators.map((i) => [i.id, i]));
  for (const indicator of after.indicators) if (old.get(indicator.id) !== indicator) ids.add(indicator.id);
  const scenarios = new Map((before.scenarios ?? []).map((s) => [s.id, s]));
  for (const scenario of after.scenarios ?? []) {
    const previous = scenarios.get(scenario.id);
    for (const id of Object.keys(scenario.overrides)) if (previous?.overrides[id] !== scenario.overrides[id]) ids.add(id);
  }
  return [...ids];
}

describe('an engine session', () => {
  it('equals a fresh compile and full run after any sequence of edits, scenarios included', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 25 }), (seed, steps) => {
        const r = random(seed);
        let plan = randomPlan(r);
        const session = createEngineSession();
        for (let step = 0; step < steps; step++) {
          const scenarioId = plan.scenarios && r.chance(0.4) ? r.pick(plan.scenarios).id : null;
          const computed = session.compute(plan, scenarioId);
          const expected = fresh(plan, scenarioId);
          if (typeof expected === 'string') {
            expect(computed.ok ? 'ok' : computed.error.code).toBe(expected);
          } else {
            if (!computed.ok) throw new Error(JSON.stringify(computed.error));
            expectSameResult(computed.value, expected);
          }
          plan = randomEdit(r, plan);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('equals a fresh compile through applyEdit too, fed cloned plans and the ids each edit touched', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), (seed, steps) => {
        const r = random(seed);
        let plan = randomPlan(r);
        const session = createEngineSession();
        let scenarioId: string | null = null;
        session.update(structuredClone(plan), scenarioId);
        for (let step = 0; step < steps; step++) {
          const next = randomEdit(r, plan);
          const touched = touchedIds(plan, next);
          if (step % 5 === 4 && next.scenarios) scenarioId = r.pick(next.scenarios).id;
          const updated = session.applyEdit(structuredClone(next), touched, scenarioId);
          const expected = fresh(next, scenarioId);
          if (typeof expected === 'string') {
            expect(updated.ok ? 'ok' : updated.error.code).toBe(expected);
          } else {
            if (!updated.ok) throw new Error(JSON.stringify(updated.error));
            const program = session.program();
            if (!program) throw new Error('no program');
            expectSameResult(summarize(program), expected);
          }
          plan = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reruns only the edited input when nothing reads it, and its cone when formulas do', () => {
    const model = generateModel({ indicators: 200, periods: 24, inputs: 60, depth: 8, unread: 3, seed: 7 });
    const session = createEngineSession();
    const first = session.update(model.plan);
    expect(first.ok && first.value.mode).toBe('compiled');
    const leaf = withIndicator(model.plan, model.leafInput, (i) => ({ ...i, actuals: { ...i.actuals, '2020-01': 42 } }));
    const leafUpdate = session.update(leaf);
    if (!leafUpdate.ok) throw new Error('update failed');
    const program = session.program();
    expect(leafUpdate.value.mode).toBe('incremental');
    expect(leafUpdate.value.rows).toEqual([program?.rowOf.get(model.leafInput)]);

    const top = withIndicator(leaf, model.topInput, (i) => ({ ...i, projection: { method: 'growth', rate: 0.02 } }));
    const topUpdate = session.update(top);
    if (!topUpdate.ok) throw new Error('update failed');
    expect(topUpdate.value.rows).toContain(program?.rowOf.get(model.deepest));
    expect(topUpdate.value.rows.length).toBeLessThan(model.plan.indicators.length);
    const expected = fresh(top, null);
    if (typeof expected === 'string') throw new Error(expected);
    const result = session.compute(top);
    if (!result.ok) throw new Error('compute failed');
    expectSameResult(result.value, expected);
  });

  it('reruns nothing for an edit that computes nothing (a new name), and finds rows by identity', () => {
    const model = generateModel({ indicators: 50, periods: 12, inputs: 20, depth: 4, unread: 2, seed: 3 });
    const session = createEngineSession();
    session.update(model.plan);
    const renamed = withIndicator(model.plan, 'f1_0', (i) => ({ ...i, name: { vi: 'Tên mới' } }));
    const update = session.update(renamed);
    expect(update.ok && update.value).toEqual({ mode: 'incremental', rows: [], changed: [] });
    expect(session.program()?.plan).toBe(renamed);
  });

  it('compiles again when a formula, a group or the rows change', () => {
    const model = generateModel({ indicators: 30, periods: 12, inputs: 10, depth: 3, unread: 2, seed: 5 });
    const session = createEngineSession();
    session.update(model.plan);
    const edited = withIndicator(model.plan, 'f1_0', (i) => ({ ...i, projection: { method: 'formula', formula: 'input_1 * 3' } }));
    const update = session.update(edited);
    expect(update.ok && update.value.mode).toBe('compiled');
    const fewer = { ...edited, indicators: edited.indicators.slice(0, -1) };
    const again = session.update(fewer);
    expect(again.ok && again.value.mode).toBe('compiled');
  });

  it('runs everything again when someone else ran the program or set its parameters', () => {
    const model = generateModel({ indicators: 40, periods: 12, inputs: 12, depth: 4, unread: 2, seed: 9 });
    const session = createEngineSession();
    session.update(model.plan);
    const program = session.program();
    if (!program) throw new Error('no program');
    // Goal seek borrowing the session's program and leaving a rate set.
    expect(setParameter(program, program.rowOf.get(model.topInput) as number, 'rate', 0.5)).toBe(true);
    runProgram(program);
    const edited = withIndicator(model.plan, model.leafInput, (i) => ({ ...i, actuals: { ...i.actuals, '2020-01': 7 } }));
    const update = session.update(edited);
    expect(update.ok && update.value.mode).toBe('full');
    const result = session.compute(edited);
    const expected = fresh(edited, null);
    if (!result.ok || typeof expected === 'string') throw new Error('compute failed');
    expectSameResult(result.value, expected);
  });

  it('takes the changed ids on trust from applyEdit, for a plan that crossed a worker boundary', () => {
    const model = generateModel({ indicators: 60, periods: 12, inputs: 20, depth: 5, unread: 2, seed: 11 });
    const session = createEngineSession();
    session.update(structuredClone(model.plan));
    const edited = structuredClone(withIndicator(model.plan, model.topInput, (i) => ({ ...i, projection: { method: 'growth', rate: -0.01 } })));
    const update = session.applyEdit(edited, [model.topInput]);
    if (!update.ok) throw new Error('applyEdit failed');
    expect(update.value.mode).toBe('incremental');
    expect(update.value.changed).toEqual([session.program()?.rowOf.get(model.topInput)]);
    const result = session.compute(edited);
    const expected = fresh(edited, null);
    if (!result.ok || typeof expected === 'string') throw new Error('compute failed');
    expectSameResult(result.value, expected);
  });

  it('starts running totals afresh when an input and the actuals of the row summing it change at once', () => {
    // y's computed periods move from 0..2 to 4..5: its running sum must not continue from the
    // sums of the previous run, which were taken over the old x.
    const keys = ['2020', '2021', '2022', '2023', '2024', '2025'];
    const before = makePlan({
      name: 'cumsum',
      calendar: { periodicity: 'year', start: '2020', end: '2025' },
      indicators: [
        makeIndicator({ id: 'x', actuals: { '2020': 1 }, projection: { method: 'constant' } }),
        makeIndicator({ id: 'y', actuals: { '2023': 0, '2024': 0, '2025': 0 }, projection: { method: 'formula', formula: 'cumsum(x) + growth(x)' } }),
      ],
    });
    const after: Plan = {
      ...before,
      indicators: [
        makeIndicator({ id: 'x', actuals: { '2020': 5 }, projection: { method: 'growth', rate: 0.5 } }),
        makeIndicator({ id: 'y', actuals: Object.fromEntries(keys.slice(0, 4).map((k) => [k, 0])), projection: { method: 'formula', formula: 'cumsum(x) + growth(x)' } }),
      ],
    };
    const session = createEngineSession();
    session.compute(before);
    const result = session.compute(after);
    const expected = fresh(after, null);
    if (!result.ok || typeof expected === 'string') throw new Error('compute failed');
    expectSameResult(result.value, expected);
  });

  it('reports the errors a running total meets before its first computed period, as a fresh compile does, after the row gains an actual', () => {
    // cumsum(x / 0) reaches back to 2020-01 from the first period it computes: with 2020-02 now
    // an actual, that is 2020-03, which reports 2020-01's division and its own.
    const plan = (actuals: Record<string, number>): Plan => makePlan({
      name: 'p',
      calendar: { periodicity: 'month', start: '2020-01', end: '2020-03' },
      indicators: [
        makeIndicator({ id: 'x', actuals: { '2020-01': 4, '2020-03': 2 }, projection: { method: 'constant' } }),
        makeIndicator({ id: 'y', actuals, projection: { method: 'formula', formula: 'cumsum(x / 0)' } }),
      ],
    });
    const session = createEngineSession();
    session.compute(plan({ '2020-01': 1 }));
    const after = plan({ '2020-01': 1, '2020-02': 3 });
    const result = session.compute(after);
    const expected = fresh(after, null);
    if (!result.ok || typeof expected === 'string') throw new Error('compute failed');
    expectSameResult(result.value, expected);
    expect(expected.problems.map((p) => p.period)).toEqual([2, 2]);
  });

  it('reports an unknown scenario and a loop of parents as problems, not as a result', () => {
    const model = generateModel({ indicators: 10, periods: 12, inputs: 5, depth: 2, unread: 1, seed: 1 });
    const looped: Plan = {
      ...model.plan,
      scenarios: [
        { id: 'a', name: { vi: 'A' }, parent: 'b', overrides: {} },
        { id: 'b', name: { vi: 'B' }, parent: 'a', overrides: {} },
      ],
    };
    const session = createEngineSession();
    const unknown = session.compute(looped, 'missing');
    expect(!unknown.ok && unknown.error).toEqual({ code: 'unknownScenario', scenario: 'missing' });
    const loop = session.compute(looped, 'a');
    expect(!loop.ok && loop.error).toEqual({ code: 'scenarioLoop', chain: ['a', 'b', 'a'] });
  });
});
