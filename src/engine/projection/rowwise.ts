/**
 * Whole-row evaluation of formulas.
 *
 * Each operation of a formula becomes one loop over the periods; closures are called once per
 * row, not once per cell, which brings a formula row near what a hand-written loop costs. Only
 * operations whose value at period t depends on their operands at t (or at t − 1, for `prev`) are
 * compiled this way, each with the very expression of `src/engine/formula`, so the same bits come
 * out. A formula using anything else (`and`, `or`, `not`, `growth`, `cumsum`, `^`) or reading its
 * own row keeps the per-cell closures only.
 *
 * Three fusions save loops without changing a bit: an operand `x * k` is not computed on its own
 * but read as `x[t] * k` by the operation that uses it (a plain operand is read as `x[t] * 1`,
 * which is x[t] exactly); `(x op y) * k` multiplies in the loop of `op`; and `(x op y) op z`
 * (`a * b / c`) keeps `x op y` in a register instead of a scratch row. Each is the same IEEE
 * operations in the same order as cell by cell.
 *
 * Errors: where the per-cell code would report (x / 0, an overflow), the loop sets
 * `scratch.flagged` and the row is recomputed cell by cell, which reports exactly. Evaluating
 * every period (both branches of an `if`, cells that hold actuals) can flag a row that has no
 * error: it then only costs the slower path, never a wrong value or a spurious report.
 *
 * The hot loops do not test each cell for an error. They add `value * 0` into one sum per row,
 * which stays 0 while every value is finite and turns NaN at the first infinite or blank one;
 * only then does the row's operation run again in its exact form, which tests each cell as the
 * per-cell code would (a blank is no error) and writes the same values. A row with blanks costs
 * that second loop; a finite row, the common case, costs one loop with no branch per cell.
 *
 * The loops copy what they read into locals and index views of one row by period alone, so that
 * the engine's compiler keeps them in registers and hoists bounds checks.
 */
import type { FormulaAst } from '../formula/index.ts';
import { roundHalfAway } from '../formula/functions.ts';

type Loop = () => void;

/**
 * What a fast loop runs when its sum of `value * 0` is not 0: the exact loop, unless the caller
 * wraps it (a row of one operation recomputes itself cell by cell from there).
 */
export interface Fallback {
  run: Loop;
}

/** Scratch rows shared by every formula of a program (rows run one at a time). */
export class Scratch {
  flagged = false;
  private readonly rows: Float64Array[] = [];
  private readonly constants = new Map<number, Float64Array>();

  constructor(readonly periods: number) {}

  row(slot: number): Float64Array {
    let row = this.rows[slot];
    if (!row) {
      row = new Float64Array(this.periods);
      this.rows[slot] = row;
    }
    return row;
  }

  /** A row holding `value` in every period; shared by equal constants (but -0 is its own). */
  constant(value: number): Float64Array {
    if (Object.is(value, -0)) return new Float64Array(this.periods).fill(value);
    let row = this.constants.get(value);
    if (!row) {
      row = new Float64Array(this.periods).fill(value);
      this.constants.set(value, row);
    }
    return row;
  }
}

type ArithmeticOp = '+' | '-' | '*' | '/';
type ComparisonOp = '<' | '<=' | '>' | '>=' | '=' | '<>';

/**
 * A whole-row value: `row[t] * scale` once `loop` and the loops of its inputs have run (scale 1
 * is the row itself; no loop: a row of the plan, or a constant's). A constant has no row. An
 * arithmetic result can still be told to multiply by `post` and write elsewhere, or be fused into
 * the arithmetic that reads it.
 */
interface Rowwise {
  row: Float64Array;
  scale: number;
  loop: Loop | null;
  inputs: readonly Rowwise[];
  constant?: number;
  arithmetic?: Arithmetic;
  /** Set on a comparison: an `if` reading it compares in its own loop instead. */
  comparison?: { op: ComparisonOp; left: Rowwise; right: Rowwise };
  /** Set when `loop` only tests its row as a whole: what it runs when the test fails. */
  fallback?: Fallback;
}

/** What an arithmetic loop computes, for fusions: `(A[t] * sa op B[t] * sb) * post`. */
interface Arithmetic {
  op: ArithmeticOp;
  post: number;
  /** Present when both operands are rows of scale 1 (no constant): `A[t] op B[t]`. */
  plainRows?: { A: Float64Array; B: Float64Array; exact: Loop };
}

export interface RowwiseForm {
  /** Where the result is: the row given to `compileRowwise`, or another (a formula that is one name). */
  row: Float64Array;
  /** The loops to run, in order. */
  ops: readonly Loop[];
  /**
   * The last loop's fallback, when that loop sets `scratch.flagged` only from it: a caller that
   * runs a row of one loop may wrap it, and call the loop alone.
   */
  fallback: Fallback | null;
}

export interface RowwiseContext {
  values: Float64Array;
  targetValues: Float64Array;
  periods: number;
  rowOf: ReadonlyMap<string, number>;
  groupRows: ReadonlyMap<string, readonly number[]>;
  scratch: Scratch;
}

const NOTHING: Loop = () => {};
const NO_ROW = new Float64Array(0);
const NO_INPUTS: readonly Rowwise[] = [];

