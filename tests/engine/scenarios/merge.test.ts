import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSide, mergePlans } from '../../../src/engine/scenarios/index.ts';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { inputProjection, keysOf, random, randomEdit, randomPlan, value, type Random } from '../session/random-plans.ts';
import { deepFreeze, scenarioPlan } from './helpers.ts';

/** A copy with `path` set (undefined: removed), stepping into arrays by id: how the tests edit one cell. */
function setAt(value: unknown, path: readonly string[], next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  if (Array.isArray(value)) {
    return value.map((row: { id: string }) => (row.id === key ? setAt(row, rest, next) : row));
  }
  const record = { ...(value as Record<string, unknown>) };
  const child = setAt(record[key] ?? {}, rest, next);
  if (child === undefined) delete record[key];
  else record[key] = child;
  return record;
}

/** Every cell the merge tells apart, with a new value for it. */
function cells(plan: Plan, r: Random): { path: string[]; next: () => unknown }[] {
  const keys = keysOf(plan);
  const out: { path: string[]; next: () => unknown }[] = [
    { path: ['name'], next: () => `Kế hoạch ${r.int(1e6)}` },
    { path: ['description'], next: () => (r.chance(0.3) ? undefined : `Mô tả ${r.int(1e6)}`) },
  ];
  for (const indicator of plan.indicators) {
    const at = ['indicators', indicator.id];
    out.push(
      { path: [...at, 'name'], next: () => ({ vi: `Tên ${r.int(1e6)}` }) },
      { path: [...at, 'unit'], next: () => ({ vi: `đơn vị ${r.int(1e6)}` }) },
      { path: [...at, 'kind'], next: () => r.pick(['stock', 'flow', 'rate']) },
      { path: [...at, 'decimals'], next: () => r.int(7) },
      { path: [...at, 'note'], next: () => (r.chance(0.3) ? undefined : `Ghi chú ${r.int(1e6)}`) },
      { path: [...at, 'targets'], next: () => [{ period: r.pick(keys), value: r.int(1e6), direction: 'atLeast' }] },
    );
    if (indicator.projection.method !== 'formula') out.push({ path: [...at, 'projection'], next: () => inputProjection(r, keys) });
    for (const key of keys) out.push({ path: [...at, 'actuals', key], next: () => (r.chance(0.2) ? undefined : r.int(1e6) + 0.5) });
  }
  for (const scenario of plan.scenarios ?? []) {
    const at = ['scenarios', scenario.id];
    out.push({ path: [...at, 'name'], next: () => ({ vi: `Kịch bản ${r.int(1e6)}` }) });
    for (const indicator of plan.indicators) {
      out.push({ path: [...at, 'overrides', indicator.id, 'targets'], next: () => [{ period: r.pick(keys), value: r.int(1e6), direction: 'hold' }] });
      for (const key of keys) out.push({ path: [...at, 'overrides', indicator.id, 'actuals', key], next: () => r.int(1e6) + 0.25 });
    }
  }
  return out;
}

function byId(rows: readonly Indicator[]): Map<string, Indicator> {
  return new Map(rows.map((row) => [row.id, row]));
}

