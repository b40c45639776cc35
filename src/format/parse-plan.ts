/**
 * Checking a plan value that is already data (a stored plan, a plan from another tab), apart from
 * reading files: the app checks every stored plan it opens, so this path loads at start, while
 * the file reader (parse.ts: limits, scanning, migrations, hashes) loads with the first import.
 */
import { PlanSchema, type Plan } from './schema.ts';
import { IssueList, type FileIssue } from './issues.ts';
import { cleanJson, type Json } from './clean.ts';
import { checkPlanMeaning, validateShape } from './validate.ts';
import { err, ok, type Result } from '../engine/result.ts';

const INTERNAL: FileIssue[] = [{ path: '', code: 'internal' }];

/**
 * Checks a plan value that did not come from a file (a stored plan, a plan sent by another tab):
 * steps 4, 6 and 7 above. Paths start at the plan (`indicators[0].id`). Returns a new plan made of
 * plain objects; the input is not changed.
 */
export function parsePlan(value: unknown): Result<Plan, FileIssue[]> {
  try {
    const clean = cleanJson(value);
    if (!clean.ok) return clean;
    return checkPlan(clean.value, '');
  } catch {
    return err(INTERNAL);
  }
}

export function checkPlan(data: Json, base: string): Result<Plan, FileIssue[]> {
  const issues = new IssueList();
  const plan = validateShape(PlanSchema, data, base, issues);
  if (plan === undefined) return err(issues.toArray());
  checkPlanMeaning(plan, base, issues);
  return issues.size > 0 ? err(issues.toArray()) : ok(plan);
}

