/**
 * Splits formula text into tokens. The whole text is tokenised before parsing: it is at most
 * FORMULA_LIMITS.length characters, and a token list lets the parser look one token ahead.
 */
import { err, ok, type Result } from '../result.ts';
import type { FormulaError } from './errors.ts';

export type TokenType =
  | 'number' | 'name' | '(' | ')' | ','
  | '+' | '-' | '*' | '/' | '^'
  | '<' | '<=' | '>' | '>=' | '=' | '<>'
  | 'end';

export interface Token {
  type: TokenType;
  /** The text as written (empty for `end`). */
  text: string;
  position: number;
  /** The parsed value of a `number` token. */
  value: number;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
// Formulas are pasted from documents and chat messages: non-breaking and other Unicode spaces count.
const isSpace = (ch: string): boolean => /\s/.test(ch);

/** Shown in errors: a long run of garbage is cut so that the message stays readable. */
export function shown(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

export function tokenize(text: string): Result<Token[], FormulaError> {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    const c = text.charCodeAt(i);
    if (isSpace(ch)) { i++; continue; }
    const start = i;
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const e = text.charCodeAt(i);
      if (e === 101 || e === 69) {
        i++;
        const sign = text.charCodeAt(i);
        if (sign === 43 || sign === 45) i++;
        if (!isDigit(text.charCodeAt(i))) {
          // The malformed number is the rest of what looks like one: `1e`, `2E+`, `3ex`.
          while (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
          return err({ code: 'syntax', position: start, length: i - start, expected: 'digits', found: shown(text.slice(start, i)) });
        }
        while (isDigit(text.charCodeAt(i))) i++;
      }
      // `12abc` is neither a number nor a name; say so rather than report a missing operator.
      if (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) {
        while (i < n && (isNamePart(text.charCodeAt(i)) || text.charCodeAt(i) === 46)) i++;
        return err({ code: 'syntax', position: start, length: i - start, found: shown(text.slice(start, i)) });
      }
      const literal = text.slice(start, i);
      const value = Number(literal);
      if (!Number.isFinite(value)) {
        return err({ code: 'notFinite', position: start, length: i - start, found: shown(literal) });
      }
      tokens.push({ type: 'number', text: literal, position: start, value });
      continue;
    }
    if (isNameStart(c)) {
      while (isNamePart(text.charCodeAt(i))) i++;
      tokens.push({ type: 'name', text: text.slice(start, i), position: start, value: NaN });
      continue;
    }
    let type: TokenType | null = null;
    switch (ch) {
      case '(': case ')': case ',': case '+': case '-': case '*': case '/': case '^': case '=':
        type = ch;
        break;
      case '<': {
        const next = text[i + 1];
        type = next === '=' ? '<=' : next === '>' ? '<>' : '<';
        break;
      }
      case '>':
        type = text[i + 1] === '=' ? '>=' : '>';
        break;
    }
    if (type === null) {
      // A whole code point, so that an emoji or a surrogate pair is shown intact.
      const cp = text.codePointAt(i) ?? c;
      const width = cp > 0xffff ? 2 : 1;
      return err({ code: 'syntax', position: start, length: width, found: text.slice(start, start + width) });
    }
    i += type.length;
    tokens.push({ type, text: type, position: start, value: NaN });
  }
  tokens.push({ type: 'end', text: '', position: n, value: NaN });
  return ok(tokens);
}