describe('merging two revisions of a plan', () => {
  const edited = (r: Random, base: Plan, edits: number): Plan => {
    let plan = base;
    for (let i = 0; i < edits; i++) plan = randomEdit(r, plan);
    return plan;
  };

  it('gives x for merge(base, x, base), y for merge(base, base, y) and x for merge(base, x, x), without conflicts', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 8 }), (seed, edits) => {
        const r = random(seed);
        const base = deepFreeze(randomPlan(r));
        const x = deepFreeze(edited(r, base, edits));
        const y = deepFreeze(edited(r, base, edits + 1));
        expect(mergePlans(base, x, base)).toStrictEqual({ merged: x, conflicts: [] });
        expect(mergePlans(base, base, y)).toStrictEqual({ merged: y, conflicts: [] });
        expect(mergePlans(base, x, x)).toStrictEqual({ merged: x, conflicts: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('has no conflict when the two sides edit different cells, and keeps both sides’ edits', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = random(seed);
        const base = deepFreeze(randomPlan(r));
        const all = cells(base, r);
        let ours = base;
        let theirs = base;
        let expected = base;
        const taken = new Set<number>();
        const edits = 1 + r.int(12);
        for (let i = 0; i < edits; i++) {
          const k = r.int(all.length);
          if (taken.has(k)) continue;
          taken.add(k);
          const cell = all[k] as (typeof all)[number];
          const next = cell.next();
          expected = setAt(expected, cell.path, next) as Plan;
          if (i % 2 === 0) ours = setAt(ours, cell.path, next) as Plan;
          else theirs = setAt(theirs, cell.path, next) as Plan;
        }
        // Rows added on each side; a row removed by one side that the other left alone.
        const keys = keysOf(base);
        const add = (plan: Plan, id: string): Plan => ({ ...plan, indicators: [...plan.indicators, makeIndicator({ id, actuals: { [r.pick(keys)]: value(r) } })] });
        if (r.chance(0.5)) { const row = makeIndicator({ id: 'ours_new' }); ours = { ...ours, indicators: [row, ...ours.indicators] }; expected = { ...expected, indicators: [...expected.indicators, row] }; }
        if (r.chance(0.5)) { theirs = add(theirs, 'theirs_new'); expected = { ...expected, indicators: [...expected.indicators, theirs.indicators.at(-1) as Indicator] }; }
        const untouched = base.indicators.filter((i) => ![...taken].some((k) => (all[k] as (typeof all)[number]).path.includes(i.id)));
        if (untouched.length > 0 && r.chance(0.5)) {
          const gone = r.pick(untouched).id;
          const without = (plan: Plan): Plan => ({ ...plan, indicators: plan.indicators.filter((i) => i.id !== gone) });
          theirs = without(theirs);
          expected = without(expected);
        }
        const { merged, conflicts } = mergePlans(base, ours, theirs);
        expect(conflicts).toEqual([]);
        expect(byId(merged.indicators)).toStrictEqual(byId(expected.indicators));
        expect(new Set(merged.indicators.map((i) => i.id)).size).toBe(merged.indicators.length);
        expect({ ...merged, indicators: [] }).toStrictEqual({ ...expected, indicators: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('lists a cell both sides changed differently with its path and three values, keeping ours', () => {
    const base = scenarioPlan();
    const ours = setAt(base, ['indicators', 'revenue', 'actuals', '2024'], 5100) as Plan;
    const theirs = setAt(setAt(base, ['indicators', 'revenue', 'actuals', '2024'], 5200), ['indicators', 'revenue', 'actuals', '2025'], 5600) as Plan;
    const { merged, conflicts } = mergePlans(base, ours, theirs);
    expect(conflicts).toEqual([{ path: ['indicators', 'revenue', 'actuals', '2024'], base: undefined, ours: 5100, theirs: 5200 }]);
    expect(merged.indicators[1]?.actuals).toEqual({ '2023': 4900, '2024': 5100, '2025': 5600 });
    expect(chooseSide(merged, conflicts[0] as (typeof conflicts)[number], 'theirs').indicators[1]?.actuals).toEqual({ '2023': 4900, '2024': 5200, '2025': 5600 });
  });

  it('reports an indicator one side removed and the other changed', () => {
    const base = scenarioPlan();
    const ours = { ...base, indicators: base.indicators.filter((i) => i.id !== 'arpu') };
    const theirs = setAt(base, ['indicators', 'arpu', 'decimals'], 2) as Plan;
    const { merged, conflicts } = mergePlans(base, ours, theirs);
    expect(conflicts).toEqual([{ path: ['indicators', 'arpu'], base: base.indicators[2], ours: undefined, theirs: theirs.indicators[2] }]);
    expect(merged.indicators.map((i) => i.id)).toEqual(['subscribers', 'revenue']);
    const restored = chooseSide(merged, conflicts[0] as (typeof conflicts)[number], 'theirs');
    expect(restored.indicators.map((i) => i.id)).toEqual(['subscribers', 'revenue', 'arpu']);
  });

  it('merges the overrides of a scenario field by field and reports a clash inside one', () => {
    const base = scenarioPlan();
    const ours = setAt(base, ['scenarios', 'high', 'overrides', 'subscribers', 'projection'], { method: 'growth', rate: 0.04 }) as Plan;
    const theirs = setAt(setAt(base, ['scenarios', 'high', 'overrides', 'subscribers', 'projection'], { method: 'constant' }), ['scenarios', 'high', 'overrides', 'arpu'], { targets: [] }) as Plan;
    const { merged, conflicts } = mergePlans(base, ours, theirs);
    expect(conflicts.map((c) => c.path)).toEqual([['scenarios', 'high', 'overrides', 'subscribers', 'projection']]);
    expect(merged.scenarios?.[0]?.overrides.subscribers?.projection).toEqual({ method: 'growth', rate: 0.04 });
    expect(merged.scenarios?.[0]?.overrides.arpu).toEqual({ targets: [] });
  });

  it('keeps the order the other side gave when only it reordered, with ours’ new rows after their predecessor', () => {
    const base = scenarioPlan();
    const reordered = { ...base, indicators: [...base.indicators].reverse() };
    const extra = makeIndicator({ id: 'extra' });
    const ours = { ...base, indicators: [base.indicators[0] as Indicator, extra, ...base.indicators.slice(1)] };
    const { merged, conflicts } = mergePlans(base, ours, reordered);
    expect(conflicts).toEqual([]);
    expect(merged.indicators.map((i) => i.id)).toEqual(['arpu', 'revenue', 'subscribers', 'extra']);
  });

  it('reports rows both sides added under one id with different content', () => {
    const base = scenarioPlan();
    const ours = { ...base, indicators: [...base.indicators, makeIndicator({ id: 'new', decimals: 1 })] };
    const theirs = { ...base, indicators: [...base.indicators, makeIndicator({ id: 'new', decimals: 2 })] };
    const { merged, conflicts } = mergePlans(base, ours, theirs);
    expect(conflicts.map((c) => c.path)).toEqual([['indicators', 'new']]);
    expect(merged.indicators.at(-1)?.decimals).toBe(1);
  });
});