/** Nesting past this keeps the per-cell form (closures recurse once per level). */
const MAX_ROWWISE_DEPTH = 200;

const constantOperand = (value: number): Rowwise => ({ row: NO_ROW, scale: 1, loop: null, inputs: NO_INPUTS, constant: value });
const rowOperand = (row: Float64Array): Rowwise => ({ row, scale: 1, loop: null, inputs: NO_INPUTS });
const operation = (row: Float64Array, inputs: readonly Rowwise[], loop: Loop): Rowwise => ({ row, scale: 1, loop, inputs });

/**
 * The whole-row form of a formula, or null when it has none. The outermost operation writes
 * straight into `root` (the row's own cells, actuals included: the caller puts those back).
 */
export function compileRowwise(ast: FormulaAst, ctx: RowwiseContext, root: Float64Array): RowwiseForm | null {
  let slots = 0;
  const n = ctx.periods;
  const scratch = ctx.scratch;
  const output = (depth: number): Float64Array => (depth === 0 ? root : scratch.row(slots++));
  const view = (matrix: Float64Array, row: number): Float64Array => matrix.subarray(row * n, (row + 1) * n);
  /** The operand as a row of its own values (scale 1): constants filled, scaled ones multiplied. */
  const plain = (x: Rowwise, depth: number): Rowwise => {
    if (x.constant !== undefined) return rowOperand(scratch.constant(x.constant));
    return x.scale === 1 ? x : scaled(x, output(depth), n, scratch);
  };

  const node = (x: FormulaAst, depth: number): Rowwise | null => {
    if (depth > MAX_ROWWISE_DEPTH) return null;
    switch (x.kind) {
      case 'number':
        return constantOperand(x.value);
      case 'name': {
        const row = ctx.rowOf.get(x.name);
        return row === undefined ? null : rowOperand(view(ctx.values, row));
      }
      case 'unary': {
        const operand = node(x.operand, depth + 1);
        if (!operand || x.op === '+') return operand;
        if (operand.constant !== undefined) return constantOperand(-operand.constant);
        return unaryMinus(plain(operand, depth + 1), output(depth), n, scratch);
      }
      case 'binary':
        return binaryNode(x, depth);
      case 'call':
        return call(x, depth);
    }
  };

  const binaryNode = (x: FormulaAst & { kind: 'binary' }, depth: number): Rowwise | null => {
    const left = node(x.left, depth + 1);
    const right = left && node(x.right, depth + 1);
    if (!left || !right) return null;
    switch (x.op) {
      case '*': {
        // `x * k`: scale an operand lazily, or have the operation that made it multiply.
        const k = left.constant ?? right.constant;
        const other = left.constant !== undefined ? right : left;
        if (k !== undefined && other.constant === undefined) {
          if (other.arithmetic && other.arithmetic.post === 1 && k !== 0 && Number.isFinite(k)) {
            other.arithmetic.post = k;
            other.row = output(depth);
            return other;
          }
          // A view of the operand, not a copy: it must not be fused into as the operand itself is.
          if (other.scale === 1 && depth > 0) return { row: other.row, scale: k, loop: other.loop, inputs: other.inputs };
        }
        return arithmetic(x.op, left, right, output(depth), n, scratch);
      }
      case '+':
      case '-':
      case '/':
        return arithmetic(x.op, left, right, output(depth), n, scratch);
      // x ^ y also reports a NaN result (a negative base with a fractional exponent): per cell.
      case '^':
        return null;
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '=':
      case '<>':
        return compare(x.op, plain(left, depth + 1), plain(right, depth + 1), output(depth), n);
    }
  };

  const call = (x: FormulaAst & { kind: 'call' }, depth: number): Rowwise | null => {
    const arg = (i: number): Rowwise | null => {
      const a = x.args[i];
      const compiled = a ? node(a, depth + 1) : null;
      return compiled && plain(compiled, depth + 1);
    };
    switch (x.fn) {
      case 'if': {
        const c = arg(0);
        const a = x.args[1] && node(x.args[1], depth + 1);
        const b = x.args[2] && node(x.args[2], depth + 1);
        if (!c || !a || !b) return null;
        return choose(c, withRow(a), withRow(b), output(depth), n, scratch);
      }
      case 'min':
      case 'max': {
        const args = x.args.map((a) => node(a, depth + 1));
        if (args.some((a) => !a)) return null;
        return extremum(x.fn, args.map((a) => withRow(a as Rowwise)), output(depth), n, scratch);
      }
      case 'abs': {
        const a = arg(0);
        return a && absolute(a, output(depth), n, scratch);
      }
      case 'round': {
        const a = arg(0);
        const d = x.args[1] ? arg(1) : rowOperand(scratch.constant(0));
        return a && d && rounded(a, d, output(depth), n, scratch);
      }
      case 'prev': {
        const a = arg(0);
        return a && previous(a, output(depth), n, scratch);
      }
      case 'sumgroup': {
        const id = x.args[0];
        const rows = id?.kind === 'name' ? ctx.groupRows.get(id.name) : undefined;
        return rows ? sumRows(rows.map((r) => view(ctx.values, r)), output(depth), n, scratch) : null;
      }
      case 'target': {
        const id = x.args[0];
        const row = id?.kind === 'name' ? ctx.rowOf.get(id.name) : undefined;
        return row === undefined ? null : rowOperand(view(ctx.targetValues, row));
      }
      case 'and':
      case 'or':
      case 'not':
      case 'growth':
      case 'cumsum':
        return null;
    }
  };

  /** Constants get a row; scaled operands stay scaled (their readers multiply). */
  const withRow = (x: Rowwise): Rowwise => (x.constant !== undefined ? rowOperand(scratch.constant(x.constant)) : x);

  const compiled = node(ast, 0);
  if (!compiled) return null;
  let top = compiled;
  if (top.constant !== undefined) top = rowOperand(scratch.constant(top.constant));
  else if (top.scale !== 1) top = scaled(top, root, n, scratch);
  return { row: top.row, ops: schedule(top), fallback: top.loop ? top.fallback ?? null : null };
}

