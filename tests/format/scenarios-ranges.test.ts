import { describe, expect, it } from 'vitest';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { parsePlan, parsePlanFile, serializePlanFile } from '../../src/format/index.ts';

const NOW = '2026-01-01T00:00:00.000Z';

function plan(extra: Partial<Plan> = {}): Plan {
  return makePlan({
    id: 'p',
    name: 'p',
    createdAt: NOW,
    updatedAt: NOW,
    calendar: { periodicity: 'year', start: '2023', end: '2030' },
    indicators: [
      makeIndicator({ id: 'subs', actuals: { '2023': 2.98 }, projection: { method: 'growth', rate: 0.02 }, range: { distribution: 'triangular', of: 'rate', low: 0, likely: 0.02, high: 0.05 } }),
      makeIndicator({ id: 'pop', actuals: { '2023': 3.656 } }),
    ],
    ...extra,
  });
}

const codes = (value: unknown) => {
  const parsed = parsePlan(value);
  return parsed.ok ? [] : parsed.error.map((issue) => `${issue.path} ${issue.code}`);
};

describe('ranges and scenarios in the plan file', () => {
  it('accepts a plan with ranges and inheriting scenarios, and round-trips it byte for byte', () => {
    const p = plan({
      scenarios: [
        { id: 'low', name: { vi: 'Thấp' }, overrides: { subs: { projection: { method: 'growth', rate: 0.01 }, range: null } } },
        { id: 'lower', name: { vi: 'Thấp hơn' }, parent: 'low', overrides: { pop: { actuals: { '2024': 3.7 } } } },
      ],
    });
    expect(codes(p)).toEqual([]);
    const text = serializePlanFile(p, { app: 't', exportedAt: NOW });
    const again = parsePlanFile(text);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(serializePlanFile(again.value.file.plan, { app: 't', exportedAt: NOW })).toBe(text);
  });

  it('refuses a range whose low, likely and high are out of order', () => {
    const p = plan();
    p.indicators[0]!.range = { distribution: 'pert', of: 'rate', low: 0.05, likely: 0.02, high: 0.01 };
    expect(codes(p)).toEqual(['indicators[0].range rangeOrder']);
  });

  it('refuses a range on a parameter the method does not have', () => {
    const p = plan();
    p.indicators[0]!.range = { distribution: 'normal', of: 'ceiling', mean: 1, sd: 0.1 };
    expect(codes(p)).toEqual(['indicators[0].range.of rangeParameter']);
  });

  it('names unknown parents, parent loops and overrides of unknown indicators', () => {
    expect(codes(plan({ scenarios: [{ id: 'a', name: { vi: 'a' }, parent: 'zz', overrides: {} }] }))).toEqual(['scenarios[0].parent unknownScenario']);
    expect(codes(plan({
      scenarios: [
        { id: 'a', name: { vi: 'a' }, parent: 'b', overrides: {} },
        { id: 'b', name: { vi: 'b' }, parent: 'a', overrides: {} },
      ],
    }))).toEqual(['scenarios[0].parent scenarioCycle', 'scenarios[1].parent scenarioCycle']);
    expect(codes(plan({ scenarios: [{ id: 'a', name: { vi: 'a' }, overrides: { nope: {} } }] }))).toEqual(['scenarios[0].overrides.nope unknownIndicator']);
  });

  it('checks the periods of scenario overrides against the calendar', () => {
    expect(codes(plan({ scenarios: [{ id: 'a', name: { vi: 'a' }, overrides: { pop: { actuals: { '2040': 1 } } } }] })))
      .toEqual(['scenarios[0].overrides.pop.actuals["2040"] periodOutsideCalendar']);
  });
});
