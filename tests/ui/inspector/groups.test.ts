import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { resolveScenario } from '../../../src/engine/scenarios/index.ts';
import { indicatorOf } from '../../../src/ui/announce.ts';
import { vi_messages } from '../../../src/ui/i18n/messages.ts';
import { en } from '../../../src/ui/i18n/en.ts';
import {
  deleteGroupCommand, groupIdFor, groupMembers, moveGroupCommand, newGroupCommand, renameGroupCommand, renameGroupLabel, UNGROUPED,
} from '../../../src/ui/inspector/groups.ts';
import { routeToScenario } from '../../../src/ui/scenarios/route.ts';
import { NOW, apply, content } from '../../engine/commands/applied.ts';

function plan(): Plan {
  return makePlan({
    name: 'p',
    groups: [{ id: 'ha_tang', name: { vi: 'Hạ tầng', en: 'Infrastructure' } }],
    indicators: [
      makeIndicator({ id: 'towers', group: 'ha_tang' }),
      makeIndicator({ id: 'revenue' }),
    ],
  }, new Date(NOW));
}

describe('a new group for the selected indicator', () => {
  it('is created and the indicator moved into it in one step, which one undo takes back whole', () => {
    const source = plan();
    const built = newGroupCommand(source, 'revenue', '  Chuyển đổi   số ', 'vi');
    if (!built.ok) throw new Error(built.error.code);
    expect(built.value.group).toEqual({ id: 'chuyen_doi_so', name: { vi: 'Chuyển đổi số' } });
    const applied = applyCommand(source, built.value.command, NOW);
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    expect(applied.value.plan.groups.map((g) => g.id)).toEqual(['ha_tang', 'chuyen_doi_so']);
    expect(applied.value.plan.indicators.find((i) => i.id === 'revenue')?.group).toBe('chuyen_doi_so');
    const undone = applyCommand(applied.value.plan, applied.value.inverse, NOW);
    if (!undone.ok) throw new Error(JSON.stringify(undone.error));
    expect(undone.value.plan.groups).toEqual(source.groups);
    expect(undone.value.plan.indicators).toEqual(source.indicators);
  });

  it('named in English stands in both languages', () => {
    const built = newGroupCommand(plan(), 'revenue', 'Digital services', 'en');
    expect(built.ok && built.value.group).toEqual({ id: 'digital_services', name: { vi: 'Digital services', en: 'Digital services' } });
  });

  it('is refused without a name, and when a group of that name exists in the user’s language', () => {
    expect(newGroupCommand(plan(), 'revenue', '   ', 'vi')).toEqual({ ok: false, error: { code: 'emptyName' } });
    expect(newGroupCommand(plan(), 'revenue', 'hạ tầng', 'vi')).toMatchObject({ ok: false, error: { code: 'nameTaken', group: { id: 'ha_tang' } } });
    expect(newGroupCommand(plan(), 'revenue', 'INFRASTRUCTURE', 'en')).toMatchObject({ ok: false, error: { code: 'nameTaken' } });
  });

  it('gets a formula identifier from any name, unique in the plan', () => {
    expect(groupIdFor('Hạ tầng', new Set(['ha_tang']))).toBe('ha_tang_2');
    expect(groupIdFor('Đường 2024', new Set())).toBe('duong_2024');
    expect(groupIdFor('2024 mục tiêu', new Set())).toBe('g_2024_muc_tieu');
    expect(groupIdFor('!!!', new Set())).toBe('g');
    expect(groupIdFor('constructor', new Set())).toBe('constructor_2');
    expect(groupIdFor('x'.repeat(200), new Set())).toMatch(/^x{60}$/);
  });
});

describe('the group commands', () => {
  it('refuse a bad or duplicate id, an empty name, a bad position, and removing a group that still holds indicators', () => {
    const source = plan();
    const add = (group: { id: string; name: { vi: string } }, index = 1) => applyCommand(source, { type: 'addGroup', group, index }, NOW);
    expect(add({ id: '1x', name: { vi: 'A' } })).toMatchObject({ ok: false, error: { code: 'invalidGroupId' } });
    expect(add({ id: '__proto__', name: { vi: 'A' } })).toMatchObject({ ok: false, error: { code: 'invalidGroupId' } });
    expect(add({ id: 'ha_tang', name: { vi: 'A' } })).toMatchObject({ ok: false, error: { code: 'duplicateGroup' } });
    expect(add({ id: 'a', name: { vi: ' ' } })).toMatchObject({ ok: false, error: { code: 'emptyName' } });
    expect(add({ id: 'a', name: { vi: 'x'.repeat(501) } })).toMatchObject({ ok: false, error: { code: 'nameTooLong' } });
    expect(add({ id: 'a', name: { vi: 'A' } }, 5)).toMatchObject({ ok: false, error: { code: 'badIndex' } });
    expect(applyCommand(source, { type: 'removeGroup', group: 'ha_tang' }, NOW)).toMatchObject({ ok: false, error: { code: 'groupInUse', indicators: ['towers'] } });
    expect(applyCommand(source, { type: 'removeGroup', group: 'nope' }, NOW)).toMatchObject({ ok: false, error: { code: 'unknownGroup' } });
  });

  it('put a removed empty group back where it was on undo', () => {
    const source = { ...plan(), groups: [{ id: 'a', name: { vi: 'A' } }, ...plan().groups, { id: 'z', name: { vi: 'Z' } }] };
    const removed = applyCommand(source, { type: 'removeGroup', group: 'a' }, NOW);
    if (!removed.ok) throw new Error('remove');
    expect(removed.value.plan.groups.map((g) => g.id)).toEqual(['ha_tang', 'z']);
    const back = applyCommand(removed.value.plan, removed.value.inverse, NOW);
    expect(back.ok && back.value.plan.groups).toEqual(source.groups);
  });
});

