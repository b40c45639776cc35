/**
 * Reading a plan file for a command: the file's text (or standard input), then the format's own
 * import checks. Problems become the lines a command prints, in the user's language.
 */
import { LIMITS, describeIssue, parsePlanFile, type FileIssue, type Plan, type PlanFile } from '../format/index.ts';
import { err, ok, type Result } from '../engine/result.ts';
import type { CommandContext } from './command.ts';
import { STDIN, type ReadProblem } from './io.ts';
import type { CliMessages } from './messages.ts';

export interface LoadedPlan {
  readonly file: PlanFile;
  readonly plan: Plan;
  readonly warnings: readonly FileIssue[];
}

/** How many of a file's issues the commands other than `validate` show before pointing to it. */
export const SHOWN_ISSUES = 3;

/** How many issues a list stands for: it may end with a `moreIssues` issue counting the rest. */
export function issueCount(issues: readonly FileIssue[]): number {
  return issues.reduce((sum, issue) => sum + (issue.code === 'moreIssues' ? (issue.actual ?? 0) : 1), 0);
}

export function fileLabel(path: string, m: CliMessages): string {
  return path === STDIN ? m.stdinName : path;
}

export function describeReadProblem(problem: ReadProblem, label: string, context: CommandContext): string {
  const { m, lang } = context;
  switch (problem.code) {
    case 'notFound':
      return m.notFound(label);
    case 'isDirectory':
      return m.isDirectory(label);
    case 'notPermitted':
      return m.notPermitted(label);
    case 'notUtf8':
      return m.notUtf8(label);
    case 'tooLarge':
      return `${label}: ${describeIssue({ path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: problem.bytes }, lang)}`;
    case 'failed':
      return m.readFailed(label, problem.reason);
  }
}

export type ReadOutcome =
  | { kind: 'unreadable'; line: string }
  | { kind: 'invalid'; issues: readonly FileIssue[] }
  | { kind: 'read'; loaded: LoadedPlan };

/** Reads and checks a plan file, keeping every issue (for `validate`). */
export async function readPlanFile(path: string, context: CommandContext): Promise<ReadOutcome> {
  const text = await context.io.readText(path);
  if (!text.ok) return { kind: 'unreadable', line: describeReadProblem(text.error, fileLabel(path, context.m), context) };
  const parsed = parsePlanFile(text.value);
  if (!parsed.ok) return { kind: 'invalid', issues: parsed.error };
  const { file, warnings } = parsed.value;
  return { kind: 'read', loaded: { file, plan: file.plan, warnings } };
}

/**
 * Loads a plan for a command that computes with it. Warnings (a hash that does not match) go to
 * standard error and the command carries on; a file that cannot be used gives the lines of its
 * error: a summary, then its first issues.
 */
export async function loadPlan(path: string, context: CommandContext): Promise<Result<LoadedPlan, string[]>> {
  const { m, lang } = context;
  const label = fileLabel(path, m);
  const outcome = await readPlanFile(path, context);
  switch (outcome.kind) {
    case 'unreadable':
      return err([outcome.line]);
    case 'invalid': {
      const total = issueCount(outcome.issues);
      const shown = outcome.issues.filter((issue) => issue.code !== 'moreIssues').slice(0, SHOWN_ISSUES);
      const more = total - shown.length;
      return err([m.invalidFile(label, total), ...shown.map((issue) => describeIssue(issue, lang)), ...(more > 0 ? [m.moreIssues(more)] : [])]);
    }
    case 'read':
      printWarnings(outcome.loaded, label, context);
      return ok(outcome.loaded);
  }
}

/** Warnings do not stop a command; they go to standard error, one line each. */
export function printWarnings(loaded: LoadedPlan, label: string, context: CommandContext): void {
  for (const warning of loaded.warnings) context.io.err(`chitieu: ${context.m.warning}: ${label}: ${describeIssue(warning, context.lang)}\n`);
}
