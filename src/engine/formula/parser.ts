/**
 * Recursive descent over the token list.
 *
 *   formula    := '='? comparison END
 *   comparison := additive (('<' | '<=' | '>' | '>=' | '=' | '<>') additive)?
 *   additive   := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := ('-' | '+') unary | power
 *   power      := primary ('^' unary)?
 *   primary    := NUMBER | NAME | NAME '(' (comparison (',' comparison)*)? ')' | '(' comparison ')'
 *
 * So `-2^2` is -(2^2) = -4 as in mathematics, `2^3^2` is 2^(3^2), `2^-1` is 0.5, and
 * `a < b < c` is rejected rather than read as (a < b) < c.
 *
 * Only parentheses, calls, unary signs and exponents recurse; chains of `+` or `*` are loops. Each
 * recursion counts one nesting level against FORMULA_LIMITS.depth, so the JavaScript stack never
 * grows with the input: 10,000 nested parentheses stop at level 65 with `tooDeep`.
 */
import { err, ok, type Result } from '../result.ts';
import type { BinaryOperator, ComparisonOperator, FormulaAst } from './ast.ts';
import { FORMULA_LIMITS, type Expectation, type FormulaError } from './errors.ts';
import { arityText, lookupFunction } from './functions.ts';
import { shown, tokenize, type Token, type TokenType } from './lexer.ts';

/**
 * Thrown inside the parser only, caught in parseFormula: unwinding a recursive descent by
 * exception keeps every grammar rule a plain function returning its node.
 */
class ParseFailure {
  constructor(readonly error: FormulaError) {}
}

const COMPARISONS: ReadonlySet<TokenType> = new Set<TokenType>(['<', '<=', '>', '>=', '=', '<>']);

export function parseFormula(text: string): Result<FormulaAst, FormulaError> {
  if (text.length > FORMULA_LIMITS.length) {
    return err({ code: 'tooLong', position: FORMULA_LIMITS.length, length: text.length - FORMULA_LIMITS.length });
  }
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  try {
    return ok(new Parser(tokens.value).formula());
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.error);
    throw e;
  }
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    // The list always ends with an `end` token and the parser never moves past it.
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private fail(token: Token, expected: Expectation): never {
    if (token.type === 'end') {
      throw new ParseFailure({ code: 'unexpectedEnd', position: token.position, expected });
    }
    throw new ParseFailure({ code: 'syntax', position: token.position, length: token.text.length, expected, found: shown(token.text) });
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > FORMULA_LIMITS.depth) {
      throw new ParseFailure({ code: 'tooDeep', position: token.position, length: Math.max(1, token.text.length) });
    }
  }

  private leave(): void {
    this.depth--;
  }

  formula(): FormulaAst {
    // A spreadsheet habit: `=a+b` means `a+b`.
    if (this.peek().type === '=') this.next();
    const ast = this.comparison();
    const last = this.peek();
    if (last.type !== 'end') this.fail(last, 'end');
    return ast;
  }

  private comparison(): FormulaAst {
    const left = this.additive();
    const op = this.peek();
    if (!COMPARISONS.has(op.type)) return left;
    this.next();
    const right = this.additive();
    const again = this.peek();
    if (COMPARISONS.has(again.type)) this.fail(again, 'and');
    return { kind: 'binary', op: op.type as ComparisonOperator, left, right, position: op.position };
  }

  private additive(): FormulaAst {
    let left = this.term();
    for (;;) {
      const op = this.peek();
      if (op.type !== '+' && op.type !== '-') return left;
      this.next();
      const right = this.term();
      left = { kind: 'binary', op: op.type, left, right, position: op.position };
    }
  }

  private term(): FormulaAst {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      if (op.type !== '*' && op.type !== '/') return left;
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op: op.type as BinaryOperator, left, right, position: op.position };
    }
  }

  private unary(): FormulaAst {
    const op = this.peek();
    if (op.type !== '-' && op.type !== '+') return this.power();
    this.next();
    this.enter(op);
    const operand = this.unary();
    this.leave();
    return { kind: 'unary', op: op.type, operand, position: op.position };
  }

  private power(): FormulaAst {
    const base = this.primary();
    const op = this.peek();
    if (op.type !== '^') return base;
    this.next();
    this.enter(op);
    const exponent = this.unary();
    this.leave();
    return { kind: 'binary', op: '^', left: base, right: exponent, position: op.position };
  }

  private primary(): FormulaAst {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: token.value, position: token.position, length: token.text.length };
      case 'name':
        if (this.peek().type === '(') return this.call(token);
        return { kind: 'name', name: token.text, position: token.position, length: token.text.length };
      case '(': {
        this.enter(token);
        const inner = this.comparison();
        this.leave();
        const close = this.next();
        if (close.type !== ')') this.fail(close, ')');
        return inner;
      }
      case ')': case ',': case '+': case '-': case '*': case '/': case '^':
      case '<': case '<=': case '>': case '>=': case '=': case '<>': case 'end':
        return this.fail(token, 'operand');
    }
  }

  private call(nameToken: Token): FormulaAst {
    const spec = lookupFunction(nameToken.text);
    const position = nameToken.position;
    const length = nameToken.text.length;
    if (!spec) {
      throw new ParseFailure({ code: 'unknownFunction', position, length, name: nameToken.text });
    }
    const open = this.next();
    this.enter(open);
    const args: FormulaAst[] = [];
    const starts: number[] = [];
    if (this.peek().type === ')') {
      this.next();
    } else {
      for (;;) {
        starts.push(this.peek().position);
        args.push(this.comparison());
        const sep = this.next();
        if (sep.type === ')') break;
        if (sep.type !== ',') this.fail(sep, ',)');
      }
    }
    this.leave();
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      throw new ParseFailure({ code: 'arity', position, length, name: spec.name, expected: arityText(spec), found: String(args.length) });
    }
    if (spec.argument !== 'expression') {
      const only = args[0];
      if (!only || only.kind !== 'name') {
        throw new ParseFailure({
          code: 'badArgument',
          position: starts[0] ?? position,
          name: spec.name,
          expected: spec.argument === 'group' ? 'groupId' : 'indicatorId',
        });
      }
    }
    return { kind: 'call', fn: spec.name, args, position, length };
  }
}
