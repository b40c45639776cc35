/**
 * Pairs of plans with one id that differ the ways an imported copy can: the engine's random edits
 * (actuals, targets, projections, names, formulas, groups of rows, rows added and removed) plus
 * what those leave out — the plan's name, description and calendar, groups added, renamed and
 * removed, rows reordered, scenarios added, removed, renamed, reparented, their overrides set and
 * cleared. Used by the preview tests (tests/engine/scenarios/preview.test.ts) and the merge
 * decision tests here.
 */
import type { Indicator, Plan, Scenario } from '../../../src/engine/model/plan.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { calendarKeys, keysOf, randomEdit, randomPlan, value, type Random } from '../../engine/session/random-plans.ts';

/** One edit of any kind an import can meet. */
export function vary(r: Random, plan: Plan): Plan {
  const next = (changes: Partial<Plan>): Plan => ({ ...plan, ...changes, revision: plan.revision + 1 });
  const keys = keysOf(plan);
  const scenarios = plan.scenarios ?? [];
  switch (r.int(16)) {
    case 0: return next({ name: `Kế hoạch ${r.int(100)}` });
    case 1: return r.chance(0.5) ? next({ description: `Mô tả ${r.int(100)}` }) : withoutKey(next({}), 'description');
    // Longer: a shorter calendar would leave actuals outside it.
    case 2: return next({ calendar: { ...plan.calendar, end: calendarKeys(plan.calendar.periodicity, keys.length + 1 + r.int(3)).at(-1) as string } });
    case 3: {
      const id = `g${3 + r.int(3)}`;
      return plan.groups.some((g) => g.id === id) ? plan : next({ groups: [...plan.groups, { id, name: { vi: `Nhóm ${id}` } }] });
    }
    case 4: {
      if (plan.groups.length === 0) return plan;
      const gone = r.pick(plan.groups).id;
      // As the app removes a group: its rows leave it.
      const indicators = plan.indicators.map((i) => (i.group === gone ? withoutKey(i, 'group') : i));
      return next({ groups: plan.groups.filter((g) => g.id !== gone), indicators });
    }
    case 5: return plan.groups.length === 0 ? plan : next({ groups: plan.groups.map((g, i) => (i === 0 ? { ...g, name: { vi: g.name.vi, en: `Group ${r.int(100)}` } } : g)) });
    case 6: return next({ indicators: shuffled(r, plan.indicators) });
    case 7: {
      const id = `s${3 + r.int(3)}`;
      if (scenarios.some((s) => s.id === id)) return plan;
      const target = r.pick(plan.indicators);
      const scenario: Scenario = { id, name: { vi: `Kịch bản ${id}` }, overrides: { [target.id]: { actuals: { [r.pick(keys)]: value(r) } } } };
      return next({ scenarios: [...scenarios, scenario] });
    }
    case 8: {
      // A scenario no other inherits from, removed.
      const leaves = scenarios.filter((s) => !scenarios.some((t) => t.parent === s.id));
      if (leaves.length === 0) return plan;
      const gone = r.pick(leaves).id;
      return next({ scenarios: scenarios.filter((s) => s.id !== gone) });
    }
    case 9: {
      if (scenarios.length === 0) return plan;
      const s = r.pick(scenarios);
      const changed: Scenario = r.chance(0.4)
        ? { ...s, name: { vi: `Kịch bản ${r.int(100)}` } }
        : r.chance(0.5) ? { ...s, description: `Giả định ${r.int(100)}` } : withoutKey(s, 'parent');
      return next({ scenarios: scenarios.map((x) => (x === s ? changed : x)) });
    }
    case 10: {
      if (scenarios.length === 0) return plan;
      const s = r.pick(scenarios);
      const indicator = r.pick(plan.indicators);
      const override = { ...(s.overrides[indicator.id] ?? {}) };
      switch (r.int(5)) {
        case 0: override.actuals = { ...(override.actuals ?? {}), [r.pick(keys)]: value(r) }; break;
        case 3: if (indicator.projection.method !== 'formula') override.projection = { method: 'growth', rate: r.pick([0.02, 0.08]) }; break;
        case 1: override.range = null; break;
        case 2: override.targets = [{ period: r.pick(keys), value: value(r), direction: 'atMost' }]; break;
        default: delete override.targets; delete override.range; break;
      }
      return next({ scenarios: scenarios.map((x) => (x === s ? { ...x, overrides: { ...x.overrides, [indicator.id]: override } } : x)) });
    }
    case 11: return scenarios.length < 2 ? plan : next({ scenarios: shuffled(r, scenarios) });
    case 12: {
      const indicator = r.pick(plan.indicators);
      const changed: Indicator = r.chance(0.5)
        ? { ...indicator, unit: { vi: `đơn vị ${r.int(10)}` }, decimals: r.int(3) }
        : { ...indicator, note: `Ghi chú ${r.int(10)}`, source: `Nguồn ${r.int(10)}` };
      return next({ indicators: plan.indicators.map((i) => (i === indicator ? changed : i)) });
    }
    case 13: {
      const id = `z${r.int(50)}`;
      if (plan.indicators.some((i) => i.id === id)) return plan;
      const at = r.int(plan.indicators.length + 1);
      const indicators = [...plan.indicators];
      indicators.splice(at, 0, makeIndicator({ id, actuals: { [r.pick(keys)]: value(r) } }));
      return next({ indicators });
    }
    default: return withoutOrphans(randomEdit(r, plan));
  }
}

export function varied(r: Random, plan: Plan, edits: number): Plan {
  let out = plan;
  for (let i = 0; i < edits; i++) out = vary(r, out);
  return out;
}

/** A plan and two copies of it edited apart: `local` and `incoming`. */
export function planPair(r: Random): { base: Plan; local: Plan; incoming: Plan } {
  const base = randomPlan(r);
  return { base, local: varied(r, base, r.int(6)), incoming: varied(r, base, r.int(6)) };
}

/**
 * The content the preview compares: bookkeeping (revision, times) left out, an absent scenario
 * list as an empty one, an override without fields (or with empty actuals) as none, object keys
 * in one order. Two plans normalise equal exactly when they hold the same plan.
 */
export function content(plan: Plan): unknown {
  const { revision: _r, updatedAt: _u, createdAt: _c, ...rest } = plan;
  const scenarios = (plan.scenarios ?? []).map((s) => {
    const overrides: Record<string, unknown> = {};
    for (const [id, override] of Object.entries(s.overrides)) {
      const o: Record<string, unknown> = { ...override };
      if (o.actuals !== undefined && Object.keys(o.actuals as object).length === 0) delete o.actuals;
      if (Object.keys(o).length > 0) overrides[id] = o;
    }
    return { ...s, overrides };
  });
  return sorted({ ...rest, scenarios });
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return Object.is(value, -0) ? 0 : value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** Overrides of indicators the plan no longer has dropped, as removing an indicator does in the app. */
function withoutOrphans(plan: Plan): Plan {
  if (!plan.scenarios) return plan;
  const ids = new Set(plan.indicators.map((i) => i.id));
  const scenarios = plan.scenarios.map((s) => ({ ...s, overrides: Object.fromEntries(Object.entries(s.overrides).filter(([id]) => ids.has(id))) }));
  return { ...plan, scenarios };
}

function shuffled<T>(r: Random, rows: readonly T[]): T[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
