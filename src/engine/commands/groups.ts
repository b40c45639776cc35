/**
 * Commands on the plan's groups of indicators, for `applyCommand` to delegate to. Moving an
 * indicator into a group is `setIndicatorGroup`; a new group and the move into it go together
 * in one batch, so one undo takes both back.
 */
import { LIMITS } from '../../format/schema.ts';
import type { Group, Plan } from '../model/plan.ts';
import { err, ok, type Result } from '../result.ts';

export type GroupCommand =
  | { type: 'addGroup'; group: Group; index: number }
  /** Only an empty group goes: no indicator may be left naming a missing group. */
  | { type: 'removeGroup'; group: string };

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
      if (!group.name.vi.trim()) return err({ code: 'emptyName' });
      if (group.name.vi.length > LIMITS.textLength || (group.name.en ?? '').length > LIMITS.textLength) return err({ code: 'nameTooLong', limit: LIMITS.textLength });
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
  }
}
