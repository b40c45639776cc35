/**
 * What an imported plan holds, how it differs from the local plan with the same id, and which of
 * the two has moved further: the import preview words these (src/ui/import), and the merge of an
 * import decides difference by difference.
 *
 * A difference sits at a machine path, the same paths `mergePlans` gives its conflicts
 * (`['indicators', 'revenue', 'actuals', '2024']`), so one difference, one merge conflict and one
 * choice in the merge are the same thing, and `chooseSide` can apply either. Each carries the value
 * on each side, named for where it is (`local`: this browser's plan, `incoming`: the file's)
 * rather than old and new: without a history shared by both copies, which one is older is a guess
 * (`relation`), and the words must not presume it.
 *
 * Bookkeeping is not content: `id`, `createdAt`, `revision` and `updatedAt` differ between copies
 * of one plan without anyone having changed it. An absent scenario list is an empty one, and a
 * scenario override with no field is no override (as in the merge).
 */
import type { Calendar, Group, Indicator, IndicatorOverride, LocalizedText, Plan, Scenario } from '../model/plan.ts';
import { checkCalendar, periodIndex } from '../periods/calendar.ts';
import { same, type MergePath } from './merge.ts';

/** What a plan holds, for "12 chỉ tiêu, 3 nhóm, …". */
export interface PlanCounts {
  indicators: number;
  groups: number;
  scenarios: number;
  /** Targets of all indicators in the base (a scenario's own targets are not counted). */
  targets: number;
  /** Cells holding an actual value, in the base. */
  actuals: number;
  /** Periods in the calendar (0 if the calendar is not valid). */
  periods: number;
  calendar: Calendar;
}

export function describePlan(plan: Plan): PlanCounts {
  let targets = 0;
  let actuals = 0;
  for (const indicator of plan.indicators) {
    targets += indicator.targets.length;
    actuals += Object.keys(indicator.actuals).length;
  }
  const periods = checkCalendar(plan.calendar, Number.MAX_SAFE_INTEGER) === null ? periodIndex(plan.calendar).count : 0;
  return {
    indicators: plan.indicators.length,
    groups: plan.groups.length,
    scenarios: plan.scenarios?.length ?? 0,
    targets,
    actuals,
    periods,
    calendar: plan.calendar,
  };
}

/** The lists whose rows are matched by id. */
export type PlanList = 'groups' | 'indicators' | 'scenarios';

/** Fields of an indicator compared as one value each (actuals go period by period). */
export type IndicatorField = 'name' | 'unit' | 'group' | 'kind' | 'decimals' | 'projection' | 'targets' | 'range' | 'note' | 'source';
/** Fields of a scenario compared as one value each (overrides go indicator by indicator). */
export type ScenarioField = 'name' | 'parent' | 'description';
/** Fields of a scenario's override of one indicator compared as one value each (actuals go period by period). */
export type OverrideField = 'projection' | 'targets' | 'range';
/** Fields of the plan itself. */
export type PlanField = 'name' | 'description' | 'calendar';

type Absent<T> = T | undefined;

type PlanFieldDifference = {
  [K in PlanField]: { kind: 'planField'; path: MergePath; field: K; local: Absent<Plan[K]>; incoming: Absent<Plan[K]> };
}[PlanField];

type IndicatorFieldDifference = {
  [K in IndicatorField]: { kind: 'indicatorField'; path: MergePath; indicator: string; field: K; local: Absent<Indicator[K]>; incoming: Absent<Indicator[K]> };
}[IndicatorField];

type ScenarioFieldDifference = {
  [K in ScenarioField]: { kind: 'scenarioField'; path: MergePath; scenario: string; field: K; local: Absent<Scenario[K]>; incoming: Absent<Scenario[K]> };
}[ScenarioField];

type OverrideFieldDifference = {
  [K in OverrideField]: { kind: 'overrideField'; path: MergePath; scenario: string; indicator: string; field: K; local: IndicatorOverride[K]; incoming: IndicatorOverride[K] };
}[OverrideField];

/**
 * One way the incoming plan differs from the local one. A row (`group`, `indicator`, `scenario`)
 * absent on one side was added or removed; present on both (only in a merge conflict: both added
 * it differently) it is replaced whole.
 */
