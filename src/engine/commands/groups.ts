/**
 * Commands on the plan's groups of indicators, for `applyCommand` to delegate to. Moving an
 * indicator into a group is `setIndicatorGroup`; a new group and the move into it go together
 * in one batch, so one undo takes both back (and so do a group's deletion and the moves of its
 * indicators out of it).
 */
import { LIMITS } from '../../format/schema.ts';
import type { Group, LocalizedText, Plan } from '../model/plan.ts';
import { err, ok, type Result } from '../result.ts';

export type GroupCommand =
  | { type: 'addGroup'; group: Group; index: number }
  /** Only an empty group goes: no indicator may be left naming a missing group. */
  | { type: 'removeGroup'; group: string }
  /** The name in Vietnamese and, when given, English; without `en` the group has none. */
  | { type: 'renameGroup'; group: string; name: LocalizedText }
  /** To `index` of the group list as it is after the group is taken out (like `moveIndicator`). */
  | { type: 'moveGroup'; group: string; index: number };

export type GroupCommandError =
  | { code: 'invalidGroupId'; group: string }
  | { code: 'duplicateGroup'; group: string }
  | { code: 'unknownGroup'; group: string }
  | { code: 'groupInUse'; group: string; indicators: string[] }
  | { code: 'tooManyGroups'; limit: number }
  | { code: 'emptyName' }
  | { code: 'nameTooLong'; limit: number }
  | { code: 'badIndex'; index: number };

export interface GroupApplied {
  plan: Plan;
  inverse: GroupCommand;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function applyGroupCommand(plan: Plan, command: GroupCommand): Result<GroupApplied, GroupCommandError> {
  switch (command.type) {
    case 'addGroup': {
      const group = command.group;
      if (!IDENTIFIER.test(group.id) || group.id.length > LIMITS.identifierLength || RESERVED.has(group.id)) return err({ code: 'invalidGroupId', group: group.id });
      if (plan.groups.some((g) => g.id === group.id)) return err({ code: 'duplicateGroup', group: group.id });
      if (plan.groups.length >= LIMITS.groups) return err({ code: 'tooManyGroups', limit: LIMITS.groups });
      const refused = nameProblem(group.name);
      if (refused) return err(refused);
      if (!Number.isInteger(command.index) || command.index < 0 || command.index > plan.groups.length) return err({ code: 'badIndex', index: command.index });
      const groups = [...plan.groups];
      groups.splice(command.index, 0, group);
      return ok({ plan: { ...plan, groups }, inverse: { type: 'removeGroup', group: group.id } });
    }
    case 'removeGroup': {
      const index = plan.groups.findIndex((g) => g.id === command.group);
      if (index < 0) return err({ code: 'unknownGroup', group: command.group });
      const members = plan.indicators.filter((i) => i.group === command.group).map((i) => i.id);
      if (members.length > 0) return err({ code: 'groupInUse', group: command.group, indicators: members });
      const groups = [...plan.groups];
      const [removed] = groups.splice(index, 1);
      return ok({ plan: { ...plan, groups }, inverse: { type: 'addGroup', group: removed as Group, index } });
    }
    case 'renameGroup': {
      const index = plan.groups.findIndex((g) => g.id === command.group);
      const previous = plan.groups[index];
      if (!previous) return err({ code: 'unknownGroup', group: command.group });
      const refused = nameProblem(command.name);
      if (refused) return err(refused);
      // The file's schema has no room for an `en: undefined`: a name without English has no key.
      const name: LocalizedText = command.name.en === undefined ? { vi: command.name.vi } : { vi: command.name.vi, en: command.name.en };
      const groups = [...plan.groups];
      groups[index] = { ...previous, name };
      return ok({ plan: { ...plan, groups }, inverse: { type: 'renameGroup', group: previous.id, name: previous.name } });
    }
    case 'moveGroup': {
      const from = plan.groups.findIndex((g) => g.id === command.group);
      if (from < 0) return err({ code: 'unknownGroup', group: command.group });
      if (!Number.isInteger(command.index) || command.index < 0 || command.index >= plan.groups.length) return err({ code: 'badIndex', index: command.index });
      const groups = [...plan.groups];
      const [moved] = groups.splice(from, 1);
      groups.splice(command.index, 0, moved as Group);
      return ok({ plan: { ...plan, groups }, inverse: { type: 'moveGroup', group: command.group, index: from } });
    }
  }
}

/** What makes a group's name unusable, if anything: the same rule for a new name and a rename. */
function nameProblem(name: LocalizedText): GroupCommandError | null {
  if (!name.vi.trim()) return { code: 'emptyName' };
  if (name.vi.length > LIMITS.textLength || (name.en ?? '').length > LIMITS.textLength) return { code: 'nameTooLong', limit: LIMITS.textLength };
  return null;
}
