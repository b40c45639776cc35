import { describe, expect, it } from 'vitest';
import { FORMULA_LIMITS, parseFormula } from '../../../src/engine/formula/index.ts';
import { LIMITS } from '../../../src/format/schema.ts';
import { parsed, parseError, show } from './helpers.ts';

const tree = (text: string): string => show(parsed(text));

describe('precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['1 * 2 + 3', '((1 * 2) + 3)'],
    ['1 - 2 - 3', '((1 - 2) - 3)'],
    ['8 / 4 / 2', '((8 / 4) / 2)'],
    ['8 / 4 * 2', '((8 / 4) * 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['2 * 3 ^ 2', '(2 * (3 ^ 2))'],
    ['-2 ^ 2', '(-(2 ^ 2))'],
    ['2 ^ -1', '(2 ^ (-1))'],
    ['2 ^ -1 ^ 2', '(2 ^ (-(1 ^ 2)))'],
    ['-a * b', '((-a) * b)'],
    ['a * -b', '(a * (-b))'],
    ['a - -b', '(a - (-b))'],
    ['+a', '(+a)'],
    ['--a', '(-(-a))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['a + b < c * d', '((a + b) < (c * d))'],
    ['a <= b', '(a <= b)'],
    ['a >= b', '(a >= b)'],
    ['a <> b', '(a <> b)'],
    ['a = b + 1', '(a = (b + 1))'],
    ['(a < b) = (c > d)', '((a < b) = (c > d))'],
    ['=a + b', '(a + b)'],
  ])('%s parses as %s', (text, expected) => {
    expect(tree(text)).toBe(expected);
  });

  it('rejects chained comparisons, pointing at the second operator', () => {
    expect(parseError('a < b < c')).toMatchObject({ code: 'syntax', position: 6, expected: 'and', found: '<' });
  });
});

describe('numbers', () => {
  it.each([
    ['12', 12], ['0.5', 0.5], ['1e9', 1e9], ['2.5E-3', 2.5e-3], ['1e+3', 1000], ['.5', 0.5], ['5.', 5], ['007', 7],
  ])('%s is %d', (text, v) => {
    expect(parsed(text)).toMatchObject({ kind: 'number', value: v, position: 0, length: text.length });
  });

  it('reports a number with nothing after its exponent', () => {
    expect(parseError('1 + 2e')).toMatchObject({ code: 'syntax', position: 4, expected: 'digits', found: '2e' });
    expect(parseError('3E+x')).toMatchObject({ code: 'syntax', position: 0, expected: 'digits' });
  });

  it('reports digits run into letters or a second decimal point as one bad token', () => {
    expect(parseError('1.2.3')).toMatchObject({ code: 'syntax', position: 0, found: '1.2.3' });
    expect(parseError('x + 12abc')).toMatchObject({ code: 'syntax', position: 4, found: '12abc' });
  });

  it('reports a literal too large for a double as not finite', () => {
    expect(parseError('1 + 1e999')).toMatchObject({ code: 'notFinite', position: 4, found: '1e999' });
  });
});

describe('names and functions', () => {
  it('keeps indicator ids as written (case-sensitive)', () => {
    expect(parsed('Pop_2024 / pop')).toMatchObject({
      left: { kind: 'name', name: 'Pop_2024', position: 0, length: 8 },
      right: { kind: 'name', name: 'pop', position: 11 },
    });
  });

  it('reads function names case-insensitively into their canonical name', () => {
    expect(parsed('IF(a, 1, 2)')).toMatchObject({ kind: 'call', fn: 'if', position: 0, length: 2 });
    expect(parsed('Max(1, 2)')).toMatchObject({ kind: 'call', fn: 'max' });
    expect(parsed('SumGroup(g)')).toMatchObject({ kind: 'call', fn: 'sumgroup', args: [{ kind: 'name', name: 'g' }] });
  });

  it('treats a function name without parentheses as an indicator id', () => {
    expect(parsed('max + 1')).toMatchObject({ kind: 'binary', left: { kind: 'name', name: 'max' } });
  });

  it('accepts spaces, tabs, newlines and non-breaking spaces between tokens', () => {
    expect(tree('\ta\n+\u00a0b \r\n* round (c , 2)')).toBe('(a + (b * round(c, 2)))');
  });
});

describe('syntax errors carry the position of the offending token', () => {
  it.each([
    ['1 + * 2', { code: 'syntax', position: 4, found: '*', expected: 'operand' }],
    ['1 + 2)', { code: 'syntax', position: 5, found: ')', expected: 'end' }],
    ['a b', { code: 'syntax', position: 2, found: 'b', expected: 'end' }],
    ['1,5', { code: 'syntax', position: 1, found: ',', expected: 'end' }],
    ['max(1 2)', { code: 'syntax', position: 6, found: '2', expected: ',)' }],
    ['max(1,)', { code: 'syntax', position: 6, found: ')', expected: 'operand' }],
    ['(1 + 2]', { code: 'syntax', position: 6, found: ']' }],
    ['a % b', { code: 'syntax', position: 2, found: '%' }],
    ['dân_số', { code: 'syntax', position: 1, found: 'â' }],
    ['a + 😀', { code: 'syntax', position: 4, found: '😀' }],
    ['()', { code: 'syntax', position: 1, found: ')', expected: 'operand' }],
  ])('%s', (text, error) => {
    expect(parseError(text)).toMatchObject(error);
  });

  it.each([
    ['', 0, 'operand'],
    ['   ', 3, 'operand'],
    ['=', 1, 'operand'],
    ['1 +', 3, 'operand'],
    ['(1 + 2', 6, ')'],
    ['max(1, 2', 8, ',)'],
    ['if(', 3, 'operand'],
  ])('%j ends too early at %d', (text, position, expected) => {
    expect(parseError(text)).toEqual({ code: 'unexpectedEnd', position, expected });
  });
});

