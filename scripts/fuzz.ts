/**
 * `npm run fuzz`: the long import fuzz (QUALITY item 9). Mutated real exports go through the two
 * doors a plan file has into storage, each backed by a real IndexedDB (fake-indexeddb) repository:
 *
 *  A. the import path, as the app's session takes it: `parsePlanFile` → is the plan already
 *     stored? (then a copy with a new id) → `createPlan`;
 *  B. storage's own guard: the parsed JSON's `plan` handed straight to `createPlan`, whose injected
 *     validator (`parsePlan`) is all that stands between it and the database.
 *
 * For every file: no exception escapes; a refused file changes no row of any table (counted before
 * and after) and comes with at least one issue, each read as a sentence in Vietnamese and English
 * that starts with its path; an accepted file is stored and reads back equal. Object.prototype is
 * unchanged at the end.
 *
 *     npm run fuzz                        # 100,000 files, seed 1
 *     npm run fuzz -- --runs 5000 --seed 7
 *
 * Prints `N passed, M failed` and exits 1 on any failure, after writing the failing files to
 * $TMPDIR/chitieu-fuzz-failures/ (seed and run in the name) for replay.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { newPlanId } from '../src/engine/model/factories.ts';
import type { Plan } from '../src/engine/model/plan.ts';
import { FILE_ISSUE_CODES, describeIssue, parsePlan, parsePlanFile, serializePlanFile, type FileIssue } from '../src/format/index.ts';
import { ChitieuDatabase } from '../src/storage/database.ts';
import { createPlanRepository } from '../src/storage/repository.ts';
import type { PlanRepository } from '../src/storage/types.ts';
import { seededRandom } from '../bench/random.ts';

const BASE_FILES = ['tests/fixtures/plan-v1-full.json', 'tests/fixtures/plan-v1-minimal.json', 'tests/fixtures/plan-v1-lineage.json', 'public/examples/thanh-hoa-2024.json'];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * Math.max(1, n));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)] as T;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

function containers(doc: Json): Container[] {
  const out: Container[] = [];
  const visit = (value: Json): void => {
    if (typeof value !== 'object' || value === null) return;
    out.push(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) visit(child);
  };
  visit(doc);
  return out;
}

const SWAPS: Json[] = ['', 'abc', 0, -1, 1.5, 1e300, true, false, null, [], {}, [null], { id: 'x' }, '2024', '2024-Q9', 'x'.repeat(5000), '__proto__'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'id', 'revision', '2099', 'indicators', 'scenarios', ''];
const HOSTILE_NUMBERS = ['1e309', '-1e309', '-0', '9007199254740993', 'NaN', 'Infinity', '-Infinity', '1e-400', '0x1F', '01', '.5', '5.', '+1'];
const CHARS = ['{', '}', '[', ']', '"', ':', ',', '\\', '-', '0', '9', 'e', '.', ' ', '\n', '\u0000', '\uD800', '\uDFFF', 'ệ', '😀', '\u2028'];

type Mutation = (text: string, rng: Rng) => string;

/** Edits through the parsed document (when the text still parses), written back as JSON. */
const STRUCTURAL: ((doc: Json, rng: Rng) => void)[] = [
  // A value of another type.
  (doc, rng) => {
    const target = pick(rng, containers(doc));
    const keys: (string | number)[] = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    if (keys.length === 0) return;
    (target as Record<string | number, Json>)[pick(rng, keys)] = structuredClone(pick(rng, SWAPS));
  },
  // A missing key or list item.
  (doc, rng) => {
    const target = pick(rng, containers(doc));
    if (Array.isArray(target)) target.splice(int(rng, target.length), 1);
    else {
      const keys = Object.keys(target);
      if (keys.length > 0) delete target[pick(rng, keys)];
    }
  },
  // An added key: forbidden, unknown, or one that exists elsewhere.
  (doc, rng) => {
    const objects = containers(doc).filter((c): c is { [key: string]: Json } => !Array.isArray(c));
    if (objects.length === 0) return;
    Object.defineProperty(pick(rng, objects), pick(rng, KEYS), { value: structuredClone(pick(rng, SWAPS)), enumerable: true, configurable: true, writable: true });
  },
  // A duplicated list item (duplicate ids, too many of something).
  (doc, rng) => {
    const lists = containers(doc).filter((c): c is Json[] => Array.isArray(c) && c.length > 0);
    if (lists.length === 0) return;
    const list = pick(rng, lists);
    list.splice(int(rng, list.length + 1), 0, structuredClone(pick(rng, list)));
  },
  // A value buried deep (nesting limit).
  (doc, rng) => {
    const objects = containers(doc).filter((c): c is { [key: string]: Json } => !Array.isArray(c));
    if (objects.length === 0) return;
    let deep: Json = 1;
    for (let i = 0, n = 10 + int(rng, 120); i < n; i++) deep = rng() < 0.5 ? [deep] : { a: deep };
    pick(rng, objects)['nested'] = deep;
  },
];

