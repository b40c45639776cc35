import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../src/engine/commands/index.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { ok } from '../../src/engine/result.ts';
import { JOURNAL_PREFIX, replayUnsavedEdits, writeUnsavedEdits, type JournalEdit, type JournalStore } from '../../src/storage/journal.ts';
import { createMemoryRepository, createMemoryStore } from '../../src/storage/memory.ts';
import { expectError, plan } from './contract.ts';

/** localStorage in memory; `full` makes every write throw, as a full or blocked one does. */
class FakeLocalStorage implements JournalStore {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const setActual = (value: number): Command => ({ type: 'setActual', indicator: 'gdp', period: '2024', value });
const edit = (value: number, second: number): JournalEdit => ({ command: setActual(value), at: `2025-03-01T00:00:${String(second).padStart(2, '0')}.000Z` });

/** What the session had in memory after applying the edits: the plan the replay must rebuild. */
function applyAll(start: Plan, edits: JournalEdit[]): Plan[] {
  const plans = [start];
  for (const e of edits) {
    const applied = applyCommand(plans.at(-1) as Plan, e.command, e.at);
    if (!applied.ok) throw new Error('the test command does not apply');
    plans.push(applied.value.plan);
  }
  return plans;
}

async function setup() {
  const repo = createMemoryRepository({ storageManager: null });
  const start = plan('a', { calendar: { periodicity: 'year', start: '2024', end: '2030' } });
  await repo.createPlan(start);
  return { repo, start, local: new FakeLocalStorage() };
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe('the unsaved-edits journal', () => {
  it('replays edits that never reached storage onto the stored plan, with their history, and forgets them', async () => {
    const { repo, start, local } = await setup();
    const edits = [edit(101, 1), edit(102, 2), edit(103, 3)];
    const history = { undo: edits.map((e, i) => ({ command: e.command, label: `edit ${i}` })), redo: [] };
    expect(writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits, history })).toBe(true);

    const outcomes = value(await replayUnsavedEdits(repo, local));
    const expected = applyAll(start, edits).at(-1) as Plan;
    expect(outcomes).toEqual([{ kind: 'replayed', planId: 'a', count: 3, plan: expected }]);
    expect(await repo.getPlan('a')).toEqual(ok(expected));
    expect(await repo.loadHistory('a')).toEqual(ok(history));
    expect(local.items.size).toBe(0);
  });

  it('replays only the edits after those that were saved', async () => {
    const { repo, start, local } = await setup();
    const edits = [edit(101, 1), edit(102, 2), edit(103, 3)];
    const plans = applyAll(start, edits);
    // The first save committed before the page went.
    await repo.savePlan(plans[1] as Plan, { expectedRevision: 0 });
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits });
    expect(value(await replayUnsavedEdits(repo, local))).toEqual([{ kind: 'replayed', planId: 'a', count: 2, plan: plans[3] }]);
    expect(await repo.getPlan('a')).toEqual(ok(plans[3]));
  });

  it('finds edits whose save committed after all, and changes nothing', async () => {
    const { repo, start, local } = await setup();
    const edits = [edit(101, 1), edit(102, 2)];
    const plans = applyAll(start, edits);
    await repo.savePlan(plans[1] as Plan, { expectedRevision: 0 });
    await repo.savePlan(plans[2] as Plan, { expectedRevision: 1 });
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits });
    expect(value(await replayUnsavedEdits(repo, local))).toEqual([{ kind: 'alreadySaved', planId: 'a' }]);
    expect(await repo.getPlan('a')).toEqual(ok(plans[2]));
    expect(local.items.size).toBe(0);
  });

  it('drops edits made on a plan another tab has changed since, never overwriting it', async () => {
    const { repo, start, local } = await setup();
    // Another tab saved revision 1 first, at another time.
    const other = value(applyCommand(start, setActual(999), '2025-03-01T00:00:30.000Z')).plan;
    await repo.savePlan(other, { expectedRevision: 0 });
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [edit(101, 1), edit(102, 2)] });
    expect(value(await replayUnsavedEdits(repo, local))).toEqual([{ kind: 'dropped', planId: 'a', count: 2, reason: 'changedElsewhere' }]);
    expect(await repo.getPlan('a')).toEqual(ok(other));
    expect(local.items.size).toBe(0);

    // Or moved further than the edits could explain.
    const further = value(applyCommand(other, setActual(1), '2025-03-01T00:00:31.000Z')).plan;
    await repo.savePlan(further, { expectedRevision: 1 });
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [edit(101, 1)] });
    expect(value(await replayUnsavedEdits(repo, local))).toEqual([{ kind: 'dropped', planId: 'a', count: 1, reason: 'changedElsewhere' }]);
    expect(await repo.getPlan('a')).toEqual(ok(further));
  });

  it('drops edits of a plan deleted since, and edits that no longer apply', async () => {
    const { repo, local } = await setup();
    writeUnsavedEdits(local, 'ghost', { planId: 'ghost', baseRevision: 0, edits: [edit(1, 1)] });
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [{ command: { type: 'setActual', indicator: 'nope', period: '2024', value: 1 }, at: '2025-03-01T00:00:01.000Z' }] });
    const outcomes = value(await replayUnsavedEdits(repo, local));
    expect(outcomes).toContainEqual({ kind: 'dropped', planId: 'ghost', count: 1, reason: 'planGone' });
    expect(outcomes).toContainEqual({ kind: 'dropped', planId: 'a', count: 1, reason: 'commandFailed' });
    expect(value(await repo.getPlan('a')).revision).toBe(0);
    expect(local.items.size).toBe(0);
  });

  it('drops an unreadable entry and leaves other keys of localStorage alone', async () => {
    const { repo, local } = await setup();
    local.items.set(`${JOURNAL_PREFIX}a`, '{"planId":"a","baseRevision":0,"edits":[{"at":1}]}');
    local.items.set(`${JOURNAL_PREFIX}b`, 'not json');
    local.items.set('chitieu.language', 'en');
    const outcomes = value(await replayUnsavedEdits(repo, local));
    expect(outcomes).toHaveLength(2);
    expect(outcomes.every((o) => o.kind === 'dropped' && o.reason === 'unreadable')).toBe(true);
    expect([...local.items.keys()]).toEqual(['chitieu.language']);
    expect(value(await repo.getPlan('a')).revision).toBe(0);
  });

  it('keeps the entry for the next start when saving the replay fails', async () => {
    const store = createMemoryStore();
    const repo = createMemoryRepository({ store, storageManager: null });
    const start = plan('a', { calendar: { periodicity: 'year', start: '2024', end: '2030' } });
    await repo.createPlan(start);
    const local = new FakeLocalStorage();
    writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [edit(101, 1)] });
    const set = store.plans.set.bind(store.plans);
    store.plans.set = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expectError(await replayUnsavedEdits(repo, local), 'quota');
    expect(local.items.size).toBe(1);
    store.plans.set = set;
    expect(value(await replayUnsavedEdits(repo, local))[0]?.kind).toBe('replayed');
  });

  it('says when it could not write, and clears an entry given no edits', () => {
    const local = new FakeLocalStorage();
    expect(writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [edit(1, 1)] })).toBe(true);
    expect(writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [] })).toBe(true);
    expect(local.items.size).toBe(0);
    local.full = true;
    expect(writeUnsavedEdits(local, 'a', { planId: 'a', baseRevision: 0, edits: [edit(1, 1)] })).toBe(false);
  });
});