/** The loops of a tree, inputs first (each once), so that a row runs as a flat list. */
function schedule(top: Rowwise): Loop[] {
  const ops: Loop[] = [];
  // By loop: a scaled view of an operand shares its loop, which must still run once.
  const seen = new Set<Loop>();
  // Iterative post-order: trees are at most MAX_ROWWISE_DEPTH deep, but wide ones are cheap too.
  const stack: { node: Rowwise; next: number }[] = [{ node: top, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { node: Rowwise; next: number };
    const input = frame.node.inputs[frame.next];
    if (input) {
      frame.next++;
      if (!input.loop || !seen.has(input.loop)) {
        if (input.loop) seen.add(input.loop);
        stack.push({ node: input, next: 0 });
      }
      continue;
    }
    stack.pop();
    if (frame.node.loop) ops.push(frame.node.loop);
  }
  return ops;
}

/** `x * k` on its own: the operand's values multiplied by its scale into `out`. */
function scaled(x: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const A = x.row;
  const k = x.scale;
  const exact = (): void => {
    const a = A, o = out, m = n, kk = k;
    let bad = false;
    for (let t = 0; t < m; t++) {
      const r = (a[t] as number) * kk;
      if (Math.abs(r) === Infinity) bad = true;
      o[t] = r;
    }
    if (bad) scratch.flagged = true;
  };
  const fallback: Fallback = { run: exact };
  const loop = (): void => {
    const a = A, o = out, m = n, kk = k;
    let s = 0;
    for (let t = 0; t < m; t++) { const r = (a[t] as number) * kk; s += r * 0; o[t] = r; }
    if (s !== 0) fallback.run();
  };
  return { ...operation(out, [x], loop), fallback };
}

/**
 * `+ - * /` as in formula/compile.ts: a blank operand gives blank silently; an overflow or a
 * division by zero flags the row. Operands are read through their scale and the result is
 * multiplied by `post` (both 1 unless fused, and x * 1 is x). A constant on either side stays in a
 * register; two constants fold here unless the per-cell code would report. Each operator and
 * side has its own loop, so the engine's compiler sees one operator per loop.
 */
function arithmetic(op: ArithmeticOp, left: Rowwise, right: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise | null {
  const ka = left.constant;
  const kb = right.constant;
  if (ka !== undefined && kb !== undefined) {
    const r = op === '+' ? ka + kb : op === '-' ? ka - kb : op === '*' ? ka * kb : kb === 0 ? NaN : ka / kb;
    return Number.isFinite(r) ? constantOperand(r) : null;
  }
  // Dividing by a constant 0 reports at every computed cell: per cell only.
  if (op === '/' && kb === 0) return null;
  const fused: Arithmetic = { op, post: 1 };
  const result: Rowwise = { row: out, scale: 1, loop: null, inputs: [left, right], arithmetic: fused };
  if (ka === undefined && kb === undefined) {
    // `(x op y) op z` or `z op (x op y)`: the inner operation in a register, when it is plain.
    const inner = fusable(left) ?? fusable(right);
    const exact = left.scale === 1 && right.scale === 1
      ? plainRows(op, left.row, right.row, result, fused, n, scratch)
      : scaledRows(op, left, right, result, fused, n, scratch);
    const fallback: Fallback = { run: exact };
    result.fallback = fallback;
    if (inner && right.scale === 1 && left.scale === 1) {
      const innerLeft = inner === fusable(left);
      const outer = innerLeft ? right : left;
      result.inputs = [...(innerLeft ? left.inputs : right.inputs), outer];
      const exactInner = inner.plainRows.exact;
      fallback.run = () => { exactInner(); exact(); };
      result.loop = fusedRows(inner, op, innerLeft, outer.row, result, fused, n, fallback);
    } else if (left.scale === 1 && right.scale === 1) {
      result.loop = fastPlainRows(op, left.row, right.row, result, fused, n, fallback);
      // Only a loop that writes its row may be fused into another (a fused one leaves its inner row unwritten).
      fused.plainRows = { A: left.row, B: right.row, exact };
    } else {
      result.loop = fastScaledRows(op, left, right, result, fused, n, fallback);
    }
    return result;
  }
  const fallback: Fallback = { run: NOTHING };
  result.fallback = fallback;
  result.loop = kb !== undefined
    ? rowAndConstant(op, left, kb, result, fused, n, scratch, fallback)
    : constantAndRow(op, ka as number, right, result, fused, n, scratch, fallback);
  return result;
}

/** An arithmetic result another arithmetic may compute in its own loop: two plain rows, not yet scaled. */
function fusable(x: Rowwise): (Arithmetic & { plainRows: NonNullable<Arithmetic['plainRows']> }) | null {
  const a = x.arithmetic;
  if (!a || !a.plainRows || a.post !== 1 || x.scale !== 1) return null;
  return a as Arithmetic & { plainRows: NonNullable<Arithmetic['plainRows']> };
}

const OP_CODE: Readonly<Record<ArithmeticOp, number>> = { '+': 0, '-': 1, '*': 2, '/': 3 };

/**
 * `(A op1 B) op2 C` (or `C op2 (A op1 B)`) in one loop, every operand a plain row, the inner
 * value never stored. On the right, the operators are switched on per cell: the same branch
 * every time. Any non-finite inner value, operand or result sends the pair to their exact loops
 * (inner, then outer), which write and flag as two loops would.
 */
function fusedRows(inner: Arithmetic & { plainRows: NonNullable<Arithmetic['plainRows']> }, op: ArithmeticOp, innerLeft: boolean, C: Float64Array, result: Rowwise, fused: Arithmetic, n: number, fallback: Fallback): Loop {
  const { A, B } = inner.plainRows;
  if (innerLeft) return leftFused(`${inner.op}${op}` as FusedPair, A, B, C, result, fused, n, fallback);
  const c1 = OP_CODE[inner.op];
  const c2 = OP_CODE[op];
  return () => {
    const a = A, b = B, c = C, o = result.row, p = fused.post, m = n, f1 = c1, f2 = c2, first = innerLeft;
    let s = 0;
    for (let t = 0; t < m; t++) {
      const x = a[t] as number, y = b[t] as number;
      const q = f1 === 0 ? x + y : f1 === 1 ? x - y : f1 === 2 ? x * y : x / y;
      const u = first ? q : (c[t] as number);
      const v = first ? (c[t] as number) : q;
      const r = (f2 === 0 ? u + v : f2 === 1 ? u - v : f2 === 2 ? u * v : u / v) * p;
      // v: dividing by an infinite operand gives a finite 0 that the exact loop flags.
      s += (q + r + v) * 0;
      o[t] = r;
    }
    if (s !== 0) fallback.run();
  };
}

type FusedPair = `${ArithmeticOp}${ArithmeticOp}`;

/**
 * `(a op1 b) op2 c`, the commoner side (`a * b / c`, `a / b * c`, `(a - b) / b`): one loop per
 * pair of operators, since a choice of operator inside the loop costs a third of its time.
 */
function leftFused(pair: FusedPair, A: Float64Array, B: Float64Array, C: Float64Array, result: Rowwise, fused: Arithmetic, n: number, fallback: Fallback): Loop {
  switch (pair) {
    case '++': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) + (b[t] as number), v = c[t] as number, r = (q + v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '+-': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) + (b[t] as number), v = c[t] as number, r = (q - v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '+*': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) + (b[t] as number), v = c[t] as number, r = (q * v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '+/': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) + (b[t] as number), v = c[t] as number, r = (q / v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '-+': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) - (b[t] as number), v = c[t] as number, r = (q + v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '--': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) - (b[t] as number), v = c[t] as number, r = (q - v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '-*': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) - (b[t] as number), v = c[t] as number, r = (q * v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '-/': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) - (b[t] as number), v = c[t] as number, r = (q / v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '*+': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) * (b[t] as number), v = c[t] as number, r = (q + v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '*-': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) * (b[t] as number), v = c[t] as number, r = (q - v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '**': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) * (b[t] as number), v = c[t] as number, r = (q * v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '*/': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) * (b[t] as number), v = c[t] as number, r = (q / v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '/+': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) / (b[t] as number), v = c[t] as number, r = (q + v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '/-': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) / (b[t] as number), v = c[t] as number, r = (q - v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '/*': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) / (b[t] as number), v = c[t] as number, r = (q * v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '//': return () => { const a = A, b = B, c = C, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) / (b[t] as number), v = c[t] as number, r = (q / v) * p; s += (q + r + v) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
  }
}

/** Both operands rows of scale 1: `(a op b) * post`, one sum of `r * 0` (v too for `/`). */
function fastPlainRows(op: ArithmeticOp, A: Float64Array, B: Float64Array, result: Rowwise, fused: Arithmetic, n: number, fallback: Fallback): Loop {
  switch (op) {
    case '+': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) + (b[t] as number)) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '-': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) - (b[t] as number)) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '*': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * (b[t] as number)) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '/': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let s = 0; for (let t = 0; t < m; t++) { const y = b[t] as number, r = ((a[t] as number) / y) * p; s += (r + y) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
  }
}