const MUTATIONS: Mutation[] = [
  // Flip a character.
  (text, rng) => {
    const i = int(rng, text.length);
    return text.slice(0, i) + pick(rng, CHARS) + text.slice(i + 1);
  },
  // Flip a bit of a code unit.
  (text, rng) => {
    const i = int(rng, text.length);
    return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << int(rng, 16))) + text.slice(i + 1);
  },
  // Truncate.
  (text, rng) => text.slice(0, int(rng, text.length)),
  // Insert a run of characters.
  (text, rng) => {
    const i = int(rng, text.length);
    let run = '';
    for (let n = 1 + int(rng, 6); n > 0; n--) run += pick(rng, CHARS);
    return text.slice(0, i) + run + text.slice(i);
  },
  // Delete a run.
  (text, rng) => {
    const i = int(rng, text.length);
    return text.slice(0, i) + text.slice(i + 1 + int(rng, 60));
  },
  // Duplicate a `"key": value,` line: a duplicate key.
  (text, rng) => {
    const lines = text.split('\n');
    const keyed = lines.flatMap((line, i) => (/^\s*"[^"]+": .*,$/.test(line) ? [i] : []));
    if (keyed.length === 0) return text;
    const at = pick(rng, keyed);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  // A hostile number literal.
  (text, rng) => {
    const numbers = [...text.matchAll(/(?<=: |\[|, )-?\d+(\.\d+)?(e[+-]?\d+)?(?=[,\n\]])/g)];
    if (numbers.length === 0) return text;
    const m = pick(rng, numbers);
    const at = m.index ?? 0;
    return text.slice(0, at) + pick(rng, HOSTILE_NUMBERS) + text.slice(at + m[0].length);
  },
  // A key renamed to a forbidden one, in the text (so JSON.parse makes it an own property).
  (text, rng) => {
    const keys = [...text.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)":/g)];
    if (keys.length === 0) return text;
    const m = pick(rng, keys);
    const at = m.index ?? 0;
    return `${text.slice(0, at)}"${pick(rng, ['__proto__', 'constructor', 'prototype'])}":${text.slice(at + m[0].length)}`;
  },
  // A structural edit.
  (text, rng) => {
    let doc: Json;
    try {
      doc = JSON.parse(text) as Json;
    } catch {
      return text;
    }
    pick(rng, STRUCTURAL)(doc, rng);
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
];

function mutate(base: string, rng: Rng): string {
  let text = base;
  for (let n = 1 + int(rng, 4); n > 0; n--) text = pick(rng, MUTATIONS)(text, rng);
  return text;
}

/** What is wrong with an issue list, or null: each a known code, never `internal`, worded with its path. */
function issueProblem(issues: readonly FileIssue[]): string | null {
  if (issues.length === 0) return 'refused without any issue';
  for (const issue of issues) {
    if (typeof issue.path !== 'string') return `an issue without a path: ${JSON.stringify(issue)}`;
    if (!FILE_ISSUE_CODES.includes(issue.code)) return `an unknown issue code: ${String(issue.code)}`;
    if (issue.code === 'internal') return 'an internal error (an exception caught inside the parser)';
    for (const lang of ['vi', 'en'] as const) {
      const text = describeIssue(issue, lang);
      const where = issue.path === '' ? (lang === 'vi' ? 'tệp' : 'file') : issue.path;
      if (!text.startsWith(where)) return `the ${lang} message does not start with the path ${where}: ${text}`;
      if (/undefined|\[object|NaN/.test(text)) return `an unreadable ${lang} message: ${text}`;
    }
  }
  return null;
}

const PROGRESS_EVERY = Number(process.env.FUZZ_PROGRESS ?? 10_000);

const EXPORT_META = { app: 'chitieu fuzz', exportedAt: '2025-01-01T00:00:00.000Z' };

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

interface Door {
  db: ChitieuDatabase;
  repo: PlanRepository;
}

function openDoor(name: string): Door {
  const db = new ChitieuDatabase(name);
  return { db, repo: createPlanRepository(db, { validate: parsePlan, storageManager: null }) };
}

/** Every table's row count, read in one transaction: all of the schema's tables, so a table a
 * later version adds is watched too. */
async function rowCounts(db: ChitieuDatabase): Promise<string> {
  return db.transaction('r', db.tables, async () => {
    const counts: string[] = [];
    for (const table of db.tables) counts.push(`${table.name}=${await table.count()}`);
    return counts.join(',');
  });
}

/** Removes an accepted plan for good, so the database stays small and ids stay free. */
async function forget(repo: PlanRepository, id: string): Promise<void> {
  const deleted = await repo.deletePlan(id);
  if (!deleted.ok) throw new Error(`could not delete ${id}: ${deleted.error.message}`);
  const emptied = await repo.emptyTrash();
  if (!emptied.ok) throw new Error(`could not empty the trash: ${emptied.error.message}`);
}

/** Door A: the app's import. Returns a problem, or null. */
async function throughImport(door: Door, text: string, seeded: Plan): Promise<{ problem: string | null; accepted: boolean }> {
  const before = await rowCounts(door.db);
  const parsed = parsePlanFile(text);
  if (!parsed.ok) {
    const problem = issueProblem(parsed.error);
    const after = await rowCounts(door.db);
    return { problem: problem ?? (after === before ? null : `a refused file changed rows: ${before} → ${after}`), accepted: false };
  }
  const warning = parsed.value.warnings.length > 0 ? issueProblem(parsed.value.warnings) : null;
  if (warning !== null) return { problem: `warning: ${warning}`, accepted: true };
  let plan = parsed.value.file.plan;
  const existing = await door.repo.getPlan(plan.id);
  if (existing.ok) plan = { ...plan, id: newPlanId() };
  else if (existing.error.kind !== 'notFound') return { problem: `getPlan failed: ${existing.error.message}`, accepted: true };
  const created = await door.repo.createPlan(plan);
  if (!created.ok) return { problem: `an accepted file was not stored: ${created.error.kind} ${created.error.message}`, accepted: true };
  const stored = await door.repo.getPlan(plan.id);
  if (!stored.ok || !isDeepStrictEqual({ ...stored.value }, { ...plan })) {
    return { problem: 'an accepted file does not read back as imported', accepted: true };
  }
  if (plan.id !== seeded.id) await forget(door.repo, plan.id);
  return { problem: null, accepted: true };
}

/** Door B: storage's validator on its own. */
async function throughRepository(door: Door, text: string, seeded: Plan): Promise<{ problem: string | null; accepted: boolean }> {
  let candidate: unknown;
  try {
    const doc: unknown = JSON.parse(text);
    candidate = typeof doc === 'object' && doc !== null && 'plan' in doc ? (doc as { plan: unknown }).plan : doc;
  } catch {
    return { problem: null, accepted: false }; // Not JSON: nothing to hand to storage.
  }
  const before = await rowCounts(door.db);
  const created = await door.repo.createPlan(candidate as Plan);
  const after = await rowCounts(door.db);
  if (created.ok) {
    // What storage let in must be a plan by the file format's own round trip, not only by the
    // validator that let it in.
    const id = (candidate as Plan).id;
    const stored = await door.db.plans.get(id);
    let problem: string | null = null;
    try {
      const back = stored === undefined ? null : parsePlanFile(serializePlanFile(stored, EXPORT_META));
      if (back === null) problem = 'an accepted plan is not stored';
      else if (!back.ok) problem = `an accepted plan does not survive export and import: ${JSON.stringify(back.error.slice(0, 2))}`;
    } catch (e) {
      problem = `an accepted plan cannot be exported: ${describe(e)}`;
    }
    await forget(door.repo, id);
    return { problem, accepted: true };
  }
  if (after !== before) return { problem: `a refused plan changed rows: ${before} → ${after}`, accepted: false };
  switch (created.error.kind) {
    case 'invalid':
      return { problem: issueProblem(created.error.issues as FileIssue[]), accepted: false };
    case 'conflict': {
      // The stored example's id: refused, and the example not overwritten.
      const kept = isDeepStrictEqual({ ...(await door.db.plans.get(seeded.id)) }, { ...seeded });
      return { problem: kept ? null : 'a refused plan overwrote the stored one', accepted: false };
    }
    case 'quota':
    case 'unavailable':
    case 'notFound':
    case 'unknown':
      return { problem: `createPlan failed: ${created.error.kind} ${created.error.message}`, accepted: false };
  }
}

async function main(): Promise<void> {
  const runs = option('runs', 100_000);
  const seed = option('seed', 1);
  const bases = BASE_FILES.map((path) => readFileSync(path, 'utf8'));
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
  let escaped = 0;
  process.on('unhandledRejection', () => {
    escaped += 1;
  });

  const example = parsePlanFile(bases[2] ?? '');
  if (!example.ok) throw new Error('the example plan file does not parse');
  const seeded = example.value.file.plan;

  const started = performance.now();
  const tally = { passed: 0, failed: 0, acceptedByImport: 0, acceptedByStorage: 0 };
  const failures: { run: number; problem: string; text: string }[] = [];

  async function check(door: Door, run: number): Promise<void> {
    const rng = seededRandom(seed * 1_000_003 + run);
    const text = mutate(pick(rng, bases), rng);
    const problems: string[] = [];
    try {
      const outcome = await throughImport(door, text, seeded);
      if (outcome.problem !== null) problems.push(`import: ${outcome.problem}`);
      else if (outcome.accepted) tally.acceptedByImport += 1;
    } catch (e) {
      problems.push(`import: uncaught ${describe(e)}`);
    }
    try {
      const outcome = await throughRepository(door, text, seeded);
      if (outcome.problem !== null) problems.push(`storage: ${outcome.problem}`);
      else if (outcome.accepted) tally.acceptedByStorage += 1;
    } catch (e) {
      problems.push(`storage: uncaught ${describe(e)}`);
    }
    if (problems.length === 0) tally.passed += 1;
    else {
      tally.failed += 1;
      if (failures.length < 20) failures.push({ run, problem: problems.join('; '), text });
    }
    if ((tally.passed + tally.failed) % PROGRESS_EVERY === 0) {
      console.log(`  ${(tally.passed + tally.failed).toLocaleString('en')} files, ${tally.failed} failed, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  // The example plan stays stored throughout, so imports of its own file take the "already
  // stored" road (a copy with a new id), and storage's door meets an id it must not overwrite.
  const door = openDoor(`chitieu-fuzz-${seed}`);
  const created = await door.repo.createPlan(seeded);
  if (!created.ok) throw new Error(`could not store the example: ${created.error.message}`);
  // The persistence request that follows a first save writes a setting: let it land first.
  await door.repo.requestPersistence();
  for (let run = 0; run < runs; run++) await check(door, run);
  door.db.close();

  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== prototypeBefore) {
    tally.failed += 1;
    failures.push({ run: -1, problem: 'Object.prototype changed', text: '' });
  }
  if (escaped > 0) {
    tally.failed += escaped;
    failures.push({ run: -1, problem: `${escaped} unhandled promise rejection(s)`, text: '' });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Fuzzed ${runs.toLocaleString('en')} mutated exports (seed ${seed}) in ${seconds.toFixed(1)} s: ` +
      `${tally.acceptedByImport} accepted by the import, ${tally.acceptedByStorage} by storage's validator, the rest refused with issues and no row changed.`,
  );
  if (failures.length > 0) {
    const dir = join(tmpdir(), 'chitieu-fuzz-failures');
    mkdirSync(dir, { recursive: true });
    for (const failure of failures) {
      console.log(`  run ${failure.run}: ${failure.problem}`);
      if (failure.run >= 0) writeFileSync(join(dir, `seed-${seed}-run-${failure.run}.json`), failure.text);
    }
    console.log(`  the failing files are in ${dir}`);
  }
  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exitCode = tally.failed > 0 ? 1 : 0;
}

await main();
