/**
 * What the import reads from a file, in one call that can run in a worker
 * (workers/import.worker.ts): the checked file, and the revision hash of its plan (lineage.ts),
 * which on a large plan costs a serialisation and a SHA-256 the main thread need not pay.
 */
import type { Result } from '../engine/result.ts';
import type { FileIssue } from './issues.ts';
import { revisionHash, revisionHashOfText } from './lineage.ts';
import { parsePlanFileAndText, type ParsedPlanFile } from './parse.ts';

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

/** What the import worker exposes: only this. */
export interface ImportWorkerApi {
  read(text: string): Result<ReadPlanFile, FileIssue[]>;
}

export const importWorkerApi: ImportWorkerApi = { read: readPlanFile };
