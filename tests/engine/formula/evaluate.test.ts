import { describe, expect, it } from 'vitest';
import { compileFormula, type FormulaAst } from '../../../src/engine/formula/index.ts';
import { compileError, fixture, parsed, run, value } from './helpers.ts';

const close = (actual: readonly number[], expected: readonly number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i] as number;
    if (Number.isNaN(e)) expect(v, `period ${i}`).toBeNaN();
    else expect(v, `period ${i}`).toBeCloseTo(e, 12);
  });
};

describe('arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['-3 * -2', 6],
    ['+5', 5],
    ['7 / 2', 3.5],
    ['1e9 / 2.5E-3', 4e11],
  ])('%s = %d', (text, v) => {
    expect(value(text)).toBe(v);
  });

  it.each([
    ['1 < 2', 1], ['2 < 1', 0], ['2 <= 2', 1], ['3 > 2', 1], ['2 >= 3', 0], ['2 = 2', 1], ['2 <> 2', 0], ['1 + 1 = 2', 1],
  ])('comparison %s gives %d', (text, v) => {
    expect(value(text)).toBe(v);
  });

  it('reads indicators by id at each period', () => {
    const f = fixture({ rows: { mobile_subscribers: [90, 120], population: [100, 100] } });
    expect(run('mobile_subscribers / population * 100', f)).toEqual([90, 120]);
  });
});

describe('blanks propagate without errors', () => {
  const f = () => fixture({ rows: { a: [NaN], z: [0], one: [1] } });

  it.each([
    'a + 1', '1 - a', 'a * 0', '0 * a', 'a / 0', '0 / a', 'a ^ 0', 'one ^ a', '-a', 'a < 1', 'a = a', 'a <> 1',
    'if(a, 1, 2)', 'min(1, a)', 'max(a, 1)', 'abs(a)', 'round(a)', 'round(1.5, a)', 'not(a)', 'and(1, a)', 'or(0, a)',
    'prev(a)', 'growth(a)', 'cumsum(a)', 'a + 1 / z * 0 - 1 / z',
  ])('%s is blank', (text) => {
    const fx = f();
    expect(value(text, fx)).toBeNaN();
    if (!text.includes('/ z')) expect(fx.reports).toEqual([]);
  });
});

describe('runtime errors give blank and report their position', () => {
  it('reports division by zero at the operator', () => {
    const f = fixture({ rows: { a: [5, 5], b: [2, 0] } });
    expect(run('a / b', f)).toEqual([2.5, NaN]);
    expect(f.reports).toEqual([{ code: 'divisionByZero', position: 2 }]);
  });

  it('reports 0 / 0 too', () => {
    const f = fixture({ rows: { b: [0] } });
    expect(value('1 + b / (b - b)', f)).toBeNaN();
    expect(f.reports).toEqual([{ code: 'divisionByZero', position: 6 }]);
  });

  it('reports one error, after which the blank travels silently', () => {
    const f = fixture();
    expect(value('(1 + 1/0) * 2 - 3', f)).toBeNaN();
    expect(f.reports).toEqual([{ code: 'divisionByZero', position: 6 }]);
  });

  it('reports overflow as notFinite at the operator', () => {
    const f = fixture();
    expect(value('1e200 * 1e200', f)).toBeNaN();
    expect(value('1e308 + 1e308', f)).toBeNaN();
    expect(value('10 ^ 400', f)).toBeNaN();
    expect(f.reports).toEqual([
      { code: 'notFinite', position: 6 }, { code: 'notFinite', position: 6 }, { code: 'notFinite', position: 3 },
    ]);
  });

  it('reports a power with no real value as notFinite, and 0 to a negative power as division by zero', () => {
    const f = fixture();
    expect(value('(-8) ^ 0.5', f)).toBeNaN();
    expect(value('0 ^ -1', f)).toBeNaN();
    expect(f.reports).toEqual([{ code: 'notFinite', position: 5 }, { code: 'divisionByZero', position: 2 }]);
  });
});

