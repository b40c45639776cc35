/**
 * Turns a syntax tree into closures over the engine's Float64Array. Names, groups and targets are
 * resolved here, once: at run time a reference is an offset into the matrix, never a string.
 */
import { err, ok, type Result } from '../result.ts';
import type { BinaryOperator, FormulaAst, UnaryOperator } from './ast.ts';
import type { FormulaError, RuntimeErrorCode } from './errors.ts';
import { arityText, FUNCTIONS, type Evaluator, type RuntimeEnv } from './functions.ts';

export interface CompileContext {
  /** The engine's matrix: row-major, row r, period t at values[r * periods + t]. Captured, not copied. */
  values: Float64Array;
  periods: number;
  /** -1 when unknown. */
  rowOf(id: string): number;
  /** null when the group does not exist. Captured at compile time: regroup means recompile. */
  groupRows(groupId: string): number[] | null;
  /** Per-period target values of an indicator (NaN where none), null if unknown. Captured, not copied. */
  targetRow(id: string): Float64Array | null;
  /** Called at run time on a real error; the engine knows which cell it is computing. */
  report(code: RuntimeErrorCode, position: number): void;
}

/**
 * Value at period t; NaN is blank. Periods outside [0, periods) are blank.
 *
 * A call at a period not after the previous call starts a new pass (inputs may have changed since).
 * Within a pass, call periods in increasing order and store each result in `values` before the
 * next call: that is what lets a row read its own earlier periods through `prev`, and what makes
 * `cumsum` O(1) per period. Periods may be skipped (cells holding actuals).
 */
export type CompiledFormula = (t: number) => number;

/**
 * Closures nest as deep as the tree, except along chains like `a + b + c`, which compile to one
 * loop. The parser's own limit keeps the rest under ~6 levels per nesting level (one per
 * precedence level), so this only stops trees built by hand.
 */
const MAX_CLOSURE_DEPTH = 1_000;

type Operator = (a: number, b: number) => number;

export function compileFormula(ast: FormulaAst, ctx: CompileContext): Result<CompiledFormula, FormulaError> {
  const deep = findTooDeep(ast);
  if (deep) return err(deep);
  const periods = Number.isInteger(ctx.periods) && ctx.periods > 0 ? ctx.periods : 0;
  const env: RuntimeEnv = {
    values: ctx.values,
    periods,
    report: (code, position) => ctx.report(code, position),
    pass: 1,
  };
  const compiled = new Compiler(ctx, env).node(ast);
  if (!compiled.ok) return compiled;
  const body = compiled.value;
  let last = -1;
  return ok((t: number): number => {
    if (!(t >= 0 && t < periods) || Math.floor(t) !== t) return NaN;
    if (t <= last) env.pass++;
    last = t;
    return body(t);
  });
}

