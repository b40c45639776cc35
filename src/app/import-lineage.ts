/**
 * The lineage keeper's work (see lineage.ts for what it does and why): loaded with the first
 * export or import, so that none of it weighs on the app's first load.
 */
import type { Plan } from '../engine/model/plan.ts';
import { relation as guessRelation } from '../engine/scenarios/preview.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { compareLineages, extendLineage, revisionTextOf, type Lineage } from '../format/lineage.ts';
import { planFileOfText, serializePlan } from '../format/serialize.ts';
import type { PlanRepository } from '../storage/index.ts';
import type { ImportLineage, LineageKeeper } from './lineage.ts';

/** The keeper itself; `createLineageKeeper` (lineage.ts) loads it with the first export or import. */
export function lineageKeeper(repo: PlanRepository): LineageKeeper {
  // The file last read for each plan id: the import that follows writes it.
  const read = new Map<string, { plan: Plan; hash: string; lineage: Lineage }>();

  return {
    async exportText(plan, meta) {
      // One serialisation serves the file and both of its hashes.
      const planText = serializePlan(plan);
      const [fileHash, hash] = await Promise.all([sha256Hex(planText), sha256Hex(revisionTextOf(planText))]);
      const stored = await repo.getLineage(plan.id);
      const lineage = extendLineage(stored.ok ? stored.value.hashes : [], hash);
      // The revision and its copy (a future merge base) are recorded after the file is written,
      // so the copy's write does not hold up the download; the stored lineage comes out the same.
      void repo.recordShared(plan.id, { hash, plan });
      return planFileOfText(planText, { ...meta, lineage }, fileHash);
    },

    async compare({ file, revisionHash: knownHash }, local) {
      const incoming = file.plan;
      const incomingHash = knownHash ?? (await revisionHashOf(incoming));
      read.set(incoming.id, { plan: incoming, hash: incomingHash, lineage: file.lineage ?? [] });
      if (local === null) return { relation: 'unrelated', known: false, base: null };
      const guessed = (): ImportLineage => ({ relation: guessRelation(local, incoming), known: false, base: null });
      if (local.id !== incoming.id) return guessed();
      const stored = await repo.getLineage(local.id);
      if (!stored.ok) return guessed();
      const held = new Set(stored.value.held);
      const found = compareLineages(
        { hash: await revisionHashOf(local), lineage: stored.value.hashes, holds: (h) => held.has(h) },
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

/**
 * SHA-256 of a text's UTF-8 bytes as hex: the platform's digest (native, and off this thread)
 * when there is one (a secure context), else the portable one. Same digest either way.
 */
async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return bytesToHex(sha256(utf8ToBytes(text)));
  return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** `revisionHash(plan)` (src/format/lineage.ts), hashed by `sha256Hex`. */
function revisionHashOf(plan: Plan): Promise<string> {
  return sha256Hex(revisionTextOf(serializePlan(plan)));
}
