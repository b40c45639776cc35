/** Shared bits of the format tests: fixtures on disk and checks on results. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { FileIssue, FileIssueCode, ParsedPlanFile } from '../../src/format/index.ts';
import type { Result } from '../../src/engine/result.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function fixture(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf8');
}

export function hostileFixtures(): string[] {
  return readdirSync(`${FIXTURES}hostile`).filter((name) => name.endsWith('.json')).sort();
}

/** The issues of a failed parse; fails the test when the parse succeeded. */
export function issuesOf<T>(result: Result<T, FileIssue[]>): FileIssue[] {
  if (result.ok) expect.fail('expected the parse to fail');
  return result.error;
}

/** The value of a successful parse; fails the test with the issues otherwise. */
export function valueOf<T>(result: Result<T, FileIssue[]>): T {
  if (!result.ok) expect.fail(`expected the parse to succeed, got ${JSON.stringify(result.error)}`);
  return result.value;
}

export function codes(issues: readonly FileIssue[]): FileIssueCode[] {
  return issues.map((issue) => issue.code);
}

export type ParseResult = Result<ParsedPlanFile, FileIssue[]>;

/** A snapshot of Object.prototype's own property names, to prove nothing was added to it. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** Every object and array in `value` has the ordinary prototype (no swapped prototype anywhere). */
export function assertOrdinaryPrototypes(value: unknown, path = ''): void {
  if (typeof value !== 'object' || value === null) return;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    expect(proto, path).toBe(Array.prototype);
    value.forEach((item, i) => assertOrdinaryPrototypes(item, `${path}[${i}]`));
    return;
  }
  expect(proto, path).toBe(Object.prototype);
  for (const [key, item] of Object.entries(value)) assertOrdinaryPrototypes(item, `${path}.${key}`);
}