/** Rows read through their scales: `(a * sa op b * sb) * post`. */
function fastScaledRows(op: ArithmeticOp, left: Rowwise, right: Rowwise, result: Rowwise, fused: Arithmetic, n: number, fallback: Fallback): Loop {
  const A = left.row, sa = left.scale;
  const B = right.row, sb = right.scale;
  switch (op) {
    case '+': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * xa + (b[t] as number) * xb) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '-': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * xa - (b[t] as number) * xb) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '*': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const r = (((a[t] as number) * xa) * ((b[t] as number) * xb)) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); };
    case '/': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, r = (((a[t] as number) * xa) / y) * p; s += (r + y) * 0; o[t] = r; } if (s !== 0) fallback.run(); };
  }
}

/** The exact form of `fastScaledRows`: each cell tested as the per-cell code reports. */
function scaledRows(op: ArithmeticOp, left: Rowwise, right: Rowwise, result: Rowwise, fused: Arithmetic, n: number, scratch: Scratch): Loop {
  const A = left.row, sa = left.scale;
  const B = right.row, sb = right.scale;
  const flag = (bad: boolean): void => { if (bad) scratch.flagged = true; };
  switch (op) {
    case '+': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb, r = (x + y) * p; if (Math.abs(x) === Infinity || Math.abs(y) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '-': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb, r = (x - y) * p; if (Math.abs(x) === Infinity || Math.abs(y) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '*': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb, q = x * y, r = q * p; if (Math.abs(x) === Infinity || Math.abs(y) === Infinity || Math.abs(q) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '/': return () => {
      const a = A, b = B, o = result.row, p = fused.post, m = n, xa = sa, xb = sb;
      let bad = false;
      for (let t = 0; t < m; t++) {
        const x = (a[t] as number) * xa;
        const y = (b[t] as number) * xb;
        // Cell by cell a scaled operand is computed (and its overflow reported) first.
        if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) bad = true;
        // A blank operand is blank before anything else, as per cell (even over 0).
        if (x !== x || y !== y) { o[t] = NaN; continue; }
        const r = (x / y) * p;
        if (y === 0 || Math.abs(r) === Infinity) bad = true;
        o[t] = r;
      }
      flag(bad);
    };
  }
}

/** The exact form of `fastPlainRows`. With a nonzero finite post, an overflow before it shows after it. */
function plainRows(op: ArithmeticOp, A: Float64Array, B: Float64Array, result: Rowwise, fused: Arithmetic, n: number, scratch: Scratch): Loop {
  const flag = (bad: boolean): void => { if (bad) scratch.flagged = true; };
  switch (op) {
    case '+': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) + (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '-': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) - (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '*': return () => { const a = A, b = B, o = result.row, p = fused.post, m = n; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); };
    case '/': return () => {
      const a = A, b = B, o = result.row, p = fused.post, m = n;
      let bad = false;
      for (let t = 0; t < m; t++) {
        const x = a[t] as number;
        const y = b[t] as number;
        if (x !== x || y !== y) { o[t] = NaN; continue; }
        const r = (x / y) * p;
        // ∞ / ∞ (inputs can overflow) is reported cell by cell, like ∞ itself.
        if (y === 0 || !(Math.abs(r) < Infinity)) bad = true;
        o[t] = r;
      }
      flag(bad);
    };
  }
}

/** `x op k`, k a nonzero constant for `/`: the fast loop, and the exact one it falls back to. */
function rowAndConstant(op: ArithmeticOp, left: Rowwise, k: number, result: Rowwise, fused: Arithmetic, n: number, scratch: Scratch, fallback: Fallback): Loop {
  const A = left.row, sa = left.scale;
  const flag = (bad: boolean): void => { if (bad) scratch.flagged = true; };
  let exact: Loop;
  let fast: (slow: Fallback) => Loop;
  if (sa === 1) {
    // Plain operand: the loop without the multiplication by 1 and its check.
    switch (op) {
      case '+': exact = () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) + kk) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '-': exact = () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) - kk) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '*': exact = () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * kk) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '/': exact = () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = ((a[t] as number) / kk) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
    }
    switch (op) {
      case '+': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) + kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
      case '-': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) - kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
      case '*': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
      case '/': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) / kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
    }
    fallback.run = exact;
    return fast(fallback);
  }
  switch (op) {
    case '+': exact = () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, r = (x + kk) * p; if (Math.abs(x) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
    case '-': exact = () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, r = (x - kk) * p; if (Math.abs(x) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
    case '*': exact = () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, q = x * kk, r = q * p; if (Math.abs(x) === Infinity || Math.abs(q) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
    case '/': exact = () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, r = (x / kk) * p; if (Math.abs(x) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
  }
  // An infinite scaled operand leaves the result infinite or blank (k is finite, nonzero for `/`).
  switch (op) {
    case '+': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * xa + kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
    case '-': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = ((a[t] as number) * xa - kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
    case '*': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let s = 0; for (let t = 0; t < m; t++) { const q = (a[t] as number) * xa * kk, r = q * p; s += (q + r) * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
    case '/': fast = (slow) => () => { const a = A, o = result.row, p = fused.post, m = n, xa = sa, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = (((a[t] as number) * xa) / kk) * p; s += r * 0; o[t] = r; } if (s !== 0) slow.run(); }; break;
  }
  fallback.run = exact;
  return fast(fallback);
}

/** `k op x`: as `rowAndConstant`, the constant on the left. */
function constantAndRow(op: ArithmeticOp, k: number, right: Rowwise, result: Rowwise, fused: Arithmetic, n: number, scratch: Scratch, fallback: Fallback): Loop {
  const B = right.row, sb = right.scale;
  const flag = (bad: boolean): void => { if (bad) scratch.flagged = true; };
  let exact: Loop;
  let fast: Loop;
  if (sb === 1) {
    switch (op) {
      case '+': exact = () => { const b = B, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = (kk + (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '-': exact = () => { const b = B, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = (kk - (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '*': exact = () => { const b = B, o = result.row, p = fused.post, m = n, kk = k; let bad = false; for (let t = 0; t < m; t++) { const r = (kk * (b[t] as number)) * p; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '/': exact = () => {
        const b = B, o = result.row, p = fused.post, m = n, kk = k;
        let bad = false;
        for (let t = 0; t < m; t++) {
          const y = b[t] as number;
          if (y !== y) { o[t] = NaN; continue; }
          const r = (kk / y) * p;
          if (y === 0 || Math.abs(r) === Infinity) bad = true;
          o[t] = r;
        }
        flag(bad);
      }; break;
    }
  } else {
    switch (op) {
      case '+': exact = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let bad = false; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, r = (kk + y) * p; if (Math.abs(y) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '-': exact = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let bad = false; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, r = (kk - y) * p; if (Math.abs(y) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '*': exact = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let bad = false; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, q = kk * y, r = q * p; if (Math.abs(y) === Infinity || Math.abs(q) === Infinity || Math.abs(r) === Infinity) bad = true; o[t] = r; } flag(bad); }; break;
      case '/': exact = () => {
        const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k;
        let bad = false;
        for (let t = 0; t < m; t++) {
          const y = (b[t] as number) * xb;
          if (Math.abs(y) === Infinity) bad = true;
          if (y !== y) { o[t] = NaN; continue; }
          const r = (kk / y) * p;
          if (y === 0 || Math.abs(r) === Infinity) bad = true;
          o[t] = r;
        }
        flag(bad);
      }; break;
    }
  }
  // Read through the scale (x * 1 is x); `k / y` is finite when y is infinite: y joins the sum.
  switch (op) {
    case '+': fast = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = (kk + (b[t] as number) * xb) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); }; break;
    case '-': fast = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let s = 0; for (let t = 0; t < m; t++) { const r = (kk - (b[t] as number) * xb) * p; s += r * 0; o[t] = r; } if (s !== 0) fallback.run(); }; break;
    case '*': fast = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let s = 0; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, q = kk * y, r = q * p; s += (y + q + r) * 0; o[t] = r; } if (s !== 0) fallback.run(); }; break;
    case '/': fast = () => { const b = B, o = result.row, p = fused.post, m = n, xb = sb, kk = k; let s = 0; for (let t = 0; t < m; t++) { const y = (b[t] as number) * xb, r = (kk / y) * p; s += (r + y) * 0; o[t] = r; } if (s !== 0) fallback.run(); }; break;
  }
  fallback.run = exact;
  return fast;
}

/** Comparisons give 1 or 0, or blank when an operand is blank; they never report. */
function compare(op: ComparisonOp, left: Rowwise, right: Rowwise, out: Float64Array, n: number): Rowwise {
  const A = left.row;
  const B = right.row;
  let loop: Loop;
  switch (op) {
    case '<': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x < y ? 1 : 0; } }; break;
    case '<=': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x <= y ? 1 : 0; } }; break;
    case '>': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x > y ? 1 : 0; } }; break;
    case '>=': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x >= y ? 1 : 0; } }; break;
    case '=': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x === y ? 1 : 0; } }; break;
    case '<>': loop = () => { const a = A, b = B, o = out, m = n; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; o[t] = x !== x || y !== y ? NaN : x !== y ? 1 : 0; } }; break;
  }
  return { ...operation(out, [left, right], loop), comparison: { op, left, right } };
}

