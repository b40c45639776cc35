import { describe, expect, it } from 'vitest';
import { formulaDependencies, type FormulaAst } from '../../../src/engine/formula/index.ts';
import { parsed } from './helpers.ts';

const deps = (text: string) => formulaDependencies(parsed(text));

describe('formulaDependencies', () => {
  it('lists each indicator once, in the order written', () => {
    expect(deps('b + a * b - if(c, a, d)')).toEqual({ indicators: ['b', 'a', 'c', 'd'], groups: [], lagged: [], targets: [] });
  });

  it('marks indicators read only inside prev as lagged', () => {
    expect(deps('prev(a) + b')).toMatchObject({ indicators: ['a', 'b'], lagged: ['a'] });
    expect(deps('prev(prev(a) * 2)')).toMatchObject({ lagged: ['a'] });
    expect(deps('prev(growth(a)) + prev(cumsum(b))')).toMatchObject({ lagged: ['a', 'b'] });
  });

  it('does not mark an indicator lagged when it is also read at this period', () => {
    expect(deps('prev(a) + a')).toMatchObject({ lagged: [] });
    expect(deps('a + prev(a)')).toMatchObject({ lagged: [] });
  });

  it('counts growth and cumsum as reading this period', () => {
    expect(deps('growth(a)')).toMatchObject({ indicators: ['a'], lagged: [] });
    expect(deps('cumsum(a)')).toMatchObject({ indicators: ['a'], lagged: [] });
  });

  it('lists groups of sumgroup and ids of target apart from indicators', () => {
    expect(deps('sumgroup(north) / target(gdp) + sumgroup(north)')).toEqual({
      indicators: [], groups: ['north'], lagged: [], targets: ['gdp'],
    });
    expect(deps('gdp / target(gdp)')).toMatchObject({ indicators: ['gdp'], targets: ['gdp'] });
  });

  it('has no dependencies for a constant', () => {
    expect(deps('1 + 2')).toEqual({ indicators: [], groups: [], lagged: [], targets: [] });
  });

  it('walks a hand-built tree 100,000 deep without recursion', () => {
    let ast: FormulaAst = { kind: 'name', name: 'a', position: 0, length: 1 };
    for (let i = 0; i < 100_000; i++) ast = { kind: 'unary', op: '-', operand: ast, position: 0 };
    expect(formulaDependencies(ast).indicators).toEqual(['a']);
  });
});
