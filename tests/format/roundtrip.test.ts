import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashPlan, parsePlan, parsePlanFile, serializePlan, serializePlanFile, type Plan } from '../../src/format/index.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import { serializePlanByHand, serializePlanFileByHand } from '../../src/format/serialize.ts';
import { arbExportMeta, arbPlan } from './arbitraries.ts';
import { assertOrdinaryPrototypes, fixture, valueOf } from './helpers.ts';

const META = { app: 'Chitieu 0.1.0', exportedAt: '2025-01-15T09:30:00.000Z' };

/** export → import → export. */
function reexport(text: string): string {
  const { file } = valueOf(parsePlanFile(text));
  return serializePlanFile(file.plan, { app: file.app, exportedAt: file.exportedAt, ...(file.lineage ? { lineage: file.lineage } : {}) });
}

describe('canonical serialisation', () => {
  it.each(['plan-v1-minimal.json', 'plan-v1-full.json'])('re-exports the fixture %s byte for byte', (name) => {
    const text = fixture(name);
    expect(reexport(text)).toBe(text);
    expect(valueOf(parsePlanFile(text)).warnings).toEqual([]);
  });

  it('writes exactly what JSON.stringify(…, null, 2) writes when keys are already in order, plus a newline', () => {
    const { file } = valueOf(parsePlanFile(fixture('plan-v1-full.json')));
    expect(serializePlanFile(file.plan, META)).toBe(`${JSON.stringify({ ...file, ...META }, null, 2)}\n`);
  });

  it('orders keys as the schema lists them, whatever order the plan object has', () => {
    const plan = makePlan({ id: 'p', name: 'n', calendar: { periodicity: 'year', start: '2024', end: '2026' } }, new Date('2024-01-01T00:00:00Z'));
    const shuffled = Object.fromEntries(Object.entries(plan).reverse()) as Plan;
    expect(serializePlan(shuffled)).toBe(serializePlan(plan));
    expect(Object.keys(JSON.parse(serializePlan(shuffled)) as object)).toEqual(['id', 'name', 'calendar', 'groups', 'indicators', 'createdAt', 'updatedAt', 'revision']);
  });

  it('sorts period maps by period, including years an object would reorder (0999 before 1000)', () => {
    const indicator = makeIndicator({ id: 'x', actuals: { '1000': 2, '0999': 1, '1001': 3 } });
    const plan = makePlan({ id: 'p', name: 'n', calendar: { periodicity: 'year', start: '0999', end: '1001' }, indicators: [indicator] }, new Date(0));
    const keysOfActuals = (text: string): string[] => {
      const block = /"actuals": \{([^}]*)\}/.exec(text)?.[1] ?? '';
      return [...block.matchAll(/"([^"]+)":/g)].map((m) => m[1] ?? '');
    };
    expect(keysOfActuals(serializePlan(plan))).toEqual(['0999', '1000', '1001']);
    expect(serializePlan(plan)).toBe(serializePlanByHand(plan));
    expect(serializePlanFile(plan, META)).toBe(serializePlanFileByHand(plan, META));
    const months = makeIndicator({ id: 'm', actuals: { '2024-12': 1, '2024-02': 2, '2024-10': 3 } });
    expect(keysOfActuals(serializePlan({ ...plan, indicators: [months] }))).toEqual(['2024-02', '2024-10', '2024-12']);
  });

  it('writes -0 as 0, in values and in the hash', () => {
    const withNegativeZero = makePlan({ id: 'p', name: 'n', indicators: [makeIndicator({ id: 'x', actuals: { '2024': -0 } })], calendar: { periodicity: 'year', start: '2024', end: '2024' } }, new Date(0));
    const withZero = { ...withNegativeZero, indicators: [makeIndicator({ id: 'x', actuals: { '2024': 0 } })] };
    expect(serializePlan(withNegativeZero)).toContain('"2024": 0\n');
    expect(serializePlan(withNegativeZero)).toBe(serializePlan(withZero));
    expect(hashPlan(withNegativeZero)).toBe(hashPlan(withZero));
  });

  it('hashes the plan alone: SHA-256 of its canonical text, 64 lowercase hex digits', () => {
    const { file } = valueOf(parsePlanFile(fixture('plan-v1-minimal.json')));
    expect(hashPlan(file.plan)).toBe(file.hash);
    expect(hashPlan(file.plan)).toMatch(/^[0-9a-f]{64}$/);
    // Known answer, so that a change of canonical form cannot pass unnoticed.
    expect(file.hash).toBe('f2db51748d7e11c0a8712d91c61d02f0d7e8998c5672003e8c0e63d38ecf6628');
  });

  it('returns plans made of ordinary objects and arrays', () => {
    const { file } = valueOf(parsePlanFile(fixture('plan-v1-full.json')));
    assertOrdinaryPrototypes(file);
  });
});

describe('round trip over generated plans', () => {
  it('serialize → parse → serialize is byte-identical for 10,000 generated plans, and the plan survives', () => {
    fc.assert(
      fc.property(arbPlan(), arbExportMeta, (plan, meta) => {
        const text = serializePlanFile(plan, meta);
        const parsed = parsePlanFile(text);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
        expect(parsed.value.warnings).toEqual([]);
        const { file } = parsed.value;
        expect(file.lineage).toEqual(meta.lineage);
        expect(serializePlanFile(file.plan, { app: file.app, exportedAt: file.exportedAt, ...(file.lineage ? { lineage: file.lineage } : {}) })).toBe(text);
        // The same plan, with -0 read back as 0 (JSON.stringify writes -0 as 0 too).
        expect(parsed.value.file.plan).toEqual(JSON.parse(JSON.stringify(plan)));
      }),
      { numRuns: 10_000 },
    );
    // About 15 s on an idle 2-core machine; several times that when it is shared.
  }, 180_000);

  it('the fast writer (native JSON.stringify over an ordered copy) writes what the reference writer writes', () => {
    fc.assert(
      fc.property(arbPlan(), arbExportMeta, (plan, meta) => {
        expect(serializePlan(plan)).toBe(serializePlanByHand(plan));
        expect(serializePlanFile(plan, meta)).toBe(serializePlanFileByHand(plan, meta));
      }),
      { numRuns: 2_000 },
    );
  });

  it('every generated plan is valid for storage (parsePlan) and comes back equal', () => {
    fc.assert(
      fc.property(arbPlan(), (plan) => {
        const checked = valueOf(parsePlan(plan));
        expect(checked).toEqual(JSON.parse(JSON.stringify(plan)));
        expect(checked).not.toBe(plan);
      }),
      { numRuns: 1_000 },
    );
  });
});
