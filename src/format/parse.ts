/**
 * Import: a plan file's text in, a checked plan file out, or the list of what is wrong with it.
 * Everything here runs before anything is written anywhere.
 *
 *  1. size: more than LIMITS.fileBytes UTF-8 bytes → `tooLarge` (nothing else is read);
 *  2. scan (scan.ts): the JSON grammar with line and column, nesting deeper than LIMITS.depth →
 *     `tooDeep` as soon as it is reached, duplicate keys with their path;
 *  3. `JSON.parse`, on text the scanner accepted;
 *  4. clean (clean.ts): forbidden keys, lone surrogates, over-long strings, non-finite numbers,
 *     anything JSON cannot hold; `-0` → `0`; objects copied without prototypes;
 *  5. the wrapper: `format` must be `chitieu-plan`; a `version` newer than FILE_VERSION stops here
 *     with exactly one issue, `newerVersion`, and nothing of the file is used; an older version is
 *     migrated (migrations.ts);
 *  6. the schema (valibot, every issue at once, up to MAX_ISSUES);
 *  7. meaning (validate.ts): unique ids, existing groups, calendar, period keys;
 *  8. the content hash. A mismatch is a *warning*: the file is accepted and the warning returned
 *     beside it. The hash guards against accidents, not attackers (anyone can recompute it), and a
 *     hand-edited file that passes every check above is a valid plan; refusing it would only push
 *     people to edit hashes by hand. The import preview shows the warning.
 *
 * Nothing is thrown out of these functions: an unexpected exception (a bug) becomes an `internal`
 * issue.
 */
import { FILE_FORMAT, FILE_VERSION, LIMITS, PlanFileSchema, type PlanFile } from './schema.ts';
import { IssueList, joinPath, showValue, type FileIssue } from './issues.ts';
import { scanJson, stripBom, utf8Length } from './scan.ts';
import { cleanJson, isJsonObject, type JsonObject } from './clean.ts';
import { migratePlan } from './migrations.ts';
import { checkPlanMeaning, validateShape } from './validate.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { serializePlan } from './serialize.ts';
import { err, ok, type Result } from '../engine/result.ts';

export interface ParsedPlanFile {
  readonly file: PlanFile;
  /** Problems that do not stop the import; today only `hashMismatch`. */
  readonly warnings: readonly FileIssue[];
  /** The format version the file was written in (older ones were migrated to FILE_VERSION). */
  readonly fromVersion: number;
}

/** What `parsePlanFileAndText` adds: the plan's canonical text, when it was written for the hash check. */
export interface ParsedWithText {
  readonly parsed: ParsedPlanFile;
  /** `serializePlan(file.plan)`; null for an older version's file (its hash is not checked). */
  readonly planText: string | null;
}

const INTERNAL: FileIssue[] = [{ path: '', code: 'internal' }];

/** Reads a plan file: see the steps above. */
export { parsePlan } from './parse-plan.ts';

export function parsePlanFile(text: string): Result<ParsedPlanFile, FileIssue[]> {
  const read = parsePlanFileAndText(text);
  return read.ok ? ok(read.value.parsed) : read;
}

/** `parsePlanFile`, with the plan's canonical text it wrote to check the hash (for more hashes of it). */
export function parsePlanFileAndText(text: string, options: { checkHash?: boolean } = {}): Result<ParsedWithText, FileIssue[]> {
  try {
    return readPlanFile(text, options.checkHash ?? true);
  } catch {
    return err(INTERNAL);
  }
}

/** The `hashMismatch` warning for a file whose `hash` is not `actual`, the plan's. */
export function hashWarning(file: PlanFile, actual: string): FileIssue | null {
  return actual === file.hash ? null : { path: 'hash', code: 'hashMismatch', expected: JSON.stringify(actual), received: showValue(file.hash) };
}

function readPlanFile(text: string, checkHash: boolean): Result<ParsedWithText, FileIssue[]> {
  if (typeof text !== 'string') return err([{ path: '', code: 'type', expected: 'string', received: showValue(text) }]);

  const bytes = utf8Length(text);
  if (bytes > LIMITS.fileBytes) return err([{ path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: bytes }]);

  const scanned = scanJson(text, LIMITS.depth);
  if (scanned.length > 0) return err(scanned);

  let parsed: unknown;
  try {
    parsed = JSON.parse(stripBom(text));
  } catch {
    // The scanner accepts exactly JSON, so this is not expected to happen.
    return err([{ path: '', code: 'syntax' }]);
  }

  const clean = cleanJson(parsed);
  if (!clean.ok) return clean;
  const doc = clean.value;

  // The wrapper, before anything else: a file that is not ours, or is newer than us, is not read
  // any further.
  if (!isJsonObject(doc)) return err([{ path: '', code: 'notPlanFile', expected: 'object', received: showValue(doc) }]);
  const format = doc['format'];
  if (format !== FILE_FORMAT) {
    return err([{ path: 'format', code: 'notPlanFile', expected: JSON.stringify(FILE_FORMAT), ...(format !== undefined ? { received: showValue(format) } : {}) }]);
  }
  const version = doc['version'];
  if (version === undefined) return err([{ path: 'version', code: 'missingKey' }]);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return err([{ path: 'version', code: 'badVersion', received: showValue(version) }]);
  }
  if (version > FILE_VERSION) {
    return err([{ path: 'version', code: 'newerVersion', received: String(version), expected: String(FILE_VERSION) }]);
  }

  let current: JsonObject = doc;
  if (version < FILE_VERSION) {
    const migrated = migratePlan(doc['plan'] ?? null, version);
    if (!migrated.ok) {
      return err(migrated.error.map((issue) => (issue.code === 'noMigration' ? { ...issue, path: 'version' } : { ...issue, path: joinPath('plan', issue.path) })));
    }
    current = Object.assign(Object.create(null) as JsonObject, doc);
    current['version'] = FILE_VERSION;
    current['plan'] = migrated.value;
  }

  const issues = new IssueList();
  const file = validateShape(PlanFileSchema, current, '', issues);
  if (file === undefined) return err(issues.toArray());
  checkPlanMeaning(file.plan, 'plan', issues);
  if (issues.size > 0) return err(issues.toArray());

  const warnings: FileIssue[] = [];
  let planText: string | null = null;
  // The hash of an older file was computed over that version's plan, before migration.
  if (version === FILE_VERSION) {
    planText = serializePlan(file.plan);
    // Without the check, the caller hashes `planText` itself (the import worker, natively).
    const warning = checkHash ? hashWarning(file, bytesToHex(sha256(utf8ToBytes(planText)))) : null;
    if (warning !== null) warnings.push(warning);
  }
  return ok({ parsed: { file, warnings, fromVersion: version }, planText });
}
