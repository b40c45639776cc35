import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileFormula,
  formulaDependencies,
  parseFormula,
  type BinaryOperator,
  type FormulaAst,
} from '../../../src/engine/formula/index.ts';
import { fixture, type Report } from './helpers.ts';

const ERROR_CODES = new Set([
  'syntax', 'unexpectedEnd', 'unknownName', 'unknownFunction', 'unknownGroup', 'arity', 'tooDeep', 'tooLong',
  'badArgument', 'divisionByZero', 'notFinite', 'cycle',
]);

const env = () => fixture({
  rows: { a: [1, 0, NaN, -2], b: [0, 0, 3, 1e300], c: [2, 0.5, 1, 4] },
  groups: { g: ['a', 'c'], empty: [] },
  targets: { a: [NaN, 1, 2, 3] },
});

/** Whatever the text: no throw; ok, or an error with a known code and a position in the text. */
function checkText(text: string): void {
  const parsed = parseFormula(text);
  if (!parsed.ok) {
    expect(ERROR_CODES.has(parsed.error.code)).toBe(true);
    expect(Number.isInteger(parsed.error.position)).toBe(true);
    expect(parsed.error.position).toBeGreaterThanOrEqual(0);
    expect(parsed.error.position).toBeLessThanOrEqual(text.length);
    return;
  }
  formulaDependencies(parsed.value);
  const f = env();
  const compiled = compileFormula(parsed.value, f.ctx);
  if (!compiled.ok) {
    expect(compiled.error.position).toBeGreaterThanOrEqual(0);
    expect(compiled.error.position).toBeLessThan(text.length);
    return;
  }
  for (let t = 0; t < f.periods; t++) compiled.value(t);
  compiled.value(2);
  for (const r of f.reports) {
    expect(r.position).toBeGreaterThanOrEqual(0);
    expect(r.position).toBeLessThan(text.length);
  }
}

const nameText = fc.constantFrom('a', 'b', 'c', 'g', 'A', 'zz', 'if', 'max', 'toString', '__proto__', 'constructor', '_x1');
const numberText = fc.oneof(
  { arbitrary: fc.nat({ max: 1000 }).map(String), weight: 3 },
  fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e6 }).map(String),
  fc.constantFrom('0', '0.5', '1e9', '2.5E-3', '.5', '1e999', '1e', '1.2.3', '00'),
);
const functionText = fc.constantFrom(
  'if', 'min', 'max', 'abs', 'round', 'and', 'or', 'not', 'prev', 'growth', 'cumsum', 'sumgroup', 'target',
  'IF', 'Round', 'sum', 'foo', 'toString', 'hasOwnProperty',
);
const operatorText = fc.constantFrom('+', '-', '*', '/', '^', '<', '<=', '>', '>=', '=', '<>');

