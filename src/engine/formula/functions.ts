/**
 * The functions a formula may call, declared as data: the parser checks names and arity against
 * this table and the compiler builds each call from its entry. A name that is not a key of this
 * Map is unknown; nothing is ever looked up on a plain object, so `toString` or `constructor`
 * cannot reach Object.prototype.
 */
import type { FunctionName } from './ast.ts';
import type { RuntimeErrorCode } from './errors.ts';

/** Value of a compiled expression at period t (an integer in [0, periods)). */
export type Evaluator = (t: number) => number;

/** What compiled closures share at run time. */
export interface RuntimeEnv {
  readonly values: Float64Array;
  readonly periods: number;
  readonly report: (code: RuntimeErrorCode, position: number) => void;
  /**
   * The current pass over the periods. The compiled root starts a new pass whenever it is called
   * at a period not after the previous call; memo tables are valid only within one pass, because
   * between passes the inputs may have changed.
   */
  pass: number;
}

interface Common<N extends FunctionName> {
  readonly name: N;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
}

/** Arguments are expressions, compiled before the call; a builder may call them lazily. */
export interface ExpressionFunction<N extends FunctionName = FunctionName> extends Common<N> {
  readonly argument: 'expression';
  build(args: readonly Evaluator[], position: number, env: RuntimeEnv): Evaluator;
}

/** The single argument is a group id; the builder gets the offsets of the group's rows. */
export interface GroupFunction<N extends FunctionName = FunctionName> extends Common<N> {
  readonly argument: 'group';
  build(rowOffsets: readonly number[], position: number, env: RuntimeEnv): Evaluator;
}

/** The single argument is an indicator id; the builder gets that indicator's target values. */
export interface TargetFunction<N extends FunctionName = FunctionName> extends Common<N> {
  readonly argument: 'indicator';
  build(targets: Float64Array, position: number, env: RuntimeEnv): Evaluator;
}

export type FunctionSpec = ExpressionFunction | GroupFunction | TargetFunction;

const arg = (args: readonly Evaluator[], i: number): Evaluator => args[i] ?? (() => NaN);

/** Caches an expression's value per period for the current pass (see RuntimeEnv.pass). */
export function memoize(f: Evaluator, env: RuntimeEnv): Evaluator {
  const cache = new Float64Array(env.periods);
  // Passes start at 1, so a zero stamp never matches.
  const stamp = new Float64Array(env.periods);
  return (t) => {
    if (stamp[t] === env.pass) return cache[t] as number;
    const v = f(t);
    cache[t] = v;
    stamp[t] = env.pass;
    return v;
  };
}

/** A real error: reported once, then the cell is blank like any other missing value. */
function checked(v: number, position: number, env: RuntimeEnv): number {
  if (Number.isFinite(v)) return v;
  env.report('notFinite', position);
  return NaN;
}

/** Half away from zero, as spreadsheets round; `digits` may be negative (round to tens, …). */
export function roundHalfAway(x: number, digits: number): number {
  if (x !== x || digits !== digits) return NaN;
  const d = Math.trunc(digits);
  if (d > 308) return x;
  if (d < -308) return 0;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  // 10^d for negative d is inexact (0.1), so divide by the exact 10^-d instead.
  const scale = d >= 0 ? 10 ** d : 10 ** -d;
  const scaled = d >= 0 ? a * scale : a / scale;
  // Past 2^52 a double has no fraction left at this scale: x is already rounded.
  if (!Number.isFinite(scaled) || scaled >= 2 ** 52) return x;
  // The nudge makes 1.005 round to 1.01: its double is 1.00499999999999989…, a hair below.
  const r = Math.round(scaled * (1 + Number.EPSILON));
  return sign * (d >= 0 ? r / scale : r * scale);
}

const variadic = (fold: (acc: number, v: number) => number, start: number) =>
  (args: readonly Evaluator[]): Evaluator => {
    const fs = args.slice();
    return (t) => {
      let acc = start;
      let blank = false;
      // Every argument is evaluated, as both operands of an operator are, so errors are reported.
      for (let i = 0; i < fs.length; i++) {
        const v = (fs[i] as Evaluator)(t);
        if (v !== v) blank = true;
        else acc = fold(acc, v);
      }
      return blank ? NaN : acc;
    };
  };

