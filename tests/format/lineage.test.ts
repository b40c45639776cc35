import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareLineages, extendLineage, joinLineages, LIMITS, parsePlanFile, revisionHash, serializePlan, serializePlanFile, type LocalLineage } from '../../src/format/index.ts';
import { revisionHashOfText } from '../../src/format/lineage.ts';
import { readPlanFile, readPlanFileWith } from '../../src/format/read.ts';
import { arbHash, arbPlan } from './arbitraries.ts';
import { codes, fixture, issuesOf, valueOf } from './helpers.ts';

const hex = (n: number) => n.toString(16).padStart(64, '0');

describe('revision hash', () => {
  it('ignores revision and updatedAt, and nothing else', () => {
    fc.assert(
      fc.property(arbPlan(), fc.nat(), (plan, revision) => {
        const restamped = { ...plan, revision, updatedAt: '2031-01-01T00:00:00.000Z' };
        expect(revisionHash(restamped)).toBe(revisionHash(plan));
        const renamed = plan.name.endsWith('!') ? `${plan.name.slice(0, -1)}?` : `${plan.name.slice(0, 499)}!`;
        expect(revisionHash({ ...plan, name: renamed })).not.toBe(revisionHash(plan));
        expect(revisionHash({ ...plan, createdAt: '1999-01-01T00:00:00.000Z' }) === revisionHash(plan)).toBe(plan.createdAt === '1999-01-01T00:00:00.000Z');
      }),
      { numRuns: 200 },
    );
  });

  it('is the same digest from the canonical text the reader already wrote', () => {
    fc.assert(
      fc.property(arbPlan(), (plan) => {
        expect(revisionHashOfText(serializePlan(plan))).toBe(revisionHash(plan));
        const read = valueOf(readPlanFile(serializePlanFile(plan, { app: 'a', exportedAt: '2025-01-01T00:00:00.000Z' })));
        expect(read.revisionHash).toBe(revisionHash(read.file.plan));
      }),
      { numRuns: 300 },
    );
  });

  it('changes with any value of the plan (a cell)', () => {
    const { file } = valueOf(parsePlanFile(fixture('plan-v1-full.json')));
    const [first, ...rest] = file.plan.indicators;
    if (!first) throw new Error('the fixture has indicators');
    const edited = { ...file.plan, indicators: [{ ...first, actuals: { ...first.actuals, [file.plan.calendar.start]: 123.456 } }, ...rest] };
    expect(revisionHash(edited)).not.toBe(revisionHash(file.plan));
    expect(revisionHash(file.plan)).toMatch(/^[0-9a-f]{64}$/);
    // Not the file's hash: that one covers revision and updatedAt too.
    expect(revisionHash(file.plan)).not.toBe(file.hash);
    expect(serializePlan(file.plan)).toContain('"revision"');
  });
});

