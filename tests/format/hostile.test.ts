import { describe, expect, it } from 'vitest';
import { describeIssue, parsePlan, parsePlanFile, type FileIssue, type FileIssueCode } from '../../src/format/index.ts';
import { assertOrdinaryPrototypes, fixture, hostileFixtures, issuesOf, prototypeSnapshot, valueOf } from './helpers.ts';

/** What each file in tests/fixtures/hostile must give: its first issue (or a warning). */
const EXPECTED: Record<string, { code: FileIssueCode; path?: string; accepted?: true }> = {
  'constructor-prototype.json': { code: 'forbiddenKey', path: 'plan.calendar.constructor' },
  'deep-nesting.json': { code: 'tooDeep' },
  'duplicate-keys.json': { code: 'duplicateKey', path: 'plan.name' },
  'hash-mismatch.json': { code: 'hashMismatch', path: 'hash', accepted: true },
  'huge-number.json': { code: 'notFinite', path: 'plan.revision' },
  'lone-surrogate.json': { code: 'loneSurrogate', path: 'plan.name' },
  'nan-literal.json': { code: 'syntax', path: 'plan.revision' },
  'newer-version.json': { code: 'newerVersion', path: 'version' },
  'not-a-plan.json': { code: 'notPlanFile', path: 'format' },
  'over-long-string.json': { code: 'tooLong', path: 'plan.description' },
  'proto-nested.json': { code: 'forbiddenKey', path: 'plan.indicators[5].actuals.__proto__' },
  'proto-root.json': { code: 'forbiddenKey', path: '__proto__' },
  'raw-control-character.json': { code: 'syntax', path: 'plan.name' },
  'reserved-id.json': { code: 'reservedName', path: 'plan.indicators[7].id' },
  'too-many-targets.json': { code: 'tooMany', path: 'plan.indicators[2].targets' },
  'truncated.json': { code: 'unexpectedEnd' },
  'unsafe-integer.json': { code: 'tooBig', path: 'plan.revision' },
  'wrong-type.json': { code: 'type', path: 'plan.indicators[3].targets[0].value' },
  'xss-text.json': { code: 'hashMismatch', accepted: true },
};

describe('hostile files', () => {
  it('every hostile fixture has an expectation, and every expectation a fixture', () => {
    expect(hostileFixtures()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(hostileFixtures())('%s: refused (or flagged) with the expected issue, nothing touched', (name) => {
    const before = prototypeSnapshot();
    const expected = EXPECTED[name]!;
    const result = parsePlanFile(fixture(`hostile/${name}`));
    let first: FileIssue | undefined;
    if (expected.accepted === true) {
      const parsed = valueOf(result);
      assertOrdinaryPrototypes(parsed.file);
      first = parsed.warnings[0];
      if (name === 'xss-text.json') {
        // Markup is data: it comes back as the very same text, to be shown as text.
        expect(parsed.warnings).toEqual([]);
        expect(parsed.file.plan.name).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script>');
        return;
      }
    } else {
      first = issuesOf(result)[0];
    }
    expect(first?.code).toBe(expected.code);
    if (expected.path !== undefined) expect(first?.path).toBe(expected.path);
    for (const lang of ['vi', 'en'] as const) expect(describeIssue(first!, lang).length).toBeGreaterThan(10);
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('__proto__, constructor, prototype', () => {
  const keys = ['__proto__', 'constructor', 'prototype'];
  const minimal = fixture('plan-v1-minimal.json');

  it.each(keys)('refuses the key %s at every depth of a file, Object.prototype unchanged', (key) => {
    const before = prototypeSnapshot();
    const spots: [string, string, string][] = [
      ['{\n', `{\n  "${key}": { "polluted": true },\n`, key],
      ['  "plan": {\n', `  "plan": {\n    "${key}": { "polluted": true },\n`, `plan.${key}`],
      ['    "calendar": {\n', `    "calendar": {\n      "${key}": { "polluted": true },\n`, `plan.calendar.${key}`],
      ['"groups": []', `"groups": [{ "id": "g", "name": { "vi": "G", "${key}": { "polluted": true } } }]`, `plan.groups[0].name.${key}`],
      ['"indicators": []', `"indicators": [{ "x": [[{ "${key}": { "toString": 1 } }]] }]`, `plan.indicators[0].x[0][0].${key}`],
    ];
    for (const [anchor, replacement, path] of spots) {
      const text = minimal.replace(anchor, replacement);
      expect(text).not.toBe(minimal);
      const issues = issuesOf(parsePlanFile(text));
      expect(issues).toContainEqual({ path, code: 'forbiddenKey', received: JSON.stringify(key) });
    }
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.toString.call({})).toBe('[object Object]');
  });

  it('refuses them written with escapes too ("\\u005f\\u005fproto\\u005f\\u005f")', () => {
    const text = fixture('plan-v1-minimal.json').replace('{\n', '{\n  "\\u005f\\u005fproto\\u005f\\u005f": { "polluted": true },\n');
    expect(issuesOf(parsePlanFile(text))).toEqual([{ path: '__proto__', code: 'forbiddenKey', received: '"__proto__"' }]);
  });

  it('refuses them in stored plans, as own keys made by JSON.parse or Object.defineProperty', () => {
    const plan = valueOf(parsePlanFile(fixture('plan-v1-minimal.json'))).file.plan;
    const viaJson = JSON.parse(`{"__proto__": {"polluted": true}}`) as object;
    const viaDefine = Object.defineProperty({ ...plan }, 'constructor', { value: { prototype: {} }, enumerable: true });
    expect(issuesOf(parsePlan({ ...plan, calendar: { ...plan.calendar, ...viaJson } }))).toEqual([{ path: 'calendar.__proto__', code: 'forbiddenKey', received: '"__proto__"' }]);
    expect(issuesOf(parsePlan(viaDefine))).toEqual([{ path: 'constructor', code: 'forbiddenKey', received: '"constructor"' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never returns an object whose prototype was swapped', () => {
    const parsed = valueOf(parsePlanFile(fixture('plan-v1-full.json')));
    assertOrdinaryPrototypes(parsed);
  });
});