/** `if(c, a, b)`: blank when c is blank, else a where c is not 0, else b (scaled as they are). */
function choose(c: Rowwise, a: Rowwise, b: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  if (c.comparison) return chooseByComparison(c.comparison, a, b, out, n, scratch);
  const C = c.row;
  const A = a.row, sa = a.scale;
  const B = b.row, sb = b.scale;
  return operation(out, [c, a, b], () => {
    const x = C, y = A, z = B, o = out, m = n, xa = sa, xb = sb;
    let bad = false;
    for (let t = 0; t < m; t++) {
      const v = x[t] as number;
      if (v !== v) { o[t] = NaN; continue; }
      // Only the branch taken is evaluated cell by cell, so only its overflow counts.
      const r = v !== 0 ? (y[t] as number) * xa : (z[t] as number) * xb;
      if (Math.abs(r) === Infinity) bad = true;
      o[t] = r;
    }
    if (bad) scratch.flagged = true;
  });
}

const COMPARISON_CODE: Readonly<Record<ComparisonOp, number>> = { '<': 0, '<=': 1, '>': 2, '>=': 3, '=': 4, '<>': 5 };

/**
 * `if(x op y, a, b)` in one loop: the comparison as `compare` makes it (blank when x or y is),
 * then the branch taken, as `choose` does. The operator is switched on per cell: the same branch
 * every time, which costs next to nothing. Fast for `>` and `<` (a blank compares false both
 * ways, so a blank operand only shows in the sum, and sends the row to the exact loop).
 */
