/**
 * The x at which a model's value v(x) equals a goal, starting from x0 without a bracket.
 *
 * Planning models are nearly straight lines in one of a few spaces: a sum is linear in a level,
 * compound growth makes log v linear in a rate, products and powers make log v linear in log x.
 * The search walks by secant steps in whichever space the points seen so far are straightest in
 * (a secant lands at once on a straight line), and as soon as two points enclose the goal it hands
 * that bracket to Brent's method in that space. When the walk stalls it sweeps outward from x0 on
 * both sides until the domain or a size limit ends each side. Every path counts evaluations
 * against one cap: no hang.
 */
import { brent } from './brent.ts';
import { inDomain, type Domain } from './domain.ts';

/** How x and v are read: their logarithms or themselves. */
export interface Space { logX: boolean; logY: boolean }

export const LINEAR: Space = { logX: false, logY: false };
/** log v against x: compound growth in a rate. */
export const EXPONENTIAL: Space = { logX: false, logY: true };
/** log v against log x: products and powers of a level. */
export const POWER: Space = { logX: true, logY: true };

export interface SeekOptions {
  /** Relative tolerance on x, default 1e-12; also accepts |v − goal| ≤ it × |goal|. */
  relativeTolerance?: number;
  /** Evaluations allowed in all, default 60. */
  maxEvaluations?: number;
  /** The natural size of x when x0 is (nearly) 0 (a rate: 0.01; a level: 1). Default 1. */
  scale?: number;
  /** The space to walk in until three points can tell which is straightest. Default LINEAR. */
  space?: Space;
}

export type SeekOutcome =
  | { kind: 'root'; x: number; value: number; evaluations: number }
  /** The goal is never enclosed: [low, high] is the widest interval evaluated, with v at its ends. */
  | { kind: 'noBracket'; low: number; high: number; lowValue: number; highValue: number; evaluations: number }
  | { kind: 'notConverged'; x: number; value: number; evaluations: number }
  /** v is not a number at the starting point. */
  | { kind: 'undefinedAtStart'; evaluations: number };

interface Point { x: number; v: number }

/** Secant steps tried before the outward sweep takes over. */
const SECANT_STEPS = 24;
/** A secant step may be at most this many times the step before it. */
const MAX_JUMP = 1_000;
/** The sweep grows its distance from the start by this factor per side and step. */
const SWEEP_FACTOR = 4;
/** The sweep gives up on a side this many scales away from the start. */
const SWEEP_LIMIT = 1e12;
/** log(v / goal) of a value at or below zero: below the goal, far below, but a number. */
const FAR_BELOW = -1e4;