/** Three groups, one of them empty (its heading alone in the grid), and two indicators in none. */
function sectors(): Plan {
  return makePlan({
    name: 'p',
    groups: [
      { id: 'vien_thong', name: { vi: 'Viễn thông', en: 'Telecoms' } },
      { id: 'trong', name: { vi: 'Trống' } },
      { id: 'ha_tang', name: { vi: 'Hạ tầng', en: 'Infrastructure' } },
    ],
    indicators: [
      makeIndicator({ id: 'subscribers', group: 'vien_thong' }),
      makeIndicator({ id: 'revenue' }),
      makeIndicator({ id: 'towers', group: 'ha_tang' }),
      makeIndicator({ id: 'arpu', group: 'vien_thong' }),
      makeIndicator({ id: 'fibre', group: 'gone' }),
    ],
    scenarios: [{ id: 'high', name: { vi: 'Cao' }, overrides: {} }],
  }, new Date(NOW));
}

describe('a group’s members', () => {
  it('are its indicators in plan order; the ungrouped heading holds those in no group the plan has', () => {
    const ids = (group: string) => groupMembers(sectors(), group).map((i) => i.id);
    expect(ids('vien_thong')).toEqual(['subscribers', 'arpu']);
    expect(ids('trong')).toEqual([]);
    expect(ids(UNGROUPED)).toEqual(['revenue', 'fibre']);
  });
});

describe('renaming a group from the panel', () => {
  it('tidies the typed names and builds one renameGroup; an empty English name means none', () => {
    const built = renameGroupCommand(sectors(), 'vien_thong', { vi: '  Bưu chính   viễn thông ', en: '  ' });
    if (!built.ok || !built.value) throw new Error('rename');
    expect(built.value.command).toEqual({ type: 'renameGroup', group: 'vien_thong', name: { vi: 'Bưu chính viễn thông' } });
    expect(built.value.from).toEqual({ vi: 'Viễn thông', en: 'Telecoms' });
  });

  it('is nothing to do when the names are unchanged, so a blur after Enter adds no step', () => {
    expect(renameGroupCommand(sectors(), 'vien_thong', { vi: 'Viễn thông ', en: 'Telecoms' })).toEqual({ ok: true, value: null });
  });

  it('is refused, saying why, without a Vietnamese name, past the length limit, or when another group has the name in either language', () => {
    const rename = (vi: string, en = '') => renameGroupCommand(sectors(), 'vien_thong', { vi, en });
    expect(rename(' ')).toEqual({ ok: false, error: { code: 'emptyName' } });
    expect(rename('x'.repeat(501))).toEqual({ ok: false, error: { code: 'nameTooLong', limit: 500 } });
    expect(rename('hạ TẦNG')).toMatchObject({ ok: false, error: { code: 'nameTaken', group: { id: 'ha_tang' } } });
    expect(rename('Mạng', 'infrastructure')).toMatchObject({ ok: false, error: { code: 'nameTaken', group: { id: 'ha_tang' } } });
    // "Trống" has no English name: in English it reads "Trống" too.
    expect(rename('Mạng', 'trống')).toMatchObject({ ok: false, error: { code: 'nameTaken', group: { id: 'trong' } } });
    expect(renameGroupCommand(sectors(), 'nope', { vi: 'A', en: '' })).toEqual({ ok: false, error: { code: 'unknownGroup' } });
  });

  it('is named in the history in the reader’s language, or the other one when only that changed', () => {
    const from = { vi: 'Viễn thông', en: 'Telecoms' };
    expect(renameGroupLabel(from, { vi: 'Bưu chính viễn thông', en: 'Telecoms' }, 'vi', vi_messages)).toBe('Đổi tên nhóm: Viễn thông → Bưu chính viễn thông');
    expect(renameGroupLabel(from, { vi: 'Viễn thông', en: 'Telecommunications' }, 'vi', vi_messages)).toBe('Đổi tên nhóm: Telecoms → Telecommunications');
    expect(renameGroupLabel(from, { vi: 'Viễn thông', en: 'Telecommunications' }, 'en', en)).toBe('Rename group: Telecoms → Telecommunications');
  });
});