const grammarText = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'medium', maxDepth: 8 },
    nameText,
    numberText,
    fc.constantFrom('sumgroup(g)', 'sumgroup(empty)', 'sumgroup(nope)', 'target(a)', 'target(b)', 'target(zz)'),
    { arbitrary: fc.tuple(tie('expr'), operatorText, tie('expr')).map(([l, o, r]) => `${l} ${o} ${r}`), weight: 4 },
    tie('expr').map((e) => `(${e})`),
    fc.tuple(fc.constantFrom('-', '+', '--'), tie('expr')).map(([o, e]) => `${o}${e}`),
    { arbitrary: fc.tuple(functionText, fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`), weight: 2 },
  ),
})).expr;

/** Grammar-shaped text, sometimes damaged: a character inserted or a slice cut out. */
const damagedText = fc.tuple(
  grammarText,
  fc.nat(),
  fc.nat({ max: 5 }),
  fc.constantFrom('', '(', ')', ',', '.', '$', '"', '%', 'e', '  ', '\u00a0', '😀', '\u0000', '=', '<'),
).map(([text, at, cut, insert]) => {
  const i = text.length === 0 ? 0 : at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
});

const tokenSoup = fc.array(
  fc.oneof(nameText, numberText, functionText, operatorText, fc.constantFrom('(', ')', ',', ' ', '.', '=', '<', '>', '^^')),
  { maxLength: 40 },
).map((parts) => parts.join(''));

describe('parsing never throws', () => {
  it('on 10,000 grammar-shaped formulas, some damaged', () => {
    fc.assert(fc.property(fc.oneof(grammarText, damagedText), (text) => { checkText(text); }), { numRuns: 10_000 });
  });

  it('on 5,000 token soups', () => {
    fc.assert(fc.property(tokenSoup, (text) => { checkText(text); }), { numRuns: 5_000 });
  });

  it('on 5,000 random strings of any characters', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 200 })), (text) => {
      checkText(text);
    }), { numRuns: 5_000 });
  });

  it('on over-long and deeply nested text', () => {
    fc.assert(fc.property(fc.nat({ max: 20_000 }), fc.constantFrom('(', '-', 'if(1,2,', 'abs(', '2^', 'a+'), (n, piece) => {
      checkText(piece.repeat(n) + '1');
    }), { numRuns: 200 });
  });
});

// ---- Trees: printing with minimal parentheses, and evaluation against a reference ----

type Op = BinaryOperator;
const PRECEDENCE: Record<Op, number> = { '<': 1, '<=': 1, '>': 1, '>=': 1, '=': 1, '<>': 1, '+': 2, '-': 2, '*': 3, '/': 3, '^': 5 };
const UNARY_PRECEDENCE = 4;
const isComparison = (node: FormulaAst): boolean => node.kind === 'binary' && PRECEDENCE[node.op] === 1;
const precedenceOf = (node: FormulaAst): number =>
  node.kind === 'binary' ? PRECEDENCE[node.op] : node.kind === 'unary' ? UNARY_PRECEDENCE : 6;

/** As few parentheses as the grammar needs. */
function print(node: FormulaAst): string {
  switch (node.kind) {
    case 'number': return String(node.value);
    case 'name': return node.name;
    case 'call': return `${node.fn}(${node.args.map(print).join(', ')})`;
    case 'unary': {
      const inner = print(node.operand);
      const wrap = node.operand.kind === 'binary' && node.operand.op !== '^';
      return `${node.op}${wrap ? `(${inner})` : inner}`;
    }
    case 'binary': {
      const p = PRECEDENCE[node.op];
      const cmp = p === 1;
      const l = node.left;
      const r = node.right;
      const wrapLeft = precedenceOf(l) < p || (node.op === '^' && precedenceOf(l) <= 5) || (cmp && isComparison(l));
      const wrapRight = node.op === '^'
        ? precedenceOf(r) < UNARY_PRECEDENCE
        : precedenceOf(r) <= p || (cmp && isComparison(r));
      const ls = wrapLeft ? `(${print(l)})` : print(l);
      const rs = wrapRight ? `(${print(r)})` : print(r);
      return `${ls} ${node.op} ${rs}`;
    }
  }
}

function strip(node: FormulaAst): unknown {
  switch (node.kind) {
    case 'number': return node.value;
    case 'name': return node.name;
    case 'unary': return [node.op, strip(node.operand)];
    case 'binary': return [node.op, strip(node.left), strip(node.right)];
    case 'call': return [node.fn, ...node.args.map(strip)];
  }
}

const position = fc.nat({ max: 500 });
const numberNode = fc.tuple(
  fc.oneof(fc.constantFrom(0, 1, 2, 3, 0.5, 10, 1e200, 1e-300), fc.integer({ min: 0, max: 100 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e3 })),
  position,
).map(([value, p]): FormulaAst => ({ kind: 'number', value, position: p, length: 1 }));
const nameNode = fc.tuple(fc.constantFrom('a', 'b', 'c'), position)
  .map(([name, p]): FormulaAst => ({ kind: 'name', name, position: p, length: 1 }));
const binaryOp = fc.constantFrom<Op>('+', '-', '*', '/', '^', '<', '<=', '>', '>=', '=', '<>');

const treeOf = (withCalls: boolean) => fc.letrec<{ node: FormulaAst }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'medium', maxDepth: 7 },
    numberNode,
    nameNode,
    fc.tuple(fc.constantFrom<'-' | '+'>('-', '+'), tie('node'), position)
      .map(([op, operand, p]): FormulaAst => ({ kind: 'unary', op, operand, position: p })),
    {
      arbitrary: fc.tuple(binaryOp, tie('node'), tie('node'), position)
        .map(([op, left, right, p]): FormulaAst => ({ kind: 'binary', op, left, right, position: p })),
      weight: 4,
    },
    ...(withCalls
      ? [fc.tuple(fc.constantFrom('if', 'min', 'max', 'abs', 'prev'), fc.array(tie('node'), { minLength: 1, maxLength: 3 }), position)
        .map(([fn, args, p]): FormulaAst => {
          const arity = fn === 'if' ? 3 : fn === 'abs' || fn === 'prev' ? 1 : args.length;
          const fixed = Array.from({ length: arity }, (_, i) => args[i % args.length] as FormulaAst);
          return { kind: 'call', fn: fn as 'if', args: fixed, position: p, length: fn.length };
        })]
      : []),
  ),
})).node;

describe('printing a tree with minimal parentheses and parsing it gives the same tree', () => {
  it('for 3,000 random trees', () => {
    fc.assert(fc.property(treeOf(true), (ast) => {
      const text = print(ast);
      const back = parseFormula(text);
      if (!back.ok) throw new Error(`${text}: ${JSON.stringify(back.error)}`);
      expect(strip(back.value)).toEqual(strip(ast));
    }), { numRuns: 3_000 });
  });
});

/** The obvious recursive evaluator, written from docs/formulas.md. */
function reference(node: FormulaAst, t: number, values: Record<string, readonly number[]>, reports: Report[]): number {
  const fail = (code: Report['code'], p: number): number => { reports.push({ code, position: p }); return NaN; };
  switch (node.kind) {
    case 'number': return node.value;
    case 'name': return values[node.name]?.[t] ?? NaN;
    case 'unary': {
      const v = reference(node.operand, t, values, reports);
      return node.op === '-' ? -v : v;
    }
    case 'binary': {
      const a = reference(node.left, t, values, reports);
      const b = reference(node.right, t, values, reports);
      if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
      let r: number;
      switch (node.op) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/': if (b === 0) return fail('divisionByZero', node.position); r = a / b; break;
        case '^': if (a === 0 && b < 0) return fail('divisionByZero', node.position); r = Math.pow(a, b); break;
        case '<': return a < b ? 1 : 0;
        case '<=': return a <= b ? 1 : 0;
        case '>': return a > b ? 1 : 0;
        case '>=': return a >= b ? 1 : 0;
        case '=': return a === b ? 1 : 0;
        case '<>': return a !== b ? 1 : 0;
      }
      return Number.isFinite(r) ? r : fail('notFinite', node.position);
    }
    case 'call': {
      const arg = (i: number, at = t): number => (node.args[i] ? reference(node.args[i], at, values, reports) : NaN);
      switch (node.fn) {
        case 'if': {
          const c = arg(0);
          if (Number.isNaN(c)) return NaN;
          return c !== 0 ? arg(1) : arg(2);
        }
        case 'min': case 'max': {
          const vs = node.args.map((_, i) => arg(i));
          if (vs.some(Number.isNaN)) return NaN;
          return node.fn === 'min' ? Math.min(...vs) : Math.max(...vs);
        }
        case 'abs': return Math.abs(arg(0));
        case 'prev': return t === 0 ? NaN : arg(0, t - 1);
        default: throw new Error(`reference does not know ${node.fn}`);
      }
    }
  }
}

describe('compiled evaluation matches the reference evaluator', () => {
  const cell = fc.constantFrom(0, 1, -1, 2, 0.5, -3, 7, NaN, 1e300, -1e-300);
  const row = fc.array(cell, { minLength: 4, maxLength: 4 });

  it('on 5,000 random trees and inputs, values and reported errors alike', () => {
    fc.assert(fc.property(treeOf(true), row, row, row, (ast, a, b, c) => {
      const f = fixture({ rows: { a, b, c } });
      const compiled = compileFormula(ast, f.ctx);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
      const expectedReports: Report[] = [];
      for (let t = 0; t < 4; t++) {
        const want = reference(ast, t, { a, b, c }, expectedReports);
        const got = compiled.value(t);
        expect(Object.is(got, want) || got === want, `t=${t}: got ${got}, want ${want}`).toBe(true);
      }
      expect(f.reports).toEqual(expectedReports);
    }), { numRuns: 5_000 });
  });
});
