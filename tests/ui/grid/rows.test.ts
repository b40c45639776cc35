import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import { computePlan } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import { createEngineSession } from '../../../src/engine/session.ts';
import { applyResultDelta } from '../../../src/client/result-delta.ts';
import { buildRows, createRowBuilder, rowChange, type GridRow, type IndicatorRow } from '../../../src/ui/grid/rows.ts';

const calendar = { periodicity: 'year', start: '2024', end: '2030' } as const;

const plan: Plan = makePlan({
  name: 'Kế hoạch',
  calendar,
  groups: [{ id: 'telecom', name: { vi: 'Viễn thông' } }],
  indicators: [
    makeIndicator({ id: 'subscribers', group: 'telecom', actuals: { '2024': 100 }, projection: { method: 'growth', rate: 0.05 } }),
    makeIndicator({ id: 'density', group: 'telecom', projection: { method: 'formula', formula: 'subscribers * 2' } }),
    makeIndicator({ id: 'revenue', actuals: { '2024': 50 }, projection: { method: 'growth', rate: 0.1 } }),
  ],
});

function computed(p: Plan): PlanResult {
  const result = computePlan(p);
  if (!result.ok) throw new Error('the test plan does not compute');
  return result.value;
}

function edited(p: Plan, command: Command): Plan {
  const applied = applyCommand(p, command, p.updatedAt);
  if (!applied.ok) throw new Error(`refused: ${applied.error.code}`);
  return applied.value.plan;
}

const byId = (rows: GridRow[]) => new Map(rows.filter((r): r is IndicatorRow => r.kind === 'indicator').map((r) => [r.indicator.id, r]));
const setRate: Command = { type: 'setProjection', indicator: 'subscribers', projection: { method: 'growth', rate: 0.07 } };

describe('grid rows', () => {
  it('are built in group order, with the ungrouped indicators last under their own header', () => {
    const rows = buildRows(plan, computed(plan), 'vi', 'Khác');
    expect(rows.map((r) => r.rowId)).toEqual(['g:telecom', 'i:subscribers', 'i:density', 'g:', 'i:revenue']);
  });

  it('keep the heading of a group left empty, where the plan has it', () => {
    const emptied = { ...plan, groups: [{ id: 'empty', name: { vi: 'Trống' } }, ...plan.groups] };
    const rows = buildRows(emptied, computed(emptied), 'vi', 'Khác');
    expect(rows.map((r) => r.rowId)).toEqual(['g:empty', 'g:telecom', 'i:subscribers', 'i:density', 'g:', 'i:revenue']);
  });

  it('of an edit with the previous result keep every row object but the edited indicator’s', () => {
    const build = createRowBuilder();
    const result = computed(plan);
    const before = byId(build(plan, result, 'vi', 'Khác'));
    const after = byId(build(edited(plan, setRate), result, 'vi', 'Khác'));
    expect(after.get('subscribers')).not.toBe(before.get('subscribers'));
    expect(after.get('density')).toBe(before.get('density'));
    expect(after.get('revenue')).toBe(before.get('revenue'));
    expect(rowChange(before.get('revenue'), after.get('revenue')!)).toBe('none');
    expect(rowChange(before.get('subscribers'), after.get('subscribers')!)).toBe('values');
  });

  it('of a new result are new objects, and only those whose values moved count as changed', () => {
    const build = createRowBuilder();
    const next = edited(plan, setRate);
    const before = byId(build(next, computed(plan), 'vi', 'Khác'));
    const after = byId(build(next, computed(next), 'vi', 'Khác'));
    expect(after.get('revenue')).not.toBe(before.get('revenue'));
    expect(rowChange(before.get('revenue'), after.get('revenue')!)).toBe('none');
    expect(rowChange(before.get('subscribers'), after.get('subscribers')!)).toBe('values');
    expect(rowChange(before.get('density'), after.get('density')!)).toBe('values');
  });

  it('of a result patched from the previous one keep every row outside the patch, reading the new values', () => {
    const session = createEngineSession();
    const first = session.computeSince(plan, null, null);
    if (!first.ok || first.value.kind !== 'full') throw new Error('expected a whole result');
    const next = edited(plan, setRate);
    const second = session.computeSince(next, null, first.value.version);
    if (!second.ok || second.value.kind !== 'delta') throw new Error('expected a delta');
    const patched = applyResultDelta(first.value.result, second.value.delta);
    const build = createRowBuilder();
    build(plan, first.value.result, 'vi', 'Khác');
    const before = byId(build(next, first.value.result, 'vi', 'Khác'));
    const revenue = before.get('revenue')!;
    const revenueValues = revenue.values;
    const after = byId(build(next, patched, 'vi', 'Khác'));
    // revenue is outside the edit's cone: the same row, its numbers now read from the new result.
    expect(after.get('revenue')).toBe(revenue);
    expect(revenue.values?.buffer).toBe(patched.values.buffer);
    expect(Array.from(revenue.values ?? [])).toEqual(Array.from(revenueValues ?? []));
    expect(after.get('subscribers')).not.toBe(before.get('subscribers'));
    expect(after.get('density')).not.toBe(before.get('density'));
    expect(rowChange(before.get('density'), after.get('density')!)).toBe('values');
    expect(Array.from(after.get('density')!.values ?? [])).toEqual(Array.from(byId(buildRows(next, computed(next), 'vi', 'Khác')).get('density')!.values ?? []));
  });

  it('are rebuilt in the other language, even with the same plan and result', () => {
    const build = createRowBuilder();
    const result = computed(plan);
    const vi = byId(build(plan, result, 'vi', 'Khác'));
    const en = byId(build(plan, result, 'en', 'Other'));
    expect(en.get('revenue')).not.toBe(vi.get('revenue'));
  });

  it('redraw every cell when an actual appears where a projection was', () => {
    const next = edited(plan, { type: 'setActual', indicator: 'revenue', period: '2025', value: 55 });
    const before = byId(buildRows(plan, computed(plan), 'vi', 'Khác'));
    const after = byId(buildRows(next, computed(next), 'vi', 'Khác'));
    expect(rowChange(before.get('revenue'), after.get('revenue')!)).toBe('classes');
  });

  it('are rebuilt whole when an input becomes a formula', () => {
    const next = edited(plan, { type: 'setProjection', indicator: 'revenue', projection: { method: 'formula', formula: 'subscribers + 1' } });
    const before = byId(buildRows(plan, computed(plan), 'vi', 'Khác'));
    const after = byId(buildRows(next, computed(next), 'vi', 'Khác'));
    expect(rowChange(before.get('revenue'), after.get('revenue')!)).toBe('row');
  });
});
