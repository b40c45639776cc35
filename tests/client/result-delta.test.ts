import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngineSession, type NumberedResult } from '../../src/engine/session.ts';
import type { PlanResult } from '../../src/engine/projection/result.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { applyResultDelta, copyBuffers, patchOf } from '../../src/client/result-delta.ts';
import { random, randomEdit, randomPlan } from '../engine/session/random-plans.ts';
import { expectSameResult, fresh } from '../engine/session/same-result.ts';

/** A random plan's first (whole) result, and the delta over it for one input's first actual set to `value`. */
function oneEdit(seed: number, value: number) {
  const plan = randomPlan(random(seed));
  const session = createEngineSession();
  const first = session.computeSince(plan, null, null);
  if (!first.ok || first.value.kind !== 'full') throw new Error('expected a whole first result');
  const base = first.value.result;
  const input = plan.indicators.find((i) => i.projection.method !== 'formula');
  if (!input) throw new Error('no input');
  const edited: Plan = { ...plan, revision: plan.revision + 1, indicators: plan.indicators.map((i) => (i === input ? { ...i, actuals: { ...i.actuals, [base.periodKeys[0] as string]: value } } : i)) };
  const second = session.computeSince(edited, null, first.value.version);
  if (!second.ok || second.value.kind !== 'delta') throw new Error('expected a delta');
  return { plan, input, base, edited, delta: second.value.delta };
}

describe('a result patched with the rows that changed', () => {
  it('equals a fresh compute after any sequence of edits, whichever result the page held', () => {
    let deltas = 0;
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 25 }), (seed, steps) => {
        const r = random(seed);
        let plan = randomPlan(r);
        const session = createEngineSession();
        // What the page holds: the last result it adopted and that result's number.
        let held: { result: PlanResult; version: number } | null = null;
        for (let step = 0; step < steps; step++) {
          const scenarioId = plan.scenarios && r.chance(0.3) ? r.pick(plan.scenarios).id : null;
          // Now and then the page asks with a number the session did not give last (a dropped
          // answer), or a plain compute runs in between: the answer must then be whole.
          const base = held && r.chance(0.15) ? held.version - 1 : (held?.version ?? null);
          if (r.chance(0.1)) session.compute(plan, scenarioId);
          const answer = session.computeSince(plan, scenarioId, base);
          const expected = fresh(plan, scenarioId);
          if (typeof expected === 'string') {
            expect(answer.ok ? 'ok' : answer.error.code).toBe(expected);
            held = null;
          } else {
            if (!answer.ok) throw new Error(JSON.stringify(answer.error));
            const numbered: NumberedResult = answer.value;
            let result: PlanResult;
            switch (numbered.kind) {
              case 'full':
                result = numbered.result;
                held = { result, version: numbered.version };
                break;
              case 'delta':
                deltas++;
                if (!held) throw new Error('a delta over no result');
                expect(numbered.delta.base).toBe(held.version);
                result = applyResultDelta(held.result, numbered.delta);
                held = { result, version: numbered.delta.version };
                break;
            }
            expectSameResult(result, expected);
          }
          plan = randomEdit(r, plan);
        }
      }),
      { numRuns: 300 },
    );
    // The property is about deltas: most edits must have produced one.
    expect(deltas).toBeGreaterThan(300);
  });

  it('leaves the result it was laid over as it was and names the rows it replaced', () => {
    const { plan, input, base, edited, delta } = oneEdit(11, 12345);
    const before = { values: base.values.slice(), indicators: [...base.indicators] };
    const patched = applyResultDelta(base, delta);
    expect([...base.values]).toEqual([...before.values]);
    expect(base.indicators).toEqual(before.indicators);
    expect(patched.values).not.toBe(base.values);
    const row = plan.indicators.indexOf(input);
    expect(patchOf(patched)?.from).toBe(base);
    expect(patchOf(patched)?.rows.has(row)).toBe(true);
    expect(patched.values[row * base.periodKeys.length]).toBe(12345);
    // Rows outside the delta are the same summary objects: the grid keeps their rows.
    for (let i = 0; i < base.indicators.length; i++) {
      if (!patchOf(patched)?.rows.has(i)) expect(patched.indicators[i]).toBe(base.indicators[i]);
    }
    expectSameResult(patched, fresh(edited, null) as PlanResult);
  });

  it('is laid over copies made beforehand (while the worker computes) only when they are of its base', () => {
    const { base, edited, delta } = oneEdit(12, 777);
    const copies = copyBuffers(base);
    const patched = applyResultDelta(base, delta, copies);
    expect(patched.values).toBe(copies.values);
    expect(patched.isActual).toBe(copies.isActual);
    expectSameResult(patched, fresh(edited, null) as PlanResult);
    // Copies of another result are not written over: the delta gets fresh ones.
    const other = copyBuffers({ ...base, values: base.values.slice(), isActual: base.isActual.slice() });
    const again = applyResultDelta(base, delta, other);
    expect(again.values).not.toBe(other.values);
    expectSameResult(again, fresh(edited, null) as PlanResult);
  });
});
