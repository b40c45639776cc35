/** Formula errors are values: every one names its cause and where in the text it is. */

export type FormulaErrorCode =
  | 'syntax'
  | 'unexpectedEnd'
  | 'unknownName'
  | 'unknownFunction'
  | 'unknownGroup'
  | 'arity'
  | 'tooDeep'
  | 'tooLong'
  | 'badArgument'
  | 'divisionByZero'
  | 'notFinite'
  | 'cycle';

export type RuntimeErrorCode = 'divisionByZero' | 'notFinite';

/**
 * What the parser wanted where it failed (`expected`). Kept as short codes rather than prose so
 * that messages.ts can say it in each language:
 * - `operand`: a number, a name, a function call or `(`
 * - `end`: an operator or the end of the formula
 * - `)`: an operator or `)`
 * - `,)`: an operator, `,` or `)`
 * - `digits`: the digits of a number (after `e`)
 * - `groupId`, `indicatorId`: a bare identifier (argument of `sumgroup`, `target`)
 * - `and`: a second comparison in a row (`a < b < c`), which must be written with `and`
 * For `arity`, `expected` is the accepted count (`1`, `1-2`, `1+`) and `found` the count given.
 */
export type Expectation = 'operand' | 'end' | ')' | ',)' | 'digits' | 'groupId' | 'indicatorId' | 'and';

export interface FormulaError {
  code: FormulaErrorCode;
  /** 0-based offset in the formula text; the text's length when the formula ends too early. */
  position: number;
  length?: number;
  /** The unknown name, function or group, or the function whose arguments are wrong. */
  name?: string;
  expected?: string;
  found?: string;
  /** For `cycle`: the indicator ids around the loop, each reading the next, the last the first. */
  cycle?: string[];
}

/** Hard limits; `length` matches LIMITS.formulaLength in the plan file schema. */
export const FORMULA_LIMITS = {
  /** Characters in one formula. */
  length: 4_000,
  /** Nesting levels: parentheses, function calls, unary signs, exponents. */
  depth: 64,
} as const;
