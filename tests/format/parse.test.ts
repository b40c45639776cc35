import { describe, expect, it } from 'vitest';
import { FILE_VERSION, LIMITS, describeIssue, hashPlan, parsePlan, parsePlanFile, serializePlanFile, type FileIssue } from '../../src/format/index.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import { fixture, issuesOf, valueOf } from './helpers.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a file being damaged on purpose

/** The full fixture as a plain object to damage. */
function fullDoc(): Doc {
  return JSON.parse(fixture('plan-v1-full.json')) as Doc;
}

function text(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function only(issues: FileIssue[]): FileIssue {
  expect(issues).toHaveLength(1);
  return issues[0] as FileIssue;
}

describe('the wrapper', () => {
  it('refuses JSON that is not an object', () => {
    for (const body of ['[]', '"chitieu-plan"', '42', 'null', 'true']) {
      expect(only(issuesOf(parsePlanFile(body)))).toMatchObject({ path: '', code: 'notPlanFile', expected: 'object' });
    }
  });

  it('refuses another format, naming what it found', () => {
    expect(only(issuesOf(parsePlanFile(fixture('hostile/not-a-plan.json'))))).toEqual({ path: 'format', code: 'notPlanFile', expected: '"chitieu-plan"' });
    const doc = fullDoc();
    doc['format'] = 'excel';
    expect(only(issuesOf(parsePlanFile(text(doc))))).toMatchObject({ path: 'format', code: 'notPlanFile', received: '"excel"' });
  });

  it('refuses a file of a newer version with one issue, newerVersion, whatever else it holds', () => {
    const issue = only(issuesOf(parsePlanFile(fixture('hostile/newer-version.json'))));
    expect(issue).toEqual({ path: 'version', code: 'newerVersion', received: '2', expected: String(FILE_VERSION) });
    expect(describeIssue(issue, 'en')).toContain('made with a newer version of Chitieu');
    expect(describeIssue(issue, 'vi')).toContain('phiên bản Chitieu mới hơn');
    const doc = fullDoc();
    doc['version'] = 99;
    doc['plan'] = 'not even a plan';
    expect(only(issuesOf(parsePlanFile(text(doc)))).code).toBe('newerVersion');
  });

  it('refuses a missing or malformed version', () => {
    const doc = fullDoc();
    delete doc['version'];
    expect(only(issuesOf(parsePlanFile(text(doc))))).toEqual({ path: 'version', code: 'missingKey' });
    for (const version of [0, -1, 1.5, '1', null]) {
      doc['version'] = version;
      expect(only(issuesOf(parsePlanFile(text(doc))))).toMatchObject({ path: 'version', code: 'badVersion' });
    }
  });
});

describe('shape', () => {
  it('names the exact path and the value received for a wrong type', () => {
    const issue = only(issuesOf(parsePlanFile(fixture('hostile/wrong-type.json'))));
    expect(issue).toEqual({ path: 'plan.indicators[3].targets[0].value', code: 'type', expected: 'number', received: '"abc"' });
    expect(describeIssue(issue, 'vi')).toBe('plan.indicators[3].targets[0].value: cần một số, nhận được "abc"');
    expect(describeIssue(issue, 'en')).toBe('plan.indicators[3].targets[0].value: expected a number, got "abc"');
  });

  it('reports every problem at once, each with its path', () => {
    const doc = fullDoc();
    doc['plan'].indicators[0].kind = 'volume';
    doc['plan'].indicators[1].decimals = 7;
    doc['plan'].indicators[2].colour = 'red';
    delete doc['plan'].indicators[4].unit;
    doc['plan'].indicators[5].projection = { method: 'spline' };
    doc['plan'].indicators[6].actuals['20x4'] = 1;
    doc['plan'].createdAt = 'yesterday';
    doc['plan'].name = '';
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'plan.indicators[0].kind', code: 'value', expected: '"stock", "flow", "rate"', received: '"volume"' },
      { path: 'plan.indicators[1].decimals', code: 'tooBig', limit: 6, received: '7' },
      { path: 'plan.indicators[2].colour', code: 'unknownKey' },
      { path: 'plan.indicators[4].unit', code: 'missingKey' },
      expect.objectContaining({ path: 'plan.indicators[5].projection.method', code: 'value', received: '"spline"' }),
      { path: 'plan.indicators[6].actuals["20x4"]', code: 'format', expected: 'periodKey', received: '"20x4"' },
      { path: 'plan.createdAt', code: 'format', expected: 'isoTimestamp', received: '"yesterday"' },
      { path: 'plan.name', code: 'tooShort', limit: 1, actual: 0, received: '""' },
    ]));
  });

  it('says "expected an object" once for an array where an object belongs, not once per missing key', () => {
    const doc = fullDoc();
    doc['plan'].calendar = ['year', '2020', '2030'];
    doc['plan'].indicators[0].name = [];
    doc['plan'].indicators[1].actuals = [1, 2];
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toEqual([
      { path: 'plan.calendar', code: 'type', expected: 'object', received: '[…]' },
      { path: 'plan.indicators[0].name', code: 'type', expected: 'object', received: '[]' },
      { path: 'plan.indicators[1].actuals', code: 'type', expected: 'object', received: '[…]' },
    ]);
  });

  it('refuses a projection without a method, and a projection that is not an object', () => {
    const doc = fullDoc();
    doc['plan'].indicators[0].projection = { rate: 0.1 };
    doc['plan'].indicators[1].projection = 'growth';
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([
      { path: 'plan.indicators[0].projection.method', code: 'missingKey' },
      { path: 'plan.indicators[1].projection', code: 'type', expected: 'object', received: '"growth"' },
    ]);
  });

  it('refuses ids that JavaScript reserves (__proto__, constructor, prototype)', () => {
    expect(only(issuesOf(parsePlanFile(fixture('hostile/reserved-id.json'))))).toEqual({ path: 'plan.indicators[7].id', code: 'reservedName', received: '"constructor"' });
  });

  it('caps the list of issues and counts the rest', () => {
    const doc = fullDoc();
    doc['plan'].indicators = Array.from({ length: 300 }, (_, i) => ({ ...doc['plan'].indicators[0], id: `x${i}`, kind: 'nope' }));
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toHaveLength(101);
    expect(issues[100]).toEqual({ path: '', code: 'moreIssues', actual: 200 });
  });
});

