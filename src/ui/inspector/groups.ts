/**
 * The commands a planner's work on groups makes: a new group with the selected indicator moved
 * into it, a rename, a move among the groups the grid shows, and a deletion that moves the
 * group's indicators elsewhere first. Each is one command (a batch where it takes several), so
 * one undo takes it back whole.
 */
import type { Command } from '../../engine/commands/index.ts';
import type { Group, Indicator, LocalizedText, Plan } from '../../engine/model/plan.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import { LIMITS } from '../../format/schema.ts';
import type { Lang } from '../../i18n/numbers.ts';
import type { Messages } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';

/** A typed name with its spaces tidied (trimmed, runs of spaces made one). */
const tidy = (typed: string) => typed.trim().replace(/\s+/g, ' ');

export type NewGroupProblem = { code: 'emptyName' } | { code: 'nameTaken'; group: Group };

const MAX_ID = 64;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An identifier for formulas (`sumgroup(id)`) from a name in any language: "Hạ tầng số" gives
 * `ha_tang_so`, unique among `taken`.
 */
export function groupIdFor(name: string, taken: ReadonlySet<string>): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  let base = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!/^[a-z_]/.test(base)) base = `g_${base}`.replace(/_+$/, '');
  base = base.slice(0, MAX_ID - 4);
  let id = base;
  for (let n = 2; taken.has(id) || RESERVED.has(id); n++) id = `${base}_${n}`;
  return id;
}

export function newGroupCommand(plan: Plan, indicator: string, typed: string, lang: Lang): Result<{ command: Command; group: Group }, NewGroupProblem> {
  const name = tidy(typed);
  if (!name) return err({ code: 'emptyName' });
  // Two groups the planner cannot tell apart by name would only confuse: use the one there is.
  const same = plan.groups.find((g) => sameName(localized(g.name, lang), name, lang));
  if (same) return err({ code: 'nameTaken', group: same });
  const group: Group = {
    id: groupIdFor(name, new Set(plan.groups.map((g) => g.id))),
    // Vietnamese is every plan's first language: a name typed in English stands for both.
    name: lang === 'en' ? { vi: name, en: name } : { vi: name },
  };
  return ok({
    group,
    command: {
      type: 'batch',
      commands: [
        { type: 'addGroup', group, index: plan.groups.length },
        { type: 'setIndicatorGroup', indicator, group: group.id },
      ],
    },
  });
}

/** The id the "ungrouped" heading stands for (the grid's `onFocusGroup('')`). */
export const UNGROUPED = '';

/**
 * The indicators under a group's heading, in plan order; for `UNGROUPED`, those under the
 * ungrouped heading (no group, or one the plan does not have, as the grid places them).
 */
export function groupMembers(plan: Plan, group: string): Indicator[] {
  if (group !== UNGROUPED) return plan.indicators.filter((i) => i.group === group);
  const known = new Set(plan.groups.map((g) => g.id));
  return plan.indicators.filter((i) => i.group === undefined || !known.has(i.group));
}

export type GroupNameProblem =
  | { code: 'unknownGroup' }
  | { code: 'emptyName' }
  | { code: 'nameTooLong'; limit: number }
  | { code: 'nameTaken'; group: Group };


/**
 * A group's new name, as typed in both languages (an empty English name means none: the
 * Vietnamese one is shown). `ok(null)` when nothing changed, so a blur after Enter adds nothing.
 */
export function renameGroupCommand(plan: Plan, group: string, typed: { vi: string; en: string }): Result<{ command: Command; from: LocalizedText; to: LocalizedText } | null, GroupNameProblem> {
  const current = plan.groups.find((g) => g.id === group);
  if (!current) return err({ code: 'unknownGroup' });
  const vi = tidy(typed.vi);
  const en = tidy(typed.en);
  if (!vi) return err({ code: 'emptyName' });
  if (vi.length > LIMITS.textLength || en.length > LIMITS.textLength) return err({ code: 'nameTooLong', limit: LIMITS.textLength });
  const name: LocalizedText = en ? { vi, en } : { vi };
  if (name.vi === current.name.vi && (name.en ?? '') === (current.name.en ?? '')) return ok(null);
  // Two groups a planner cannot tell apart by name, in either language, would only confuse.
  const same = plan.groups.find((g) => g.id !== group && (['vi', 'en'] as const).some((l) => sameName(localized(g.name, l), localized(name, l), l)));
  if (same) return err({ code: 'nameTaken', group: same });
  return ok({ command: { type: 'renameGroup', group, name }, from: current.name, to: name });
}

const sameName = (a: string, b: string, lang: Lang) => a.trim().toLocaleLowerCase(lang) === b.trim().toLocaleLowerCase(lang);

/** "Đổi tên nhóm: Viễn thông → Bưu chính viễn thông", in the language whose name changed. */
export function renameGroupLabel(from: LocalizedText, to: LocalizedText, lang: Lang, m: Messages): string {
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const shown = localized(from, lang) !== localized(to, lang) ? lang : other;
  return m.groupRenamedLabel(localized(from, shown), localized(to, shown));
}

/** Moves a group past the group above (-1) or below (+1), or null when it is first or last already. */
export function moveGroupCommand(plan: Plan, group: string, direction: -1 | 1): Command | null {
  const here = plan.groups.findIndex((g) => g.id === group);
  if (here < 0) return null;
  // Every group has a heading in the grid, empty ones too. Taken out and put back at that index,
  // it lands just before (up) or after (down) the next group.
  const index = here + direction;
  return index >= 0 && index < plan.groups.length ? { type: 'moveGroup', group, index } : null;
}

/**
 * Deletes a group, its indicators first moved to `destination` (another group, or null for
 * none): one batch, so one undo brings back the group where it was with each indicator in it.
 */
export function deleteGroupCommand(plan: Plan, group: string, destination: string | null): Result<{ command: Command; moved: Indicator[] }, { code: 'unknownGroup'; group: string }> {
  if (!plan.groups.some((g) => g.id === group)) return err({ code: 'unknownGroup', group });
  if (destination !== null && (destination === group || !plan.groups.some((g) => g.id === destination))) return err({ code: 'unknownGroup', group: destination });
  const moved = groupMembers(plan, group);
  return ok({
    moved,
    command: {
      type: 'batch',
      commands: [
        ...moved.map((indicator): Command => ({ type: 'setIndicatorGroup', indicator: indicator.id, group: destination })),
        { type: 'removeGroup', group },
      ],
    },
  });
}
