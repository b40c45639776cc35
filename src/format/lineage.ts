/**
 * The plan's lineage: which shared revisions a copy of a plan came through, so that an import can
 * tell a colleague's newer copy of the same plan from a copy that moved apart, and find the
 * revision both started from (the base of a three-way merge).
 *
 * A **revision hash** names a plan's content: SHA-256 of its canonical text without `revision` and
 * `updatedAt`. Those two count and date edits; they differ between two copies holding the same
 * plan (an import that replaces re-stamps them, an undo back to an exported state does not bring
 * the old count back), and a lineage compares content. Everything else is in it, the id included.
 *
 * A **lineage** is a list of revision hashes, oldest first: each export adds the hash of the plan
 * exported, each import the hash of the plan imported together with the lineage its file carried.
 * It is kept to the last `LIMITS.lineage` hashes. A file carries it in its wrapper (`lineage`,
 * docs/file-format.md), so that the plan itself keeps one shape in the file, in storage and in the
 * engine, and a lineage never shows as a difference between two copies.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Plan } from './schema.ts';
import { serializePlan } from './serialize.ts';

import type { Lineage } from './lineage-list.ts';

export type { Lineage } from './lineage-list.ts';

/** SHA-256 of the plan's canonical text without `revision` and `updatedAt`, 64 lowercase hex digits. */
export function revisionHash(plan: Plan): string {
  const { revision: _revision, updatedAt: _updatedAt, ...content } = plan;
  // The writer leaves absent keys out, so the text is the plan's own with two lines fewer.
  return bytesToHex(sha256(utf8ToBytes(serializePlan(content as Plan))));
}

/**
 * The revision hash from the plan's canonical text (`serializePlan(plan)`), when the caller has it
 * already: the same digest as `revisionHash`, without serialising the plan again. The canonical
 * text ends with `createdAt`, `updatedAt` and `revision` at the top level (their schema order), so
 * leaving the last two out is cutting two lines and the comma before them.
 */
export function revisionHashOfText(planText: string): string {
  return bytesToHex(sha256(utf8ToBytes(revisionTextOf(planText))));
}

/** The text `revisionHash` hashes, cut from the plan's canonical text (see `revisionHashOfText`). */
export function revisionTextOf(planText: string): string {
  const cut = planText.lastIndexOf('\n  "updatedAt": ');
  // Not a canonical plan text (cannot happen for serializePlan's): what it says.
  if (cut < 0 || planText[cut - 1] !== ',') return planText;
  return `${planText.slice(0, cut - 1)}\n}\n`;
}

export { extendLineage, joinLineages } from './lineage-list.ts';

/** What this browser knows about a plan's local copy, for comparing it with a file's. */
export interface LocalLineage {
  /** The revision hash of the local plan as it is now. */
  readonly hash: string;
  /** The local plan's lineage: the revisions this browser exported or imported, oldest first. */
  readonly lineage: Lineage;
  /** Whether this browser keeps the content of a revision (its merge base store). */
  holds(hash: string): boolean;
}

/** What a file says about its plan. */
export interface IncomingLineage {
  /** The revision hash of the file's plan. */
  readonly hash: string;
  /** The file's `lineage` (empty when it has none). */
  readonly lineage: Lineage;
}

/**
 * How two copies of one plan stand, by their lineages:
 * - `same`: the same content;
 * - `incomingNewer`: the file came through the local revision (it holds our hash): ours is its base;
 * - `localNewer`: we came through the file's revision: the file's plan is the base;
 * - `diverged`: both moved on from a revision we keep (`base`, its hash), the newest such in the
 *   file's lineage;
 * - `unknown`: no shared revision we keep: the lineages cannot say (files without lineage, a plan
 *   exported before, its content since dropped).
 */
export type LineageRelation =
  | { kind: 'same' }
  | { kind: 'incomingNewer' }
  | { kind: 'localNewer' }
  | { kind: 'diverged'; base: string }
  | { kind: 'unknown' };

export function compareLineages(local: LocalLineage, incoming: IncomingLineage): LineageRelation {
  if (local.hash === incoming.hash) return { kind: 'same' };
  if (incoming.lineage.includes(local.hash)) return { kind: 'incomingNewer' };
  if (local.lineage.includes(incoming.hash)) return { kind: 'localNewer' };
  const ours = new Set(local.lineage);
  for (let i = incoming.lineage.length - 1; i >= 0; i--) {
    const hash = incoming.lineage[i] as string;
    if (ours.has(hash) && local.holds(hash)) return { kind: 'diverged', base: hash };
  }
  return { kind: 'unknown' };
}