describe('meaning', () => {
  it('refuses duplicate indicator and group ids, naming the first use', () => {
    const doc = fullDoc();
    doc['plan'].indicators[4].id = 'grdp';
    doc['plan'].groups[2].id = 'kinh_te';
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toEqual(expect.arrayContaining([
      { path: 'plan.groups[2].id', code: 'duplicateId', received: '"kinh_te"', related: 'plan.groups[0]' },
      { path: 'plan.indicators[4].id', code: 'duplicateId', received: '"grdp"', related: 'plan.indicators[0]' },
    ]));
  });

  it('refuses a group reference to no group', () => {
    const doc = fullDoc();
    doc['plan'].indicators[1].group = 'van_hoa';
    expect(only(issuesOf(parsePlanFile(text(doc))))).toEqual({ path: 'plan.indicators[1].group', code: 'unknownGroup', received: '"van_hoa"', expected: 'plan.groups' });
  });

  it('refuses period keys of another periodicity or outside the calendar, wherever they are', () => {
    const doc = fullDoc();
    doc['plan'].indicators[0].actuals['2024-Q1'] = 1;
    doc['plan'].indicators[0].targets[0].period = '2031';
    doc['plan'].indicators[3].projection.anchors['2019'] = 5;
    doc['plan'].indicators[4].projection.values['2025-03'] = 5;
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toEqual([
      { path: 'plan.indicators[0].actuals["2024-Q1"]', code: 'periodicityMismatch', expected: 'year', received: '"2024-Q1"' },
      { path: 'plan.indicators[0].targets[0].period', code: 'periodOutsideCalendar', expected: '2020 – 2030', received: '"2031"' },
      { path: 'plan.indicators[3].projection.anchors["2019"]', code: 'periodOutsideCalendar', expected: '2020 – 2030', received: '"2019"' },
      { path: 'plan.indicators[4].projection.values["2025-03"]', code: 'periodicityMismatch', expected: 'year', received: '"2025-03"' },
    ]);
  });

  it('refuses a calendar that is not one: wrong periodicity, end before start, too many periods', () => {
    const doc = fullDoc();
    doc['plan'].calendar = { periodicity: 'quarter', start: '2020', end: '2030-Q4' };
    expect(only(issuesOf(parsePlanFile(text(doc))))).toEqual({ path: 'plan.calendar.start', code: 'periodicityMismatch', expected: 'quarter', received: '"2020"' });
    doc['plan'].calendar = { periodicity: 'year', start: '2030', end: '2020' };
    expect(only(issuesOf(parsePlanFile(text(doc))))).toEqual({ path: 'plan.calendar.end', code: 'endBeforeStart', expected: '"2030"', received: '"2020"' });
    doc['plan'].calendar = { periodicity: 'month', start: '1900-01', end: '2030-12' };
    expect(only(issuesOf(parsePlanFile(text(doc))))).toEqual({ path: 'plan.calendar', code: 'tooManyPeriods', limit: LIMITS.periods, actual: 1572 });
  });
});