function chooseByComparison(comparison: { op: ComparisonOp; left: Rowwise; right: Rowwise }, a: Rowwise, b: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const { left, right } = comparison;
  const code = COMPARISON_CODE[comparison.op];
  const X = left.row, Y = right.row;
  const A = a.row, sa = a.scale;
  const B = b.row, sb = b.scale;
  const exact = (): void => {
    const x = X, y = Y, p = A, q = B, o = out, m = n, xa = sa, xb = sb, c = code;
    let bad = false;
    for (let t = 0; t < m; t++) {
      const u = x[t] as number;
      const v = y[t] as number;
      if (u !== u || v !== v) { o[t] = NaN; continue; }
      let yes: boolean;
      switch (c) {
        case 0: yes = u < v; break;
        case 1: yes = u <= v; break;
        case 2: yes = u > v; break;
        case 3: yes = u >= v; break;
        case 4: yes = u === v; break;
        default: yes = u !== v;
      }
      const r = yes ? (p[t] as number) * xa : (q[t] as number) * xb;
      if (Math.abs(r) === Infinity) bad = true;
      o[t] = r;
    }
    if (bad) scratch.flagged = true;
  };
  const inputs = [left, right, a, b];
  if (code !== COMPARISON_CODE['>'] && code !== COMPARISON_CODE['<']) return operation(out, inputs, exact);
  const greater = code === COMPARISON_CODE['>'];
  const fallback: Fallback = { run: exact };
  // `if(a > b, a * k, b)`, `if(a < b, b, a)`: the branches are the operands compared, already
  // loaded. One loop per operator and arrangement: a choice inside the loop costs a sixth of it.
  const straight = sameRow(A, X) && sameRow(B, Y);
  const crossed = !straight && sameRow(A, Y) && sameRow(B, X);
  const two = (rows: (x: Float64Array, y: Float64Array, o: Float64Array, m: number, xa: number, xb: number) => number): Loop => () => {
    const o = out, m = o.length;
    // Never true (every row has the periods' length), but it lets the compiler drop bounds checks.
    if (X.length < m || Y.length < m) return;
    if (rows(X, Y, o, m, sa, sb) !== 0) fallback.run();
  };
  let loop: Loop;
  if (straight) {
    loop = greater
      ? two((x, y, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u > v ? u * xa : v * xb; s += (u + v + r) * 0; o[t] = r; } return s; })
      : two((x, y, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u < v ? u * xa : v * xb; s += (u + v + r) * 0; o[t] = r; } return s; });
  } else if (crossed) {
    loop = greater
      ? two((x, y, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u > v ? v * xa : u * xb; s += (u + v + r) * 0; o[t] = r; } return s; })
      : two((x, y, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u < v ? v * xa : u * xb; s += (u + v + r) * 0; o[t] = r; } return s; });
  } else {
    const four = (rows: (x: Float64Array, y: Float64Array, p: Float64Array, q: Float64Array, o: Float64Array, m: number, xa: number, xb: number) => number): Loop => () => {
      const o = out, m = o.length;
      // Never true (every row has the periods' length), but it lets the compiler drop bounds checks.
      if (X.length < m || Y.length < m || A.length < m || B.length < m) return;
      if (rows(X, Y, A, B, o, m, sa, sb) !== 0) fallback.run();
    };
    loop = greater
      ? four((x, y, p, q, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u > v ? (p[t] as number) * xa : (q[t] as number) * xb; s += (u + v + r) * 0; o[t] = r; } return s; })
      : four((x, y, p, q, o, m, xa, xb) => { let s = 0; for (let t = 0; t < m; t++) { const u = x[t] as number, v = y[t] as number, r = u < v ? (p[t] as number) * xa : (q[t] as number) * xb; s += (u + v + r) * 0; o[t] = r; } return s; });
  }
  return { ...operation(out, inputs, loop), fallback };
}

