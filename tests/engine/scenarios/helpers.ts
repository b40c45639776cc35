import type { Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';

export const NOW = '2026-01-01T00:00:00.000Z';

/** Freezes a value and everything in it, so that a mutation throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * Subscribers (an input), revenue (an input) and ARPU (a formula), with a "high" scenario and a
 * "higher" one inheriting from it.
 */
export function scenarioPlan(): Plan {
  return makePlan({
    id: 'p',
    name: 'Kế hoạch',
    calendar: { periodicity: 'year', start: '2022', end: '2026' },
    createdAt: NOW,
    updatedAt: NOW,
    indicators: [
      makeIndicator({
        id: 'subscribers',
        actuals: { '2022': 2.9, '2023': 2.98 },
        projection: { method: 'growth', rate: 0.01 },
        targets: [{ period: '2025', value: 3, direction: 'atLeast' }],
        range: { distribution: 'triangular', of: 'rate', low: 0, likely: 0.01, high: 0.02 },
      }),
      makeIndicator({ id: 'revenue', kind: 'flow', actuals: { '2023': 4900 }, projection: { method: 'growth', rate: 0.05 } }),
      makeIndicator({ id: 'arpu', kind: 'rate', projection: { method: 'formula', formula: 'revenue / subscribers' } }),
    ],
    scenarios: [
      {
        id: 'high',
        name: { vi: 'Cao' },
        overrides: {
          subscribers: { actuals: { '2023': 3.0 }, projection: { method: 'growth', rate: 0.03 }, range: null },
          revenue: { targets: [{ period: '2026', value: 6000, direction: 'atLeast' }] },
        },
      },
      {
        id: 'higher',
        name: { vi: 'Cao hơn' },
        parent: 'high',
        overrides: {
          subscribers: { actuals: { '2023': 3.1, '2024': 3.2 } },
          revenue: { projection: { method: 'linear', step: 500 } },
        },
      },
    ],
  });
}