describe('the content hash', () => {
  it('accepts a hand-edited file but returns a hashMismatch warning', () => {
    const parsed = valueOf(parsePlanFile(fixture('hostile/hash-mismatch.json')));
    expect(parsed.file.plan.name).toBe('Kế hoạch mẫu (sửa tay)');
    expect(parsed.warnings).toEqual([{ path: 'hash', code: 'hashMismatch', expected: JSON.stringify(hashPlan(parsed.file.plan)), received: '"f2db51748d7e11c0a8712d91c61d02f0d7e8998c5672003e8c0e63d38ecf6628"' }]);
  });

  it('hashes meaning, not bytes: reformatted or reordered files keep their hash', () => {
    const original = fixture('plan-v1-full.json');
    const compact = JSON.stringify(JSON.parse(original));
    expect(valueOf(parsePlanFile(compact)).warnings).toEqual([]);
    const doc = fullDoc();
    const reordered = { plan: doc['plan'], hash: doc['hash'], exportedAt: doc['exportedAt'], app: doc['app'], version: doc['version'], format: doc['format'] };
    expect(valueOf(parsePlanFile(JSON.stringify(reordered))).warnings).toEqual([]);
  });
});

describe('syntax', () => {
  it('gives the line, the column and the path of a syntax error', () => {
    const broken = fixture('plan-v1-full.json').replace('"revision": 137', '"revision": 137,');
    const issue = only(issuesOf(parsePlanFile(broken)));
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('"revision": 137,')) + 2; // the "}" after the trailing comma
    expect(issue).toEqual({ path: 'plan', code: 'syntax', expected: 'key', received: '"}"', line, column: 3 });
    expect(describeIssue(issue, 'en')).toBe(`plan (line ${line}, column 3): JSON syntax error: expected a key in double quotes but found "}"`);
  });

  it('says where a truncated file ends', () => {
    const issue = only(issuesOf(parsePlanFile(fixture('hostile/truncated.json'))));
    expect(issue.code).toBe('unexpectedEnd');
    expect(issue.path).toMatch(/^plan\.indicators\[\d\]/);
    expect(issue.line).toBe(fixture('hostile/truncated.json').split('\n').length);
  });

  it('refuses NaN, Infinity, comments, single quotes, trailing commas and raw control characters', () => {
    for (const body of ['{"a": NaN}', '{"a": Infinity}', '{"a": -Infinity}', '{"a": 1} // c', "{'a': 1}", '{"a": [1,]}', '{"a": 01}', '{"a": 1.}', '{"a": .5}', '{"a": +1}', '{"a": "x\ty"}', '{"a": "\\x41"}', '{"a": "\\u12G4"}', '', '   ']) {
      const issue = only(issuesOf(parsePlanFile(body)));
      expect(['syntax', 'unexpectedEnd'], body).toContain(issue.code);
      expect(issue.line, body).toBeGreaterThanOrEqual(1);
    }
    expect(only(issuesOf(parsePlanFile(fixture('hostile/nan-literal.json'))))).toMatchObject({ path: 'plan.revision', code: 'syntax', expected: 'value', received: '"N"' });
    expect(only(issuesOf(parsePlanFile(fixture('hostile/raw-control-character.json'))))).toMatchObject({ path: 'plan.name', code: 'syntax', expected: 'escapedControl', received: '"\\n"', line: 9 });
  });

  it('accepts a leading byte order mark and any JSON whitespace', () => {
    const original = fixture('plan-v1-minimal.json');
    expect(valueOf(parsePlanFile(`\uFEFF${original}`)).warnings).toEqual([]);
    expect(valueOf(parsePlanFile(original.replace(/\n/g, '\r\n\t'))).warnings).toEqual([]);
  });
});

