import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import { createEngineApi } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { fillCommand, fillValues } from '../../../src/ui/inspector/fill.ts';
import { routeToScenario } from '../../../src/ui/scenarios/route.ts';

const NOW = '2026-01-01T00:00:00.000Z';

function plan(): Plan {
  return makePlan({
    name: 'p',
    calendar: { periodicity: 'year', start: '2022', end: '2028' },
    indicators: [
      makeIndicator({ id: 'revenue', actuals: { '2022': 100, '2023': 110 }, projection: { method: 'growth', rate: 0.05 } }),
      makeIndicator({ id: 'budget', actuals: { '2022': 50 }, projection: { method: 'manual', values: { '2027': 99 } } }),
      makeIndicator({ id: 'share', projection: { method: 'formula', formula: 'revenue / 10' } }),
    ],
    scenarios: [{ id: 'high', name: { vi: 'Cao' }, overrides: {} }],
  }, new Date(NOW));
}

function apply(source: Plan, command: Command): Plan {
  const applied = applyCommand(source, command, NOW);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return applied.value.plan;
}

function valuesOf(source: Plan, id: string, scenario: string | null = null): number[] {
  const result = createEngineApi().compute(source, scenario);
  if (!result.ok) throw new Error('compute');
  const n = result.value.periodKeys.length;
  const row = result.value.ids.indexOf(id);
  return Array.from(result.value.values.subarray(row * n, (row + 1) * n));
}

/** The indicator's row as the grid shows it now: what a fill keeps outside its range. */
function shownRow(source: Plan, id: string, scenario: string | null = null): number[] {
  return valuesOf(source, id, scenario);
}

function build(source: Plan, request: Parameters<typeof fillCommand>[1], scenario: string | null = null): Command {
  const built = fillCommand(source, request, shownRow(source, request.indicator, scenario));
  if (!built.ok) throw new Error(built.error.code);
  return built.value;
}

describe('filling periods', () => {
  it('with one value plans every period of the range; the rest keep their values; one undo takes it back', () => {
    const source = plan();
    const command = build(source, { indicator: 'revenue', from: '2025', to: '2028', fill: { kind: 'value', value: 200 } });
    expect(command.type).toBe('batch');
    const applied = applyCommand(source, command, NOW);
    if (!applied.ok) throw new Error('apply');
    const values = valuesOf(applied.value.plan, 'revenue');
    expect(values.slice(3)).toEqual([200, 200, 200, 200]);
    // 2024 keeps the value its growth rule gave it; the filled periods are planned, not actuals.
    expect(values[2]).toBeCloseTo(115.5, 9);
    const revenue = applied.value.plan.indicators[0];
    expect(revenue?.actuals).toEqual({ '2022': 100, '2023': 110 });
    expect(revenue?.projection.method).toBe('manual');
    const undone = applyCommand(applied.value.plan, applied.value.inverse, NOW);
    if (!undone.ok) throw new Error('undo');
    expect(undone.value.plan.indicators).toEqual(source.indicators);
  });

  it('with a growth rate compounds from the start value, period by period', () => {
    const cells = fillValues(['2022', '2023', '2024', '2025'], '2023', '2025', { kind: 'growth', start: 1000, rate: 0.1 });
    expect(cells.ok && cells.value).toEqual([['2023', 1000], ['2024', 1000 * 1.1], ['2025', 1000 * 1.1 ** 2]]);
    const values = valuesOf(apply(plan(), build(plan(), { indicator: 'revenue', from: '2024', to: '2028', fill: { kind: 'growth', start: 120, rate: -0.02 } })), 'revenue');
    values.slice(2).forEach((v, k) => expect(v).toBeCloseTo(120 * 0.98 ** k, 9));
  });

  it('writes actuals up to the latest actual and manual values after it, keeping a manual row’s other values', () => {
    const filled = apply(plan(), build(plan(), { indicator: 'budget', from: '2022', to: '2025', fill: { kind: 'value', value: 7 } })).indicators.find((i) => i.id === 'budget');
    expect(filled?.actuals).toEqual({ '2022': 7 });
    expect(filled?.projection).toEqual({ method: 'manual', values: { '2023': 7, '2024': 7, '2025': 7, '2027': 99 } });
    const history = apply(plan(), build(plan(), { indicator: 'revenue', from: '2022', to: '2023', fill: { kind: 'value', value: 1 } })).indicators[0];
    // Only history filled: the growth rule stays.
    expect(history?.actuals).toEqual({ '2022': 1, '2023': 1 });
    expect(history?.projection).toEqual({ method: 'growth', rate: 0.05 });
  });

  it('in a scenario becomes that scenario’s overrides and leaves the base alone', () => {
    const source = plan();
    const routed = routeToScenario(build(source, { indicator: 'revenue', from: '2027', to: '2028', fill: { kind: 'value', value: 300 } }, 'high'), 'high', source);
    const after = apply(source, routed);
    expect(after.indicators).toEqual(source.indicators);
    expect(after.scenarios?.[0]?.overrides.revenue?.projection?.method).toBe('manual');
    const values = valuesOf(after, 'revenue', 'high');
    expect(values.slice(5)).toEqual([300, 300]);
    expect(values[4]).toBeCloseTo(110 * 1.05 ** 3, 9);
  });

  it('refuses a formula row, a reversed range, values that overflow, and a fill that changes nothing', () => {
    const source = plan();
    const fill = (request: Parameters<typeof fillCommand>[1]) => fillCommand(source, request, null);
    expect(fill({ indicator: 'share', from: '2024', to: '2028', fill: { kind: 'value', value: 1 } })).toEqual({ ok: false, error: { code: 'formula' } });
    expect(fill({ indicator: 'revenue', from: '2026', to: '2024', fill: { kind: 'value', value: 1 } })).toEqual({ ok: false, error: { code: 'badRange' } });
    expect(fill({ indicator: 'revenue', from: '2022', to: '2028', fill: { kind: 'growth', start: 1e300, rate: 1e10 } })).toEqual({ ok: false, error: { code: 'notFinite' } });
    expect(fill({ indicator: 'budget', from: '2022', to: '2022', fill: { kind: 'value', value: 50 } })).toEqual({ ok: false, error: { code: 'unchanged' } });
    expect(fill({ indicator: 'budget', from: '2027', to: '2027', fill: { kind: 'value', value: 99 } })).toEqual({ ok: false, error: { code: 'unchanged' } });
    expect(fill({ indicator: 'nowhere', from: '2022', to: '2023', fill: { kind: 'value', value: 1 } })).toEqual({ ok: false, error: { code: 'unknownIndicator' } });
  });
});