describe('functions', () => {
  it('if evaluates only the chosen branch; any non-zero condition is true', () => {
    const f = fixture();
    expect(value('if(1, 5, 1/0)', f)).toBe(5);
    expect(value('if(0, 1/0, 7)', f)).toBe(7);
    expect(value('if(-0.5, 1, 2)', f)).toBe(1);
    expect(value('IF(2 > 3, 1, 2)', f)).toBe(2);
    expect(f.reports).toEqual([]);
  });

  it('min and max take any number of arguments', () => {
    expect(value('min(3, 1, 2)')).toBe(1);
    expect(value('max(3, 1, 2)')).toBe(3);
    expect(value('min(-4)')).toBe(-4);
    expect(value('MAX(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)')).toBe(11);
  });

  it('min and max evaluate every argument, reporting their errors', () => {
    const f = fixture();
    expect(value('max(1, 1/0)', f)).toBeNaN();
    expect(f.reports).toEqual([{ code: 'divisionByZero', position: 8 }]);
  });

  it('abs', () => {
    expect(value('abs(-3.5)')).toBe(3.5);
    expect(value('abs(2)')).toBe(2);
  });

  it.each([
    ['round(2.5)', 3], ['round(-2.5)', -3], ['round(2.4)', 2], ['round(0.5)', 1], ['round(-0.5)', -1],
    ['round(1.005, 2)', 1.01], ['round(3.14159, 3)', 3.142], ['round(-1.25, 1)', -1.3],
    ['round(1234.5678, -2)', 1200], ['round(1250, -2)', 1300], ['round(7, -5)', 0],
    ['round(1.26, 1.9)', 1.3], ['round(1e300, 2)', 1e300], ['round(1.5, 400)', 1.5], ['round(1.5, -400)', 0],
    ['round(1.234e-20, 22)', 1.23e-20],
  ])('%s = %d (half away from zero)', (text, v) => {
    expect(value(text)).toBe(v);
  });

  it('and, or, not give 1 or 0; a blank only matters when it could change the answer', () => {
    const f = () => fixture({ rows: { blank: [NaN] } });
    expect(value('and(1, 2, -1)')).toBe(1);
    expect(value('and(1, 0)')).toBe(0);
    expect(value('and(blank, 0)', f())).toBe(0);
    expect(value('or(0, 0)')).toBe(0);
    expect(value('or(0, 3)')).toBe(1);
    expect(value('or(blank, 1)', f())).toBe(1);
    expect(value('not(0)')).toBe(1);
    expect(value('not(5)')).toBe(0);
  });

  it('and stops at a false argument, or at a true one', () => {
    const f = fixture();
    expect(value('and(0, 1/0)', f)).toBe(0);
    expect(value('or(1, 1/0)', f)).toBe(1);
    expect(f.reports).toEqual([]);
  });

  it('prev reads the previous period and is blank in the first', () => {
    const f = fixture({ rows: { a: [1, 2, 3, 4] } });
    expect(run('prev(a)', f)).toEqual([NaN, 1, 2, 3]);
    expect(run('prev(prev(a))', f)).toEqual([NaN, NaN, 1, 2]);
    expect(run('a - prev(a)', f)).toEqual([NaN, 1, 1, 1]);
  });

  it('prev of a formula row lets a row grow from its own history', () => {
    const f = fixture({ rows: { x: [100, NaN, NaN, NaN] } });
    const compiled = compileFormula(parsed('prev(x) * 1.1'), f.ctx);
    if (!compiled.ok) throw new Error('compile');
    // As the engine does: period 0 holds an actual, later periods are computed in order and stored.
    for (let t = 1; t < 4; t++) f.values[t] = compiled.value(t);
    close(Array.from(f.values), [100, 110, 121, 133.1]);
  });

  it('growth is x / prev(x) - 1', () => {
    const f = fixture({ rows: { a: [100, 110, 121, 0, 5] } });
    close(run('growth(a)', f), [NaN, 0.1, 0.1, -1, NaN]);
    expect(f.reports).toEqual([{ code: 'divisionByZero', position: 0 }]);
  });

  it('growth of growth', () => {
    const f = fixture({ rows: { a: [1, 2, 6, 24] } });
    close(run('growth(growth(a))', f), [NaN, NaN, 1, 0.5]);
  });

  it('cumsum is the running sum from the first period', () => {
    const f = fixture({ rows: { a: [1, 2, 3, 4] } });
    expect(run('cumsum(a)', f)).toEqual([1, 3, 6, 10]);
    expect(run('cumsum(a) - a', f)).toEqual([0, 1, 3, 6]);
    expect(run('cumsum(prev(a))', f)).toEqual([NaN, NaN, NaN, NaN]);
    expect(run('prev(cumsum(a))', f)).toEqual([NaN, 1, 3, 6]);
    expect(run('cumsum(cumsum(a))', f)).toEqual([1, 4, 10, 20]);
  });

  it('cumsum stays blank after a blank period', () => {
    const f = fixture({ rows: { a: [1, NaN, 3, 4] } });
    expect(run('cumsum(a)', f)).toEqual([1, NaN, NaN, NaN]);
  });

  it('cumsum is correct when periods are asked out of order', () => {
    const f = fixture({ rows: { a: [1, 2, 3, 4, 5] } });
    const c = compileFormula(parsed('cumsum(a)'), f.ctx);
    if (!c.ok) throw new Error('compile');
    expect([3, 1, 4, 0, 2, 2, 4].map((t) => c.value(t))).toEqual([10, 3, 15, 1, 6, 6, 15]);
  });

  it('cumsum starts over when a new pass starts after the inputs change', () => {
    const f = fixture({ rows: { a: [1, 1, 1] } });
    const c = compileFormula(parsed('cumsum(a)'), f.ctx);
    if (!c.ok) throw new Error('compile');
    expect([0, 1, 2].map((t) => c.value(t))).toEqual([1, 2, 3]);
    f.set('a', [2, 2, 2]);
    expect([0, 1, 2].map((t) => c.value(t))).toEqual([2, 4, 6]);
    f.set('a', [5, 5, 5]);
    // A pass that skips the first periods (they hold actuals) still starts over.
    expect([1, 2].map((t) => c.value(t))).toEqual([10, 15]);
  });

  it('cumsum evaluates its argument once per period when called in order', () => {
    // Each evaluation of 1/z reports once, so the reports count the evaluations.
    const n = 1000;
    const f = fixture({ rows: { z: new Array<number>(n).fill(0) } });
    run('cumsum(1 / z)', f);
    expect(f.reports.length).toBe(n);
  });

  it('nested growth costs one evaluation of the argument per period, not 2^depth', () => {
    const n = 50;
    const f = fixture({ rows: { z: new Array<number>(n).fill(0) } });
    run(`${'growth('.repeat(30)}1 / z${')'.repeat(30)}`, f);
    expect(f.reports.length).toBe(n);
  });

  it('sumgroup adds the group members at this period', () => {
    const f = fixture({
      rows: { hanoi: [1, 2], hue: [10, 20], other: [100, 100] },
      groups: { north: ['hanoi', 'hue'], empty: [] },
    });
    expect(run('sumgroup(north)', f)).toEqual([11, 22]);
    expect(run('SUMGROUP(empty)', f)).toEqual([0, 0]);
    f.set('hue', [NaN, 20]);
    expect(run('sumgroup(north)', f)).toEqual([NaN, 22]);
  });

  it('target reads the target values of an indicator, blank where there is none', () => {
    const f = fixture({ rows: { a: [50, 60, 70] }, targets: { a: [NaN, 65, 80] } });
    expect(run('target(a)', f)).toEqual([NaN, 65, 80]);
    close(run('a / target(a)', f), [NaN, 60 / 65, 70 / 80]);
  });
});

