import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { parsePlanFile, serializePlanFile } from '../../../src/format/index.ts';
import { LIMITS } from '../../../src/format/schema.ts';
import { NOW, apply, content } from './applied.ts';

function plan(): Plan {
  return makePlan({
    name: 'p',
    groups: [
      { id: 'vien_thong', name: { vi: 'Viễn thông', en: 'Telecoms' } },
      { id: 'ha_tang', name: { vi: 'Hạ tầng' } },
      { id: 'so_hoa', name: { vi: 'Số hoá', en: 'Digitisation' } },
    ],
    indicators: [makeIndicator({ id: 'towers', group: 'ha_tang' }), makeIndicator({ id: 'subscribers', group: 'vien_thong' })],
  }, new Date(NOW));
}

describe('renaming a group', () => {
  it('changes only that group’s name, and its inverse puts the old name back exactly', () => {
    const source = plan();
    const renamed = apply(source, { type: 'renameGroup', group: 'vien_thong', name: { vi: 'Bưu chính viễn thông', en: 'Post and telecoms' } });
    expect(renamed.plan.groups).toEqual([
      { id: 'vien_thong', name: { vi: 'Bưu chính viễn thông', en: 'Post and telecoms' } },
      source.groups[1],
      source.groups[2],
    ]);
    expect(renamed.plan.indicators).toBe(source.indicators);
    expect(renamed.inverse).toEqual({ type: 'renameGroup', group: 'vien_thong', name: { vi: 'Viễn thông', en: 'Telecoms' } });
    expect(content(apply(renamed.plan, renamed.inverse).plan)).toEqual(content(source));
  });

  it('without an English name leaves the group none (no empty key for the file), and undo brings the English name back', () => {
    const source = plan();
    const renamed = apply(source, { type: 'renameGroup', group: 'so_hoa', name: { vi: 'Chuyển đổi số' } });
    const group = renamed.plan.groups[2];
    expect(group).toEqual({ id: 'so_hoa', name: { vi: 'Chuyển đổi số' } });
    expect(Object.keys(group?.name ?? {})).toEqual(['vi']);
    expect(apply(renamed.plan, renamed.inverse).plan.groups[2]).toEqual({ id: 'so_hoa', name: { vi: 'Số hoá', en: 'Digitisation' } });
  });

  it('is refused for an unknown group, an empty Vietnamese name and a name past the length limit, in either language', () => {
    const source = plan();
    const rename = (group: string, name: { vi: string; en?: string }) => applyCommand(source, { type: 'renameGroup', group, name }, NOW);
    expect(rename('nope', { vi: 'A' })).toEqual({ ok: false, error: { code: 'unknownGroup', group: 'nope' } });
    expect(rename('ha_tang', { vi: '  ', en: 'Infrastructure' })).toEqual({ ok: false, error: { code: 'emptyName' } });
    expect(rename('ha_tang', { vi: 'x'.repeat(LIMITS.textLength + 1) })).toEqual({ ok: false, error: { code: 'nameTooLong', limit: LIMITS.textLength } });
    expect(rename('ha_tang', { vi: 'A', en: 'x'.repeat(LIMITS.textLength + 1) })).toEqual({ ok: false, error: { code: 'nameTooLong', limit: LIMITS.textLength } });
    expect(rename('ha_tang', { vi: 'x'.repeat(LIMITS.textLength) }).ok).toBe(true);
  });
});

