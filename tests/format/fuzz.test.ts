/**
 * Fuzzing the import with mutated real exports: byte flips, truncation, insertions, type swaps,
 * missing, added, forbidden and duplicate keys, hostile numbers, duplicated list items. Whatever
 * comes in, parsePlanFile returns: either a plan that exports and re-imports byte for byte, or
 * issues that each name a path and read as a sentence in both languages. It never throws, never
 * reports an internal error and never touches Object.prototype.
 *
 * 10,000 runs by default; FUZZ_RUNS=100000 npx vitest run tests/format/fuzz.test.ts for more.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILE_ISSUE_CODES, describeIssue, parsePlanFile, serializePlanFile, type FileIssue } from '../../src/format/index.ts';
import { fixture, prototypeSnapshot } from './helpers.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 10_000);
const BASES = [fixture('plan-v1-full.json'), fixture('plan-v1-minimal.json'), fixture('plan-v1-lineage.json')];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** Every object and array in a document, in document order. */
function containers(doc: Json): Container[] {
  const out: Container[] = [];
  const visit = (value: Json): void => {
    if (typeof value !== 'object' || value === null) return;
    out.push(value);
    for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item);
  };
  visit(doc);
  return out;
}

const REPLACEMENTS: Json[] = ['abc', '', 1, -1, 0, 1.5, 1e21, true, false, null, [], {}, [1, 'a'], { method: 'growth' }, '2024-Q5', '__proto__', 'x'.repeat(600), '2030'];

/** A structural edit of the parsed document, then written back as JSON. */
type Edit = (doc: Json, pick: number, choice: number) => void;

const EDITS: Edit[] = [
  // Replace a value by one of another type.
  (doc, pick, choice) => {
    const all = containers(doc);
    const target = all[pick % all.length];
    if (target === undefined) return;
    const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    const key = keys[choice % Math.max(1, keys.length)];
    if (key === undefined) return;
    (target as Record<string | number, Json>)[key] = structuredClone(REPLACEMENTS[choice % REPLACEMENTS.length] ?? null);
  },
  // Delete a key or a list item.
  (doc, pick, choice) => {
    const target = containers(doc)[pick % containers(doc).length];
    if (target === undefined) return;
    if (Array.isArray(target)) target.splice(choice % Math.max(1, target.length), 1);
    else {
      const key = Object.keys(target)[choice % Math.max(1, Object.keys(target).length)];
      if (key !== undefined) delete target[key];
    }
  },
  // Add a key: unknown, forbidden, or a period outside the calendar.
  (doc, pick, choice) => {
    const target = containers(doc)[pick % containers(doc).length];
    if (target === undefined || Array.isArray(target)) return;
    const key = ['extra', 'constructor', 'prototype', '2099', '2024-Q1', 'note', 'group'][choice % 7] ?? 'extra';
    target[key] = REPLACEMENTS[(choice >> 3) % REPLACEMENTS.length] ?? null;
  },
  // Duplicate a list item (duplicate ids, too many targets…).
  (doc, pick, choice) => {
    const lists = containers(doc).filter((c): c is Json[] => Array.isArray(c) && c.length > 0);
    const list = lists[pick % Math.max(1, lists.length)];
    if (list === undefined) return;
    const item = list[choice % list.length];
    if (item !== undefined) list.push(structuredClone(item));
  },
];

/** A text-level edit. */
type Mutation = (text: string) => string;