export type PlanDifference =
  | PlanFieldDifference
  /** The rows both sides hold are in another order; `local` and `incoming` list their ids. */
  | { kind: 'order'; path: MergePath; list: PlanList; local: string[]; incoming: string[] }
  | { kind: 'group'; path: MergePath; group: string; local: Group | undefined; incoming: Group | undefined }
  | { kind: 'groupName'; path: MergePath; group: string; local: LocalizedText | undefined; incoming: LocalizedText | undefined }
  | { kind: 'indicator'; path: MergePath; indicator: string; local: Indicator | undefined; incoming: Indicator | undefined }
  | IndicatorFieldDifference
  /** An actual value; undefined where the cell is blank. */
  | { kind: 'actual'; path: MergePath; indicator: string; period: string; local: number | undefined; incoming: number | undefined }
  | { kind: 'scenario'; path: MergePath; scenario: string; local: Scenario | undefined; incoming: Scenario | undefined }
  | ScenarioFieldDifference
  /** A field of a scenario's override; undefined where the scenario inherits it (for `range`, null removes it). */
  | OverrideFieldDifference
  /** An actual a scenario lays over its parent's; undefined where it inherits. */
  | { kind: 'overrideActual'; path: MergePath; scenario: string; indicator: string; period: string; local: number | undefined; incoming: number | undefined };

export type PlanDifferenceKind = PlanDifference['kind'];

const INDICATOR_FIELDS: readonly IndicatorField[] = ['name', 'unit', 'group', 'kind', 'decimals', 'projection', 'targets', 'range', 'note', 'source'];
const SCENARIO_FIELDS: readonly ScenarioField[] = ['name', 'parent', 'description'];
const OVERRIDE_FIELDS: readonly OverrideField[] = ['projection', 'targets', 'range'];
const PLAN_FIELDS: readonly PlanField[] = ['name', 'description', 'calendar'];

/**
 * Every difference between the two plans, in reading order: the plan's own fields, groups,
 * indicators (each with all of its differences together: row, fields, actuals by period), the
 * order of indicators, then scenarios. Rows come in the incoming plan's order, rows only the
 * local plan has after them.
 */
export function planDifferences(local: Plan, incoming: Plan): PlanDifference[] {
  const out: PlanDifference[] = [];
  for (const field of PLAN_FIELDS) {
    if (!same(local[field], incoming[field])) out.push(classified([field], local[field], incoming[field]));
  }
  rows(out, 'groups', local.groups, incoming.groups, (path, l, i) => {
    if (!same(l.name, i.name)) out.push(classified([...path, 'name'], l.name, i.name));
  });
  rows(out, 'indicators', local.indicators, incoming.indicators, (path, l, i) => {
    for (const field of INDICATOR_FIELDS) {
      if (!same(l[field], i[field])) out.push(classified([...path, field], l[field], i[field]));
      // Actuals read best next to the name: right after it, period by period.
      if (field === 'name') periods(out, [...path, 'actuals'], l.actuals, i.actuals);
    }
  });
  rows(out, 'scenarios', local.scenarios ?? [], incoming.scenarios ?? [], (path, l, i) => {
    for (const field of SCENARIO_FIELDS) {
      if (!same(l[field], i[field])) out.push(classified([...path, field], l[field], i[field]));
    }
    for (const id of unionOfKeys(i.overrides, l.overrides)) {
      const lo = Object.hasOwn(l.overrides, id) ? l.overrides[id] : undefined;
      const io = Object.hasOwn(i.overrides, id) ? i.overrides[id] : undefined;
      const at = [...path, 'overrides', id];
      periods(out, [...at, 'actuals'], lo?.actuals ?? {}, io?.actuals ?? {});
      for (const field of OVERRIDE_FIELDS) {
        if (!same(lo?.[field], io?.[field])) out.push(classified([...at, field], lo?.[field], io?.[field]));
      }
    }
  });
  return out;
}

/**
 * Rows matched by id: added, removed, or compared field by field (`compare`); then the order of
 * the rows both hold, as one difference, placed after the list's rows.
 */
function rows<T extends { id: string }>(
  out: PlanDifference[],
  list: PlanList,
  local: readonly T[],
  incoming: readonly T[],
  compare: (path: MergePath, local: T, incoming: T) => void,
): void {
  const inLocal = new Map(local.map((row) => [row.id, row]));
  const inIncoming = new Map(incoming.map((row) => [row.id, row]));
  for (const row of incoming) {
    const other = inLocal.get(row.id);
    if (other === undefined) out.push(classified([list, row.id], undefined, row));
    else if (!same(other, row)) compare([list, row.id], other, row);
  }
  for (const row of local) if (!inIncoming.has(row.id)) out.push(classified([list, row.id], row, undefined));
  const shared = (rows: readonly T[], other: ReadonlyMap<string, T>) => rows.filter((row) => other.has(row.id)).map((row) => row.id);
  const localOrder = shared(local, inIncoming);
  const incomingOrder = shared(incoming, inLocal);
  if (!same(localOrder, incomingOrder)) out.push({ kind: 'order', path: [list], list, local: localOrder, incoming: incomingOrder });
}

/** Period maps compared key by key, in period order (period keys sort as text). */
function periods(out: PlanDifference[], path: MergePath, local: Readonly<Record<string, number>>, incoming: Readonly<Record<string, number>>): void {
  for (const key of unionOfKeys(local, incoming).sort()) {
    const l = Object.hasOwn(local, key) ? local[key] : undefined;
    const i = Object.hasOwn(incoming, key) ? incoming[key] : undefined;
    if (!same(l, i)) out.push(classified([...path, key], l, i));
  }
}

