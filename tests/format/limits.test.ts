import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, describeIssue, parsePlanFile } from '../../src/format/index.ts';
import fc from 'fast-check';
import { utf8Length } from '../../src/format/scan.ts';
import { codes, fixture, issuesOf, valueOf } from './helpers.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a file being damaged on purpose

function fullDoc(): Doc {
  return JSON.parse(fixture('plan-v1-full.json')) as Doc;
}

const text = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('size', () => {
  it('refuses a file over LIMITS.fileBytes before parsing, naming the limit', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const big = `${fixture('plan-v1-minimal.json')}${' '.repeat(LIMITS.fileBytes)}`;
    const issues = issuesOf(parsePlanFile(big));
    expect(issues).toEqual([{ path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: Buffer.byteLength(big, 'utf8') }]);
    expect(parse).not.toHaveBeenCalled();
    expect(describeIssue(issues[0]!, 'vi')).toBe('tệp: tệp nặng 20.972.061 byte, vượt giới hạn 20.971.520 byte (20 MB)');
    expect(describeIssue(issues[0]!, 'en')).toBe('file: the file is 20,972,061 bytes, over the limit of 20,971,520 bytes (20 MB)');
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 7,000,000 × "ệ" is 7 M characters but 21 M bytes.
    const doc = `{"x": "${'ệ'.repeat(7_000_000)}"}`;
    expect(doc.length).toBeLessThan(LIMITS.fileBytes);
    const issue = issuesOf(parsePlanFile(doc))[0];
    expect(issue).toMatchObject({ code: 'tooLarge', limit: LIMITS.fileBytes, actual: 21_000_009 });
    expect(describeIssue(issue!, 'vi')).toBe('tệp: tệp nặng 21.000.009 byte, vượt giới hạn 20.971.520 byte (20 MB)');
    expect(describeIssue({ path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: 26_700_000 }, 'vi')).toBe('tệp: tệp nặng 25,5 MB, vượt giới hạn 20 MB');
    expect(describeIssue({ path: '', code: 'tooLarge', limit: LIMITS.fileBytes, actual: 26_700_000 }, 'en')).toBe('file: the file is 25.5 MB, over the limit of 20 MB');
  });

  it('measures UTF-8 length exactly as an encoder does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\uD800', '\uDFFF', 'a', 'ệ'), fc.string({ unit: 'binary', maxLength: 1 })) }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('depth', () => {
  it('refuses 10,000 nested arrays before JSON.parse runs, naming the limit', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const issues = issuesOf(parsePlanFile(fixture('hostile/deep-nesting.json')));
    expect(parse).not.toHaveBeenCalled();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'tooDeep', limit: LIMITS.depth, line: 1, column: LIMITS.depth + 1 });
    expect(describeIssue(issues[0]!, 'vi')).toContain(`vượt giới hạn ${LIMITS.depth} cấp`);
    expect(describeIssue(issues[0]!, 'en')).toContain(`more than ${LIMITS.depth} levels`);
  });

  it('refuses deep objects too, inside a real plan', () => {
    const doc = fullDoc();
    let nested: unknown = 1;
    for (let i = 0; i < 200; i++) nested = { a: nested };
    doc['plan'].indicators[0].note = nested;
    const issues = issuesOf(parsePlanFile(text(doc)));
    expect(issues).toEqual([expect.objectContaining({ code: 'tooDeep', limit: LIMITS.depth })]);
    expect(issues[0]!.path).toMatch(/^plan\.indicators\[0\]\.note(\.a)+$/);
  });

  it('parses nesting up to the limit (then the schema refuses what does not belong)', () => {
    const atLimit = `${'['.repeat(LIMITS.depth)}${']'.repeat(LIMITS.depth)}`;
    expect(codes(issuesOf(parsePlanFile(atLimit)))).toEqual(['notPlanFile']);
    const overLimit = `${'['.repeat(LIMITS.depth + 1)}${']'.repeat(LIMITS.depth + 1)}`;
    expect(codes(issuesOf(parsePlanFile(overLimit)))).toEqual(['tooDeep']);
  });
});