describe('parsePlan (stored plans)', () => {
  const plan = makePlan({ id: 'p1', name: 'Kế hoạch', calendar: { periodicity: 'quarter', start: '2024-Q1', end: '2026-Q4' }, indicators: [makeIndicator({ id: 'a', actuals: { '2024-Q2': 3 } })] }, new Date('2024-01-01T00:00:00Z'));

  it('accepts a valid plan and returns a copy', () => {
    const checked = valueOf(parsePlan(plan));
    expect(checked).toEqual(plan);
    expect(checked).not.toBe(plan);
  });

  it('gives paths from the plan itself', () => {
    const broken = { ...plan, indicators: [{ ...plan.indicators[0], targets: [{ period: '2024-Q3', value: 'abc', direction: 'atLeast' }] }] };
    expect(issuesOf(parsePlan(broken))).toEqual([{ path: 'indicators[0].targets[0].value', code: 'type', expected: 'number', received: '"abc"' }]);
  });

  it('refuses values no file can hold: NaN, Infinity, undefined in a list, Dates, Maps, functions, cycles', () => {
    const cyclic: Record<string, unknown> = { ...plan };
    cyclic['self'] = cyclic;
    const cases: [unknown, Partial<FileIssue>][] = [
      [{ ...plan, revision: Number.NaN }, { path: 'revision', code: 'notFinite', received: 'NaN' }],
      [{ ...plan, revision: Number.POSITIVE_INFINITY }, { path: 'revision', code: 'notFinite', received: 'Infinity' }],
      [{ ...plan, createdAt: new Date(0) }, { path: 'createdAt', code: 'unsupportedValue', received: 'Date' }],
      [{ ...plan, groups: new Map() }, { path: 'groups', code: 'unsupportedValue', received: 'Map' }],
      [{ ...plan, groups: [undefined] }, { path: 'groups[0]', code: 'unsupportedValue', received: 'undefined' }],
      [{ ...plan, name: () => 'x' }, { path: 'name', code: 'unsupportedValue', received: 'function' }],
      [{ ...plan, revision: 10n }, { path: 'revision', code: 'unsupportedValue', received: '10n' }],
      [cyclic, { code: 'tooDeep', limit: LIMITS.depth }],
      [new (class Plan {})(), { path: '', code: 'unsupportedValue', received: 'Object' }],
    ];
    for (const [value, expected] of cases) expect(issuesOf(parsePlan(value))[0]).toMatchObject(expected);
  });

  it('drops properties whose value is undefined, as JSON would', () => {
    expect(valueOf(parsePlan({ ...plan, description: undefined }))).toEqual(plan);
  });

  it('never throws, whatever it is given', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(issuesOf(parsePlan(hostile))).toEqual([{ path: '', code: 'internal' }]);
    expect(issuesOf(parsePlanFile(undefined as unknown as string))).toEqual([{ path: '', code: 'type', expected: 'string', received: 'undefined' }]);
  });
});

describe('serialize trusts, parse checks', () => {
  it('a plan written by serializePlanFile always reads back', () => {
    const plan = makePlan({ name: 'x' }, new Date('2024-01-01T00:00:00Z'));
    expect(valueOf(parsePlanFile(serializePlanFile(plan, { app: 'Chitieu', exportedAt: '2024-01-01T00:00:00.000Z' }))).warnings).toEqual([]);
  });
});