function unionOfKeys(a: object, b: object): string[] {
  const keys = Object.keys(a);
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) keys.push(key);
  return keys;
}

/** `classify` for paths this module built itself. */
function classified(path: MergePath, local: unknown, incoming: unknown): PlanDifference {
  const difference = classify(path, local, incoming);
  if (difference === null) throw new Error(`preview: no difference kind for ${path.join('.')}`);
  return difference;
}

/**
 * The difference a value at `path` makes, from the path alone: how a merge conflict
 * (`{ path, ours, theirs }`) is worded like any other difference. Null for a path that is not
 * content (`['id']`, `['createdAt']`) or that no plan has; the values are taken on trust as what
 * the plans hold there.
 */
export function classify(path: MergePath, local: unknown, incoming: unknown): PlanDifference | null {
  const [head, id, field, inner, innerField, period] = path;
  const at = [...path];
  switch (path.length) {
    case 1:
      if (head === 'name' || head === 'description' || head === 'calendar') return { kind: 'planField', path: at, field: head, local, incoming } as PlanDifference;
      if (head === 'groups' || head === 'indicators' || head === 'scenarios') return { kind: 'order', path: at, list: head, local: local as string[], incoming: incoming as string[] };
      return null;
    case 2:
      if (head === 'groups') return { kind: 'group', path: at, group: id as string, local: local as Group | undefined, incoming: incoming as Group | undefined };
      if (head === 'indicators') return { kind: 'indicator', path: at, indicator: id as string, local: local as Indicator | undefined, incoming: incoming as Indicator | undefined };
      if (head === 'scenarios') return { kind: 'scenario', path: at, scenario: id as string, local: local as Scenario | undefined, incoming: incoming as Scenario | undefined };
      return null;
    case 3:
      if (head === 'groups' && field === 'name') return { kind: 'groupName', path: at, group: id as string, local: local as LocalizedText | undefined, incoming: incoming as LocalizedText | undefined };
      if (head === 'indicators' && (INDICATOR_FIELDS as readonly string[]).includes(field as string)) {
        return { kind: 'indicatorField', path: at, indicator: id as string, field, local, incoming } as PlanDifference;
      }
      if (head === 'scenarios' && (SCENARIO_FIELDS as readonly string[]).includes(field as string)) {
        return { kind: 'scenarioField', path: at, scenario: id as string, field, local, incoming } as PlanDifference;
      }
      return null;
    case 4:
      if (head === 'indicators' && field === 'actuals') {
        return { kind: 'actual', path: at, indicator: id as string, period: inner as string, local: local as number | undefined, incoming: incoming as number | undefined };
      }
      return null;
    case 5:
      if (head === 'scenarios' && field === 'overrides' && (OVERRIDE_FIELDS as readonly string[]).includes(innerField as string)) {
        return { kind: 'overrideField', path: at, scenario: id as string, indicator: inner as string, field: innerField, local, incoming } as PlanDifference;
      }
      return null;
    case 6:
      if (head === 'scenarios' && field === 'overrides' && innerField === 'actuals') {
        return {
          kind: 'overrideActual',
          path: at,
          scenario: id as string,
          indicator: inner as string,
          period: period as string,
          local: local as number | undefined,
          incoming: incoming as number | undefined,
        };
      }
      return null;
    default:
      return null;
  }
}

/**
 * How the incoming plan stands to the local one:
 * - `unrelated`: different ids, two different plans;
 * - `same`: the same plan and no difference in content (bookkeeping aside);
 * - `incomingNewer`: the file's revision is higher **and** its `updatedAt` later;
 * - `localNewer`: the local revision is higher and its `updatedAt` later;
 * - `diverged`: anything else — equal revisions with different content (each copy was edited on
 *   its own the same number of times), or a higher revision with an earlier time.
 *
 * The file carries no history of revisions yet, so "newer" means "moved further", not "contains
 * the other's changes": a colleague's copy may be several edits ahead and still lack an edit made
 * here after it was sent. The import treats the relation as a default, never as a reason to drop a
 * local value unasked.
 */
export type PlanRelation = 'same' | 'incomingNewer' | 'localNewer' | 'diverged' | 'unrelated';

export function relation(local: Plan, incoming: Plan, differences: readonly PlanDifference[] = planDifferences(local, incoming)): PlanRelation {
  if (local.id !== incoming.id) return 'unrelated';
  if (differences.length === 0) return 'same';
  const localTime = Date.parse(local.updatedAt);
  const incomingTime = Date.parse(incoming.updatedAt);
  if (incoming.revision > local.revision && incomingTime > localTime) return 'incomingNewer';
  if (local.revision > incoming.revision && localTime > incomingTime) return 'localNewer';
  return 'diverged';
}
