/**
 * The value checks that run after `JSON.parse` (or on a value read from storage) and before the
 * schema sees anything: a walk that copies the value into clean data and refuses what no plan may
 * hold, wherever it is.
 *
 * - Keys `__proto__`, `constructor` and `prototype` are refused at any depth. `JSON.parse` makes
 *   `__proto__` an own property, harmless until some later `Object.assign` or `obj[key] = …` turns
 *   it into a prototype swap; valibot's `record` would drop it silently. Refusing it here means
 *   neither can happen.
 * - Objects are copied into objects made with `Object.create(null)`, so nothing downstream of the
 *   walk can reach `Object.prototype` through the data.
 * - Strings (values and keys) longer than `LIMITS.stringLength`, or holding a lone UTF-16
 *   surrogate, are refused.
 * - Numbers that are not finite (NaN or ±Infinity: `1e309` in a file, or anything in storage) are
 *   refused; `-0` becomes `0`.
 * - Anything JSON cannot hold (undefined in an array, functions, symbols, bigints, Dates, Maps,
 *   class instances, holes) is refused; an object property whose value is `undefined` is dropped,
 *   as `JSON.stringify` would drop it.
 * - Nesting deeper than `LIMITS.depth` (which also stops cycles), arrays longer than the largest
 *   list a plan may have and objects with more keys than a calendar has periods are refused
 *   without being walked.
 */
import { LIMITS, RESERVED_NAMES } from './schema.ts';
import { formatPath, IssueList, showValue, type FileIssue, type PathSegment } from './issues.ts';
import { err, ok, type Result } from '../engine/result.ts';

/** A JSON value as the walk returns it; objects have no prototype. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(RESERVED_NAMES);

/** No list in a plan may be longer than this (the largest of the per-list limits). */
export const MAX_LIST_ITEMS = Math.max(LIMITS.indicators, LIMITS.groups, LIMITS.targetsPerIndicator, LIMITS.scenarios);
/** No object in a plan has more keys than this: records are keyed by the calendar's periods. */
export const MAX_OBJECT_KEYS = LIMITS.periods;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Copies `value` into clean JSON data, or lists everything that stops it. `base` is the path of
 * `value` itself (for issues).
 */
export function cleanJson(value: unknown, base: readonly PathSegment[] = []): Result<Json, FileIssue[]> {
  const issues = new IssueList();
  const path: PathSegment[] = [...base];
  const here = (): string => formatPath(path);

  const checkString = (text: string): boolean => {
    if (text.length > LIMITS.stringLength) {
      issues.add({ path: here(), code: 'tooLong', limit: LIMITS.stringLength, actual: text.length });
      return false;
    }
    if (hasLoneSurrogate(text)) {
      issues.add({ path: here(), code: 'loneSurrogate', received: showValue(text) });
      return false;
    }
    return true;
  };

  const walk = (input: unknown, depth: number): Json | undefined => {
    switch (typeof input) {
      case 'string':
        return checkString(input) ? input : undefined;
      case 'number':
        if (!Number.isFinite(input)) {
          issues.add({ path: here(), code: 'notFinite', received: String(input) });
          return undefined;
        }
        return input === 0 ? 0 : input; // -0 → 0
      case 'boolean':
        return input;
      case 'undefined':
      case 'bigint':
      case 'symbol':
      case 'function':
        issues.add({ path: here(), code: 'unsupportedValue', received: showValue(input) });
        return undefined;
      case 'object':
        break;
    }
    if (input === null) return null;
    if (depth >= LIMITS.depth) {
      issues.add({ path: here(), code: 'tooDeep', limit: LIMITS.depth });
      return undefined;
    }
    if (Array.isArray(input)) {
      const items: readonly unknown[] = input;
      if (items.length > MAX_LIST_ITEMS) {
        issues.add({ path: here(), code: 'tooMany', limit: MAX_LIST_ITEMS, actual: items.length });
        return undefined;
      }
      const out: Json[] = [];
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        // A hole in a sparse array reads as undefined and is refused like one.
        const item = walk(items[i], depth + 1);
        path.pop();
        if (item !== undefined) out.push(item);
      }
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) {
      issues.add({ path: here(), code: 'unsupportedValue', received: showValue(input) });
      return undefined;
    }
    const source = input as Readonly<Record<string, unknown>>;
    const keys = Object.keys(source);
    if (keys.length > MAX_OBJECT_KEYS) {
      issues.add({ path: here(), code: 'tooMany', limit: MAX_OBJECT_KEYS, actual: keys.length });
      return undefined;
    }
    const out: JsonObject = Object.create(null) as JsonObject;
    for (const key of keys) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        issues.add({ path: here(), code: 'forbiddenKey', received: JSON.stringify(key) });
      } else if (checkString(key)) {
        const item = source[key];
        if (item !== undefined) {
          const clean = walk(item, depth + 1);
          if (clean !== undefined) out[key] = clean;
        }
      }
      path.pop();
    }
    return out;
  };

  const result = walk(value, 0);
  if (issues.size > 0 || result === undefined) return err(issues.toArray());
  return ok(result);
}
