/**
 * Imports of a colleague's copy of a plan, end to end below the UI: two browsers (two in-memory
 * repositories, each with its lineage keeper) send a plan back and forth through plan files, and
 * the preview's relation, the merge base and the three-way merge the dialog would prepare are
 * checked at each step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { createLineageKeeper, type ImportLineage, type LineageKeeper } from '../../../src/app/lineage.ts';
import { parsePlanFile } from '../../../src/format/parse.ts';
import type { PlanFile } from '../../../src/format/schema.ts';
import { revisionHash } from '../../../src/format/lineage.ts';
import { serializePlanFile } from '../../../src/format/serialize.ts';
import { createMemoryRepository, SHARED_REVISIONS_KEPT, type PlanRepository } from '../../../src/storage/index.ts';
import { parsePlan } from '../../../src/format/parse-plan.ts';
import { prepareMerge, resolveMerge, type MergeSetup } from '../../../src/ui/import/decide.ts';

const META = { app: 'Chitieu test', exportedAt: '2026-01-01T00:00:00.000Z' };

function example(): Plan {
  const parsed = parsePlanFile(readFileSync(new URL('../../../public/examples/thanh-hoa-2024.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('the example is valid');
  return parsed.value.file.plan;
}

/** One browser: its storage and its keeper, with the session's import and export steps. */
class Browser {
  readonly repo: PlanRepository = createMemoryRepository({ validate: parsePlan, storageManager: null });
  readonly keeper: LineageKeeper = createLineageKeeper(this.repo);

  async plan(id: string): Promise<Plan> {
    const stored = await this.repo.getPlan(id);
    if (!stored.ok) throw new Error(stored.error.message);
    return stored.value;
  }

  async edit(id: string, command: Command): Promise<Plan> {
    const before = await this.plan(id);
    const applied = applyCommand(before, command, '2026-02-01T00:00:00.000Z');
    if (!applied.ok) throw new Error(JSON.stringify(applied.error));
    const saved = await this.repo.savePlan(applied.value.plan, { expectedRevision: before.revision });
    if (!saved.ok) throw new Error(saved.error.message);
    return applied.value.plan;
  }

  async exportFile(id: string): Promise<string> {
    return this.keeper.exportText(await this.plan(id), META);
  }

  /** The preview's reading of a file: the file, the local plan with its id, and the lineage's word. */
  async read(text: string): Promise<{ file: PlanFile; local: Plan | null; lineage: ImportLineage }> {
    const parsed = parsePlanFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const { file } = parsed.value;
    const stored = await this.repo.getPlan(file.plan.id);
    const local = stored.ok ? stored.value : null;
    return { file, local, lineage: await this.keeper.compare({ file }, local) };
  }

  async importNew(text: string): Promise<void> {
    const { file } = await this.read(text);
    expect((await this.repo.createPlan(file.plan)).ok).toBe(true);
    await this.keeper.recordImport(file.plan.id);
  }

  /** The merge step as the dialog prepares it. */
  async mergeSetup(text: string): Promise<MergeSetup> {
    const { file, local, lineage } = await this.read(text);
    if (local === null) throw new Error('no local plan');
    const prepared = prepareMerge(local, file.plan, lineage.base, lineage.known ? lineage.relation : null);
    if (!prepared.ok) throw new Error('another plan');
    return prepared.value;
  }

  /** Merges with every decision kept as the suggestion or mine, as "merge" then does. */
  async merge(text: string): Promise<Plan> {
    const setup = await this.mergeSetup(text);
    const local = setup.local;
    const merged = resolveMerge(setup, new Map(setup.decisions.map((d) => [d.key, 'ours'])), '2026-03-01T00:00:00.000Z');
    if (!merged.ok) throw new Error(JSON.stringify(merged.error));
    expect((await this.repo.savePlan(merged.value, { expectedRevision: local.revision, keepPreviousAs: 'before import' })).ok).toBe(true);
    await this.keeper.recordImport(merged.value.id);
    return merged.value;
  }
}

const actual = (plan: Plan, indicator: string, period: string) => plan.indicators.find((i) => i.id === indicator)?.actuals[period];

