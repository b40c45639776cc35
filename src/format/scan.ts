/**
 * The text checks that run before `JSON.parse`: size in UTF-8 bytes, then one pass over the
 * characters that checks the JSON grammar, the nesting depth and duplicate keys.
 *
 * Why a scanner of our own: `JSON.parse` silently keeps the last of two equal keys, would build
 * 10,000 nested arrays before we could refuse them, and words its syntax errors differently in
 * every browser (some give no position at all). The scanner is iterative (an explicit stack, no
 * recursion), stops at the first syntax error or at the depth limit, and reports every duplicate
 * key with its path, line and column. It builds no values: `JSON.parse` does that afterwards, on
 * text the scanner has accepted.
 */
import { appendPath, IssueList, type FileIssue, type PathSegment } from './issues.ts';

/**
 * UTF-8 length of a string, counting a lone surrogate as the 3 bytes of the U+FFFD an encoder
 * writes for it. Stops counting once past `stopAfter`.
 */
export function utf8Length(text: string, stopAfter: number = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > stopAfter) return bytes;
  }
  return bytes;
}

/** The JSON grammar's tokens, as `expected` of `syntax` and `unexpectedEnd` issues. */
export type JsonToken =
  | 'value'
  | 'key'
  | 'colon'
  | 'commaOrObjectEnd'
  | 'commaOrArrayEnd'
  | 'endOfText'
  | 'digit'
  | 'hexDigit'
  | 'escape'
  | 'closingQuote'
  | 'escapedControl'
  | 'literal';

interface Frame {
  readonly isObject: boolean;
  /** Keys seen so far (objects only). */
  readonly keys: Set<string> | null;
  /** The current key (objects; null before the first or next key is read) or index (arrays). */
  segment: PathSegment | null;
}

