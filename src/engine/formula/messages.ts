/**
 * Short messages for formula errors, Vietnamese first. Positions are shown 1-based: people count
 * characters from one.
 */
import { FORMULA_LIMITS, type FormulaError } from './errors.ts';

export type MessageLanguage = 'vi' | 'en';

const q = (s: string): string => `“${s}”`;

const EXPECTATIONS: Record<string, { vi: string; en: string }> = {
  operand: { vi: 'một số, một tên, một hàm hoặc “(”', en: 'a number, a name, a function or “(”' },
  end: { vi: 'một phép toán hoặc hết công thức', en: 'an operator or the end of the formula' },
  ')': { vi: 'một phép toán hoặc “)”', en: 'an operator or “)”' },
  ',)': { vi: 'một phép toán, “,” hoặc “)”', en: 'an operator, “,” or “)”' },
  digits: { vi: 'chữ số sau “e”', en: 'digits after “e”' },
  groupId: { vi: 'mã của một nhóm', en: 'a group id' },
  indicatorId: { vi: 'mã của một chỉ tiêu', en: 'an indicator id' },
};

function expectation(code: string | undefined, lang: MessageLanguage): string {
  if (code === undefined) return lang === 'vi' ? 'một phần khác' : 'something else';
  const known = Object.hasOwn(EXPECTATIONS, code) ? EXPECTATIONS[code] : undefined;
  return known ? known[lang] : q(code);
}

/** `1`, `1-2`, `1+` as words. */
function arity(expected: string | undefined, lang: MessageLanguage): string {
  const text = expected ?? '?';
  const [min, max] = text.split('-');
  if (text.endsWith('+')) return lang === 'vi' ? `ít nhất ${text.slice(0, -1)}` : `at least ${text.slice(0, -1)}`;
  if (max !== undefined) return lang === 'vi' ? `từ ${min} đến ${max}` : `${min} to ${max}`;
  return text;
}

function thousands(n: number, lang: MessageLanguage): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}

export function formatFormulaError(e: FormulaError, lang: MessageLanguage): string {
  const p = e.position + 1;
  const vi = lang === 'vi';
  const at = vi ? `(vị trí ${p})` : `(position ${p})`;
  const name = q(e.name ?? '');
  switch (e.code) {
    case 'syntax':
      if (e.expected === 'and') {
        return vi
          ? `Không so sánh nối tiếp được ${at}: viết and(a < b, b < c) thay cho a < b < c.`
          : `Comparisons cannot be chained ${at}: write and(a < b, b < c) instead of a < b < c.`;
      }
      if (e.expected === 'digits') {
        return vi
          ? `Số ${q(e.found ?? '')} viết sai ${at}: thiếu chữ số sau “e”.`
          : `Malformed number ${q(e.found ?? '')} ${at}: digits must follow “e”.`;
      }
      if (e.expected === undefined) {
        return vi ? `Không hiểu ${q(e.found ?? '')} ${at}.` : `Unexpected ${q(e.found ?? '')} ${at}.`;
      }
      {
        // The usual slip of a Vietnamese keyboard: 1,5 for 1.5.
        const comma = e.found === ',' && e.expected === 'end'
          ? (vi ? ' Dấu thập phân là “.”, không phải “,”.' : ' The decimal separator is “.”, not “,”.')
          : '';
        return vi
          ? `Lỗi cú pháp ở vị trí ${p}: gặp ${q(e.found ?? '')}, cần ${expectation(e.expected, lang)}.${comma}`
          : `Syntax error at position ${p}: found ${q(e.found ?? '')}, expected ${expectation(e.expected, lang)}.${comma}`;
      }
    case 'unexpectedEnd':
      if (e.position === 0) return vi ? 'Công thức trống.' : 'The formula is empty.';
      return vi
        ? `Công thức chưa kết thúc ${at}: cần ${expectation(e.expected, lang)}.`
        : `The formula ends too early ${at}: expected ${expectation(e.expected, lang)}.`;
    case 'unknownName':
      return vi ? `Không biết tên ${name} ${at}.` : `Unknown name ${name} ${at}.`;
    case 'unknownFunction':
      return vi ? `Không có hàm ${name} ${at}.` : `Unknown function ${name} ${at}.`;
    case 'unknownGroup':
      return vi ? `Không có nhóm ${name} ${at}.` : `Unknown group ${name} ${at}.`;
    case 'arity': {
      const count = arity(e.expected, lang);
      return vi
        ? `Hàm ${name} nhận ${count} đối số, nhưng ở đây có ${e.found ?? '?'} ${at}.`
        : `Function ${name} takes ${count} argument${e.expected === '1' ? '' : 's'} but got ${e.found ?? '?'} ${at}.`;
    }
    case 'tooDeep':
      return vi
        ? `Công thức lồng nhau quá sâu (quá ${FORMULA_LIMITS.depth} mức) ở vị trí ${p}.`
        : `The formula is nested too deeply (more than ${FORMULA_LIMITS.depth} levels) at position ${p}.`;
    case 'tooLong':
      return vi
        ? `Công thức quá dài: tối đa ${thousands(FORMULA_LIMITS.length, lang)} ký tự ${at}.`
        : `The formula is too long: at most ${thousands(FORMULA_LIMITS.length, lang)} characters ${at}.`;
    case 'badArgument':
      return vi
        ? `Đối số của hàm ${name} phải là ${expectation(e.expected, lang)} ${at}.`
        : `The argument of ${name} must be ${expectation(e.expected, lang)} ${at}.`;
    case 'divisionByZero':
      return vi ? `Chia cho 0 ${at}.` : `Division by zero ${at}.`;
    case 'notFinite':
      if (e.found !== undefined) {
        return vi ? `Số ${q(e.found)} quá lớn ${at}.` : `The number ${q(e.found)} is too large ${at}.`;
      }
      return vi
        ? `Kết quả quá lớn hoặc không xác định ${at}.`
        : `The result is too large or undefined ${at}.`;
    case 'cycle': {
      const loop = e.cycle && e.cycle.length > 0 ? [...e.cycle, e.cycle[0]].join(' → ') : '';
      if (!loop) return vi ? 'Các chỉ tiêu phụ thuộc vòng tròn vào nhau.' : 'Circular dependency.';
      return vi ? `Vòng phụ thuộc: ${loop}.` : `Circular dependency: ${loop}.`;
    }
  }
}