describe('a colleague’s copy coming back', () => {
  it('merges three-way from the exported revision: the colleague’s change taken, ours kept, no question', async () => {
    const ours = new Browser();
    const theirs = new Browser();
    const start = example();
    await ours.repo.createPlan(start);
    const sent = await ours.exportFile(start.id);
    const sentFile = parsePlanFile(sent);
    if (!sentFile.ok) throw new Error('the export is a valid file');
    // Its hash is right (no warning), and its lineage ends with the revision sent.
    expect(sentFile.value.warnings).toEqual([]);
    expect(sentFile.value.file.lineage).toEqual([revisionHash(start)]);
    expect(sent).toBe(serializePlanFile(start, { ...META, lineage: [revisionHash(start)] }));

    // Here: a value changed after sending. There: the file imported, another value changed, sent back.
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 3.7 });
    await theirs.importNew(sent);
    await theirs.edit(start.id, { type: 'setActual', indicator: 'mobile_subscribers', period: '2023', value: 3.1 });
    const back = await theirs.exportFile(start.id);

    const reading = await ours.read(back);
    expect(reading.lineage).toMatchObject({ relation: 'diverged', known: true });
    expect(reading.lineage.base && revisionHash(reading.lineage.base)).toBe(revisionHash(start));
    const setup = await ours.mergeSetup(back);
    expect(setup.mode).toBe('threeWay');
    expect(setup.decisions).toEqual([]);
    expect(setup.automatic.map((d) => d.path)).toEqual([['indicators', 'mobile_subscribers', 'actuals', '2023']]);
    const merged = await ours.merge(back);
    expect(actual(merged, 'mobile_subscribers', '2023')).toBe(3.1);
    expect(actual(merged, 'population', '2023')).toBe(3.7);

    // The merge, sent to the colleague who changed nothing since: newer, everything taken.
    const mergedFile = await ours.exportFile(start.id);
    const there = await theirs.read(mergedFile);
    expect(there.lineage).toMatchObject({ relation: 'incomingNewer', known: true });
    const theirSetup = await theirs.mergeSetup(mergedFile);
    expect(theirSetup.decisions).toEqual([]);
    expect(theirSetup.automatic.map((d) => d.path)).toEqual([['indicators', 'population', 'actuals', '2023']]);

    // The colleague's older file, imported again here: ours is newer, a merge takes nothing.
    expect((await ours.read(back)).lineage).toMatchObject({ relation: 'localNewer', known: true });
    const stale = await ours.mergeSetup(back);
    expect(stale.decisions).toEqual([]);
    expect(stale.automatic).toEqual([]);
  });

  it('asks only about the cell both sides changed differently', async () => {
    const ours = new Browser();
    const theirs = new Browser();
    const start = example();
    await ours.repo.createPlan(start);
    const sent = await ours.exportFile(start.id);
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 3.7 });
    await ours.edit(start.id, { type: 'setActual', indicator: 'internet_subscribers', period: '2022', value: 2.4 });
    await theirs.importNew(sent);
    await theirs.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 3.8 });
    await theirs.edit(start.id, { type: 'setActual', indicator: 'mobile_subscribers', period: '2023', value: 3.1 });
    const setup = await ours.mergeSetup(await theirs.exportFile(start.id));
    expect(setup.decisions.map((d) => [d.key, d.difference.local, d.difference.incoming, d.base])).toEqual([['indicators/population/actuals/2023', 3.7, 3.8, 3.656]]);
    expect(setup.automatic.map((d) => d.path.join('/'))).toEqual(['indicators/mobile_subscribers/actuals/2023']);
  });

  it('finds the base after several round trips, and after an undo back to a shared revision says which is newer', async () => {
    const ours = new Browser();
    const theirs = new Browser();
    const start = example();
    await ours.repo.createPlan(start);
    await theirs.importNew(await ours.exportFile(start.id));
    for (let round = 0; round < 3; round++) {
      await theirs.edit(start.id, { type: 'setActual', indicator: 'mobile_subscribers', period: '2023', value: 3 + round });
      const back = await theirs.exportFile(start.id);
      expect((await ours.read(back)).lineage.relation).toBe('incomingNewer');
      await ours.merge(back);
      await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 3.7 + round });
      const there = await ours.exportFile(start.id);
      expect((await theirs.read(there)).lineage.relation).toBe('incomingNewer');
      await theirs.merge(there);
    }
    // Both hold the same content now, whatever their revisions and times.
    const [a, b] = [await ours.plan(start.id), await theirs.plan(start.id)];
    expect(a.revision).not.toBe(b.revision);
    expect(revisionHash(a)).toBe(revisionHash(b));
    expect((await ours.read(await theirs.exportFile(start.id))).lineage.relation).toBe('same');

    // The colleague goes on; here a value is changed and changed back (an undo): the same
    // content as was sent, so the colleague's copy is still exactly the newer one.
    await theirs.edit(start.id, { type: 'setActual', indicator: 'mobile_subscribers', period: '2023', value: 9 });
    const later = await theirs.exportFile(start.id);
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 100 });
    expect((await ours.read(later)).lineage.relation).toBe('diverged');
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: actual(a, 'population', '2023') ?? null });
    expect((await ours.read(later)).lineage).toMatchObject({ relation: 'incomingNewer', known: true });
  });

  it('falls back to deciding every difference for a file without lineage, or when the base is no longer kept', async () => {
    const ours = new Browser();
    const theirs = new Browser();
    const start = example();
    await ours.repo.createPlan(start);
    const sent = await ours.exportFile(start.id);
    await theirs.importNew(sent);
    await theirs.edit(start.id, { type: 'setActual', indicator: 'mobile_subscribers', period: '2023', value: 3.1 });
    const back = await theirs.exportFile(start.id);
    // The same file with its lineage taken out, as written before lineages existed.
    const parsed = JSON.parse(back) as Record<string, unknown>;
    delete parsed['lineage'];
    const old = `${JSON.stringify(parsed, null, 2)}\n`;
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 3.7 });
    const reading = await ours.read(old);
    expect(reading.lineage).toEqual({ relation: 'diverged', known: false, base: null });
    expect((await ours.mergeSetup(old)).mode).toBe('twoWay');

    // Many later exports push the sent revision's content out of storage: no base, two-way.
    for (let i = 0; i < SHARED_REVISIONS_KEPT; i++) {
      await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 4 + i });
      await ours.exportFile(start.id);
    }
    await ours.edit(start.id, { type: 'setActual', indicator: 'population', period: '2023', value: 9 });
    const late = await ours.read(back);
    expect(late.lineage.known).toBe(false);
    expect(late.lineage.base).toBeNull();
  });

  it('records nothing for an import as a new copy, and says nothing is known for a plan not here', async () => {
    const ours = new Browser();
    const theirs = new Browser();
    const start = example();
    await ours.repo.createPlan(start);
    const sent = await ours.exportFile(start.id);
    expect((await theirs.read(sent)).lineage).toEqual({ relation: 'unrelated', known: false, base: null });
    await theirs.repo.createPlan({ ...start, id: 'a-copy' });
    expect(await theirs.repo.getLineage('a-copy')).toEqual({ ok: true, value: { hashes: [], held: [] } });
    expect(await theirs.repo.getLineage(start.id)).toEqual({ ok: true, value: { hashes: [], held: [] } });
  });
});