describe('strings', () => {
  it('refuses any string longer than LIMITS.stringLength, before the schema, naming the limit', () => {
    const issue = issuesOf(parsePlanFile(fixture('hostile/over-long-string.json')));
    expect(issue).toEqual([{ path: 'plan.description', code: 'tooLong', limit: LIMITS.stringLength, actual: LIMITS.stringLength + 1 }]);
    expect(describeIssue(issue[0]!, 'vi')).toBe('plan.description: dài 10.001 ký tự, vượt giới hạn 10.000 ký tự');
    expect(describeIssue(issue[0]!, 'en')).toBe('plan.description: is 10,001 characters long, over the limit of 10,000');
  });

  it('refuses over-long keys too', () => {
    const doc = fullDoc();
    doc['plan'].indicators[0].actuals['9'.repeat(LIMITS.stringLength + 1)] = 1;
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([expect.objectContaining({ code: 'tooLong', limit: LIMITS.stringLength })]);
  });

  it('applies each field its own, smaller limit', () => {
    const doc = fullDoc();
    doc['plan'].name = 'x'.repeat(LIMITS.textLength + 1);
    doc['plan'].indicators[2].projection.formula = '1+'.repeat(LIMITS.formulaLength);
    doc['plan'].indicators[0].id = 'a'.repeat(LIMITS.identifierLength + 1);
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([
      { path: 'plan.name', code: 'tooLong', limit: LIMITS.textLength, actual: LIMITS.textLength + 1, received: expect.any(String) },
      { path: 'plan.indicators[0].id', code: 'tooLong', limit: LIMITS.identifierLength, actual: LIMITS.identifierLength + 1, received: expect.any(String) },
      { path: 'plan.indicators[2].projection.formula', code: 'tooLong', limit: LIMITS.formulaLength, actual: 2 * LIMITS.formulaLength, received: expect.any(String) },
    ]);
  });
});

describe('counts', () => {
  it('refuses more than LIMITS.indicators indicators', () => {
    const doc = fullDoc();
    const model = doc['plan'].indicators[7];
    doc['plan'].indicators = Array.from({ length: LIMITS.indicators + 1 }, (_, i) => ({ ...model, id: `chi_tieu_${i}` }));
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([{ path: 'plan.indicators', code: 'tooMany', limit: LIMITS.indicators, actual: LIMITS.indicators + 1 }]);
  });

  it('accepts exactly LIMITS.indicators indicators', () => {
    const doc = fullDoc();
    const model = doc['plan'].indicators[7];
    doc['plan'].indicators = Array.from({ length: LIMITS.indicators }, (_, i) => ({ ...model, id: `chi_tieu_${i}` }));
    expect(valueOf(parsePlanFile(text(doc))).file.plan.indicators).toHaveLength(LIMITS.indicators);
  });

  it('refuses more than LIMITS.targetsPerIndicator targets and LIMITS.groups groups', () => {
    expect(issuesOf(parsePlanFile(fixture('hostile/too-many-targets.json')))).toEqual([
      { path: 'plan.indicators[2].targets', code: 'tooMany', limit: LIMITS.targetsPerIndicator, actual: LIMITS.targetsPerIndicator + 1, received: '[…]' },
    ]);
    const doc = fullDoc();
    doc['plan'].groups = Array.from({ length: LIMITS.groups + 1 }, (_, i) => ({ id: `g${i}`, name: { vi: `Nhóm ${i}` } }));
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([{ path: 'plan.groups', code: 'tooMany', limit: LIMITS.groups, actual: LIMITS.groups + 1, received: '[…]' }]);
  });

  it('refuses any list or map too long to be part of a plan before the schema walks it', () => {
    const doc = fullDoc();
    doc['plan'].indicators[0].note = Array.from({ length: 6000 }, () => 0);
    doc['plan'].indicators[1].actuals = Object.fromEntries(Array.from({ length: LIMITS.periods + 1 }, (_, i) => [`k${i}`, i]));
    expect(issuesOf(parsePlanFile(text(doc)))).toEqual([
      { path: 'plan.indicators[0].note', code: 'tooMany', limit: LIMITS.indicators, actual: 6000 },
      { path: 'plan.indicators[1].actuals', code: 'tooMany', limit: LIMITS.periods, actual: LIMITS.periods + 1 },
    ]);
  });
});
