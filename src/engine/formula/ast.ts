/**
 * The formula syntax tree. Positions are 0-based UTF-16 offsets into the formula text, so that an
 * error found long after parsing (at compile or run time) can still point at the character.
 */

export type UnaryOperator = '-' | '+';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '=' | '<>';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator;

export type FunctionName =
  | 'if' | 'min' | 'max' | 'abs' | 'round' | 'and' | 'or' | 'not'
  | 'prev' | 'growth' | 'cumsum' | 'sumgroup' | 'target';

export interface NumberNode { kind: 'number'; value: number; position: number; length: number }
/** A reference to another indicator's value; in `sumgroup` and `target` a group or indicator id. */
export interface NameNode { kind: 'name'; name: string; position: number; length: number }
/** `position` is that of the operator. */
export interface UnaryNode { kind: 'unary'; op: UnaryOperator; operand: FormulaAst; position: number }
/** `position` is that of the operator: it is what a runtime error points at. */
export interface BinaryNode { kind: 'binary'; op: BinaryOperator; left: FormulaAst; right: FormulaAst; position: number }
/** `fn` is the canonical (lower-case) name; `position` and `length` cover the name as written. */
export interface CallNode { kind: 'call'; fn: FunctionName; args: FormulaAst[]; position: number; length: number }

export type FormulaAst = NumberNode | NameNode | UnaryNode | BinaryNode | CallNode;