describe('moving a group up or down', () => {
  const order = (p: Plan) => p.groups.map((g) => g.id);

  it('passes the next group, an empty one too (it has its heading in the grid)', () => {
    const source = sectors();
    const down = moveGroupCommand(source, 'vien_thong', 1);
    expect(down).toEqual({ type: 'moveGroup', group: 'vien_thong', index: 1 });
    expect(order(apply(source, down as Command).plan)).toEqual(['trong', 'vien_thong', 'ha_tang']);
    const up = moveGroupCommand(source, 'ha_tang', -1);
    expect(order(apply(source, up as Command).plan)).toEqual(['vien_thong', 'ha_tang', 'trong']);
    expect(moveGroupCommand(source, 'trong', -1)).toEqual({ type: 'moveGroup', group: 'trong', index: 0 });
  });

  it('is not offered past the first or the last shown group, nor for an unknown one', () => {
    expect(moveGroupCommand(sectors(), 'vien_thong', -1)).toBeNull();
    expect(moveGroupCommand(sectors(), 'ha_tang', 1)).toBeNull();
    expect(moveGroupCommand(sectors(), 'nope', 1)).toBeNull();
  });
});

describe('deleting a group that holds indicators', () => {
  it('moves them to no group, then removes the group: one step, which one undo takes back exactly', () => {
    const source = sectors();
    const built = deleteGroupCommand(source, 'vien_thong', null);
    if (!built.ok) throw new Error('delete');
    expect(built.value.moved.map((i) => i.id)).toEqual(['subscribers', 'arpu']);
    const deleted = apply(source, built.value.command);
    expect(deleted.plan.groups.map((g) => g.id)).toEqual(['trong', 'ha_tang']);
    expect(groupMembers(deleted.plan, UNGROUPED).map((i) => i.id)).toEqual(['subscribers', 'revenue', 'arpu', 'fibre']);
    expect(deleted.plan.indicators.map((i) => i.id)).toEqual(source.indicators.map((i) => i.id));
    const undone = apply(deleted.plan, deleted.inverse);
    expect(content(undone.plan)).toEqual(content(source));
    expect(content(apply(undone.plan, undone.inverse).plan)).toEqual(content(deleted.plan));
  });

  it('can move them into another group instead', () => {
    const built = deleteGroupCommand(sectors(), 'vien_thong', 'ha_tang');
    if (!built.ok) throw new Error('delete');
    const deleted = apply(sectors(), built.value.command);
    expect(groupMembers(deleted.plan, 'ha_tang').map((i) => i.id)).toEqual(['subscribers', 'towers', 'arpu']);
  });

  it('is refused for an unknown group, or a destination that is the group itself or missing', () => {
    expect(deleteGroupCommand(sectors(), 'nope', null)).toEqual({ ok: false, error: { code: 'unknownGroup', group: 'nope' } });
    expect(deleteGroupCommand(sectors(), 'vien_thong', 'vien_thong')).toEqual({ ok: false, error: { code: 'unknownGroup', group: 'vien_thong' } });
    expect(deleteGroupCommand(sectors(), 'vien_thong', 'gone')).toEqual({ ok: false, error: { code: 'unknownGroup', group: 'gone' } });
  });

  it('changes the plan itself, not a scenario, when made while a scenario is shown, and announces no indicator', () => {
    const source = sectors();
    const view = resolveScenario(source, 'high');
    if (!view.ok) throw new Error('view');
    const built = deleteGroupCommand(view.value, 'vien_thong', null);
    if (!built.ok) throw new Error('delete');
    expect(routeToScenario(built.value.command, 'high', view.value)).toEqual(built.value.command);
    const rename: Command = { type: 'renameGroup', group: 'ha_tang', name: { vi: 'X' } };
    const move: Command = { type: 'moveGroup', group: 'ha_tang', index: 0 };
    expect(routeToScenario(rename, 'high', view.value)).toBe(rename);
    expect(routeToScenario(move, 'high', view.value)).toBe(move);
    expect(indicatorOf(built.value.command)).toBeNull();
    expect(indicatorOf(rename)).toBeNull();
    expect(indicatorOf({ type: 'batch', commands: [{ type: 'setIndicatorGroup', indicator: 'revenue', group: null }] })).toBe('revenue');
  });
});