const FUNCTION_LIST: readonly FunctionSpec[] = [
  {
    name: 'if', minArgs: 3, maxArgs: 3, argument: 'expression',
    build(args) {
      const cond = arg(args, 0), then = arg(args, 1), otherwise = arg(args, 2);
      return (t) => {
        const c = cond(t);
        if (c !== c) return NaN;
        return c !== 0 ? then(t) : otherwise(t);
      };
    },
  },
  { name: 'min', minArgs: 1, maxArgs: Infinity, argument: 'expression', build: variadic((a, v) => (v < a ? v : a), Infinity) },
  { name: 'max', minArgs: 1, maxArgs: Infinity, argument: 'expression', build: variadic((a, v) => (v > a ? v : a), -Infinity) },
  {
    name: 'abs', minArgs: 1, maxArgs: 1, argument: 'expression',
    build(args) {
      const x = arg(args, 0);
      return (t) => Math.abs(x(t));
    },
  },
  {
    name: 'round', minArgs: 1, maxArgs: 2, argument: 'expression',
    build(args) {
      const x = arg(args, 0);
      const digits = args[1];
      if (!digits) return (t) => roundHalfAway(x(t), 0);
      return (t) => {
        const v = x(t);
        return roundHalfAway(v, digits(t));
      };
    },
  },
  {
    name: 'and', minArgs: 1, maxArgs: Infinity, argument: 'expression',
    build(args) {
      const fs = args.slice();
      // Three-valued: one false argument decides, whatever is blank; otherwise a blank leaves it open.
      return (t) => {
        let blank = false;
        for (let i = 0; i < fs.length; i++) {
          const v = (fs[i] as Evaluator)(t);
          if (v !== v) blank = true;
          else if (v === 0) return 0;
        }
        return blank ? NaN : 1;
      };
    },
  },
  {
    name: 'or', minArgs: 1, maxArgs: Infinity, argument: 'expression',
    build(args) {
      const fs = args.slice();
      return (t) => {
        let blank = false;
        for (let i = 0; i < fs.length; i++) {
          const v = (fs[i] as Evaluator)(t);
          if (v !== v) blank = true;
          else if (v !== 0) return 1;
        }
        return blank ? NaN : 0;
      };
    },
  },
  {
    name: 'not', minArgs: 1, maxArgs: 1, argument: 'expression',
    build(args) {
      const x = arg(args, 0);
      return (t) => {
        const v = x(t);
        return v !== v ? NaN : v === 0 ? 1 : 0;
      };
    },
  },
  {
    name: 'prev', minArgs: 1, maxArgs: 1, argument: 'expression',
    build(args) {
      const x = arg(args, 0);
      return (t) => (t > 0 ? x(t - 1) : NaN);
    },
  },
  {
    name: 'growth', minArgs: 1, maxArgs: 1, argument: 'expression',
    build(args, position, env) {
      // Memoised: growth reads its argument at t and t-1, so nested growths would otherwise
      // cost 2^depth evaluations per period.
      const x = memoize(arg(args, 0), env);
      return (t) => {
        if (t <= 0) return NaN;
        const now = x(t);
        const before = x(t - 1);
        if (now !== now || before !== before) return NaN;
        if (before === 0) {
          env.report('divisionByZero', position);
          return NaN;
        }
        return checked(now / before - 1, position, env);
      };
    },
  },
  {
    name: 'cumsum', minArgs: 1, maxArgs: 1, argument: 'expression',
    build(args, position, env) {
      const x = arg(args, 0);
      // Running sums of the current pass are valid for periods 0..upTo: in-order calls extend
      // by one period, calls for earlier periods are lookups, a new pass starts over.
      const sums = new Float64Array(env.periods);
      let upTo = -1;
      let pass = 0;
      return (t) => {
        if (pass !== env.pass) {
          pass = env.pass;
          upTo = -1;
        }
        while (upTo < t) {
          const j = upTo + 1;
          const v = x(j);
          const before = j === 0 ? 0 : (sums[j - 1] as number);
          const s = before + v;
          sums[j] = s !== s || Number.isFinite(s) ? s : checked(s, position, env);
          upTo = j;
        }
        return sums[t] as number;
      };
    },
  },
  {
    name: 'sumgroup', minArgs: 1, maxArgs: 1, argument: 'group',
    build(rowOffsets, position, env) {
      const offsets = rowOffsets.slice();
      const values = env.values;
      return (t) => {
        let s = 0;
        for (let i = 0; i < offsets.length; i++) s += values[(offsets[i] as number) + t] ?? NaN;
        return s !== s || Number.isFinite(s) ? s : checked(s, position, env);
      };
    },
  },
  {
    name: 'target', minArgs: 1, maxArgs: 1, argument: 'indicator',
    build(targets) {
      return (t) => targets[t] ?? NaN;
    },
  },
];

export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map(FUNCTION_LIST.map((f) => [f.name, f]));

/** Function names are case-insensitive: `IF`, `If` and `if` are one function. */
export function lookupFunction(name: string): FunctionSpec | undefined {
  return FUNCTIONS.get(name.toLowerCase());
}

/** The accepted argument count as written in errors: `1`, `1-2`, `1+`. */
export function arityText(spec: FunctionSpec): string {
  if (spec.maxArgs === Infinity) return `${spec.minArgs}+`;
  if (spec.minArgs === spec.maxArgs) return String(spec.minArgs);
  return `${spec.minArgs}-${spec.maxArgs}`;
}