export function seekValue(model: (x: number) => number, goal: number, x0: number, domainIn: Domain, options: SeekOptions = {}): SeekOutcome {
  const relative = options.relativeTolerance ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 60;
  const unit = options.scale ?? 1;
  // The size of the first step comes from x0 itself unless x0 is (nearly) zero.
  const scale = Math.abs(x0) >= 1e-6 * unit ? Math.abs(x0) : unit;
  const absolute = relative * scale;
  const valueTolerance = relative * Math.abs(goal);
  // Ends found where v stops being a number narrow the domain as the search learns them.
  const domain: Domain = { ...domainIn };
  const spaces = candidateSpaces(goal, domain, options.space ?? LINEAR);
  let evaluations = 0;
  const points: Point[] = [];
  const memo = new Map<number, number>();
  const evaluate = (x: number): number => {
    const known = memo.get(x);
    if (known !== undefined) return known;
    evaluations++;
    const raw = model(x);
    const v = Number.isFinite(raw) ? raw : NaN;
    memo.set(x, v);
    return v;
  };
  const reached = (p: Point): boolean => p.v === goal || Math.abs(p.v - goal) <= valueTolerance;
  const side = (p: Point): number => Math.sign(p.v - goal);
  const root = (p: Point): SeekOutcome => ({ kind: 'root', x: p.x, value: p.v, evaluations });
  /** Records a point; when v is undefined there, narrows the domain and returns null. */
  const record = (x: number, from: number): Point | null => {
    const v = evaluate(x);
    if (Number.isNaN(v)) {
      if (x > from) { domain.high = x; domain.highOpen = true; } else { domain.low = x; domain.lowOpen = true; }
      return null;
    }
    const p = { x, v };
    if (!points.some((q) => q.x === x)) {
      let i = points.length;
      while (i > 0 && (points[i - 1] as Point).x > x) i--;
      points.splice(i, 0, p);
    }
    return p;
  };
  /** The tightest bracket next to `p`: a neighbour in x on the other side of the goal. */
  const bracketAt = (p: Point): [Point, Point] | null => {
    const i = points.findIndex((q) => q.x === p.x);
    const left = points[i - 1];
    const right = points[i + 1];
    if (left && side(left) * side(p) < 0) return [left, p];
    if (right && side(right) * side(p) < 0) return [p, right];
    return null;
  };

  const solve = ([left, right]: [Point, Point], recent: readonly Point[]): SeekOutcome => {
    const space = straightest(spaces.filter((s) => fits(s, left) && fits(s, right)), recent, goal);
    // Brent starts from b, the end nearer the goal, and may interpolate through the point just
    // outside the bracket beyond b (usually the walk's step before it).
    const nearLeft = Math.abs(Y(space, left.v, goal)) < Math.abs(Y(space, right.v, goal));
    const [a, b] = nearLeft ? [right, left] : [left, right];
    const beyond = points[points.findIndex((q) => q.x === b.x) + (nearLeft ? -1 : 1)];
    const F = (X: number): number => {
      const v = evaluate(fromX(space, X));
      return Number.isNaN(v) ? NaN : Y(space, v, goal);
    };
    const found = brent(F, X(space, a.x), X(space, b.x), {
      fa: Y(space, a.v, goal),
      fb: Y(space, b.v, goal),
      ...(beyond && fits(space, beyond) ? { previous: { x: X(space, beyond.x), fx: Y(space, beyond.v, goal) } } : {}),
      // A relative tolerance on x is an absolute one on log x.
      relativeTolerance: space.logX ? 0 : relative,
      absoluteTolerance: space.logX ? relative : absolute,
      valueTolerance: space.logY ? relative : valueTolerance,
      maxEvaluations: Math.max(0, maxEvaluations - evaluations),
    });
    // Brent's evaluations went through `evaluate`, which counted them.
    if (found.ok) {
      const x = fromX(space, found.value.x);
      return { kind: 'root', x, value: memo.get(x) ?? NaN, evaluations };
    }
    const best = found.error.code === 'notConverged' ? fromX(space, found.error.x) : b.x;
    return { kind: 'notConverged', x: best, value: memo.get(best) ?? NaN, evaluations };
  };

  const start = record(x0, x0);
  if (!start) return { kind: 'undefinedAtStart', evaluations };
  if (reached(start)) return root(start);

  // Phase 1: the secant walk.
  const first = toward(domain, x0, x0 + 0.1 * scale) ?? toward(domain, x0, x0 - 0.1 * scale);
  const walk: Point[] = [start];
  let b: Point | null = first === null ? null : record(first, x0);
  if (b) walk.push(b);
  let worse = 0;
  for (let step = 0; b && step < SECANT_STEPS && evaluations < maxEvaluations; step++) {
    if (reached(b)) return root(b);
    const bracket = bracketAt(b);
    if (bracket) return solve(bracket, walk.slice(-3));
    const a = walk[walk.length - 2] as Point;
    const space = straightest(spaces.filter((s) => readable(s, a) && readable(s, b as Point)), walk.slice(-3), goal);
    const Xa = X(space, a.x);
    const Xb = X(space, b.x);
    const Ya = Y(space, a.v, goal);
    const Yb = Y(space, b.v, goal);
    const last = Xb - Xa;
    let Xs = Yb === Ya ? Xb + 2 * last : Xb - (Yb * last) / (Yb - Ya);
    if (!Number.isFinite(Xs)) Xs = Xb + 2 * last;
    const limit = MAX_JUMP * Math.abs(last);
    if (Math.abs(Xs - Xb) > limit) Xs = Xb + Math.sign(Xs - Xb) * limit;
    let s = fromX(space, Xs);
    // A step below the tolerance cannot tell the root from b: step just past it instead, so that
    // the next point brackets the root within tolerance (Brent's own rule).
    const tolerance = relative * Math.abs(b.x) + absolute;
    if (!(Math.abs(s - b.x) >= tolerance)) s = b.x + (s >= b.x ? tolerance : -tolerance);
    const next = toward(domain, b.x, s);
    if (next === null || next === b.x) break;
    const c = record(next, b.x);
    if (!c) continue; // v undefined there: the domain shrank; the next step stays inside it
    worse = Math.abs(c.v - goal) >= Math.abs(b.v - goal) ? worse + 1 : 0;
    walk.push(c);
    b = c;
    if (worse >= 2) break;
  }
  if (b) {
    if (reached(b)) return root(b);
    const bracket = bracketAt(b);
    if (bracket) return solve(bracket, walk.slice(-3));
  }

  // Phase 2: sweep outward from the start, both sides in turn.
  const exhausted = [false, false];
  while (evaluations < maxEvaluations && !(exhausted[0] && exhausted[1])) {
    for (const direction of [0, 1]) {
      if (exhausted[direction] || evaluations >= maxEvaluations) continue;
      const sign = direction === 0 ? 1 : -1;
      const far = direction === 0 ? (points[points.length - 1] as Point).x : (points[0] as Point).x;
      const distance = Math.max(Math.abs(far - x0), 0.1 * scale) * SWEEP_FACTOR;
      if (distance > SWEEP_LIMIT * scale) { exhausted[direction] = true; continue; }
      const next = toward(domain, far, x0 + sign * distance);
      if (next === null || points.some((q) => q.x === next)) { exhausted[direction] = true; continue; }
      const p = record(next, far);
      if (!p) continue;
      if (reached(p)) return root(p);
      const bracket = bracketAt(p);
      if (bracket) return solve(bracket, bracket);
    }
  }
  const low = points[0] as Point;
  const high = points[points.length - 1] as Point;
  return { kind: 'noBracket', low: low.x, high: high.x, lowValue: low.v, highValue: high.v, evaluations };
}

