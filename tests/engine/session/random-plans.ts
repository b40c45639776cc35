/**
 * Small random plans that exercise everything the engine computes: every input method, formulas
 * using every function (and the awkward cases: self-reference through prev, division by zero,
 * overflow, blanks, cycles, unknown names), actuals on formula rows, groups, targets and
 * scenarios; and random edits of them, the way commands make them (untouched indicators stay the
 * same objects).
 */
import type { Indicator, IndicatorOverride, Plan, Projection, Scenario, Target } from '../../../src/engine/model/plan.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import { formatPeriodKey, periodIndex, PERIODS_PER_YEAR } from '../../../src/engine/periods/calendar.ts';
import type { Periodicity } from '../../../src/engine/model/plan.ts';
import { seededRandom } from './helpers.ts';

export interface Random {
  next(): number;
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  const next = seededRandom(seed);
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: (items) => items[int(items.length)] as (typeof items)[number], chance: (p) => next() < p };
}

const VALUES = [0, 1, 2, 3, -1, 0.5, 100, 1234.5, -7, 1e300, 3e-9, -0];

export function value(r: Random): number {
  return r.chance(0.7) ? Math.round(r.next() * 2000 - 200) / 4 : r.pick(VALUES);
}

export function calendarKeys(periodicity: Periodicity, count: number): string[] {
  const per = PERIODS_PER_YEAR[periodicity];
  return Array.from({ length: count }, (_, t) => formatPeriodKey(2020 + Math.floor(t / per), t % per, periodicity));
}

function periodValues(r: Random, keys: readonly string[], share: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) if (r.chance(share)) out[key] = value(r);
  return out;
}

export function inputProjection(r: Random, keys: readonly string[]): Projection {
  switch (r.int(7)) {
    case 0: return { method: 'constant' };
    case 1: return { method: 'linear', step: value(r) };
    case 2: return { method: 'growth', rate: r.pick([0.01, -0.02, 0.1, 0, 2, 1e3]) };
    case 3: return { method: 'reachTarget' };
    case 4: return { method: 'logistic', ceiling: r.pick([100, 5000, 1]), rate: r.pick([0.3, 1, 0]) };
    case 5: return { method: 'interpolate', mode: r.pick(['linear', 'geometric'] as const), anchors: periodValues(r, keys, 0.2) };
    default: return { method: 'manual', values: periodValues(r, keys, 0.5) };
  }
}

/** A formula over `names` (and sometimes `self`, groups, unknown names), depth-limited. */
export function formula(r: Random, names: readonly string[], self: string, groups: readonly string[], depth: number = 0): string {
  const leaf = (): string => {
    const k = r.int(12);
    if (k < 6 && names.length > 0) return r.pick(names);
    if (k < 9) return String(r.pick([2, 0, 100, 0.5, 1e200, 3]));
    if (k === 9) return `prev(${self})`;
    if (k === 10) return r.chance(0.5) ? 'nowhere' : self;
    return names.length > 0 ? `prev(${r.pick(names)})` : '1';
  };
  if (depth >= 3 || r.chance(0.25)) return leaf();
  const sub = (): string => formula(r, names, self, groups, depth + 1);
  switch (r.int(16)) {
    case 0: return `${sub()} + ${sub()}`;
    case 1: return `${sub()} - ${sub()}`;
    case 2: return `${sub()} * ${sub()}`;
    case 3: return `${sub()} / ${sub()}`;
    case 4: return `(${sub()}) ^ ${r.pick(['2', '0.5', '-1'])}`;
    case 5: return `if(${sub()} ${r.pick(['<', '<=', '>', '>=', '=', '<>'])} ${sub()}, ${sub()}, ${sub()})`;
    case 6: return `${r.pick(['min', 'max'])}(${sub()}, ${sub()}${r.chance(0.3) ? `, ${sub()}` : ''})`;
    case 7: return `abs(${sub()})`;
    case 8: return r.chance(0.5) ? `round(${sub()})` : `round(${sub()}, ${r.pick(['1', '-1', '2'])})`;
    case 9: return `${r.pick(['and', 'or'])}(${sub()}, ${sub()})`;
    case 10: return `not(${sub()})`;
    case 11: return `prev(${sub()})`;
    case 12: return `growth(${sub()})`;
    case 13: return `cumsum(${sub()})`;
    case 14: return groups.length > 0 ? `sumgroup(${r.pick(groups)})` : sub();
    default: return names.length > 0 ? `target(${r.pick(names)})` : `-${sub()}`;
  }
}