const CHARS = ['{', '}', '[', ']', '"', ':', ',', '\\', '-', '0', 'e', 'E', '.', 'n', 't', ' ', '\n', '\u0000', '\uD800', '\uDC00', 'ệ', '😀', 'a'];

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Flip a character.
  fc.tuple(fc.nat(), fc.constantFrom(...CHARS)).map(([at, ch]): Mutation => (text) => {
    const i = at % Math.max(1, text.length);
    return text.slice(0, i) + ch + text.slice(i + 1);
  }),
  // Flip a bit of a character.
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 15 })).map(([at, bit]): Mutation => (text) => {
    const i = at % Math.max(1, text.length);
    return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << bit)) + text.slice(i + 1);
  }),
  // Truncate.
  fc.nat().map((at): Mutation => (text) => text.slice(0, at % Math.max(1, text.length))),
  // Insert or delete a run of characters.
  fc.tuple(fc.nat(), fc.string({ maxLength: 6 })).map(([at, s]): Mutation => (text) => {
    const i = at % Math.max(1, text.length);
    return text.slice(0, i) + s + text.slice(i);
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })).map(([at, n]): Mutation => (text) => {
    const i = at % Math.max(1, text.length);
    return text.slice(0, i) + text.slice(i + n);
  }),
  // Duplicate a "key": value line (duplicate keys).
  fc.nat().map((at): Mutation => (text) => {
    const lines = text.split('\n');
    const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*"[^"]+": .*,$/.test(l));
    const chosen = keyed[at % Math.max(1, keyed.length)];
    if (chosen === undefined) return text;
    lines.splice(chosen[1], 0, chosen[0]);
    return lines.join('\n');
  }),
  // Replace a number by a hostile one.
  fc.tuple(fc.nat(), fc.constantFrom('1e309', '-1e309', '-0', '9007199254740993', 'NaN', 'Infinity', '"1"', '1e-400', '0x10', '01')).map(([at, literal]): Mutation => (text) => {
    const numbers = [...text.matchAll(/(?<=: )-?\d+(\.\d+)?(?=,?\n)/g)];
    const m = numbers[at % Math.max(1, numbers.length)];
    if (m?.index === undefined) return text;
    return text.slice(0, m.index) + literal + text.slice(m.index + m[0].length);
  }),
  // A structural edit through JSON.
  fc.tuple(fc.integer({ min: 0, max: EDITS.length - 1 }), fc.nat(), fc.nat()).map(([which, pick, choice]): Mutation => (text) => {
    let doc: Json;
    try {
      doc = JSON.parse(text) as Json;
    } catch {
      return text;
    }
    EDITS[which]?.(doc, pick, choice);
    return `${JSON.stringify(doc, null, 2)}\n`;
  }),
);

function checkIssue(issue: FileIssue): void {
  expect(typeof issue.path).toBe('string');
  expect(FILE_ISSUE_CODES).toContain(issue.code);
  expect(issue.code).not.toBe('internal');
  for (const lang of ['vi', 'en'] as const) {
    const text = describeIssue(issue, lang);
    const where = issue.path === '' ? (lang === 'vi' ? 'tệp' : 'file') : issue.path;
    expect(text.startsWith(where)).toBe(true);
    expect(text).not.toMatch(/undefined|\[object/);
  }
}

describe('fuzzing the import with mutated real exports', () => {
  it(`never throws: ${RUNS.toLocaleString('en')} mutated files each give a plan or issues with paths`, () => {
    const before = prototypeSnapshot();
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: BASES.length - 1 }), fc.array(arbMutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const text = mutations.reduce((t, mutate) => mutate(t), BASES[base] ?? '');
        const result = parsePlanFile(text);
        if (result.ok) {
          accepted += 1;
          result.value.warnings.forEach(checkIssue);
          // What was accepted exports, and that export reads back unchanged and without warnings.
          const { file } = result.value;
          const exported = serializePlanFile(file.plan, file);
          const again = parsePlanFile(exported);
          expect(again.ok && again.value.warnings.length === 0).toBe(true);
          if (again.ok) expect(serializePlanFile(again.value.file.plan, again.value.file)).toBe(exported);
        } else {
          expect(result.error.length).toBeGreaterThan(0);
          result.error.forEach(checkIssue);
        }
      }),
      { numRuns: RUNS },
    );
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Some mutations are harmless (whitespace, a changed digit): the accepting path is exercised too.
    expect(accepted).toBeGreaterThan(0);
  });
});