describe('compile errors', () => {
  const f = () => fixture({ rows: { a: [1], b: [2] }, groups: { g: ['a'] } });

  it('reports the first unknown name with its position and length', () => {
    expect(compileError('a + population * c', f())).toEqual({ code: 'unknownName', position: 4, length: 10, name: 'population' });
  });

  it('tells indicator ids apart by case', () => {
    expect(compileError('A + b', f())).toMatchObject({ code: 'unknownName', position: 0, name: 'A' });
  });

  it('reports an unknown group at the argument', () => {
    expect(compileError('1 + sumgroup(south)', f())).toEqual({ code: 'unknownGroup', position: 13, length: 5, name: 'south' });
  });

  it('reports an unknown indicator in target()', () => {
    expect(compileError('target(zz)', f())).toEqual({ code: 'unknownName', position: 7, length: 2, name: 'zz' });
  });

  it('checks hand-built trees: unknown function, arity, bad argument', () => {
    const fx = f();
    const one: FormulaAst = { kind: 'number', value: 1, position: 0, length: 1 };
    const bad = (ast: unknown) => {
      const r = compileFormula(ast as FormulaAst, fx.ctx);
      return r.ok ? null : r.error;
    };
    expect(bad({ kind: 'call', fn: 'eval', args: [one], position: 0, length: 4 })).toMatchObject({ code: 'unknownFunction', name: 'eval' });
    expect(bad({ kind: 'call', fn: 'abs', args: [], position: 0, length: 3 })).toMatchObject({ code: 'arity', expected: '1', found: '0' });
    expect(bad({ kind: 'call', fn: 'sumgroup', args: [one], position: 0, length: 8 })).toMatchObject({ code: 'badArgument' });
  });

  it('refuses a hand-built tree nested 100,000 deep with tooDeep instead of overflowing the stack', () => {
    let ast: FormulaAst = { kind: 'number', value: 1, position: 0, length: 1 };
    for (let i = 0; i < 100_000; i++) ast = { kind: 'unary', op: '-', operand: ast, position: 0 };
    const r = compileFormula(ast, f().ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'tooDeep' } });
  });

  it('compiles a hand-built sum of 100,000 terms into a loop that does not overflow the stack', () => {
    let ast: FormulaAst = { kind: 'number', value: 0, position: 0, length: 1 };
    for (let i = 0; i < 100_000; i++) ast = { kind: 'binary', op: '+', left: ast, right: { kind: 'name', name: 'a', position: 0, length: 1 }, position: 0 };
    const r = compileFormula(ast, f().ctx);
    if (!r.ok) throw new Error('compile');
    expect(r.value(0)).toBe(100_000);
  });

  it('rejects rows the matrix does not have, as unknown names', () => {
    const fx = f();
    const r = compileFormula(parsed('a'), { ...fx.ctx, rowOf: () => 7 });
    expect(r).toMatchObject({ ok: false, error: { code: 'unknownName' } });
  });
});

describe('the compiled formula', () => {
  it('is blank outside the periods and at non-integer periods', () => {
    const f = fixture({ rows: { a: [1, 2] }, periods: 2 });
    const c = compileFormula(parsed('a + 1'), f.ctx);
    if (!c.ok) throw new Error('compile');
    for (const t of [-1, 2, 0.5, NaN, Infinity]) expect(c.value(t)).toBeNaN();
    expect(c.value(1)).toBe(3);
  });

  it('reads the matrix live: a changed input shows at the next call', () => {
    const f = fixture({ rows: { a: [1] } });
    const c = compileFormula(parsed('a * 2'), f.ctx);
    if (!c.ok) throw new Error('compile');
    expect(c.value(0)).toBe(2);
    f.set('a', [21]);
    expect(c.value(0)).toBe(42);
  });
});
