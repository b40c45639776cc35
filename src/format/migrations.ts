/**
 * Migrations: how a plan written by an older version of the file format becomes a plan of the
 * current version. One pure function per step, `n → n + 1`, applied in order.
 *
 * A step receives the plan as clean JSON data (objects without prototypes, nothing the schema has
 * checked yet: see clean.ts) and returns new data or issues; it never mutates its input and
 * never creates objects with `{}` from keys it reads (use `Object.create(null)` or literals).
 * Storage reuses the same steps for plans saved by an older Chitieu, so a step works on the plan
 * alone; the wrapper of a file is rebuilt on every export.
 *
 * Version 1 is the first version of the format, so there are no steps yet. The mechanism (and its
 * test, tests/format/migrations.test.ts) exists so that version 2 only has to add one.
 */
import { FILE_VERSION } from './schema.ts';
import type { FileIssue } from './issues.ts';
import type { Json } from './clean.ts';
import { err, ok, type Result } from '../engine/result.ts';

/** Turns a plan of format version `n` into a plan of version `n + 1`. */
export type MigrationStep = (plan: Json) => Result<Json, FileIssue[]>;

/** `MIGRATIONS.get(n)` migrates a plan from version `n` to `n + 1`. Empty while only v1 exists. */
export const MIGRATIONS: ReadonlyMap<number, MigrationStep> = new Map<number, MigrationStep>([]);

/**
 * Runs every step from version `from` up to version `to` (the current one unless given). A missing
 * step is a `noMigration` issue; a step's own issues are passed on unchanged. `from` must be an
 * integer ≥ 1 and at most `to`; the caller (parse.ts) has checked it.
 */
export function migratePlan(
  plan: Json,
  from: number,
  steps: ReadonlyMap<number, MigrationStep> = MIGRATIONS,
  to: number = FILE_VERSION,
): Result<Json, FileIssue[]> {
  let current = plan;
  for (let version = from; version < to; version++) {
    const step = steps.get(version);
    if (step === undefined) {
      return err([{ path: '', code: 'noMigration', received: String(version), expected: String(to) }]);
    }
    const next = step(current);
    if (!next.ok) return next;
    current = next.value;
  }
  return ok(current);
}
