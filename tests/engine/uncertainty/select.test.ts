import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PercentileSelector, percentilesOf, select } from '../../../src/engine/uncertainty/select.ts';

/** Type-7 percentile by sorting: the definition the selection must match. */
function sortedPercentile(values: number[], p: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (h - below) * (high - low);
}

const valuesArb = fc.array(fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) }, // ties
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
), { minLength: 0, maxLength: 3000 });

describe('percentiles by selection', () => {
  it('put the k-th smallest at k with nothing larger before it and nothing smaller after', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 2000 }), fc.nat(), (values, pick) => {
      const a = Float64Array.from(values);
      const k = pick % a.length;
      select(a, k, 0, a.length - 1);
      const sorted = [...values].sort((x, y) => x - y);
      expect(a[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(a[i] as number).toBeLessThanOrEqual(a[k] as number);
      for (let i = k + 1; i < a.length; i++) expect(a[i] as number).toBeGreaterThanOrEqual(a[k] as number);
    }), { numRuns: 200 });
  });

  it('equal the sorted definition (interpolated, blanks left out) for any values and percentiles', () => {
    fc.assert(fc.property(valuesArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }), fc.nat(20), (values, percentiles, pad) => {
      // Work on a slice in the middle of a bigger array, as the simulation does.
      const a = new Float64Array(pad + values.length + 3).fill(123);
      a.set(values, pad);
      const order = percentiles.map((_, i) => i).sort((x, y) => (percentiles[x] as number) - (percentiles[y] as number));
      const out = new Float64Array(percentiles.length * 2).fill(-1);
      percentilesOf(a, pad, pad + values.length, percentiles, order, out, 1, 2);
      percentiles.forEach((p, i) => {
        const expected = sortedPercentile(values, p);
        const got = out[1 + 2 * i] as number;
        if (Number.isNaN(expected)) expect(got).toBeNaN();
        else expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      });
      expect(a[pad + values.length]).toBe(123); // nothing outside the slice moved
    }), { numRuns: 300 });
  });

  it('work on 32-bit columns too', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => Math.fround(Math.sin(i) * 100));
    const a = Float32Array.from(values);
    const out = new Float64Array(3);
    percentilesOf(a, 0, a.length, [0.1, 0.5, 0.9], [0, 1, 2], out, 0, 1);
    expect([...out]).toEqual([0.1, 0.5, 0.9].map((p) => sortedPercentile(values, p)));
  });

  it('come out the same through buckets on long columns: skewed, tied, blank or constant', () => {
    const shapes = fc.constantFrom('uniform', 'skewed', 'ties', 'constant', 'huge');
    fc.assert(fc.property(shapes, fc.integer({ min: 256, max: 6000 }), fc.integer(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (shape, length, seed, percentiles) => {
      let state = seed >>> 0 || 1;
      const random = () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 4294967296; };
      const values = Array.from({ length }, (_, i) => {
        if (i % 97 === 0) return Number.NaN;
        switch (shape) {
          case 'uniform': return random() * 10 - 5;
          case 'skewed': return Math.exp(20 * random()); // most values in the lowest bucket
          case 'ties': return Math.floor(random() * 4);
          case 'constant': return 2.5;
          case 'huge': return (random() - 0.5) * 1e308;
        }
        return 0;
      });
      const a = Float64Array.from(values);
      const out = new Float64Array(percentiles.length);
      new PercentileSelector(percentiles).compute(a, 0, a.length, out, 0, 1);
      percentiles.forEach((p, i) => {
        const expected = sortedPercentile(values, p);
        expect(Math.abs((out[i] as number) - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
      });
    }), { numRuns: 150 });
  });
});

