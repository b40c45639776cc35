import { describe, expect, it } from 'vitest';
import {
  normalQuantile,
  pertShape,
  rangeEnds,
  sampleGamma,
  sampleRange,
  triangularQuantile,
} from '../../../src/engine/uncertainty/distributions.ts';
import { RandomStream } from '../../../src/engine/uncertainty/random.ts';
import type { Range } from '../../../src/engine/model/plan.ts';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (squares - n * mean * mean) / (n - 1) };
}

/** Sample mean within 4 standard errors; sample variance within 5 % (n = 100,000). */
function expectMoments(draw: () => number, mean: number, variance: number): void {
  const n = 100_000;
  const m = moments(draw, n);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.05);
}

describe('the normal quantile (AS 241)', () => {
  it('gives the textbook quantiles and is odd about 1/2', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    // Powers of two, so that 1 − p is exact.
    for (const p of [2 ** -40, 2 ** -20, 2 ** -7, 0.25, 0.4375]) expect(normalQuantile(p)).toBe(-normalQuantile(1 - p));
  });

  it('increases with p across its three regions', () => {
    let previous = -Infinity;
    for (let i = 1; i < 2000; i++) {
      const z = normalQuantile(i / 2000);
      expect(z).toBeGreaterThan(previous);
      previous = z;
    }
  });
});

describe('sampling ranges', () => {
  const stream = new RandomStream(3, 5);

  it('draws triangular values with the mean and variance of the distribution', () => {
    const [a, c, b] = [2, 3, 7];
    const range: Range = { distribution: 'triangular', of: 'level', low: a, likely: c, high: b };
    expectMoments(() => sampleRange(range, stream), (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  });

  it('inverts the triangular CDF at its ends and its mode', () => {
    expect(triangularQuantile(0, 2, 3, 7)).toBe(2);
    expect(triangularQuantile(1, 2, 3, 7)).toBe(7);
    expect(triangularQuantile(0.2, 2, 3, 7)).toBeCloseTo(3, 12); // F(mode) = (c − a)/(b − a) = 0.2
  });

  it('draws PERT values with mean (low + 4 likely + high)/6 and the Beta variance', () => {
    const [a, c, b] = [0.02, 0.05, 0.14];
    const range: Range = { distribution: 'pert', of: 'rate', low: a, likely: c, high: b };
    const { alpha, beta } = pertShape(a, c, b);
    const variance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)) * (b - a) ** 2;
    expectMoments(() => sampleRange(range, stream), (a + 4 * c + b) / 6, variance);
  });

  it('draws Gamma values with mean and variance equal to the shape', () => {
    for (const shape of [1, 1.7, 5]) expectMoments(() => sampleGamma(stream, shape), shape, shape);
  });

  it('draws normal values with the mean and sd given', () => {
    const range: Range = { distribution: 'normal', of: 'level', mean: 100, sd: 15 };
    expectMoments(() => sampleRange(range, stream), 100, 225);
  });

  it('returns a zero-width range\'s value exactly', () => {
    expect(sampleRange({ distribution: 'triangular', of: 'rate', low: 0.1, likely: 0.1, high: 0.1 }, stream)).toBe(0.1);
    expect(sampleRange({ distribution: 'pert', of: 'rate', low: 0.1, likely: 0.1, high: 0.1 }, stream)).toBe(0.1);
    expect(sampleRange({ distribution: 'normal', of: 'rate', mean: 0.1, sd: 0 }, stream)).toBe(0.1);
  });

  it('tests sensitivity at low and high, or at a normal\'s P10 and P90', () => {
    expect(rangeEnds({ distribution: 'pert', of: 'rate', low: 1, likely: 2, high: 5 })).toEqual({ low: 1, high: 5 });
    const normal = rangeEnds({ distribution: 'normal', of: 'level', mean: 10, sd: 2 });
    expect(normal.low).toBeCloseTo(10 + 2 * normalQuantile(0.1), 12);
    expect(normal.high).toBeCloseTo(10 + 2 * normalQuantile(0.9), 12);
  });
});
