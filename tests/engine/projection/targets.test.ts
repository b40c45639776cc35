import { describe, expect, it } from 'vitest';
import { assessTarget } from '../../../src/engine/projection/targets.ts';

const row = (...values: number[]) => Float64Array.from(values);
const actual = (...flags: number[]) => Uint8Array.from(flags);

describe('target assessment', () => {
  it('is on track when the projection reaches the target', () => {
    const a = assessTarget(row(100, 110, 121), actual(1, 0, 0), 0, 0, 2, 120, 'atLeast');
    expect(a.status).toBe('onTrack');
    expect(a.gap).toBeCloseTo(1, 12);
    expect(a.firstReached).toBe(2);
    expect(a.growthNeeded).toBeCloseTo(Math.sqrt(1.2) - 1, 12);
  });

  it('is at risk within 5 % short of the target and off track beyond', () => {
    expect(assessTarget(row(100, 96.5), actual(1, 0), 0, 0, 1, 101, 'atLeast').status).toBe('atRisk');
    expect(assessTarget(row(100, 90), actual(1, 0), 0, 0, 1, 101, 'atLeast').status).toBe('offTrack');
  });

  it('is met when the latest actual already holds the level', () => {
    const a = assessTarget(row(2.45, 2.6), actual(1, 0), 0, 0, 1, 2.45, 'hold');
    expect(a.status).toBe('met');
    expect(a.growthNeeded).toBe(0);
  });

  it('judges a target period that has an actual as met or missed', () => {
    expect(assessTarget(row(5, 6), actual(1, 1), 1, 0, 1, 6, 'atLeast').status).toBe('met');
    expect(assessTarget(row(5, 5.5), actual(1, 1), 1, 0, 1, 6, 'atLeast').status).toBe('offTrack');
  });

  it('reads "at most" targets the other way round', () => {
    const a = assessTarget(row(10, 8), actual(1, 0), 0, 0, 1, 9, 'atMost');
    expect(a.status).toBe('onTrack');
    expect(a.attainment).toBeCloseTo(9 / 8, 12);
  });
});