describe('moving a group', () => {
  const order = (p: Plan) => p.groups.map((g) => g.id);

  it('puts it at the index of the list without it, and its inverse puts it back where it was', () => {
    const source = plan();
    const down = apply(source, { type: 'moveGroup', group: 'vien_thong', index: 2 });
    expect(order(down.plan)).toEqual(['ha_tang', 'so_hoa', 'vien_thong']);
    expect(down.inverse).toEqual({ type: 'moveGroup', group: 'vien_thong', index: 0 });
    expect(content(apply(down.plan, down.inverse).plan)).toEqual(content(source));

    const up = apply(source, { type: 'moveGroup', group: 'so_hoa', index: 1 });
    expect(order(up.plan)).toEqual(['vien_thong', 'so_hoa', 'ha_tang']);
    expect(order(apply(up.plan, up.inverse).plan)).toEqual(order(source));
  });

  it('to where it is already changes nothing but the revision', () => {
    const source = plan();
    const same = apply(source, { type: 'moveGroup', group: 'ha_tang', index: 1 });
    expect(content(same.plan)).toEqual(content(source));
    expect(same.plan.revision).toBe(source.revision + 1);
  });

  it('is refused for an unknown group and for an index outside the list', () => {
    const source = plan();
    const move = (group: string, index: number) => applyCommand(source, { type: 'moveGroup', group, index }, NOW);
    expect(move('nope', 0)).toEqual({ ok: false, error: { code: 'unknownGroup', group: 'nope' } });
    expect(move('ha_tang', 3)).toEqual({ ok: false, error: { code: 'badIndex', index: 3 } });
    expect(move('ha_tang', -1)).toEqual({ ok: false, error: { code: 'badIndex', index: -1 } });
    expect(move('ha_tang', 0.5)).toEqual({ ok: false, error: { code: 'badIndex', index: 0.5 } });
  });

  it('and renaming it undo and redo in turn through a batch, as the history replays them', () => {
    const source = plan();
    const both = apply(source, {
      type: 'batch',
      commands: [
        { type: 'renameGroup', group: 'ha_tang', name: { vi: 'Hạ tầng số' } },
        { type: 'moveGroup', group: 'ha_tang', index: 0 },
      ],
    });
    expect(both.plan.groups.map((g) => [g.id, g.name.vi])).toEqual([['ha_tang', 'Hạ tầng số'], ['vien_thong', 'Viễn thông'], ['so_hoa', 'Số hoá']]);
    const undone = apply(both.plan, both.inverse);
    expect(content(undone.plan)).toEqual(content(source));
    const redone = apply(undone.plan, undone.inverse);
    expect(content(redone.plan)).toEqual(content(both.plan));
  });
});

describe('a renamed and moved group in the plan file', () => {
  it('exports, imports back equal, and exports again byte for byte (no schema change)', () => {
    let current = plan();
    current = apply(current, { type: 'renameGroup', group: 'ha_tang', name: { vi: 'Hạ tầng số', en: 'Digital infrastructure' } }).plan;
    current = apply(current, { type: 'renameGroup', group: 'so_hoa', name: { vi: 'Chuyển đổi số' } }).plan;
    current = apply(current, { type: 'moveGroup', group: 'vien_thong', index: 2 }).plan;
    const meta = { app: 'Chitieu test', exportedAt: NOW };
    const text = serializePlanFile(current, meta);
    const read = parsePlanFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    expect(read.value.warnings).toEqual([]);
    expect(read.value.file.plan.groups).toEqual([
      { id: 'ha_tang', name: { vi: 'Hạ tầng số', en: 'Digital infrastructure' } },
      { id: 'so_hoa', name: { vi: 'Chuyển đổi số' } },
      { id: 'vien_thong', name: { vi: 'Viễn thông', en: 'Telecoms' } },
    ]);
    expect(serializePlanFile(read.value.file.plan, meta)).toBe(text);
  });
});

describe('any sequence of group edits', () => {
  it('undoes back to the start exactly, and redoes to the same end (property)', () => {
    const group = fc.constantFrom('vien_thong', 'ha_tang', 'so_hoa', 'moi', 'nope');
    const name = fc.record({ vi: fc.string({ maxLength: 12 }), en: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) })
      .map(({ vi, en }) => (en === undefined ? { vi } : { vi, en }));
    const edit: fc.Arbitrary<Command> = fc.oneof(
      fc.record({ type: fc.constant('renameGroup' as const), group, name }),
      fc.record({ type: fc.constant('moveGroup' as const), group, index: fc.integer({ min: -1, max: 4 }) }),
      fc.record({ type: fc.constant('removeGroup' as const), group }),
      fc.record({ type: fc.constant('addGroup' as const), group: fc.record({ id: group, name }), index: fc.integer({ min: 0, max: 4 }) }),
      fc.record({ type: fc.constant('setIndicatorGroup' as const), indicator: fc.constantFrom('towers', 'subscribers'), group: fc.option(group, { nil: null }) }),
    );
    fc.assert(fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
      const start = plan();
      let current = start;
      const inverses: Command[] = [];
      for (const command of edits) {
        const applied = applyCommand(current, command, NOW);
        // A refused edit changes nothing and enters no history.
        if (!applied.ok) continue;
        current = applied.value.plan;
        inverses.push(applied.value.inverse);
      }
      const end = current;
      const redos: Command[] = [];
      for (const inverse of [...inverses].reverse()) {
        const undone = apply(current, inverse);
        current = undone.plan;
        redos.push(undone.inverse);
      }
      expect(content(current)).toEqual(content(start));
      for (const redo of redos.reverse()) current = apply(current, redo).plan;
      expect(content(current)).toEqual(content(end));
    }), { numRuns: 300 });
  });
});
