/** The formula language: see docs/formulas.md and docs/decisions/0002-formula-compiler.md. */
export type {
  ArithmeticOperator,
  BinaryNode,
  BinaryOperator,
  CallNode,
  ComparisonOperator,
  FormulaAst,
  FunctionName,
  NameNode,
  NumberNode,
  UnaryNode,
  UnaryOperator,
} from './ast.ts';
export { FORMULA_LIMITS, type Expectation, type FormulaError, type FormulaErrorCode, type RuntimeErrorCode } from './errors.ts';
export { parseFormula } from './parser.ts';
export { formulaDependencies, type FormulaDependencies } from './dependencies.ts';
export { compileFormula, type CompileContext, type CompiledFormula } from './compile.ts';
export { FUNCTIONS, lookupFunction, type FunctionSpec } from './functions.ts';
export { formatFormulaError, type MessageLanguage } from './messages.ts';
