/**
 * The plan's lineage on its way through exports and imports (src/format/lineage.ts for what a
 * lineage is, docs/file-format.md for the file, decision 0011 for the merge):
 *
 * - an **export** writes the plan with its lineage extended by the plan's revision hash, and
 *   storage keeps that revision's content as a future merge base;
 * - an import's **preview** compares the file's lineage with the local one to say exactly which
 *   copy is newer and to find the revision both came from (its content, kept here, is the base of
 *   a three-way merge), falling back to the old guess by revisions and times when they cannot say;
 * - an import, once **written** (as the plan, replacing it, or merged into it), adds the file's
 *   lineage and the imported revision to the local one, and keeps the imported content as a base.
 *
 * Lineage is a hint beside the plan, never the plan: when recording it fails the plan is still
 * saved (the next import of this plan is then two-way, as before lineages), so these functions
 * never fail an export or an import.
 *
 * The format and preview code load with the first export or import (dynamic imports), as the
 * session's own file code does: none of it is needed to open the app.
 */
import type { Plan } from '../engine/model/plan.ts';
import type { PlanRelation } from '../engine/scenarios/preview.ts';
import type { Lineage } from '../format/lineage.ts';
import type { ExportMeta } from '../format/serialize.ts';
import type { PlanFile } from '../format/schema.ts';
import type { PlanRepository } from '../storage/index.ts';

/** What the import preview is told about how the two copies stand. */
export interface ImportLineage {
  /** The copies' relation; exact when `known`, guessed from revisions and times otherwise. */
  relation: PlanRelation;
  /** Whether the lineages established `relation`. */
  known: boolean;
  /** The revision both copies came from, when known: the merge is then three-way. */
  base: Plan | null;
}

export interface LineageKeeper {
  /** The plan file's text with the plan's lineage, the exported revision recorded in storage. */
  exportText(plan: Plan, meta: Omit<ExportMeta, 'lineage'>): Promise<string>;
  /**
   * How a read file's plan stands to the local one; remembered for the import that may follow.
   * `revisionHash` is the file plan's, when the reader already computed it (the import worker).
   */
  compare(read: { file: PlanFile; revisionHash?: string }, local: Plan | null): Promise<ImportLineage>;
  /**
   * After an import of the file last compared for this plan id was written: its lineage and its
   * revision join the local plan's. Not for an import as a new copy (another plan).
   */
  recordImport(planId: string): Promise<void>;
}

export function createLineageKeeper(repo: PlanRepository): LineageKeeper {
  // The file last read for each plan id: the import that follows writes it.
  const read = new Map<string, { plan: Plan; hash: string; lineage: Lineage }>();

  return {
    async exportText(plan, meta) {
      const [{ planFileOfText, serializePlan }, { extendLineage, revisionHashOfText }] = await Promise.all([import('../format/serialize.ts'), import('../format/lineage.ts')]);
      // One serialisation serves the file and both of its hashes.
      const planText = serializePlan(plan);
      const hash = revisionHashOfText(planText);
      const recorded = await repo.recordShared(plan.id, { hash, plan });
      let lineage: readonly string[];
      if (recorded.ok) lineage = recorded.value.hashes;
      else {
        // Not recorded (a quota…): the file still says where it came from.
        const stored = await repo.getLineage(plan.id);
        lineage = extendLineage(stored.ok ? stored.value.hashes : [], hash);
      }
      return planFileOfText(planText, { ...meta, lineage });
    },

    async compare({ file, revisionHash: knownHash }, local) {
      const [{ compareLineages, revisionHash }, { relation: guessRelation }] = await Promise.all([import('../format/lineage.ts'), import('../engine/scenarios/preview.ts')]);
      const incoming = file.plan;
      const incomingHash = knownHash ?? revisionHash(incoming);
      read.set(incoming.id, { plan: incoming, hash: incomingHash, lineage: file.lineage ?? [] });
      if (local === null) return { relation: 'unrelated', known: false, base: null };
      const guessed = (): ImportLineage => ({ relation: guessRelation(local, incoming), known: false, base: null });
      if (local.id !== incoming.id) return guessed();
      const stored = await repo.getLineage(local.id);
      if (!stored.ok) return guessed();
      const held = new Set(stored.value.held);
      const found = compareLineages(
        { hash: revisionHash(local), lineage: stored.value.hashes, holds: (h) => held.has(h) },
        { hash: incomingHash, lineage: file.lineage ?? [] },
      );
      switch (found.kind) {
        case 'same':
          return { relation: 'same', known: true, base: local };
        case 'incomingNewer':
          return { relation: 'incomingNewer', known: true, base: local };
        case 'localNewer':
          return { relation: 'localNewer', known: true, base: incoming };
        case 'diverged': {
          const base = await repo.getSharedRevision(local.id, found.base);
          // The kept content is gone or unreadable: no base, so the planner decides every difference.
          if (!base.ok || base.value === null) return guessed();
          return { relation: 'diverged', known: true, base: base.value };
        }
        case 'unknown':
          return guessed();
      }
    },

    async recordImport(planId) {
      const file = read.get(planId);
      if (file === undefined) return;
      read.delete(planId);
      await repo.recordShared(planId, { hash: file.hash, plan: file.plan, lineage: file.lineage });
    },
  };
}