/**
 * A formula of the operations that run a whole row at a time, over values that rarely give an
 * error, with parentheses placed at random: the shapes the whole-row form fuses (`x * k`,
 * `(x op y) * k`) come up often.
 */
export function rowwiseFormula(r: Random, names: readonly string[], groups: readonly string[], depth: number = 0): string {
  const leaf = (): string => (names.length > 0 && r.chance(0.7) ? r.pick(names) : String(r.pick([2, 0.5, 3, 100, 1.5, -0.25, 1e300])));
  if (depth >= 3 || r.chance(0.2)) return leaf();
  const sub = (): string => {
    const text = rowwiseFormula(r, names, groups, depth + 1);
    return r.chance(0.5) ? `(${text})` : text;
  };
  switch (r.int(12)) {
    case 0: return `${sub()} + ${sub()}`;
    case 1: return `${sub()} - ${sub()}`;
    case 2: case 3: return `${sub()} * ${leaf()}`;
    case 4: return `${sub()} / ${sub()}`;
    case 5: return `if(${sub()} ${r.pick(['<', '>', '>=', '=', '<>'])} ${sub()}, ${sub()}, ${sub()})`;
    case 6: return `${r.pick(['min', 'max'])}(${sub()}, ${sub()}${r.chance(0.3) ? `, ${sub()}` : ''})`;
    case 7: return r.pick(['abs', 'round', 'prev', '-'])+ `(${sub()})`;
    case 8: return groups.length > 0 ? `sumgroup(${r.pick(groups)}) * ${leaf()}` : `${leaf()} * ${sub()}`;
    // Two operations on rows, fused into one loop: `x * y / z`, `z - (x + y)`.
    case 9: return `${leaf()} ${r.pick(['+', '-', '*', '/'])} ${leaf()} ${r.pick(['+', '-', '*', '/'])} ${leaf()}`;
    case 10: return `${leaf()} ${r.pick(['+', '-', '*', '/'])} (${leaf()} ${r.pick(['+', '-', '*', '/'])} ${leaf()})`;
    default: return names.length > 0 ? `target(${r.pick(names)}) - ${sub()}` : sub();
  }
}

function targets(r: Random, keys: readonly string[]): Target[] {
  return Array.from({ length: r.int(3) }, () => ({ period: r.pick(keys), value: value(r), direction: r.pick(['atLeast', 'atMost', 'hold'] as const) }));
}