/** Two views of the same cells. */
function sameRow(a: Float64Array, b: Float64Array): boolean {
  return a.buffer === b.buffer && a.byteOffset === b.byteOffset && a.length === b.length;
}

/**
 * `min`/`max` fold as formula/functions.ts does, from ±Infinity: any blank argument makes the
 * result blank. With two arguments the fold is written out (min: `b < a ? b : a`).
 */
function extremum(fn: 'min' | 'max', args: readonly Rowwise[], out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const [first, second] = args;
  if (args.length === 2 && first && second) {
    const A = first.row, sa = first.scale;
    const B = second.row, sb = second.scale;
    // Plain operands: only a non-finite result needs the per-cell path.
    if (sa === 1 && sb === 1) {
      const exact = fn === 'min'
        // Math.min is the fold but for the sign of a zero (min(0, -0) folds to 0): zeros take the fold.
        ? () => { const a = A, b = B, o = out, m = n; let bad = false; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; let r = Math.min(x, y); if (r === 0) r = y < x ? y : x; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } if (bad) scratch.flagged = true; }
        : () => { const a = A, b = B, o = out, m = n; let bad = false; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; let r = Math.max(x, y); if (r === 0) r = y > x ? y : x; if (Math.abs(r) === Infinity) bad = true; o[t] = r; } if (bad) scratch.flagged = true; };
      // Between finite values the fold is one comparison (and keeps the zero it should); a blank
      // or an infinity shows in the sum, and the exact loop decides.
      const fallback: Fallback = { run: exact };
      const loop = fn === 'min'
        ? () => { const a = A, b = B, o = out, m = n; let s = 0; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; s += (x + y) * 0; o[t] = y < x ? y : x; } if (s !== 0) fallback.run(); }
        : () => { const a = A, b = B, o = out, m = n; let s = 0; for (let t = 0; t < m; t++) { const x = a[t] as number, y = b[t] as number; s += (x + y) * 0; o[t] = y > x ? y : x; } if (s !== 0) fallback.run(); };
      return { ...operation(out, args, loop), fallback };
    }
    const exact = fn === 'min'
      ? () => { const a = A, b = B, o = out, m = n, xa = sa, xb = sb; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb; if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) bad = true; o[t] = x !== x || y !== y ? NaN : y < x ? y : x; } if (bad) scratch.flagged = true; }
      : () => { const a = A, b = B, o = out, m = n, xa = sa, xb = sb; let bad = false; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb; if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) bad = true; o[t] = x !== x || y !== y ? NaN : y > x ? y : x; } if (bad) scratch.flagged = true; };
    const fallback: Fallback = { run: exact };
    const loop = fn === 'min'
      ? () => { const a = A, b = B, o = out, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb; s += (x + y) * 0; o[t] = y < x ? y : x; } if (s !== 0) fallback.run(); }
      : () => { const a = A, b = B, o = out, m = n, xa = sa, xb = sb; let s = 0; for (let t = 0; t < m; t++) { const x = (a[t] as number) * xa, y = (b[t] as number) * xb; s += (x + y) * 0; o[t] = y > x ? y : x; } if (s !== 0) fallback.run(); };
    return { ...operation(out, args, loop), fallback };
  }
  const start = fn === 'min' ? Infinity : -Infinity;
  return operation(out, args, () => {
    out.fill(start);
    const m = n;
    let bad = false;
    for (const arg of args) {
      const row = arg.row;
      const s = arg.scale;
      for (let t = 0; t < m; t++) {
        const acc = out[t] as number;
        const v = (row[t] as number) * s;
        if (Math.abs(v) === Infinity) bad = true;
        // Once blank, stays blank, as the fold's result is blank with any blank argument.
        if (acc !== acc) continue;
        out[t] = v !== v ? NaN : fn === 'min' ? (v < acc ? v : acc) : (v > acc ? v : acc);
      }
    }
    if (bad) scratch.flagged = true;
  });
}

