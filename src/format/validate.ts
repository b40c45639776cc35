/**
 * Validation of clean data (see clean.ts): the schema, with every valibot issue turned into a
 * FileIssue, then the checks the schema cannot express (ids, group references, periods).
 */
import * as v from 'valibot';
import { LIMITS, type Indicator, type Plan, type Projection, type Range, type RangeParameter } from './schema.ts';
import { appendPath, formatPath, IssueList, joinPath, showValue, type FileIssue, type FileIssueCode, type PathSegment } from './issues.ts';
import { checkCalendar, parsePeriodKey, periodIndex } from '../engine/periods/calendar.ts';

type AnyIssue = v.BaseIssue<unknown>;

/** `("a" | "b")` (valibot's way of listing options) → `"a", "b"`. */
function listOptions(expected: string | null): string | undefined {
  if (expected === null) return undefined;
  const inner = expected.startsWith('(') && expected.endsWith(')') ? expected.slice(1, -1) : expected;
  return inner.split(' | ').join(', ');
}

function lengthOf(input: unknown): number | undefined {
  return typeof input === 'string' || Array.isArray(input) ? input.length : undefined;
}

function numberOf(requirement: unknown): number | undefined {
  return typeof requirement === 'number' ? requirement : undefined;
}

/** The path of a valibot issue, and the input at its last step. */
function segmentsOf(issue: AnyIssue): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'string' || typeof key === 'number') segments.push(key);
  }
  return segments;
}

/**
 * valibot takes an array for an object (both are `typeof 'object'`) and then reports its missing
 * keys. The first step of the path whose container is an array but is read as an object is where
 * the real problem is: "expected an object, got an array".
 */
function arrayTakenForObject(issue: AnyIssue): { at: number; input: unknown } | null {
  const path = issue.path ?? [];
  for (let i = 0; i < path.length; i++) {
    const item = path[i];
    if (item !== undefined && item.type === 'object' && Array.isArray(item.input)) return { at: i, input: item.input };
  }
  return null;
}

/** One valibot issue as a FileIssue; paths are put under `base`. */
export function fromValibotIssue(issue: AnyIssue, base: string): FileIssue {
  const segments = segmentsOf(issue);
  const misread = arrayTakenForObject(issue);
  if (misread !== null) {
    return { path: joinPath(base, formatPath(segments.slice(0, misread.at))), code: 'type', expected: 'object', received: showValue(misread.input) };
  }
  const path = joinPath(base, formatPath(segments));
  const received = issue.input === undefined ? undefined : showValue(issue.input);
  const simple = (code: FileIssueCode, extra: Partial<FileIssue> = {}): FileIssue => ({
    path,
    code,
    ...(received !== undefined ? { received } : {}),
    ...extra,
  });
  const lastOrigin = issue.path?.[issue.path.length - 1]?.origin;
  switch (issue.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
      return simple('type', { expected: issue.type });
    case 'record':
      return simple('type', { expected: 'object' });
    case 'object':
    case 'strict_object':
    case 'loose_object':
      if (issue.expected === 'never') return { path, code: 'unknownKey' };
      if (issue.input === undefined && lastOrigin === 'key') return { path, code: 'missingKey' };
      return simple('type', { expected: 'object' });
    case 'variant':
      // Either the value is no object at all, or its discriminator (`method`) is missing or
      // names no option; in the last two cases the path already ends at the discriminator.
      if (issue.expected === 'Object') return simple('type', { expected: 'object' });
      if (issue.input === undefined) return { path, code: 'missingKey' };
      return simple('value', { expected: listOptions(issue.expected) });
    case 'literal':
    case 'picklist':
    case 'enum':
      return simple('value', { expected: listOptions(issue.expected) });
    case 'integer':
    case 'safe_integer':
      return simple('notInteger');
    case 'finite':
      return simple('notFinite');
    case 'min_length':
      return simple(Array.isArray(issue.input) ? 'tooFew' : 'tooShort', { limit: numberOf(issue.requirement), actual: lengthOf(issue.input) });
    case 'max_length':
      return simple(Array.isArray(issue.input) ? 'tooMany' : 'tooLong', { limit: numberOf(issue.requirement), actual: lengthOf(issue.input) });
    case 'min_value':
      return simple('tooSmall', { limit: numberOf(issue.requirement) });
    case 'max_value':
      return simple('tooBig', { limit: numberOf(issue.requirement) });
    case 'regex':
      // The schema names its patterns in the message: identifier, periodKey, sha256.
      return simple('format', { expected: issue.message });
    case 'not_values':
      return simple('reservedName');
    case 'iso_timestamp':
      return simple('format', { expected: 'isoTimestamp' });
    default:
      // A check added to the schema later and not yet named here still gets its path.
      return simple('invalid', issue.expected !== null ? { expected: issue.expected } : {});
  }
}

