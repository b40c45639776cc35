import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brent } from '../../../src/engine/solve/brent.ts';

function counted(f: (x: number) => number) {
  const calls = { count: 0 };
  return { calls, f: (x: number) => { calls.count++; return f(x); } };
}

describe('brent', () => {
  it('finds √2 as the root of x² − 2 to full precision in a handful of evaluations', () => {
    const { f, calls } = counted((x) => x * x - 2);
    const root = brent(f, 0, 2, { relativeTolerance: 1e-15 });
    if (!root.ok) throw new Error(root.error.code);
    expect(Math.abs(root.value.x - Math.SQRT2)).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(root.value.evaluations).toBe(calls.count);
    expect(calls.count).toBeLessThanOrEqual(12);
  });

  it('finds the fixed point of cos (the Dottie number)', () => {
    const root = brent((x) => Math.cos(x) - x, 0, 1, { relativeTolerance: 1e-15 });
    if (!root.ok) throw new Error(root.error.code);
    expect(root.value.x).toBeCloseTo(0.7390851332151607, 14);
  });

  it('reaches a root at zero through an absolute tolerance', () => {
    const root = brent((x) => x * x * x, -1, 2, { absoluteTolerance: 1e-12, maxEvaluations: 200 });
    if (!root.ok) throw new Error(root.error.code);
    expect(Math.abs(root.value.x)).toBeLessThan(1e-11);
  });

  it('closes in on the jump of a discontinuous function without looping', () => {
    const root = brent((x) => (x < 1 / 3 ? -1 : 1), 0, 1, { relativeTolerance: 1e-12, maxEvaluations: 200 });
    if (!root.ok) throw new Error(root.error.code);
    expect(Math.abs(root.value.x - 1 / 3)).toBeLessThan(1e-11);
  });

  it('uses f(a) and f(b) when given instead of evaluating them again', () => {
    const { f, calls } = counted((x) => x - 0.25);
    const root = brent(f, 0, 1, { fa: -0.25, fb: 0.75 });
    if (!root.ok) throw new Error(root.error.code);
    expect(root.value.x).toBeCloseTo(0.25, 15);
    expect(calls.count).toBe(1); // the first secant step lands on the root of a line
  });

  it('says when the interval does not bracket a sign change', () => {
    const root = brent((x) => x * x + 1, -1, 1);
    expect(root).toEqual({ ok: false, error: { code: 'notBracketed', fa: 2, fb: 2 } });
  });

  it('stops at its evaluation cap with the best point so far', () => {
    const root = brent((x) => (x < 1 / 3 ? -1 : 1), 0, 1, { maxEvaluations: 5 });
    expect(root.ok).toBe(false);
    if (root.ok) return;
    expect(root.error.code).toBe('notConverged');
    if (root.error.code === 'notConverged') expect(root.error.evaluations).toBe(5);
  });

  it('converges on any cubic with a bracketed root, within tolerance and 60 evaluations', () => {
    fc.assert(fc.property(
      fc.double({ min: -5, max: 5, noNaN: true }),
      fc.double({ min: 0.1, max: 3, noNaN: true }),
      fc.double({ min: -2, max: 2, noNaN: true }),
      (r, spread, shift) => {
        // (x − r)((x − shift)² + 1) has exactly one real root, r.
        const f = (x: number) => (x - r) * ((x - shift) * (x - shift) + 1);
        const root = brent(f, r - spread, r + 2 * spread, { relativeTolerance: 1e-13, absoluteTolerance: 1e-13, maxEvaluations: 60 });
        if (!root.ok) return false;
        return Math.abs(root.value.x - r) <= 1e-12 * Math.max(1, Math.abs(r));
      },
    ), { numRuns: 300 });
  });
});
