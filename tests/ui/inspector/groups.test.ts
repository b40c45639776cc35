import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src/engine/commands/index.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { groupIdFor, newGroupCommand } from '../../../src/ui/inspector/groups.ts';

const NOW = '2026-01-01T00:00:00.000Z';

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
