/**
 * A new group, named by the planner in their language, with the selected indicator moved into
 * it: one batch, so one undo takes the move and the group back.
 */
import type { Command } from '../../engine/commands/index.ts';
import type { Group, Plan } from '../../engine/model/plan.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { localized } from '../grid/rows.ts';

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
  const name = typed.trim().replace(/\s+/g, ' ');
  if (!name) return err({ code: 'emptyName' });
  // Two groups the planner cannot tell apart by name would only confuse: use the one there is.
  const same = plan.groups.find((g) => localized(g.name, lang).trim().toLocaleLowerCase(lang) === name.toLocaleLowerCase(lang));
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
