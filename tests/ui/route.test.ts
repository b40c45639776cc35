import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../src/engine/commands/index.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { resolveScenario } from '../../src/engine/scenarios/index.ts';
import { routeToScenario } from '../../src/ui/scenarios/route.ts';

const NOW = '2026-01-01T00:00:00.000Z';

function plan(): Plan {
  return makePlan({
    id: 'p', name: 'p', createdAt: NOW, updatedAt: NOW,
    calendar: { periodicity: 'year', start: '2023', end: '2030' },
    indicators: [makeIndicator({ id: 'a', actuals: { '2023': 10 }, projection: { method: 'growth', rate: 0.1 }, targets: [{ period: '2025', value: 12, direction: 'atLeast' }] })],
    scenarios: [{ id: 'high', name: { vi: 'Cao' }, overrides: {} }],
  });
}

function applyAll(p: Plan, command: Command): Plan {
  const applied = applyCommand(p, command, NOW);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return applied.value.plan;
}

describe('edits made while a scenario is shown', () => {
  const edits: Command[] = [
    { type: 'setActual', indicator: 'a', period: '2024', value: 11 },
    { type: 'setProjection', indicator: 'a', projection: { method: 'growth', rate: 0.2 } },
    { type: 'setTarget', indicator: 'a', index: 0, target: { period: '2025', value: 13, direction: 'atLeast' } },
    { type: 'insertTarget', indicator: 'a', index: 1, target: { period: '2030', value: 20, direction: 'atLeast' } },
    { type: 'removeTarget', indicator: 'a', index: 0 },
    { type: 'setRange', indicator: 'a', range: { distribution: 'normal', of: 'rate', mean: 0.1, sd: 0.02 } },
    { type: 'batch', commands: [{ type: 'setActual', indicator: 'a', period: '2024', value: 11 }, { type: 'insertTarget', indicator: 'a', index: 1, target: { period: '2030', value: 20, direction: 'atLeast' } }] },
  ];

  it.each(edits.map((e) => [e.type, e] as const))('%s changes the scenario as the same edit would change the base, and leaves the base alone', (_type, edit) => {
    const base = plan();
    const view = resolveScenario(base, 'high');
    if (!view.ok) throw new Error('view');
    const changed = applyAll(base, routeToScenario(edit, 'high', view.value));
    expect(changed.indicators).toEqual(base.indicators);
    const seen = resolveScenario(changed, 'high');
    const expected = applyAll(view.value, edit);
    expect(seen.ok && seen.value.indicators).toEqual(expected.indicators);
  });

  it('leaves names and structure to the base', () => {
    const command: Command = { type: 'setIndicatorText', indicator: 'a', field: 'unit', value: { vi: 'tỷ đồng' } };
    expect(routeToScenario(command, 'high', plan())).toBe(command);
  });
});
