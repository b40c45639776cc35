/**
 * Merging an imported plan into the local plan with the same id, as decisions the planner makes.
 *
 * A three-way merge needs the revision both copies started from. Files carry a lineage (the hashes
 * of the revisions they came through, src/format/lineage.ts) and this browser keeps the content of
 * the last revisions it exported or imported, so the merge has two modes:
 *
 * - **Three-way** (the caller found the common ancestor, src/app/lineage.ts): `mergePlans` takes
 *   every change made on one side only, and only its conflicts are decisions. When the file came
 *   through the local revision, the local plan is the base and everything is taken without a
 *   question; when the local plan came through the file's, the file is the base and nothing is.
 * - **Two-way** (no common ancestor known: a file without lineage, or a revision whose content is
 *   no longer kept). Nothing can tell which side changed a value, so every difference is a
 *   decision: keep mine or take the file's. Taking the local plan as the base instead would make
 *   the merge take every value of the file without a word — a replace under another name — and
 *   the file as the base would take none. The relation of the two copies (`relation`) only
 *   suggests a side for all decisions: the file's when it is the newer revision, mine when the
 *   local one is, none when they diverged (the planner chooses, helped by "take all mine" / "take
 *   all theirs").
 *
 * Decisions are the differences of src/engine/scenarios/preview.ts, at the same paths as merge
 * conflicts. The result is validated like any imported plan: choices can disagree in meaning (an
 * indicator taken from the file in a group kept out), and such a result is refused with the
 * file validator's issues, never saved.
 */
import type { Plan } from '../../engine/model/plan.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import { mergePlans, type MergePath } from '../../engine/scenarios/merge.ts';
import { classify, planDifferences, relation, type PlanDifference, type PlanList, type PlanRelation } from '../../engine/scenarios/preview.ts';
import { parsePlan } from '../../format/parse-plan.ts';
import type { FileIssue } from '../../format/issues.ts';

export type Side = 'ours' | 'theirs';

export interface MergeDecision {
  /** The path joined with `/` (ids and period keys never hold one): unique among decisions. */
  key: string;
  /** What differs: `local` is mine (ours), `incoming` the file's (theirs). */
  difference: PlanDifference;
  /** Three-way only: the value in the plan both came from (undefined: it had none). */
  base?: unknown;
}

export interface MergeSetup {
  mode: 'threeWay' | 'twoWay';
  relation: PlanRelation;
  local: Plan;
  incoming: Plan;
  /** The plan before any decision goes the file's way: the local plan, or the automatic three-way merge. */
  start: Plan;
  /** Changes from the file that the start already holds (three-way: the file's side changed them alone). */
  automatic: PlanDifference[];
  decisions: MergeDecision[];
  /** The side every decision starts on; null when the planner must choose. */
  suggested: Side | null;
}

export type MergeSetupProblem = { code: 'otherPlan' };

export type MergeProblem =
  | { code: 'undecided'; count: number }
  /** The chosen values do not make a valid plan; the file validator's issues, paths from the plan. */
  | { code: 'invalid'; issues: FileIssue[] };

export type Choices = ReadonlyMap<string, Side>;

export function decisionKey(path: MergePath): string {
  return path.join('/');
}

/**
 * The decisions of merging `incoming` into `local`; three-way when `base` (the revision both came
 * from) is given. All three must be the same plan (one id). `known` is the relation the plans'
 * lineages establish, when they do (src/app/lineage.ts); otherwise it is guessed (`relation`).
 */
export function prepareMerge(local: Plan, incoming: Plan, base: Plan | null = null, known: PlanRelation | null = null): Result<MergeSetup, MergeSetupProblem> {
  if (incoming.id !== local.id || (base !== null && base.id !== local.id)) return err({ code: 'otherPlan' });
  const differences = planDifferences(local, incoming);
  const related = differences.length === 0 ? 'same' : known ?? relation(local, incoming, differences);
  const suggested: Side | null = related === 'incomingNewer' ? 'theirs' : related === 'localNewer' ? 'ours' : null;
  if (base === null) {
    const decisions = differences.map((difference) => ({ key: decisionKey(difference.path), difference }));
    return ok({ mode: 'twoWay', relation: related, local, incoming, start: local, automatic: [], decisions, suggested });
  }
  const { merged, conflicts } = mergePlans(base, local, incoming);
  const decisions: MergeDecision[] = [];
  for (const conflict of conflicts) {
    // Bookkeeping (createdAt) is no decision: the local plan's is kept.
    const difference = classify(conflict.path, conflict.ours, conflict.theirs);
    if (difference) decisions.push({ key: decisionKey(conflict.path), difference, base: conflict.base });
  }
  return ok({ mode: 'threeWay', relation: related, local, incoming, start: merged, automatic: planDifferences(local, merged), decisions, suggested });
}