describe('extending and joining lineages', () => {
  it('appends a new hash, moves a known one to the end, and keeps the newest LIMITS.lineage', () => {
    expect(extendLineage([], hex(1))).toEqual([hex(1)]);
    expect(extendLineage([hex(1), hex(2), hex(3)], hex(2))).toEqual([hex(1), hex(3), hex(2)]);
    const full = Array.from({ length: LIMITS.lineage }, (_, i) => hex(i));
    const extended = extendLineage(full, hex(999));
    expect(extended).toHaveLength(LIMITS.lineage);
    expect(extended[0]).toBe(hex(1));
    expect(extended.at(-1)).toBe(hex(999));
  });

  it('joins ours then only-theirs in their order, without repeats, cut from the oldest', () => {
    expect(joinLineages([hex(1), hex(2)], [hex(1), hex(3), hex(2), hex(4)])).toEqual([hex(1), hex(2), hex(3), hex(4)]);
    fc.assert(
      fc.property(fc.uniqueArray(arbHash, { maxLength: 120 }), fc.array(arbHash, { maxLength: 120 }), (ours, theirs) => {
        const joined = joinLineages(ours, theirs);
        expect(joined.length).toBeLessThanOrEqual(LIMITS.lineage);
        expect(new Set(joined).size).toBe(joined.length);
        expect(joined.length).toBe(Math.min(LIMITS.lineage, new Set([...ours, ...theirs]).size));
        const all = new Set([...ours, ...theirs]);
        for (const hash of joined) expect(all.has(hash)).toBe(true);
        // Nothing newer than what is kept was dropped: the last hash of theirs is always in.
        if (theirs.length > 0 && ours.length < LIMITS.lineage) expect(joined).toContain(theirs.at(-1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('comparing a local copy with a file', () => {
  const local = (hash: string, lineage: string[], held: string[] = lineage): LocalLineage => ({ hash, lineage, holds: (h) => held.includes(h) });

  it('says same for the same content', () => {
    expect(compareLineages(local(hex(5), []), { hash: hex(5), lineage: [] })).toEqual({ kind: 'same' });
  });

  it('says the file is newer when it came through our current revision', () => {
    expect(compareLineages(local(hex(5), [hex(5)]), { hash: hex(6), lineage: [hex(5), hex(6)] })).toEqual({ kind: 'incomingNewer' });
    // Even when we never recorded that revision ourselves (the file says it came through it).
    expect(compareLineages(local(hex(5), []), { hash: hex(6), lineage: [hex(5), hex(6)] })).toEqual({ kind: 'incomingNewer' });
  });

  it('says ours is newer when we came through the file’s revision', () => {
    expect(compareLineages(local(hex(7), [hex(5)]), { hash: hex(5), lineage: [hex(5)] })).toEqual({ kind: 'localNewer' });
  });

  it('finds the newest revision both came through that we keep, as the base', () => {
    const ours = local(hex(9), [hex(1), hex(2), hex(3)], [hex(1), hex(2)]);
    // hex(3) is shared but its content is gone here: the next older one we keep.
    expect(compareLineages(ours, { hash: hex(8), lineage: [hex(1), hex(2), hex(3), hex(8)] })).toEqual({ kind: 'diverged', base: hex(2) });
    expect(compareLineages(ours, { hash: hex(8), lineage: [hex(4), hex(8)] })).toEqual({ kind: 'unknown' });
    expect(compareLineages(ours, { hash: hex(8), lineage: [] })).toEqual({ kind: 'unknown' });
  });
});

describe('reading a file with a native hash', () => {
  const nodeDigest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

  it('gives readPlanFile’s answer: accepted, refused, with a hash mismatch', async () => {
    const good = fixture('plan-v1-lineage.json');
    const mismatched = good.replace(/"hash": "[0-9a-f]{64}"/, `"hash": "${'0'.repeat(64)}"`);
    const refused = good.replace('"version": 1', '"version": 1, "extra": true');
    for (const text of [good, mismatched, refused, fixture('plan-v1-full.json')]) {
      expect(await readPlanFileWith(text, nodeDigest)).toEqual(readPlanFile(text));
    }
    expect(valueOf(await readPlanFileWith(mismatched, nodeDigest)).warnings.map((w) => w.code)).toEqual(['hashMismatch']);
  });

  it('gives an internal issue, never a throw, when the digest fails', async () => {
    const failing = async () => { throw new Error('no digest'); };
    expect(await readPlanFileWith(fixture('plan-v1-full.json'), failing)).toEqual({ ok: false, error: [{ path: '', code: 'internal' }] });
  });
});

describe('lineage in the file', () => {
  it('reads the lineage fixture, hash valid, and re-exports it byte for byte', () => {
    const text = fixture('plan-v1-lineage.json');
    const parsed = valueOf(parsePlanFile(text));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.file.lineage).toHaveLength(2);
    expect(parsed.file.lineage?.at(-1)).toBe(revisionHash(parsed.file.plan));
    const { file } = parsed;
    expect(serializePlanFile(file.plan, { app: file.app, exportedAt: file.exportedAt, lineage: file.lineage ?? [] })).toBe(text);
  });

  it('reads files without a lineage (every file before it) as having none, and writes none for an empty one', () => {
    const text = fixture('plan-v1-minimal.json');
    const { file } = valueOf(parsePlanFile(text));
    expect(file.lineage).toBeUndefined();
    expect(serializePlanFile(file.plan, { app: file.app, exportedAt: file.exportedAt, lineage: [] })).toBe(text);
  });

  it('refuses an empty lineage, one past the limit, and entries that are not hashes, with their paths', () => {
    const base = JSON.parse(fixture('plan-v1-minimal.json')) as Record<string, unknown>;
    const withLineage = (lineage: unknown) => JSON.stringify({ ...base, lineage });
    expect(codes(issuesOf(parsePlanFile(withLineage([]))))).toEqual(['tooFew']);
    const tooMany = issuesOf(parsePlanFile(withLineage(Array.from({ length: LIMITS.lineage + 1 }, (_, i) => hex(i)))));
    expect(tooMany).toMatchObject([{ path: 'lineage', code: 'tooMany', limit: LIMITS.lineage }]);
    const notHash = issuesOf(parsePlanFile(withLineage([hex(1), 'ABC'])));
    expect(notHash).toMatchObject([{ path: 'lineage[1]', code: 'format' }]);
  });
});