/** Depth as closures will nest (left operands of chains do not count), without recursion. */
function findTooDeep(ast: FormulaAst): FormulaError | null {
  const stack: { node: FormulaAst; depth: number }[] = [{ node: ast, depth: 1 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (depth > MAX_CLOSURE_DEPTH) return { code: 'tooDeep', position: node.position };
    switch (node.kind) {
      case 'number':
      case 'name':
        break;
      case 'unary':
        stack.push({ node: node.operand, depth: depth + 1 });
        break;
      case 'binary':
        stack.push({ node: node.left, depth }, { node: node.right, depth: depth + 1 });
        break;
      case 'call':
        for (const child of node.args) stack.push({ node: child, depth: depth + 1 });
        break;
    }
  }
  return null;
}

class Compiler {
  private readonly rowCount: number;

  constructor(private readonly ctx: CompileContext, private readonly env: RuntimeEnv) {
    this.rowCount = env.periods > 0 ? Math.floor(env.values.length / env.periods) : 0;
  }

  /** Offset of a row in the matrix, or -1 when the row does not exist there. */
  private offsetOf(row: number): number {
    if (!Number.isInteger(row) || row < 0) return -1;
    if (this.env.periods > 0 && row >= this.rowCount) return -1;
    return row * this.env.periods;
  }

  node(node: FormulaAst): Result<Evaluator, FormulaError> {
    switch (node.kind) {
      case 'number': {
        const value = node.value;
        return ok(() => value);
      }
      case 'name': {
        const offset = this.offsetOf(this.ctx.rowOf(node.name));
        if (offset < 0) return err({ code: 'unknownName', position: node.position, length: node.length, name: node.name });
        const values = this.env.values;
        return ok((t) => values[offset + t] ?? NaN);
      }
      case 'unary': {
        const operand = this.node(node.operand);
        if (!operand.ok) return operand;
        return ok(unary(node.op, operand.value));
      }
      case 'binary':
        return this.chain(node);
      case 'call':
        return this.call(node);
    }
  }

  /**
   * `a - b + c * d` is a left spine of binary nodes: evaluating bottom-up is a loop, so a sum of a
   * hundred provinces costs one closure level, not a hundred.
   */
  private chain(top: FormulaAst & { kind: 'binary' }): Result<Evaluator, FormulaError> {
    const spine: (FormulaAst & { kind: 'binary' })[] = [];
    let leftmost: FormulaAst = top;
    while (leftmost.kind === 'binary') {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    spine.reverse();
    const first = this.node(leftmost);
    if (!first.ok) return first;
    const rights: Evaluator[] = [];
    const ops: Operator[] = [];
    for (const step of spine) {
      const right = this.node(step.right);
      if (!right.ok) return right;
      rights.push(right.value);
      ops.push(operator(step.op, step.position, this.env));
    }
    const f0 = first.value;
    const op0 = ops[0];
    const r0 = rights[0];
    if (ops.length === 1 && op0 && r0) return ok((t) => op0(f0(t), r0(t)));
    return ok((t) => {
      let acc = f0(t);
      for (let i = 0; i < ops.length; i++) acc = (ops[i] as Operator)(acc, (rights[i] as Evaluator)(t));
      return acc;
    });
  }

  private call(node: FormulaAst & { kind: 'call' }): Result<Evaluator, FormulaError> {
    const spec = FUNCTIONS.get(node.fn);
    const at = { position: node.position, length: node.length };
    if (!spec) return err({ code: 'unknownFunction', ...at, name: node.fn });
    if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
      return err({ code: 'arity', ...at, name: spec.name, expected: arityText(spec), found: String(node.args.length) });
    }
    switch (spec.argument) {
      case 'expression': {
        const args: Evaluator[] = [];
        for (const a of node.args) {
          const compiled = this.node(a);
          if (!compiled.ok) return compiled;
          args.push(compiled.value);
        }
        return ok(spec.build(args, node.position, this.env));
      }
      case 'group': {
        const id = node.args[0];
        if (id?.kind !== 'name') return err({ code: 'badArgument', position: id?.position ?? node.position, name: spec.name, expected: 'groupId' });
        const rows = this.ctx.groupRows(id.name);
        const unknown: FormulaError = { code: 'unknownGroup', position: id.position, length: id.length, name: id.name };
        if (!rows) return err(unknown);
        const offsets: number[] = [];
        for (const row of rows) {
          const offset = this.offsetOf(row);
          if (offset < 0) return err(unknown);
          offsets.push(offset);
        }
        return ok(spec.build(offsets, node.position, this.env));
      }
      case 'indicator': {
        const id = node.args[0];
        if (id?.kind !== 'name') return err({ code: 'badArgument', position: id?.position ?? node.position, name: spec.name, expected: 'indicatorId' });
        const targets = this.ctx.targetRow(id.name);
        if (!targets) return err({ code: 'unknownName', position: id.position, length: id.length, name: id.name });
        return ok(spec.build(targets, node.position, this.env));
      }
    }
  }
}

function unary(op: UnaryOperator, x: Evaluator): Evaluator {
  switch (op) {
    case '-': return (t) => -x(t);
    case '+': return x;
  }
}

/**
 * Blank operands give blank without a report; a real error (x/0, overflow, a power with no real
 * value) is reported with the operator's position and gives blank too.
 */
function operator(op: BinaryOperator, position: number, env: RuntimeEnv): Operator {
  const report = env.report;
  const finite = (r: number): number => {
    if (Number.isFinite(r)) return r;
    report('notFinite', position);
    return NaN;
  };
  switch (op) {
    case '+': return (a, b) => { const r = a + b; return r !== r ? r : finite(r); };
    case '-': return (a, b) => { const r = a - b; return r !== r ? r : finite(r); };
    case '*': return (a, b) => { const r = a * b; return r !== r ? r : finite(r); };
    case '/': return (a, b) => {
      if (a !== a || b !== b) return NaN;
      if (b === 0) {
        report('divisionByZero', position);
        return NaN;
      }
      return finite(a / b);
    };
    case '^': return (a, b) => {
      // Checked first: in JavaScript 1 ** NaN and NaN ** 0 are 1, but a blank must stay blank.
      if (a !== a || b !== b) return NaN;
      if (a === 0 && b < 0) {
        report('divisionByZero', position);
        return NaN;
      }
      return finite(a ** b);
    };
    case '<': return (a, b) => (a !== a || b !== b ? NaN : a < b ? 1 : 0);
    case '<=': return (a, b) => (a !== a || b !== b ? NaN : a <= b ? 1 : 0);
    case '>': return (a, b) => (a !== a || b !== b ? NaN : a > b ? 1 : 0);
    case '>=': return (a, b) => (a !== a || b !== b ? NaN : a >= b ? 1 : 0);
    case '=': return (a, b) => (a !== a || b !== b ? NaN : a === b ? 1 : 0);
    case '<>': return (a, b) => (a !== a || b !== b ? NaN : a !== b ? 1 : 0);
  }
}