function candidateSpaces(goal: number, domain: Domain, preferred: Space): Space[] {
  const all = goal > 0 ? [LINEAR, EXPONENTIAL, POWER] : [LINEAR];
  const usable = all.filter((s) => !s.logX || domain.high > 0);
  const first = usable.find((s) => s.logX === preferred.logX && s.logY === preferred.logY) ?? LINEAR;
  return [first, ...usable.filter((s) => s !== first)];
}

/** Whether a point can be placed in a space: log x needs x > 0. */
function fits(space: Space, p: Point): boolean {
  return !space.logX || p.x > 0;
}

/** Whether a point reads truly in a space, not as the stand-in for a value at or below zero. */
function readable(space: Space, p: Point): boolean {
  return fits(space, p) && (!space.logY || p.v > 0);
}

function X(space: Space, x: number): number {
  return space.logX ? Math.log(x) : x;
}

function fromX(space: Space, X: number): number {
  return space.logX ? Math.exp(X) : X;
}

function Y(space: Space, v: number, goal: number): number {
  if (!space.logY) return v - goal;
  return v > 0 ? Math.log(v / goal) : FAR_BELOW;
}

/**
 * Of the spaces (the first is the default), the one where the last three points lie closest to a
 * straight line: the middle point's distance from the chord of the outer two, relative to their
 * rise. With fewer than three points, the default.
 */
function straightest(spaces: readonly Space[], recent: readonly Point[], goal: number): Space {
  const fallback = spaces[0] ?? LINEAR;
  if (recent.length < 3) return fallback;
  const sorted = [...recent].sort((p, q) => p.x - q.x);
  let best = fallback;
  let bestBend = Infinity;
  for (const space of spaces) {
    if (!sorted.every((p) => readable(space, p))) continue;
    const [p1, p2, p3] = sorted as [Point, Point, Point];
    const x1 = X(space, p1.x), x2 = X(space, p2.x), x3 = X(space, p3.x);
    const y1 = Y(space, p1.v, goal), y2 = Y(space, p2.v, goal), y3 = Y(space, p3.v, goal);
    const rise = Math.abs(y3 - y1);
    if (!(x3 > x1) || rise === 0) continue;
    const bend = Math.abs(y2 - (y1 + ((y3 - y1) * (x2 - x1)) / (x3 - x1))) / rise;
    if (bend < bestBend) { best = space; bestBend = bend; }
  }
  return best;
}

/**
 * The point of the way from `from` to `to` that the domain allows: `to` itself when inside, a
 * closed end, or 7/8 of the way to an open end. Null when `from` already sits at that end.
 */
function toward(domain: Domain, from: number, to: number): number | null {
  if (inDomain(domain, to)) return to;
  const end = to > from ? domain.high : domain.low;
  const open = to > from ? domain.highOpen : domain.lowOpen;
  // `from` past that end already (the domain narrowed behind it): nothing left on this side.
  if (!Number.isFinite(end) || (end - from) * (to - from) <= 0) return null;
  if (!open) return from === end ? null : end;
  const gap = end - from;
  if (Math.abs(gap) <= 1e-12 * Math.max(1, Math.abs(end))) return null;
  const x = from + gap * 0.875;
  return inDomain(domain, x) && x !== from ? x : null;
}
