import { describe, expect, it } from 'vitest';
import { createEngineApi, projectScenarios } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import { chartLines, otherScenarios, projectedPart } from '../../../src/ui/charts/lines.ts';
import { vi_messages } from '../../../src/ui/i18n/messages.ts';
import { en } from '../../../src/ui/i18n/en.ts';

function plan(scenarios: NonNullable<Plan['scenarios']> | undefined): Plan {
  return makePlan({
    name: 'p',
    calendar: { periodicity: 'year', start: '2022', end: '2026' },
    indicators: [makeIndicator({ id: 'revenue', actuals: { '2022': 100, '2023': 110 }, projection: { method: 'growth', rate: 0.1 } })],
    ...(scenarios ? { scenarios } : {}),
  });
}

const SCENARIOS = [
  { id: 'high', name: { vi: 'Cao', en: 'High' }, overrides: { revenue: { projection: { method: 'growth' as const, rate: 0.2 } } } },
  { id: 'low', name: { vi: 'Thấp' }, overrides: { revenue: { actuals: { '2024': 90 } } } },
];

function compute(source: Plan, scenario: string | null): PlanResult {
  const result = createEngineApi().compute(source, scenario);
  if (!result.ok) throw new Error('compute');
  return result.value;
}

describe('the chart’s projection lines', () => {
  it('without scenarios, are the one projection of the plan, named as such', () => {
    const source = plan(undefined);
    expect(otherScenarios(source, null)).toEqual([]);
    const lines = chartLines({ plan: source, shown: null, indicator: 'revenue', result: compute(source, null), fetched: null, lang: 'vi', messages: vi_messages });
    expect(lines.map((l) => [l.label, l.shown])).toEqual([['Dự báo', true]]);
  });

  it('are one per scenario, base first, each named, the shown one marked and taken from the shown result', () => {
    const source = plan(SCENARIOS);
    expect(otherScenarios(source, 'high')).toEqual([null, 'low']);
    const fetched = projectScenarios(source, 'revenue', otherScenarios(source, 'high'));
    if (!fetched.ok) throw new Error('lines');
    const shown = compute(source, 'high');
    const lines = chartLines({ plan: source, shown: 'high', indicator: 'revenue', result: shown, fetched: fetched.value, lang: 'en', messages: en });
    expect(lines.map((l) => [l.scenario, l.label, l.shown])).toEqual([
      [null, 'Base', false],
      ['high', 'High (shown)', true],
      // No English name: the Vietnamese one.
      ['low', 'Thấp', false],
    ]);
    expect(Array.from(lines[1]!.values)).toEqual(Array.from(shown.values));
    expect(lines[0]!.values[4]).toBeCloseTo(110 * 1.1 ** 3, 9);
    expect(lines[2]!.values[4]).toBeCloseTo(90 * 1.1 ** 2, 9);
    // No two lines look alike, whatever the colours.
    expect(new Set(lines.map((l) => l.look.dash.join(','))).size).toBe(3);
  });

  it('keep a scenario’s look when another one is shown', () => {
    const source = plan(SCENARIOS);
    const fetchedFor = (shown: string | null) => {
      const r = projectScenarios(source, 'revenue', otherScenarios(source, shown));
      if (!r.ok) throw new Error('lines');
      return r.value;
    };
    const looks = (shown: string | null) => chartLines({ plan: source, shown, indicator: 'revenue', result: compute(source, shown), fetched: fetchedFor(shown), lang: 'vi', messages: vi_messages }).map((l) => l.look);
    expect(looks(null)).toEqual(looks('low'));
  });

  it('leave out lines of scenarios since deleted, of another indicator, or not yet fetched', () => {
    const source = plan(SCENARIOS);
    const before = projectScenarios(source, 'revenue', [null, 'high', 'low']);
    if (!before.ok) throw new Error('lines');
    const withoutLow = { ...source, scenarios: [SCENARIOS[0]!] };
    const shownLow = chartLines({ plan: withoutLow, shown: null, indicator: 'revenue', result: compute(withoutLow, null), fetched: before.value, lang: 'vi', messages: vi_messages });
    expect(shownLow.map((l) => l.scenario)).toEqual([null, 'high']);
    const other = chartLines({ plan: source, shown: null, indicator: 'revenue', result: compute(source, null), fetched: { ...before.value, indicator: 'cost' }, lang: 'vi', messages: vi_messages });
    expect(other.map((l) => l.scenario)).toEqual([null]);
    const none = chartLines({ plan: source, shown: 'low', indicator: 'revenue', result: compute(source, 'low'), fetched: null, lang: 'vi', messages: vi_messages });
    expect(none.map((l) => [l.label, l.shown])).toEqual([['Thấp (đang xem)', true]]);
  });

  it('draw the projection from the latest actual on, blank over a scenario’s actuals', () => {
    expect(projectedPart({ values: [1, 2, 3, 4, 5], isActual: [1, 1, 0, 1, 0] })).toEqual([null, null, null, 4, 5]);
    expect(projectedPart({ values: [1, 2, NaN], isActual: [0, 0, 0] })).toEqual([1, 2, null]);
  });
});