// Character codes the scanner looks at.
const TAB = 9;
const LINE_FEED = 10;
const RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const UPPER_E = 69;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const LOWER_E = 101;
const LOWER_F = 102;
const LOWER_N = 110;
const LOWER_T = 116;
const LOWER_U = 117;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** The character a one-letter escape stands for, or null when a backslash and that letter is not JSON. */
function simpleEscape(c: number): string | null {
  switch (c) {
    case QUOTE: return '"';
    case BACKSLASH: return '\\';
    case 47: return '/';
    case 98: return '\b';
    case LOWER_F: return '\f';
    case LOWER_N: return '\n';
    case 114: return '\r';
    case LOWER_T: return '\t';
    default: return null;
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Thrown inside the scanner only, caught by `scanJson`: a syntax error or the depth limit. */
class Stop {
  readonly issue: FileIssue;
  constructor(issue: FileIssue) {
    this.issue = issue;
  }
}

/**
 * Checks `text` as JSON without building it. Returns the issues found: empty when the text is
 * well-formed, no deeper than `maxDepth` containers and free of duplicate keys. A leading byte
 * order mark is allowed (and must be dropped before `JSON.parse`, see `stripBom`).
 */
export function scanJson(text: string, maxDepth: number): FileIssue[] {
  const issues = new IssueList();
  const stack: Frame[] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const path = (): string => {
    let out = '';
    for (const frame of stack) if (frame.segment !== null) out = appendPath(out, frame.segment);
    return out;
  };
  const position = (at: number) => ({ line, column: at - lineStart + 1 });
  const found = (at: number): string => {
    const c = text.codePointAt(at) ?? 0;
    return JSON.stringify(String.fromCodePoint(c));
  };
  const fail = (expected: JsonToken, at: number = pos): never => {
    // A container's own path ends with the key or index being read; at its opening or closing
    // the error belongs to the container itself.
    if (at >= n) throw new Stop({ path: path(), code: 'unexpectedEnd', expected, ...position(at) });
    throw new Stop({ path: path(), code: 'syntax', expected, received: found(at), ...position(at) });
  };

  const skipSpace = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB || c === RETURN) pos += 1;
      else if (c === LINE_FEED) {
        pos += 1;
        line += 1;
        lineStart = pos;
      } else return;
    }
  };

  /** Reads a string starting at its opening quote; returns its decoded value when `decode`. */
  const readString = (decode: boolean): string => {
    pos += 1; // opening quote
    const start = pos;
    let escaped = false;
    for (;;) {
      if (pos >= n) fail('closingQuote');
      const c = text.charCodeAt(pos);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        escaped = true;
        const e = text.charCodeAt(pos + 1);
        if (pos + 1 >= n) fail('escape', pos + 1);
        if (e === LOWER_U) {
          for (let k = 2; k < 6; k++) {
            if (pos + k >= n || !isHex(text.charCodeAt(pos + k))) fail('hexDigit', pos + k);
          }
          pos += 6;
        } else if (simpleEscape(e) !== null) pos += 2;
        else fail('escape', pos + 1);
      } else if (c < 0x20) fail('escapedControl');
      else pos += 1;
    }
    const end = pos;
    pos += 1; // closing quote
    if (!decode) return '';
    return escaped ? decodeString(text, start, end) : text.slice(start, end);
  };

  const readDigits = (): void => {
    const c = text.charCodeAt(pos);
    if (!(c >= ZERO && c <= NINE)) fail('digit');
    while (pos < n) {
      const d = text.charCodeAt(pos);
      if (d >= ZERO && d <= NINE) pos += 1;
      else break;
    }
  };

  const readNumber = (): void => {
    if (text.charCodeAt(pos) === MINUS) pos += 1;
    if (text.charCodeAt(pos) === ZERO) pos += 1;
    else readDigits();
    if (text.charCodeAt(pos) === DOT) {
      pos += 1;
      readDigits();
    }
    const e = text.charCodeAt(pos);
    if (e === LOWER_E || e === UPPER_E) {
      pos += 1;
      const sign = text.charCodeAt(pos);
      if (sign === PLUS || sign === MINUS) pos += 1;
      readDigits();
    }
  };

  const readLiteral = (word: string): void => {
    for (let k = 0; k < word.length; k++) {
      if (text.charCodeAt(pos + k) !== word.charCodeAt(k)) fail('literal', pos + k);
    }
    pos += word.length;
  };

  /** Reads a key, its colon, and records it on the object on top of the stack. */
  const readKey = (frame: Frame): void => {
    frame.segment = null;
    if (text.charCodeAt(pos) !== QUOTE) fail('key');
    const keyLine = line;
    const keyColumn = pos - lineStart + 1;
    const key = readString(true);
    frame.segment = key;
    if (frame.keys !== null) {
      if (frame.keys.has(key)) issues.add({ path: path(), code: 'duplicateKey', line: keyLine, column: keyColumn });
      else frame.keys.add(key);
    }
    skipSpace();
    if (text.charCodeAt(pos) !== COLON) fail('colon');
    pos += 1;
    skipSpace();
  };

  const open = (isObject: boolean): Frame => {
    if (stack.length >= maxDepth) {
      throw new Stop({ path: path(), code: 'tooDeep', limit: maxDepth, ...position(pos) });
    }
    pos += 1;
    const frame: Frame = { isObject, keys: isObject ? new Set() : null, segment: isObject ? null : 0 };
    stack.push(frame);
    skipSpace();
    return frame;
  };

  try {
    skipSpace();
    // Each turn of the loop reads one value, then closes every container that ends after it.
    for (;;) {
      const c = text.charCodeAt(pos);
      let scalar = true;
      if (c === OPEN_BRACE) {
        const frame = open(true);
        if (text.charCodeAt(pos) === CLOSE_BRACE) pos += 1;
        else {
          readKey(frame);
          scalar = false;
        }
      } else if (c === OPEN_BRACKET) {
        open(false);
        if (text.charCodeAt(pos) === CLOSE_BRACKET) pos += 1;
        else scalar = false;
      } else if (c === QUOTE) readString(false);
      else if (c === MINUS || (c >= ZERO && c <= NINE)) readNumber();
      else if (c === LOWER_T) readLiteral('true');
      else if (c === LOWER_F) readLiteral('false');
      else if (c === LOWER_N) readLiteral('null');
      else fail('value');

      if (!scalar) continue; // a container was opened and its first value comes next
      // After a complete value (or an empty container, which is popped here): commas and closers.
      if (c === OPEN_BRACE || c === OPEN_BRACKET) stack.pop();
      for (;;) {
        skipSpace();
        const frame = stack[stack.length - 1];
        if (frame === undefined) {
          if (pos < n) fail('endOfText');
          return issues.toArray();
        }
        const d = text.charCodeAt(pos);
        if (frame.isObject) {
          if (d === COMMA) {
            pos += 1;
            skipSpace();
            readKey(frame);
            break;
          }
          if (d === CLOSE_BRACE) {
            pos += 1;
            stack.pop();
            continue;
          }
          fail('commaOrObjectEnd');
        } else {
          if (d === COMMA) {
            pos += 1;
            frame.segment = typeof frame.segment === 'number' ? frame.segment + 1 : 0;
            skipSpace();
            break;
          }
          if (d === CLOSE_BRACKET) {
            pos += 1;
            stack.pop();
            continue;
          }
          fail('commaOrArrayEnd');
        }
      }
    }
  } catch (e) {
    if (e instanceof Stop) return [...issues.toArray(), e.issue];
    throw e;
  }
}

/** Decodes the body of a JSON string the scanner has accepted (escapes are well-formed). */
function decodeString(text: string, start: number, end: number): string {
  let out = '';
  let from = start;
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i += 1;
      continue;
    }
    out += text.slice(from, i);
    const e = text.charCodeAt(i + 1);
    if (e === LOWER_U) {
      out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      out += simpleEscape(e) ?? '';
      i += 2;
    }
    from = i;
  }
  return out + text.slice(from, end);
}

/** The text without a leading byte order mark, for `JSON.parse`. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
