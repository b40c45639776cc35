/**
 * The list operations of a lineage (lineage.ts), on their own: storage uses them on every export
 * and import, and importing them must not bring the hashing and the writer into the app's first
 * load.
 */

/** Most hashes a lineage keeps (the schema's `LIMITS.lineage`): the oldest go first. */
export const LINEAGE_LIMIT = 100;

export type Lineage = readonly string[];

/** The lineage with `hash` as its newest revision (moved to the end if it was there), cut to the limit. */
export function extendLineage(lineage: Lineage, hash: string): string[] {
  const out = lineage.filter((h) => h !== hash);
  out.push(hash);
  return out.slice(-LINEAGE_LIMIT);
}

/**
 * Both lineages in one, for a plan that took in another copy (an import): ours, then the hashes
 * only theirs holds in their order, cut to the limit (the oldest of ours go first).
 */
export function joinLineages(ours: Lineage, theirs: Lineage): string[] {
  const known = new Set(ours);
  const out = [...ours];
  for (const hash of theirs) {
    if (!known.has(hash)) {
      known.add(hash);
      out.push(hash);
    }
  }
  return out.slice(-LINEAGE_LIMIT);
}
