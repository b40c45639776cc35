import { describe, expect, it } from 'vitest';
import { formatFormulaError, parseFormula, type FormulaError, type FormulaErrorCode } from '../../../src/engine/formula/index.ts';
import { compileError, fixture, parseError } from './helpers.ts';

const both = (e: FormulaError) => ({ vi: formatFormulaError(e, 'vi'), en: formatFormulaError(e, 'en') });

describe('formatFormulaError', () => {
  it('names an unknown name and its 1-based position', () => {
    expect(both(compileError('a + abc', fixture({ rows: { a: [1] } })))).toEqual({
      vi: 'Không biết tên “abc” (vị trí 5).',
      en: 'Unknown name “abc” (position 5).',
    });
  });

  it('says what was found and what was expected', () => {
    expect(both(parseError('1 + * 2'))).toEqual({
      vi: 'Lỗi cú pháp ở vị trí 5: gặp “*”, cần một số, một tên, một hàm hoặc “(”.',
      en: 'Syntax error at position 5: found “*”, expected a number, a name, a function or “(”.',
    });
  });

  it('hints at the decimal point when a comma follows a number', () => {
    expect(formatFormulaError(parseError('1,5'), 'vi')).toContain('Dấu thập phân là “.”');
    expect(formatFormulaError(parseError('1,5'), 'en')).toContain('decimal separator is “.”');
  });

  it('states the accepted argument count', () => {
    expect(both(parseError('round(1, 2, 3)'))).toEqual({
      vi: 'Hàm “round” nhận từ 1 đến 2 đối số, nhưng ở đây có 3 (vị trí 1).',
      en: 'Function “round” takes 1 to 2 arguments but got 3 (position 1).',
    });
    expect(formatFormulaError(parseError('abs()'), 'en')).toBe('Function “abs” takes 1 argument but got 0 (position 1).');
    expect(formatFormulaError(parseError('max()'), 'vi')).toBe('Hàm “max” nhận ít nhất 1 đối số, nhưng ở đây có 0 (vị trí 1).');
  });

  it('describes an empty formula and one that ends too early', () => {
    expect(both(parseError(''))).toEqual({ vi: 'Công thức trống.', en: 'The formula is empty.' });
    expect(formatFormulaError(parseError('(1 + 2'), 'vi')).toBe('Công thức chưa kết thúc (vị trí 7): cần một phép toán hoặc “)”.');
  });

  it('describes runtime errors', () => {
    expect(both({ code: 'divisionByZero', position: 2 })).toEqual({ vi: 'Chia cho 0 (vị trí 3).', en: 'Division by zero (position 3).' });
  });

  it('draws a cycle as a loop back to its first indicator', () => {
    expect(both({ code: 'cycle', position: 0, cycle: ['a', 'b', 'c'] })).toEqual({
      vi: 'Vòng phụ thuộc: a → b → c → a.',
      en: 'Circular dependency: a → b → c → a.',
    });
  });

  it('gives every error code a distinct message in each language, with its position', () => {
    const samples: Record<FormulaErrorCode, FormulaError> = {
      syntax: parseError('a % b'),
      unexpectedEnd: parseError('1 +'),
      unknownName: { code: 'unknownName', position: 3, name: 'x' },
      unknownFunction: parseError('foo(1)'),
      unknownGroup: { code: 'unknownGroup', position: 3, name: 'g' },
      arity: parseError('if(1)'),
      tooDeep: parseError('-'.repeat(100) + '1'),
      tooLong: (() => { const r = parseFormula('1'.repeat(5000)); return r.ok ? { code: 'tooLong', position: 0 } : r.error; })(),
      badArgument: parseError('sumgroup(1)'),
      divisionByZero: { code: 'divisionByZero', position: 3 },
      notFinite: { code: 'notFinite', position: 3 },
      cycle: { code: 'cycle', position: 0, cycle: ['a'] },
    };
    for (const lang of ['vi', 'en'] as const) {
      const messages = Object.values(samples).map((e) => formatFormulaError(e, lang));
      expect(new Set(messages).size).toBe(messages.length);
      Object.values(samples).forEach((e, i) => {
        if (e.code !== 'cycle') expect(messages[i]).toContain(String(e.position + 1));
      });
    }
    expect(formatFormulaError(samples.tooLong, 'vi')).toContain('4.000');
    expect(formatFormulaError(samples.tooLong, 'en')).toContain('4,000');
  });
});
