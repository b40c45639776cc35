import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanJson, stripBom } from '../../src/format/scan.ts';

const DEPTH = 1_000;
const isSyntax = (code: string): boolean => code === 'syntax' || code === 'unexpectedEnd';

function jsonParses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('the scanner accepts exactly JSON', () => {
  it('accepts everything JSON.stringify writes, at any indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 1, 2, '\t', '\r\n'), (value, indent) => {
        const text = typeof indent === 'string' && indent === '\r\n' ? JSON.stringify(value, null, 2).replace(/\n/g, '\r\n') : JSON.stringify(value, null, indent);
        expect(scanJson(text, DEPTH)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reports a syntax error exactly when JSON.parse throws, on damaged JSON (a leading BOM aside)', () => {
    const damaged = fc
      .tuple(fc.jsonValue(), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '-', '0', '01', '.', 'e', 'E+', 'tru', 'null', ' ', '\n', '\u0001', '\u00a0', '\uFEFF', '\uD800', 'é')), { minLength: 1, maxLength: 3 }))
      .map(([value, edits]) => {
        let text = JSON.stringify(value);
        for (const [at, s] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + s + text.slice(i + (at % 2));
        }
        return text;
      });
    fc.assert(
      fc.property(damaged, (text) => {
        const syntax = scanJson(text, DEPTH).some((issue) => isSyntax(issue.code));
        expect(syntax).toBe(!jsonParses(stripBom(text)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('finds duplicate keys exactly as JSON.parse would see them, however they are escaped', () => {
    const escape = (key: string, mask: number): string =>
      [...key].map((ch, i) => ((mask >> i) & 1 ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch)).join('');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', '"', '\\', 'é'), maxLength: 3 }), fc.nat()), { maxLength: 8 }), (entries) => {
        const body = entries.map(([key, mask], i) => `${JSON.stringify(key).replace(/^"|"$/g, '') === key ? `"${escape(key, mask)}"` : JSON.stringify(key)}: ${i}`);
        const text = `{${body.join(', ')}}`;
        const seen = new Set<string>();
        let expected = 0;
        for (const [key] of entries) {
          if (seen.has(key)) expected += 1;
          seen.add(key);
        }
        expect(jsonParses(text)).toBe(true);
        expect(scanJson(text, DEPTH).filter((issue) => issue.code === 'duplicateKey')).toHaveLength(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts depth in containers: maxDepth are allowed, one more is not', () => {
    expect(scanJson('[[[]]]', 3)).toEqual([]);
    expect(scanJson('[[[[]]]]', 3)).toEqual([{ path: '[0][0][0]', code: 'tooDeep', limit: 3, line: 1, column: 4 }]);
    expect(scanJson('{"a": {"b": {"c": {}}}}', 3)).toEqual([{ path: 'a.b.c', code: 'tooDeep', limit: 3, line: 1, column: 19 }]);
  });

  it('points at the right line and column after CRLF line breaks and multi-line values', () => {
    expect(scanJson('{\r\n  "a": [\r\n    1,\r\n    x\r\n  ]\r\n}', DEPTH)).toEqual([{ path: 'a[1]', code: 'syntax', expected: 'value', received: '"x"', line: 4, column: 5 }]);
  });
});
