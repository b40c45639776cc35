/**
 * A three-way merge of two revisions of one plan ("ours": the local one; "theirs": a colleague's)
 * against the revision both started from ("base").
 *
 * Every value is merged the same way: if both sides agree, or only one side changed it, that
 * side's value is taken; if both changed it differently it is a conflict, listed with the three
 * values and its path, and the merged plan holds ours until the user decides. Values are compared
 * by content. The merge goes down to the cell: indicators, groups and scenarios are matched by id,
 * and within them each field, each actual per period and each override field is its own value, so
 * two people editing different cells never conflict. Lists that are not matched by id (targets,
 * and a projection with its parameters) are one value each.
 *
 * Order: the side that reordered the common rows gives the order (ours if both did); rows added
 * by the other side go after their nearest predecessor on that side.
 *
 * The merged plan is not validated here: combined edits can still disagree in meaning (ours puts an
 * indicator in a group theirs deleted), so the caller runs the file validator before saving, as
 * for any import.
 */
import type { Group, Indicator, IndicatorOverride, Plan, Scenario } from '../model/plan.ts';

/** Where a conflict is: `['indicators', 'revenue', 'actuals', '2024']`, `['scenarios', 'high', 'name']`, `['name']`. */
export type MergePath = string[];

export interface MergeConflict {
  path: MergePath;
  /** The value in each revision; `undefined` where it is absent (not set, or its row removed). */
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult {
  merged: Plan;
  conflicts: MergeConflict[];
}

export function mergePlans(base: Plan, ours: Plan, theirs: Plan): MergeResult {
  const conflicts: MergeConflict[] = [];
  const m = new Merger(conflicts);
  const merged: Plan = {
    id: m.value(['id'], base.id, ours.id, theirs.id),
    name: m.value(['name'], base.name, ours.name, theirs.name),
    ...optional('description', m.value(['description'], base.description, ours.description, theirs.description)),
    calendar: m.value(['calendar'], base.calendar, ours.calendar, theirs.calendar),
    groups: m.list(['groups'], base.groups, ours.groups, theirs.groups, (path, b, o, t) => m.group(path, b, o, t)),
    indicators: m.list(['indicators'], base.indicators, ours.indicators, theirs.indicators, (path, b, o, t) => m.indicator(path, b, o, t)),
    ...scenariosOf(m, base, ours, theirs),
    createdAt: m.value(['createdAt'], base.createdAt, ours.createdAt, theirs.createdAt),
    // Bookkeeping, not content: when both moved on, the later time and the higher revision.
    updatedAt: m.quiet(base.updatedAt, ours.updatedAt, theirs.updatedAt, (o, t) => (o >= t ? o : t)),
    revision: m.quiet(base.revision, ours.revision, theirs.revision, Math.max),
  };
  return { merged: same(merged, ours) ? ours : merged, conflicts };
}

/** Scenarios merged by id; the list is present when the merge of its presence says so, or it holds any. */
function scenariosOf(m: Merger, base: Plan, ours: Plan, theirs: Plan): { scenarios?: Scenario[] } {
  const scenarios = m.list(['scenarios'], base.scenarios ?? [], ours.scenarios ?? [], theirs.scenarios ?? [], (path, b, o, t) => m.scenario(path, b, o, t));
  const present = m.quiet(base.scenarios !== undefined, ours.scenarios !== undefined, theirs.scenarios !== undefined, (o, t) => o || t);
  return present || scenarios.length > 0 ? { scenarios } : {};
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

type Rows<T> = readonly T[];

class Merger {
  constructor(private readonly conflicts: MergeConflict[]) {}

  /** One value: taken from the side that changed it; a conflict (ours kept) when both did. */
  value<T>(path: MergePath, b: T, o: T, t: T): T {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    this.conflicts.push({ path, base: b, ours: o, theirs: t });
    return o;
  }

  /** Like `value`, but both changing it is resolved by `both`, not reported. */
  quiet<T>(b: T, o: T, t: T, both: (o: T, t: T) => T): T {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    return both(o, t);
  }

  /** A map (period -> value) merged key by key. */
  record(path: MergePath, b: Readonly<Record<string, number>> | undefined, o: Readonly<Record<string, number>> | undefined, t: Readonly<Record<string, number>> | undefined): Record<string, number> | undefined {
    if (same(o, t) || same(b, t)) return o as Record<string, number> | undefined;
    if (same(b, o)) return t as Record<string, number> | undefined;
    const out: Record<string, number> = {};
    const keys = [...Object.keys(o ?? {}), ...Object.keys(t ?? {}).filter((k) => !has(o, k)), ...Object.keys(b ?? {}).filter((k) => !has(o, k) && !has(t, k))];
    for (const key of keys) {
      const v = this.value([...path, key], get(b, key), get(o, key), get(t, key));
      if (v !== undefined) out[key] = v;
    }
    return o === undefined && t === undefined && Object.keys(out).length === 0 ? undefined : out;
  }

  /**
   * Rows matched by id. A row one side removed and the other left alone goes; a row one side
   * removed and the other changed is a conflict (ours kept: present or not); rows both added
   * differently are a conflict (ours kept).
   */
  list<T extends { id: string }>(path: MergePath, b: Rows<T>, o: Rows<T>, t: Rows<T>, merge: (path: MergePath, b: T, o: T, t: T) => T): T[] {
    if (same(o, t) || same(b, t)) return o as T[];
    if (same(b, o)) return t as T[];
    const inB = byId(b);
    const inO = byId(o);
    const inT = byId(t);
    const kept = new Map<string, T>();
    const ids = [...inO.keys(), ...[...inT.keys()].filter((id) => !inO.has(id)), ...[...inB.keys()].filter((id) => !inO.has(id) && !inT.has(id))];
    for (const id of ids) {
      const rb = inB.get(id);
      const ro = inO.get(id);
      const rt = inT.get(id);
      const at = [...path, id];
      let row: T | undefined;
      if (rb && ro && rt) row = merge(at, rb, ro, rt);
      else if (rb) row = this.value(at, rb, ro, rt);
      else if (ro && rt) row = same(ro, rt) ? ro : this.value(at, undefined, ro, rt);
      else row = ro ?? rt;
      if (row) kept.set(id, row);
    }
    return order(b, o, t, kept);
  }

  group(path: MergePath, b: Group, o: Group, t: Group): Group {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    return { id: o.id, name: this.value([...path, 'name'], b.name, o.name, t.name) };
  }

  indicator(path: MergePath, b: Indicator, o: Indicator, t: Indicator): Indicator {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    const field = <K extends keyof Indicator>(key: K): Indicator[K] => this.value([...path, key], b[key], o[key], t[key]);
    const merged: Indicator = {
      id: o.id,
      name: field('name'),
      unit: field('unit'),
      ...optional('group', field('group')),
      kind: field('kind'),
      decimals: field('decimals'),
      actuals: this.record([...path, 'actuals'], b.actuals, o.actuals, t.actuals) ?? {},
      projection: field('projection'),
      targets: field('targets'),
      ...optional('range', field('range')),
      ...optional('note', field('note')),
      ...optional('source', field('source')),
    };
    return same(merged, o) ? o : merged;
  }

  scenario(path: MergePath, b: Scenario, o: Scenario, t: Scenario): Scenario {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    const overrides: Record<string, IndicatorOverride> = {};
    const ids = [...Object.keys(o.overrides), ...Object.keys(t.overrides).filter((k) => !has(o.overrides, k)), ...Object.keys(b.overrides).filter((k) => !has(o.overrides, k) && !has(t.overrides, k))];
    for (const id of ids) {
      const merged = this.override([...path, 'overrides', id], get(b.overrides, id), get(o.overrides, id), get(t.overrides, id));
      if (merged !== undefined) overrides[id] = merged;
    }
    const merged: Scenario = {
      id: o.id,
      name: this.value([...path, 'name'], b.name, o.name, t.name),
      ...optional('parent', this.value([...path, 'parent'], b.parent, o.parent, t.parent)),
      ...optional('description', this.value([...path, 'description'], b.description, o.description, t.description)),
      overrides,
    };
    return same(merged, o) ? o : merged;
  }

  /** One indicator's override in a scenario, field by field; absent and empty are alike. */
  override(path: MergePath, b: IndicatorOverride | undefined, o: IndicatorOverride | undefined, t: IndicatorOverride | undefined): IndicatorOverride | undefined {
    if (same(o, t) || same(b, t)) return o;
    if (same(b, o)) return t;
    const actuals = this.record([...path, 'actuals'], b?.actuals, o?.actuals, t?.actuals);
    const projection = this.value([...path, 'projection'], b?.projection, o?.projection, t?.projection);
    const targets = this.value([...path, 'targets'], b?.targets, o?.targets, t?.targets);
    const range = this.value([...path, 'range'], b?.range, o?.range, t?.range);
    const merged: IndicatorOverride = {
      ...optional('actuals', actuals),
      ...optional('projection', projection),
      ...optional('targets', targets),
      ...(range !== undefined ? { range } : {}),
    };
    return Object.keys(merged).length === 0 ? undefined : merged;
  }
}

function byId<T extends { id: string }>(rows: Rows<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(row.id)) map.set(row.id, row);
  return map;
}

/** Whether the ids both lists hold appear in the same relative order. */
function sameRelativeOrder(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  const inB = new Set(b.map((r) => r.id));
  const inA = new Set(a.map((r) => r.id));
  const x = a.map((r) => r.id).filter((id) => inB.has(id));
  const y = b.map((r) => r.id).filter((id) => inA.has(id));
  return x.every((id, i) => id === y[i]);
}

/**
 * The kept rows in order: the skeleton is the side that reordered rows it shares with the base
 * (ours when both or neither did); rows only the other side has go after their nearest
 * predecessor there, or first when they have none.
 */
function order<T extends { id: string }>(b: Rows<T>, o: Rows<T>, t: Rows<T>, kept: ReadonlyMap<string, T>): T[] {
  const skeleton = !sameRelativeOrder(b, t) && sameRelativeOrder(b, o) ? t : o;
  const other = skeleton === t ? o : t;
  const ids = skeleton.map((r) => r.id).filter((id) => kept.has(id));
  const placed = new Set(ids);
  let previous: string | null = null;
  for (const row of other) {
    if (kept.has(row.id) && !placed.has(row.id)) {
      ids.splice(previous === null ? 0 : ids.indexOf(previous) + 1, 0, row.id);
      placed.add(row.id);
    }
    if (placed.has(row.id)) previous = row.id;
  }
  return ids.map((id) => kept.get(id) as T);
}

function has(record: Readonly<Record<string, unknown>> | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

function get<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Equal content: JSON-like values compared deeply, object keys in any order, an absent key the
 * same as one holding `undefined`.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of Object.keys(x)) if (!same(x[key], has(y, key) ? y[key] : undefined)) return false;
  for (const key of Object.keys(y)) if (!has(x, key) && y[key] !== undefined) return false;
  return true;
}

/**
 * The merged plan with a conflict decided: `theirs` puts their value at the conflict's path
 * (removing what they removed; a row only they have goes last); `ours` keeps it as it is.
 */
export function chooseSide(plan: Plan, conflict: MergeConflict, side: 'ours' | 'theirs'): Plan {
  if (side === 'ours') return plan;
  return setPath(plan, conflict.path, conflict.theirs) as Plan;
}

/** A copy of `value` with `path` set (undefined: removed); arrays are stepped into by element id. */
function setPath(value: unknown, path: readonly string[], next: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return next;
  if (Array.isArray(value)) {
    const index = value.findIndex((row: { id?: unknown }) => row?.id === key);
    const child = rest.length === 0 ? next : setPath(index >= 0 ? value[index] : undefined, rest, next);
    const copy = [...value];
    if (child === undefined) {
      if (index >= 0) copy.splice(index, 1);
    } else if (index >= 0) copy[index] = child;
    else copy.push(child);
    return copy;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const child = setPath(has(record, key) ? record[key] : undefined, rest, next);
  const copy: Record<string, unknown> = { ...record };
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return copy;
}
