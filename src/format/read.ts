/**
 * What the import reads from a file, in one call that can run in a worker
 * (workers/import.worker.ts): the checked file, and the revision hash of its plan (lineage.ts),
 * which on a large plan costs a serialisation and a SHA-256 the main thread need not pay.
 */
import type { Result } from '../engine/result.ts';
import type { FileIssue } from './issues.ts';
import { bytesToHex } from '@noble/hashes/utils.js';
import { revisionHash, revisionHashOfText, revisionTextOf } from './lineage.ts';
import { hashWarning, parsePlanFileAndText, type ParsedPlanFile } from './parse.ts';

export interface ReadPlanFile extends ParsedPlanFile {
  /** `revisionHash(file.plan)`. */
  readonly revisionHash: string;
}

/** `parsePlanFile`, plus the plan's revision hash when the file is accepted. Never throws. */
export function readPlanFile(text: string): Result<ReadPlanFile, FileIssue[]> {
  const read = parsePlanFileAndText(text);
  if (!read.ok) return read;
  const { parsed, planText } = read.value;
  try {
    // The canonical text the hash check wrote serves the revision hash too: one serialisation.
    const hash = planText === null ? revisionHash(parsed.file.plan) : revisionHashOfText(planText);
    return { ok: true, value: { ...parsed, revisionHash: hash } };
  } catch {
    return { ok: false, error: [{ path: '', code: 'internal' }] };
  }
}

/** SHA-256 of a text's UTF-8 bytes, e.g. with the platform's `TextEncoder` and `crypto.subtle.digest`. */
export type Digest = (text: string) => Promise<Uint8Array>;

/**
 * `readPlanFile` with both hashes (the file's check and the revision hash) computed by `digest`:
 * a native SHA-256 is several times faster than the portable one on a 10 MB plan. Same answer.
 */
export async function readPlanFileWith(text: string, digest: Digest): Promise<Result<ReadPlanFile, FileIssue[]>> {
  const read = parsePlanFileAndText(text, { checkHash: false });
  if (!read.ok) return read;
  const { parsed, planText } = read.value;
  if (planText === null) return readPlanFile(text);
  try {
    const hex = async (s: string) => bytesToHex(await digest(s));
    const [fileHash, hash] = await Promise.all([hex(planText), hex(revisionTextOf(planText))]);
    const warning = hashWarning(parsed.file, fileHash);
    const warnings = warning === null ? parsed.warnings : [...parsed.warnings, warning];
    return { ok: true, value: { ...parsed, warnings, revisionHash: hash } };
  } catch {
    return { ok: false, error: [{ path: '', code: 'internal' }] };
  }
}

/** What the import worker exposes: only this. */
export interface ImportWorkerApi {
  read(text: string): Result<ReadPlanFile, FileIssue[]> | Promise<Result<ReadPlanFile, FileIssue[]>>;
}

/** The worker's reader, hashing with `digest` when the platform has a native one. */
export function importWorkerApi(digest: Digest | null): ImportWorkerApi {
  return { read: (text) => (digest === null ? readPlanFile(text) : readPlanFileWith(text, digest)) };
}
