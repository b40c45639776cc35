import { describe, expect, it } from 'vitest';
import { FILE_VERSION, MIGRATIONS, migratePlan, type Json, type MigrationStep } from '../../src/format/index.ts';
import { err, ok } from '../../src/engine/result.ts';

const obj = (entries: Record<string, Json>): Json => Object.assign(Object.create(null) as Record<string, Json>, entries);

describe('migrations', () => {
  it('has one step for every version before the current one (none while only v1 exists)', () => {
    for (let v = 1; v < FILE_VERSION; v++) expect(MIGRATIONS.has(v), `step ${v} → ${v + 1}`).toBe(true);
    expect([...MIGRATIONS.keys()].every((v) => v >= 1 && v < FILE_VERSION)).toBe(true);
  });

  it('leaves a plan of the current version alone', () => {
    const plan = obj({ id: 'p' });
    const result = migratePlan(plan, FILE_VERSION);
    expect(result).toEqual(ok(plan));
  });

  it('runs the steps in order, each on the output of the one before, without touching the input', () => {
    const calls: number[] = [];
    const steps = new Map<number, MigrationStep>([
      [1, (plan) => { calls.push(1); return ok(obj({ ...(plan as Record<string, Json>), title: (plan as Record<string, Json>)['name'] ?? null, name: null })); }],
      [2, (plan) => { calls.push(2); const { name: _drop, ...rest } = plan as Record<string, Json>; return ok(obj({ ...rest, scenarios: [] })); }],
    ]);
    const input = obj({ id: 'p', name: 'Kế hoạch' });
    const result = migratePlan(input, 1, steps, 3);
    expect(calls).toEqual([1, 2]);
    expect(result).toEqual(ok(obj({ id: 'p', title: 'Kế hoạch', scenarios: [] })));
    expect(input).toEqual(obj({ id: 'p', name: 'Kế hoạch' }));
  });

  it('stops at a missing step with noMigration', () => {
    const steps = new Map<number, MigrationStep>([[2, (plan) => ok(plan)]]);
    expect(migratePlan(obj({}), 1, steps, 3)).toEqual(err([{ path: '', code: 'noMigration', received: '1', expected: '3' }]));
  });

  it('passes on the issues of a step that cannot migrate', () => {
    const steps = new Map<number, MigrationStep>([[1, () => err([{ path: 'indicators[0]', code: 'invalid' }])]]);
    expect(migratePlan(obj({}), 1, steps, 2)).toEqual(err([{ path: 'indicators[0]', code: 'invalid' }]));
  });
});