/** `rowwise`: formulas from `rowwiseFormula`, groups only of inputs, values rarely zero. */
export function randomPlan(r: Random, options: { rowwise?: boolean } = {}): Plan {
  const periodicity = r.pick(['year', 'quarter', 'month'] as const);
  const count = 2 + r.int(14);
  const keys = calendarKeys(periodicity, count);
  const groups = r.chance(0.7) ? [{ id: 'g1', name: { vi: 'Nhóm 1' } }, { id: 'g2', name: { vi: 'Nhóm 2' } }] : [];
  const size = 2 + r.int(9);
  const ids = Array.from({ length: size }, (_, i) => `x${i}`);
  const indicators: Indicator[] = ids.map((id, i) => {
    // Mostly earlier rows (a plan reads downwards), sometimes any row: cycles and forward reads.
    const names = r.chance(0.85) || options.rowwise ? ids.slice(0, i) : ids;
    const isFormula = i > 0 && r.chance(0.6);
    const group = groups.length > 0 && r.chance(0.5) && !(options.rowwise && isFormula) ? r.pick(groups).id : undefined;
    return makeIndicator({
      id,
      ...(group ? { group } : {}),
      kind: r.pick(['stock', 'flow', 'rate'] as const),
      actuals: periodValues(r, keys, isFormula ? 0.15 : 0.4),
      projection: isFormula
        ? { method: 'formula', formula: options.rowwise ? rowwiseFormula(r, names, groups.map((g) => g.id)) : formula(r, names, id, groups.map((g) => g.id)) }
        : inputProjection(r, keys),
      targets: targets(r, keys),
    });
  });
  const scenarios: Scenario[] = [];
  if (r.chance(0.6)) {
    scenarios.push({ id: 's1', name: { vi: 'Cao' }, overrides: randomOverrides(r, indicators, keys) });
    if (r.chance(0.5)) scenarios.push({ id: 's2', name: { vi: 'Cao hơn' }, parent: 's1', overrides: randomOverrides(r, indicators, keys) });
  }
  return makePlan({
    id: 'random',
    name: 'Ngẫu nhiên',
    calendar: { periodicity, start: keys[0] as string, end: keys[keys.length - 1] as string },
    groups,
    indicators,
    ...(scenarios.length > 0 ? { scenarios } : {}),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
}

export function randomOverrides(r: Random, indicators: readonly Indicator[], keys: readonly string[]): Record<string, IndicatorOverride> {
  const out: Record<string, IndicatorOverride> = {};
  for (const indicator of indicators) {
    if (!r.chance(0.3)) continue;
    const override: IndicatorOverride = {};
    if (r.chance(0.6)) override.actuals = periodValues(r, keys, 0.3);
    if (indicator.projection.method !== 'formula' && r.chance(0.4)) override.projection = inputProjection(r, keys);
    if (r.chance(0.3)) override.targets = targets(r, keys);
    out[indicator.id] = override;
  }
  return out;
}

export function keysOf(plan: Plan): string[] {
  return [...periodIndex(plan.calendar).keys];
}

/**
 * One edit, as a command would make it. Mostly data (what the session updates in place), now and
 * then structural (what makes it compile again), and now and then nothing that computes (a name).
 */
export function randomEdit(r: Random, plan: Plan): Plan {
  const keys = keysOf(plan);
  const i = r.int(plan.indicators.length);
  const indicator = plan.indicators[i] as Indicator;
  const replace = (next: Indicator): Plan => {
    const indicators = [...plan.indicators];
    indicators[i] = next;
    return { ...plan, indicators, revision: plan.revision + 1 };
  };
  const k = r.int(20);
  if (k < 6) {
    const actuals = { ...indicator.actuals };
    const key = r.pick(keys);
    if (r.chance(0.3)) delete actuals[key];
    else actuals[key] = value(r);
    return replace({ ...indicator, actuals });
  }
  if (k < 9) return replace({ ...indicator, targets: targets(r, keys) });
  if (k < 12 && indicator.projection.method !== 'formula') {
    const p = indicator.projection;
    // A parameter nudged, or another input method.
    if (p.method === 'growth' && r.chance(0.6)) return replace({ ...indicator, projection: { ...p, rate: r.pick([0.05, -0.01, 0.2]) } });
    return replace({ ...indicator, projection: inputProjection(r, keys) });
  }
  if (k === 12) return replace({ ...indicator, name: { vi: `Tên ${r.int(100)}` } });
  if (k === 13 && plan.scenarios && plan.scenarios.length > 0) {
    const scenarios = plan.scenarios.map((s) => (r.chance(0.5) ? { ...s, overrides: { ...s.overrides, [indicator.id]: { actuals: { [r.pick(keys)]: value(r) } } } } : s));
    return { ...plan, scenarios, revision: plan.revision + 1 };
  }
  if (k === 14) {
    const names = plan.indicators.slice(0, i).map((x) => x.id);
    return replace({ ...indicator, projection: { method: 'formula', formula: formula(r, names, indicator.id, plan.groups.map((g) => g.id)) } });
  }
  if (k === 15 && plan.groups.length > 0) return replace({ ...indicator, group: r.pick(plan.groups).id });
  if (k === 16 && plan.indicators.length > 2) {
    return { ...plan, indicators: plan.indicators.filter((_, j) => j !== i), revision: plan.revision + 1 };
  }
  if (k === 17) {
    const id = `y${r.int(1000)}`;
    if (plan.indicators.some((x) => x.id === id)) return plan;
    const added = makeIndicator({ id, actuals: periodValues(r, keys, 0.4), projection: inputProjection(r, keys) });
    return { ...plan, indicators: [...plan.indicators, added], revision: plan.revision + 1 };
  }
  // A plan that crossed postMessage: the same content, every object new.
  if (k === 18) return structuredClone(plan);
  const actuals = { ...indicator.actuals, [r.pick(keys)]: value(r) };
  return replace({ ...indicator, actuals });
}