// An input method can overflow to ±Infinity (growth over a long horizon). Cell by cell such a value
// passes through `-`, `abs`, `round` and `prev` unreported and the row stores blank; these loops
// flag it instead, and the row is recomputed cell by cell.

function unaryMinus(a: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const A = a.row;
  return operation(out, [a], () => {
    const x = A, o = out, m = n;
    let bad = false;
    for (let t = 0; t < m; t++) { const r = -(x[t] as number); if (Math.abs(r) === Infinity) bad = true; o[t] = r; }
    if (bad) scratch.flagged = true;
  });
}

function absolute(a: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const A = a.row;
  return operation(out, [a], () => {
    const x = A, o = out, m = n;
    let bad = false;
    for (let t = 0; t < m; t++) { const r = Math.abs(x[t] as number); if (r === Infinity) bad = true; o[t] = r; }
    if (bad) scratch.flagged = true;
  });
}

function rounded(a: Rowwise, digits: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const A = a.row;
  const D = digits.row;
  return operation(out, [a, digits], () => {
    const m = n;
    let bad = false;
    for (let t = 0; t < m; t++) { const r = roundHalfAway(A[t] as number, D[t] as number); if (Math.abs(r) === Infinity) bad = true; out[t] = r; }
    if (bad) scratch.flagged = true;
  });
}

/** `prev(x)`: x one period earlier; blank in the first period. */
function previous(a: Rowwise, out: Float64Array, n: number, scratch: Scratch): Rowwise {
  const A = a.row;
  return operation(out, [a], () => {
    const x = A, o = out, m = n;
    let bad = false;
    if (n > 0) o[0] = NaN;
    for (let t = 1; t < m; t++) { const r = x[t - 1] as number; if (Math.abs(r) === Infinity) bad = true; o[t] = r; }
    if (bad) scratch.flagged = true;
  });
}

/** `sumgroup(g)`: 0 plus each member in turn, as per cell (so the same sums); overflow flags. */
function sumRows(rows: readonly Float64Array[], out: Float64Array, n: number, scratch: Scratch): Rowwise {
  return operation(out, NO_INPUTS, () => {
    const o = out, m = n;
    o.fill(0);
    for (const x of rows) for (let t = 0; t < m; t++) o[t] = (o[t] as number) + (x[t] as number);
    for (let t = 0; t < m; t++) if (Math.abs(o[t] as number) === Infinity) scratch.flagged = true;
  });
}
