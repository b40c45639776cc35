/**
 * What can be wrong with a plan file, as plain data: every issue names where it is (`path`) and
 * what it is (`code`), with the few facts a message needs. `messages.ts` turns them into text.
 */

/**
 * Every code an issue can carry. Grouped by the stage of the import that finds it:
 * - text, before JSON.parse: `tooLarge`, `tooDeep`, `syntax`, `unexpectedEnd`, `duplicateKey`;
 * - values, before the schema: `forbiddenKey`, `loneSurrogate`, `notFinite`, `unsupportedValue`
 *   (and `tooLong`, `tooMany`, `tooDeep` for the generic limits);
 * - the wrapper: `notPlanFile`, `badVersion`, `newerVersion`, `noMigration`;
 * - the schema: `type`, `missingKey`, `unknownKey`, `value`, `notInteger`, `tooShort`, `tooLong`,
 *   `tooFew`, `tooMany`, `tooSmall`, `tooBig`, `format`, `reservedName`, `invalid`;
 * - meaning: `duplicateId`, `unknownGroup`, `periodicityMismatch`, `endBeforeStart`,
 *   `tooManyPeriods`, `periodOutsideCalendar`, `rangeOrder`, `rangeParameter`, `unknownIndicator`,
 *   `unknownScenario`, `scenarioCycle`;
 * - integrity (a warning, see parse.ts): `hashMismatch`;
 * - bookkeeping: `moreIssues` (the list was cut at MAX_ISSUES), `internal` (a bug caught).
 */
export const FILE_ISSUE_CODES = [
  'tooLarge',
  'tooDeep',
  'syntax',
  'unexpectedEnd',
  'duplicateKey',
  'forbiddenKey',
  'loneSurrogate',
  'notFinite',
  'unsupportedValue',
  'notPlanFile',
  'badVersion',
  'newerVersion',
  'noMigration',
  'type',
  'missingKey',
  'unknownKey',
  'value',
  'notInteger',
  'tooShort',
  'tooLong',
  'tooFew',
  'tooMany',
  'tooSmall',
  'tooBig',
  'format',
  'reservedName',
  'invalid',
  'duplicateId',
  'unknownGroup',
  'periodicityMismatch',
  'endBeforeStart',
  'tooManyPeriods',
  'periodOutsideCalendar',
  'rangeOrder',
  'rangeParameter',
  'unknownIndicator',
  'unknownScenario',
  'scenarioCycle',
  'hashMismatch',
  'moreIssues',
  'internal',
] as const;

export type FileIssueCode = (typeof FILE_ISSUE_CODES)[number];

export interface FileIssue {
  /**
   * Where: `plan.indicators[3].targets[0].value`, `plan.indicators[0].actuals["2024"]`; `''` is the
   * whole file (or, for `parsePlan`, the whole plan). Paths of `parsePlanFile` start at the file's
   * root (`plan.…`); paths of `parsePlan` start at the plan.
   */
  readonly path: string;
  readonly code: FileIssueCode;
  /**
   * What was wanted: a type (`number`, `string`, `object`, `array`), a format name (`identifier`,
   * `periodKey`, `sha256`, `isoTimestamp`), a JSON literal or list of literals (`"atLeast", "atMost"`),
   * a token of the JSON grammar (syntax errors), a periodicity, a calendar range, or a hash.
   */
  readonly expected?: string;
  /** What was found, shown short and JSON-quoted when it is a string: `"abc"`, `12`, `[…]`. */
  readonly received?: string;
  /** The limit that was passed, when there is one. */
  readonly limit?: number;
  /** The measured size, length or count that passed the limit. */
  readonly actual?: number;
  /** Another place involved (the first use of a duplicated id). */
  readonly related?: string;
  /** Position in the text, 1-based, for issues found before the JSON is parsed. */
  readonly line?: number;
  readonly column?: number;
}

/** A list of issues is cut after this many; a final `moreIssues` issue counts the rest. */
export const MAX_ISSUES = 100;

/** One step of a path: an object key or an array index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['plan', 'indicators', 3, 'name']` → `plan.indicators[3].name`; keys that are not plain
 * identifiers are quoted: `actuals["2024"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) out = appendPath(out, segment);
  return out;
}

export function appendPath(path: string, segment: PathSegment): string {
  if (typeof segment === 'number') return `${path}[${segment}]`;
  if (PLAIN_KEY.test(segment) && segment.length <= 64) return path === '' ? segment : `${path}.${segment}`;
  return `${path}[${JSON.stringify(shorten(segment, 40))}]`;
}

/** Puts a path found relative to some value under the path of that value. */
export function joinPath(base: string, path: string): string {
  if (base === '') return path;
  if (path === '') return base;
  return path.startsWith('[') ? `${base}${path}` : `${base}.${path}`;
}

/** Cuts a string to `max` code units, never in the middle of a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * A short, language-neutral rendering of a value for `received`: strings JSON-quoted (so control
 * characters and lone surrogates show as escapes) and cut to 80 characters, containers as `[…]`
 * and `{…}`, other objects by their kind (`Date`).
 */
export function showValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(shorten(value, 80));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${String(value)}n`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return 'Symbol';
    case 'function':
      return 'function';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return Object.keys(value).length === 0 ? '{}' : '{…}';
      const tag = Object.prototype.toString.call(value).slice(8, -1);
      return shorten(tag, 40);
    }
  }
}

/** Collects issues up to MAX_ISSUES and counts the rest. */
export class IssueList {
  private readonly items: FileIssue[] = [];
  private readonly max: number;
  private overflow = 0;

  constructor(max: number = MAX_ISSUES) {
    this.max = max;
  }

  add(issue: FileIssue): void {
    if (this.items.length < this.max) this.items.push(issue);
    else this.overflow += 1;
  }

  get size(): number {
    return this.items.length + this.overflow;
  }

  get full(): boolean {
    return this.items.length >= this.max;
  }

  toArray(): FileIssue[] {
    if (this.overflow === 0) return [...this.items];
    return [...this.items, { path: '', code: 'moreIssues', actual: this.overflow }];
  }
}
