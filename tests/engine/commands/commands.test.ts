import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { NOW, apply, content } from './applied.ts';

function basePlan(): Plan {
  return makePlan({
    id: 'p1',
    name: 'Kế hoạch',
    calendar: { periodicity: 'year', start: '2022', end: '2030' },
    createdAt: NOW,
    updatedAt: NOW,
    indicators: [
      makeIndicator({ id: 'a', actuals: { '2023': 1 }, targets: [{ period: '2024', value: 2, direction: 'atLeast' }] }),
      makeIndicator({ id: 'b', projection: { method: 'formula', formula: 'a * 2' } }),
    ],
  });
}

describe('commands', () => {
  const commands: Command[] = [
    { type: 'renamePlan', name: 'Tên mới' },
    { type: 'setActual', indicator: 'a', period: '2024', value: 5 },
    { type: 'setActual', indicator: 'a', period: '2023', value: null },
    { type: 'setTarget', indicator: 'a', index: 0, target: { period: '2025', value: 3, direction: 'hold' } },
    { type: 'insertTarget', indicator: 'a', index: 0, target: { period: '2026', value: 9, direction: 'atMost' } },
    { type: 'removeTarget', indicator: 'a', index: 0 },
    { type: 'setProjection', indicator: 'a', projection: { method: 'growth', rate: 0.1 } },
    { type: 'setIndicatorText', indicator: 'a', field: 'unit', value: { vi: 'tỷ đồng', en: 'billion VND' } },
    { type: 'setIndicatorNote', indicator: 'a', field: 'source', value: 'Báo cáo' },
    { type: 'setIndicatorKind', indicator: 'a', kind: 'flow' },
    { type: 'setIndicatorDecimals', indicator: 'a', decimals: 3 },
    { type: 'setRange', indicator: 'a', range: { distribution: 'triangular', of: 'level', low: 0.9, likely: 1, high: 1.2 } },
    { type: 'moveIndicator', indicator: 'a', index: 1 },
    { type: 'addIndicator', indicator: makeIndicator({ id: 'c' }), index: 1 },
    { type: 'removeIndicator', indicator: 'a' },
  ];

  it.each(commands.map((c) => [c.type, c] as const))('%s is undone exactly by its inverse', (_name, command) => {
    const plan = basePlan();
    const { plan: changed, inverse } = apply(plan, command);
    expect(content(changed)).not.toEqual(content(plan));
    expect(content(apply(changed, inverse).plan)).toEqual(content(plan));
  });

  it('removing an indicator drops its scenario overrides, and undo puts them back', () => {
    const plan = { ...basePlan(), scenarios: [{ id: 's', name: { vi: 's' }, overrides: { a: { actuals: { '2024': 3 } } } }] };
    const { plan: removed, inverse } = apply(plan, { type: 'removeIndicator', indicator: 'a' });
    expect(removed.scenarios?.[0]?.overrides).toEqual({});
    expect(content(apply(removed, inverse).plan)).toEqual(content(plan));
  });

  it('never changes the plan it is given', () => {
    const plan = basePlan();
    const frozen = JSON.stringify(plan);
    for (const command of commands) apply(plan, command);
    expect(JSON.stringify(plan)).toBe(frozen);
  });

  it('counts revisions and stamps the time', () => {
    const { plan } = apply(basePlan(), { type: 'renamePlan', name: 'x' });
    expect(plan.revision).toBe(1);
    expect(plan.updatedAt).toBe(NOW);
  });

  it('refuses unknown indicators, periods outside the calendar and non-finite numbers', () => {
    const plan = basePlan();
    expect(applyCommand(plan, { type: 'setActual', indicator: 'zz', period: '2024', value: 1 }, NOW)).toMatchObject({ ok: false, error: { code: 'unknownIndicator' } });
    expect(applyCommand(plan, { type: 'setActual', indicator: 'a', period: '2040', value: 1 }, NOW)).toMatchObject({ ok: false, error: { code: 'unknownPeriod' } });
    expect(applyCommand(plan, { type: 'setActual', indicator: 'a', period: '2024-Q1', value: 1 }, NOW)).toMatchObject({ ok: false, error: { code: 'unknownPeriod' } });
    expect(applyCommand(plan, { type: 'setActual', indicator: 'a', period: '2024', value: Infinity }, NOW)).toMatchObject({ ok: false, error: { code: 'notFinite' } });
    expect(applyCommand(plan, { type: 'addIndicator', indicator: makeIndicator({ id: 'a' }), index: 0 }, NOW)).toMatchObject({ ok: false, error: { code: 'duplicateIndicator' } });
  });

  it('undoes any sequence of edits in reverse order back to the start (property)', () => {
    const edit = fc.oneof(
      fc.record({ type: fc.constant('setActual' as const), indicator: fc.constant('a'), period: fc.constantFrom('2022', '2023', '2024', '2030'), value: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }) }),
      fc.record({ type: fc.constant('setProjection' as const), indicator: fc.constant('a'), projection: fc.record({ method: fc.constant('growth' as const), rate: fc.double({ min: -0.5, max: 1, noNaN: true }) }) }),
      fc.record({ type: fc.constant('renamePlan' as const), name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0) }),
    );
    fc.assert(fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
      const start = basePlan();
      let plan = start;
      const inverses: Command[] = [];
      for (const command of edits) {
        const applied = apply(plan, command as Command);
        plan = applied.plan;
        inverses.push(applied.inverse);
      }
      for (const inverse of inverses.reverse()) plan = apply(plan, inverse).plan;
      expect(content(plan)).toEqual(content(start));
    }), { numRuns: 300 });
  });
});