describe('unknown functions, arity and bad arguments', () => {
  it('reports an unknown function with its name and position', () => {
    expect(parseError('a + foo(1)')).toEqual({ code: 'unknownFunction', position: 4, length: 3, name: 'foo' });
    expect(parseError('sum(a, b)')).toMatchObject({ code: 'unknownFunction', position: 0, name: 'sum' });
  });

  it.each([
    ['abs()', 'abs', '1', '0'],
    ['abs(1, 2)', 'abs', '1', '2'],
    ['if(1, 2)', 'if', '3', '2'],
    ['round(1, 2, 3)', 'round', '1-2', '3'],
    ['max()', 'max', '1+', '0'],
    ['prev(a, 1)', 'prev', '1', '2'],
    ['sumgroup()', 'sumgroup', '1', '0'],
  ])('%s is an arity error', (text, name, expected, found) => {
    expect(parseError(`x + ${text}`)).toMatchObject({ code: 'arity', position: 4, name, expected, found });
  });

  it('takes any number of arguments for min, max, and, or', () => {
    for (const fn of ['min', 'max', 'and', 'or']) {
      expect(parseFormula(`${fn}(${Array.from({ length: 300 }, (_, i) => `a${i}`).join(', ')})`).ok).toBe(true);
    }
  });

  it.each([
    ['sumgroup(1)', 'sumgroup', 'groupId', 9],
    ['sumgroup(a + b)', 'sumgroup', 'groupId', 9],
    ['target(2 * a)', 'target', 'indicatorId', 7],
  ])('%s needs a bare identifier', (text, name, expected, position) => {
    expect(parseError(text)).toMatchObject({ code: 'badArgument', name, expected, position });
  });

  it('accepts an identifier argument wrapped in parentheses', () => {
    expect(parsed('target((a))')).toMatchObject({ kind: 'call', fn: 'target', args: [{ kind: 'name', name: 'a' }] });
  });
});

describe('limits', () => {
  it('accepts 4,000 characters and refuses 4,001 with tooLong', () => {
    const ok = `1${' +1'.repeat(1333)}`;
    expect(ok.length).toBe(4000);
    expect(parseFormula(ok).ok).toBe(true);
    expect(parseError(`${ok} `)).toMatchObject({ code: 'tooLong', position: 4000 });
  });

  it('uses the same formula length limit as the plan file schema', () => {
    expect(FORMULA_LIMITS.length).toBe(LIMITS.formulaLength);
  });

  it('accepts 64 nested parentheses and refuses 65 with tooDeep', () => {
    expect(parseFormula(`${'('.repeat(64)}1${')'.repeat(64)}`).ok).toBe(true);
    expect(parseError(`${'('.repeat(65)}1${')'.repeat(65)}`)).toMatchObject({ code: 'tooDeep', position: 64 });
  });

  it('turns 10,000 nested parentheses into tooDeep, not a stack overflow', () => {
    // 20,001 characters: past the length limit too, so check the depth limit without it as well.
    const text = `${'('.repeat(10_000)}1${')'.repeat(10_000)}`;
    expect(parseFormula(text).ok).toBe(false);
    expect(parseError(text.slice(0, 3999))).toMatchObject({ code: 'tooDeep', position: 64 });
  });

  it('turns 1,000 nested if() into tooDeep', () => {
    const text = `${'if(1, 2, '.repeat(1000)}3${')'.repeat(1000)}`;
    expect(parseFormula(text).ok).toBe(false);
    const short = `${'if(1,2,'.repeat(450)}3${')'.repeat(450)}`;
    expect(short.length).toBeLessThanOrEqual(4000);
    expect(parseError(short)).toMatchObject({ code: 'tooDeep', position: 7 * 64 + 2 });
  });

  it('counts unary signs and exponents as nesting', () => {
    expect(parseError('-'.repeat(3000) + '1')).toMatchObject({ code: 'tooDeep', position: 64 });
    expect(parseError(Array.from({ length: 100 }, () => '2').join('^'))).toMatchObject({ code: 'tooDeep' });
  });

  it('does not count a long sum as nesting', () => {
    expect(parseFormula(Array.from({ length: 1300 }, (_, i) => `a${i % 10}`).join('+')).ok).toBe(true);
  });
});

describe('hostile text', () => {
  it('does not read JavaScript member access or strings', () => {
    expect(parseError('constructor.constructor("alert(1)")()')).toMatchObject({ code: 'syntax', position: 11, found: '.' });
    expect(parseError('a["constructor"]')).toMatchObject({ code: 'syntax', position: 1 });
    expect(parseError('`${1}`')).toMatchObject({ code: 'syntax', position: 0 });
  });

  it.each(['toString', 'valueOf', 'hasOwnProperty', 'constructor', '__proto__', '__defineGetter__', 'isPrototypeOf'])(
    '%s( is an unknown function, not an Object.prototype member', (name) => {
      expect(parseError(`${name}(1)`)).toMatchObject({ code: 'unknownFunction', name });
    },
  );
});
