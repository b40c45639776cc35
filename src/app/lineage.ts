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
 * The work is in import-lineage.ts, loaded with the first export or import, as the session's own
 * file code is: none of it is needed to open the app.
 */
import type { Plan } from '../engine/model/plan.ts';
import type { PlanRelation } from '../engine/scenarios/preview.ts';
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
  // The work loads with the first export or import (import-lineage.ts); one keeper, since it
  // remembers the files read for the imports that follow.
  let loaded: Promise<LineageKeeper> | null = null;
  const keeper = () => (loaded ??= import('./import-lineage.ts').then((m) => m.lineageKeeper(repo)));
  return {
    exportText: async (plan, meta) => (await keeper()).exportText(plan, meta),
    compare: async (read, local) => (await keeper()).compare(read, local),
    recordImport: async (planId) => (await keeper()).recordImport(planId),
  };
}