/** The choices a merge opens with: the suggested side everywhere, or none. */
export function initialChoices(setup: MergeSetup): Map<string, Side> {
  const choices = new Map<string, Side>();
  if (setup.suggested !== null) for (const decision of setup.decisions) choices.set(decision.key, setup.suggested);
  return choices;
}

/** `choices` with `side` for each of `decisions` ("take all mine", or all of one indicator). */
export function chooseAll(choices: Choices, decisions: readonly MergeDecision[], side: Side): Map<string, Side> {
  const next = new Map(choices);
  for (const decision of decisions) next.set(decision.key, side);
  return next;
}

export function undecided(setup: MergeSetup, choices: Choices): number {
  let count = 0;
  for (const decision of setup.decisions) if (!choices.has(decision.key)) count++;
  return count;
}

/**
 * How many values of the local plan the merge changes with these choices: the automatic changes
 * and the decisions that take the file's side (its own tidying aside: the overrides of a removed
 * indicator go with it). Cheap enough to show after every choice, unlike building the plan.
 */
export function changedPlaces(setup: MergeSetup, choices: Choices): number {
  let count = setup.automatic.length;
  for (const decision of setup.decisions) if (choices.get(decision.key) === 'theirs') count++;
  return count;
}

/**
 * The merged plan: the start with the file's value at every decision chosen `theirs`. Its
 * revision is past both sides' (so other tabs adopt it and a later import of either side reads as
 * older) and its time is `now`; id and creation time stay the local plan's.
 *
 * Beyond the chosen values, only tidying: a scenario's overrides of an indicator removed by a
 * choice go with it (as removing an indicator does in the app), an override a choice emptied is
 * dropped, and rows appear in the order chosen for their list (the local one unless the file's
 * order was taken), a row from the file after its nearest predecessor there.
 */
export function resolveMerge(setup: MergeSetup, choices: Choices, now: string): Result<Plan, MergeProblem> {
  const count = undecided(setup, choices);
  if (count > 0) return err({ code: 'undecided', count });
  const taken = setup.decisions.filter((decision) => choices.get(decision.key) === 'theirs');
  // One copy, written in place: a merge of 1,000 × 120 cells must not copy the plan per cell.
  const draft = structuredClone(setup.start) as Plan & Record<string, unknown>;
  if (draft.scenarios === undefined && taken.some((d) => d.difference.path[0] === 'scenarios')) draft.scenarios = [];
  const rows = new RowIndex();
  const removedIndicators = new Set<string>();
  const touchedOverrides: [scenario: string, indicator: string][] = [];
  const theirOrder = new Set<PlanList>();
  for (const { difference } of taken) {
    if (difference.kind === 'order') {
      theirOrder.add(difference.list);
      continue;
    }
    put(draft, difference.path, difference.incoming, rows);
    if (difference.kind === 'indicator' && difference.incoming === undefined) removedIndicators.add(difference.indicator);
    if (difference.kind === 'overrideField' || difference.kind === 'overrideActual') touchedOverrides.push([difference.scenario, difference.indicator]);
  }
  rows.sweep();
  tidyOverrides(draft, removedIndicators, touchedOverrides);
  // Each list in the order chosen for it: the file's (rows only mine have after their predecessor
  // in mine), or the start's (rows from the file after their predecessor in the file).
  const arranged = <T extends { id: string }>(list: PlanList, rows: readonly T[], start: readonly T[], incoming: readonly T[]) =>
    theirOrder.has(list) ? arrange(rows, incoming, start) : arrange(rows, start, incoming);
  const { start, incoming } = setup;
  const merged: Plan = {
    ...draft,
    id: setup.local.id,
    groups: arranged('groups', draft.groups, start.groups, incoming.groups),
    indicators: arranged('indicators', draft.indicators, start.indicators, incoming.indicators),
    createdAt: setup.local.createdAt,
    updatedAt: now,
    revision: Math.max(setup.local.revision, incoming.revision, start.revision) + 1,
  };
  const scenarios = arranged('scenarios', draft.scenarios ?? [], start.scenarios ?? [], incoming.scenarios ?? []);
  // An empty list the local plan did not have is no list.
  if (scenarios.length > 0 || setup.local.scenarios !== undefined) merged.scenarios = scenarios;
  else delete merged.scenarios;
  const checked = parsePlan(merged);
  return checked.ok ? checked : err({ code: 'invalid', issues: checked.error });
}