/**
 * Runs a schema over clean data. Issues go to `issues` (deduplicated: an array read as an object
 * reports once, not once per missing key); the output is returned when there were none.
 */
export function validateShape<const S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  base: string,
  issues: IssueList,
): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, data, { abortEarly: false });
  if (result.success) return result.output;
  const seen = new Set<string>();
  for (const issue of result.issues) {
    const converted = fromValibotIssue(issue, base);
    const key = `${converted.path}\u0000${converted.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.add(converted);
  }
  return undefined;
}

/**
 * What the schema cannot say: unique ids, groups that exist, a calendar that makes sense and
 * period keys of that calendar. `plan` has passed the schema; paths are put under `base`.
 */
export function checkPlanMeaning(plan: Plan, base: string, issues: IssueList): void {
  const at = (...segments: PathSegment[]): string => {
    let path = base;
    for (const segment of segments) path = appendPath(path, segment);
    return path;
  };

  const groups = new Map<string, number>();
  plan.groups.forEach((group, i) => {
    const first = groups.get(group.id);
    if (first !== undefined) issues.add({ path: at('groups', i, 'id'), code: 'duplicateId', received: showValue(group.id), related: at('groups', first) });
    else groups.set(group.id, i);
  });

  const indicators = new Map<string, number>();
  plan.indicators.forEach((indicator, i) => {
    const first = indicators.get(indicator.id);
    if (first !== undefined) issues.add({ path: at('indicators', i, 'id'), code: 'duplicateId', received: showValue(indicator.id), related: at('indicators', first) });
    else indicators.set(indicator.id, i);
    if (indicator.group !== undefined && !groups.has(indicator.group)) {
      issues.add({ path: at('indicators', i, 'group'), code: 'unknownGroup', received: showValue(indicator.group), expected: at('groups') });
    }
  });

  const calendar = plan.calendar;
  const problem = checkCalendar(calendar, LIMITS.periods);
  if (problem !== null) {
    switch (problem.code) {
      case 'periodicityMismatch':
        issues.add({ path: at('calendar', problem.field), code: 'periodicityMismatch', expected: calendar.periodicity, received: showValue(problem.key) });
        break;
      case 'endBeforeStart':
        issues.add({ path: at('calendar', 'end'), code: 'endBeforeStart', expected: JSON.stringify(calendar.start), received: showValue(calendar.end) });
        break;
      case 'tooManyPeriods':
        issues.add({ path: at('calendar'), code: 'tooManyPeriods', limit: problem.limit, actual: problem.count });
        break;
    }
    return; // periods cannot be checked against a calendar that is not one
  }

  const periods = periodIndex(calendar);
  const range = `${calendar.start} – ${calendar.end}`;
  const checkKey = (key: string, path: string): void => {
    if (periods.indexOf(key) >= 0) return;
    const parts = parsePeriodKey(key);
    if (parts === null || parts.periodicity !== calendar.periodicity) {
      issues.add({ path, code: 'periodicityMismatch', expected: calendar.periodicity, received: showValue(key) });
    } else {
      issues.add({ path, code: 'periodOutsideCalendar', expected: range, received: showValue(key) });
    }
  };
  const checkProjectionKeys = (projection: Projection, path: PathSegment[]): void => {
    switch (projection.method) {
      case 'interpolate':
        for (const key of Object.keys(projection.anchors)) checkKey(key, at(...path, 'anchors', key));
        break;
      case 'manual':
        for (const key of Object.keys(projection.values)) checkKey(key, at(...path, 'values', key));
        break;
      case 'constant':
      case 'linear':
      case 'growth':
      case 'reachTarget':
      case 'logistic':
      case 'formula':
        break;
    }
  };
  const checkRange = (range: Range, projection: Projection, path: PathSegment[]): void => {
    if (range.distribution !== 'normal' && !(range.low <= range.likely && range.likely <= range.high)) {
      issues.add({ path: at(...path), code: 'rangeOrder', received: `${range.low} / ${range.likely} / ${range.high}` });
    }
    if (!RANGE_PARAMETERS[projection.method].includes(range.of)) {
      issues.add({ path: at(...path, 'of'), code: 'rangeParameter', received: showValue(range.of), expected: projection.method });
    }
  };
  plan.indicators.forEach((indicator, i) => {
    for (const key of Object.keys(indicator.actuals)) checkKey(key, at('indicators', i, 'actuals', key));
    indicator.targets.forEach((target, t) => checkKey(target.period, at('indicators', i, 'targets', t, 'period')));
    checkProjectionKeys(indicator.projection, ['indicators', i, 'projection']);
    if (indicator.range) checkRange(indicator.range, indicator.projection, ['indicators', i, 'range']);
  });

  const scenarios = new Map<string, number>();
  const scenarioList = plan.scenarios ?? [];
  scenarioList.forEach((scenario, s) => {
    const first = scenarios.get(scenario.id);
    if (first !== undefined) issues.add({ path: at('scenarios', s, 'id'), code: 'duplicateId', received: showValue(scenario.id), related: at('scenarios', first) });
    else scenarios.set(scenario.id, s);
  });
  scenarioList.forEach((scenario, s) => {
    if (scenario.parent !== undefined && !scenarios.has(scenario.parent)) {
      issues.add({ path: at('scenarios', s, 'parent'), code: 'unknownScenario', received: showValue(scenario.parent) });
    }
    // Follow the parents: a chain that comes back to where it started is a loop.
    const seen = [scenario.id];
    let parent = scenario.parent;
    while (parent !== undefined && scenarios.has(parent)) {
      if (parent === scenario.id) {
        issues.add({ path: at('scenarios', s, 'parent'), code: 'scenarioCycle', received: [...seen, parent].join(' → ') });
        break;
      }
      if (seen.includes(parent)) break; // a loop further up: reported at its own scenarios
      seen.push(parent);
      parent = scenarioList[scenarios.get(parent) as number]?.parent;
    }
    for (const [id, override] of Object.entries(scenario.overrides)) {
      const row = indicators.get(id);
      if (row === undefined) {
        issues.add({ path: at('scenarios', s, 'overrides', id), code: 'unknownIndicator', received: showValue(id) });
        continue;
      }
      const base = plan.indicators[row] as Indicator;
      const projection = override.projection ?? base.projection;
      for (const key of Object.keys(override.actuals ?? {})) checkKey(key, at('scenarios', s, 'overrides', id, 'actuals', key));
      override.targets?.forEach((target, t) => checkKey(target.period, at('scenarios', s, 'overrides', id, 'targets', t, 'period')));
      if (override.projection) checkProjectionKeys(override.projection, ['scenarios', s, 'overrides', id, 'projection']);
      const range = override.range === undefined ? base.range : override.range;
      if (range) checkRange(range, projection, ['scenarios', s, 'overrides', id, override.range ? 'range' : 'projection']);
    }
  });
}

/** The parameters each projection method has, that a range may vary. */
const RANGE_PARAMETERS: Readonly<Record<Projection['method'], readonly RangeParameter[]>> = {
  constant: ['level'],
  linear: ['level', 'step'],
  growth: ['level', 'rate'],
  reachTarget: ['level'],
  logistic: ['level', 'rate', 'ceiling'],
  interpolate: [],
  manual: [],
  formula: [],
};