/** Rows of the draft's lists by id; removed rows are marked, then swept out at the end. */
class RowIndex {
  private readonly indexes = new Map<unknown[], Map<string, number>>();
  private readonly removed = new Map<unknown[], Set<number>>();

  find(list: unknown[], id: string): number {
    let index = this.indexes.get(list);
    if (!index) {
      index = new Map();
      list.forEach((row, i) => index?.set((row as { id: string }).id, i));
      this.indexes.set(list, index);
    }
    return index.get(id) ?? -1;
  }

  set(list: unknown[], id: string, row: unknown): void {
    const at = this.find(list, id);
    if (row === undefined) {
      if (at < 0) return;
      let gone = this.removed.get(list);
      if (!gone) this.removed.set(list, (gone = new Set()));
      gone.add(at);
      return;
    }
    if (at >= 0) {
      list[at] = row;
      this.removed.get(list)?.delete(at);
    } else {
      this.indexes.get(list)?.set(id, list.length);
      list.push(row);
    }
  }

  sweep(): void {
    for (const [list, gone] of this.removed) {
      const kept = list.filter((_, i) => !gone.has(i));
      list.splice(0, list.length, ...kept);
    }
  }
}

/** Sets `path` in the draft (undefined removes it), stepping into lists by row id. */
function put(draft: Record<string, unknown>, path: readonly string[], value: unknown, rows: RowIndex): void {
  const copy = value === undefined ? undefined : structuredClone(value);
  let node: unknown = draft;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as string;
    const last = i === path.length - 1;
    if (Array.isArray(node)) {
      if (last) return rows.set(node, key, copy);
      const at = rows.find(node, key);
      // A cell of a row the draft does not hold: only a row-level choice could bring it.
      if (at < 0) return;
      node = node[at];
      continue;
    }
    const record = node as Record<string, unknown>;
    if (last) {
      if (copy === undefined) delete record[key];
      else record[key] = copy;
      return;
    }
    if (!Object.hasOwn(record, key) || typeof record[key] !== 'object' || record[key] === null) {
      if (copy === undefined) return;
      record[key] = {};
    }
    node = record[key];
  }
}

function tidyOverrides(draft: Plan, removedIndicators: ReadonlySet<string>, touched: readonly [string, string][]): void {
  const present = new Set(draft.indicators.map((i) => i.id));
  for (const scenario of draft.scenarios ?? []) {
    for (const id of removedIndicators) if (!present.has(id)) delete scenario.overrides[id];
  }
  for (const [scenarioId, indicatorId] of touched) {
    const scenario = draft.scenarios?.find((s) => s.id === scenarioId);
    const override = scenario && Object.hasOwn(scenario.overrides, indicatorId) ? scenario.overrides[indicatorId] : undefined;
    if (!scenario || !override) continue;
    if (override.actuals && Object.keys(override.actuals).length === 0) delete override.actuals;
    if (Object.keys(override).length === 0) delete scenario.overrides[indicatorId];
  }
}

/**
 * `rows` in the order of `skeleton`; rows it lacks go after their nearest predecessor in `other`
 * (first when they have none there), as the three-way merge places rows the other side added.
 */
function arrange<T extends { id: string }>(rows: readonly T[], skeleton: readonly { id: string }[], other: readonly { id: string }[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ids = skeleton.map((row) => row.id).filter((id) => byId.has(id));
  const placed = new Set(ids);
  let previous: string | null = null;
  for (const row of other) {
    if (byId.has(row.id) && !placed.has(row.id)) {
      ids.splice(previous === null ? 0 : ids.indexOf(previous) + 1, 0, row.id);
      placed.add(row.id);
    }
    if (placed.has(row.id)) previous = row.id;
  }
  for (const row of rows) if (!placed.has(row.id)) ids.push(row.id);
  return ids.map((id) => byId.get(id) as T);
}
