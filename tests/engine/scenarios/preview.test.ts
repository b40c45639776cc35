import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { chooseSide, mergePlans, same } from '../../../src/engine/scenarios/merge.ts';
import { classify, describePlan, planDifferences, relation, type PlanDifference } from '../../../src/engine/scenarios/preview.ts';
import { random, randomPlan } from '../session/random-plans.ts';
import { content, planPair, varied } from '../../ui/import/varied-plans.ts';
import { deepFreeze, scenarioPlan } from './helpers.ts';

/** CHITIEU_PROPERTY_RUNS=40 runs 40 times as many cases. */
const RUNS = 300 * Math.max(1, Number(process.env.CHITIEU_PROPERTY_RUNS ?? 1));

const withRevenue = (plan: Plan, change: (i: Indicator) => Indicator): Plan => ({
  ...plan,
  indicators: plan.indicators.map((i) => (i.id === 'revenue' ? change(i) : i)),
});

/**
 * The incoming plan rebuilt from the local one and the differences alone: every difference's
 * incoming value put at its path with the merge's `chooseSide`, rows then put in the incoming
 * order. If a difference were missing, or said the wrong thing, this would not give the incoming
 * plan back.
 */
function rebuild(local: Plan, differences: readonly PlanDifference[], incoming: Plan): Plan {
  let plan: Plan = local.scenarios === undefined ? { ...local, scenarios: [] } : local;
  for (const d of differences) {
    if (d.kind === 'order') continue;
    plan = chooseSide(plan, { path: d.path, base: undefined, ours: d.local, theirs: d.incoming }, 'theirs');
  }
  const inOrder = <T extends { id: string }>(rows: readonly T[], order: readonly { id: string }[]) =>
    order.map((o) => rows.find((row) => row.id === o.id)).filter((row): row is T => row !== undefined);
  return {
    ...plan,
    groups: inOrder(plan.groups, incoming.groups),
    indicators: inOrder(plan.indicators, incoming.indicators),
    scenarios: inOrder(plan.scenarios ?? [], incoming.scenarios ?? []),
  };
}

describe('what an imported plan holds', () => {
  it('counts indicators, groups, scenarios, targets, actuals and the periods of the calendar', () => {
    const plan = { ...scenarioPlan(), groups: [{ id: 'g', name: { vi: 'Viễn thông' } }] };
    expect(describePlan(plan)).toEqual({
      indicators: 3,
      groups: 1,
      scenarios: 2,
      targets: 1,
      actuals: 3,
      periods: 5,
      calendar: { periodicity: 'year', start: '2022', end: '2026' },
    });
    expect(describePlan({ ...plan, scenarios: undefined as never, calendar: { periodicity: 'month', start: '2024-01', end: '2025-12' } })).toMatchObject({ scenarios: 0, periods: 24 });
  });

  it('reports no periods rather than failing on a calendar that is not one', () => {
    expect(describePlan({ ...scenarioPlan(), calendar: { periodicity: 'quarter', start: '2024', end: '2022' } }).periods).toBe(0);
  });
});

describe('the differences between the local plan and an imported copy', () => {
  it('finds none between a plan and itself, or a copy of it with other bookkeeping', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const plan = deepFreeze(varied(random(seed), randomPlan(random(seed)), 3));
        expect(planDifferences(plan, plan)).toEqual([]);
        expect(planDifferences(plan, { ...structuredClone(plan), revision: plan.revision + 7, updatedAt: '2030-01-01T00:00:00.000Z', createdAt: '2019-01-01T00:00:00.000Z' })).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is empty exactly when the two plans hold the same content', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { local, incoming } = planPair(random(seed));
        expect(planDifferences(local, incoming).length === 0).toBe(same(content(local), content(incoming)));
      }),
      { numRuns: RUNS },
    );
  });

  it('says enough to rebuild the imported plan from the local one', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { local, incoming } = deepFreeze(planPair(random(seed)));
        const rebuilt = rebuild(local, planDifferences(local, incoming), incoming);
        expect(content(rebuilt)).toStrictEqual(content(incoming));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads the same both ways: the same paths, the two sides swapped', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { local, incoming } = planPair(random(seed));
        const forth = planDifferences(local, incoming);
        const back = planDifferences(incoming, local);
        const swapped = (d: PlanDifference) => ({ path: d.path, local: d.incoming, incoming: d.local });
        const byPath = (list: { path: string[] }[]) => [...list].sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
        expect(byPath(back.map((d) => ({ path: d.path, local: d.local, incoming: d.incoming })))).toEqual(byPath(forth.map(swapped)));
      }),
      { numRuns: RUNS },
    );
  });

  it('classifies every difference back from its path and values, and every merge conflict but bookkeeping', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { base, local, incoming } = planPair(random(seed));
        for (const d of planDifferences(local, incoming)) expect(classify(d.path, d.local, d.incoming)).toEqual(d);
        for (const conflict of mergePlans(base, local, incoming).conflicts) {
          const classified = classify(conflict.path, conflict.ours, conflict.theirs);
          expect(classified === null).toBe(conflict.path[0] === 'createdAt');
          if (classified) expect(classified.path).toEqual(conflict.path);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('names an actual value changed, added and cleared by indicator and period', () => {
    const local = scenarioPlan();
    const incoming = withRevenue(local, (i) => ({ ...i, actuals: { '2024': 5500 } }));
    const mine = withRevenue(local, (i) => ({ ...i, actuals: { ...i.actuals, '2024': 5300 } }));
    expect(planDifferences(mine, incoming)).toEqual([
      { kind: 'actual', path: ['indicators', 'revenue', 'actuals', '2023'], indicator: 'revenue', period: '2023', local: 4900, incoming: undefined },
      { kind: 'actual', path: ['indicators', 'revenue', 'actuals', '2024'], indicator: 'revenue', period: '2024', local: 5300, incoming: 5500 },
    ]);
  });

  it('names a rename, new targets, another projection method and a changed formula', () => {
    const local = scenarioPlan();
    let incoming = withRevenue(local, (i) => ({
      ...i,
      name: { vi: 'Doanh thu', en: 'Revenue' },
      targets: [{ period: '2025', value: 5300, direction: 'atLeast' }],
      projection: { method: 'linear', step: 200 },
    }));
    incoming = { ...incoming, indicators: incoming.indicators.map((i) => (i.id === 'arpu' ? { ...i, projection: { method: 'formula', formula: 'revenue / subscribers / 12' } } : i)) };
    expect(planDifferences(local, incoming)).toEqual([
      { kind: 'indicatorField', path: ['indicators', 'revenue', 'name'], indicator: 'revenue', field: 'name', local: { vi: 'revenue' }, incoming: { vi: 'Doanh thu', en: 'Revenue' } },
      { kind: 'indicatorField', path: ['indicators', 'revenue', 'projection'], indicator: 'revenue', field: 'projection', local: { method: 'growth', rate: 0.05 }, incoming: { method: 'linear', step: 200 } },
      { kind: 'indicatorField', path: ['indicators', 'revenue', 'targets'], indicator: 'revenue', field: 'targets', local: [], incoming: [{ period: '2025', value: 5300, direction: 'atLeast' }] },
      { kind: 'indicatorField', path: ['indicators', 'arpu', 'projection'], indicator: 'arpu', field: 'projection', local: { method: 'formula', formula: 'revenue / subscribers' }, incoming: { method: 'formula', formula: 'revenue / subscribers / 12' } },
    ]);
  });

  it('names indicators added and removed whole, and a new order of the rows both hold', () => {
    const local = scenarioPlan();
    const population = makeIndicator({ id: 'population', actuals: { '2023': 3.7 } });
    const [subscribers, revenueRow] = local.indicators as [Indicator, Indicator, Indicator];
    const incoming = { ...local, indicators: [revenueRow, population, subscribers] };
    expect(planDifferences(local, incoming)).toEqual([
      { kind: 'indicator', path: ['indicators', 'population'], indicator: 'population', local: undefined, incoming: population },
      { kind: 'indicator', path: ['indicators', 'arpu'], indicator: 'arpu', local: local.indicators[2], incoming: undefined },
      { kind: 'order', path: ['indicators'], list: 'indicators', local: ['subscribers', 'revenue'], incoming: ['revenue', 'subscribers'] },
    ]);
  });

  it('names the plan’s name and calendar, and groups added, renamed and removed', () => {
    const local = { ...scenarioPlan(), groups: [{ id: 'a', name: { vi: 'A' } }, { id: 'b', name: { vi: 'B' } }] };
    const incoming: Plan = {
      ...local,
      name: 'Kế hoạch 2025',
      calendar: { periodicity: 'year', start: '2022', end: '2030' },
      groups: [{ id: 'b', name: { vi: 'Bưu chính' } }, { id: 'c', name: { vi: 'C' } }],
    };
    expect(planDifferences(local, incoming).map((d) => [d.kind, d.path.join('.')])).toEqual([
      ['planField', 'name'],
      ['planField', 'calendar'],
      ['groupName', 'groups.b.name'],
      ['group', 'groups.c'],
      ['group', 'groups.a'],
    ]);
  });

  it('names scenarios added and removed, and a scenario’s name, parent and overrides cell by cell', () => {
    const local = scenarioPlan();
    const [high, higher] = local.scenarios as [NonNullable<Plan['scenarios']>[number], NonNullable<Plan['scenarios']>[number]];
    const incoming: Plan = {
      ...local,
      scenarios: [
        {
          ...high,
          name: { vi: 'Cao (sửa)' },
          overrides: {
            subscribers: { ...high.overrides.subscribers, actuals: { '2023': 3.05 }, range: undefined as never },
            revenue: high.overrides.revenue as object,
            arpu: { targets: [] },
          },
        },
        { id: 'low', name: { vi: 'Thấp' }, overrides: {} },
      ],
    };
    expect(planDifferences(local, incoming)).toEqual([
      { kind: 'scenarioField', path: ['scenarios', 'high', 'name'], scenario: 'high', field: 'name', local: { vi: 'Cao' }, incoming: { vi: 'Cao (sửa)' } },
      { kind: 'overrideActual', path: ['scenarios', 'high', 'overrides', 'subscribers', 'actuals', '2023'], scenario: 'high', indicator: 'subscribers', period: '2023', local: 3.0, incoming: 3.05 },
      { kind: 'overrideField', path: ['scenarios', 'high', 'overrides', 'subscribers', 'range'], scenario: 'high', indicator: 'subscribers', field: 'range', local: null, incoming: undefined },
      { kind: 'overrideField', path: ['scenarios', 'high', 'overrides', 'arpu', 'targets'], scenario: 'high', indicator: 'arpu', field: 'targets', local: undefined, incoming: [] },
      { kind: 'scenario', path: ['scenarios', 'low'], scenario: 'low', local: undefined, incoming: incoming.scenarios?.[1] },
      { kind: 'scenario', path: ['scenarios', 'higher'], scenario: 'higher', local: higher, incoming: undefined },
    ]);
  });

  it('takes an absent scenario list for an empty one, and an override without fields for none', () => {
    const plan = scenarioPlan();
    const bare = { ...plan, scenarios: undefined as never };
    expect(planDifferences({ ...plan, scenarios: [] }, bare)).toEqual([]);
    const high = plan.scenarios?.[0] as NonNullable<Plan['scenarios']>[number];
    const padded = { ...plan, scenarios: [{ ...high, overrides: { ...high.overrides, arpu: { actuals: {} } } }, ...(plan.scenarios ?? []).slice(1)] };
    expect(planDifferences(plan, padded)).toEqual([]);
  });
});

describe('which copy is newer', () => {
  const local = { ...scenarioPlan(), revision: 10, updatedAt: '2026-03-01T08:00:00.000Z' };
  const edited = withRevenue(local, (i) => ({ ...i, actuals: { ...i.actuals, '2024': 5500 } }));

  it('calls plans with other ids unrelated, whatever they hold', () => {
    expect(relation(local, { ...local, id: 'other' })).toBe('unrelated');
  });

  it('calls a copy with the same content the same, whatever its revision and time', () => {
    expect(relation(local, { ...structuredClone(local), revision: 3, updatedAt: '2020-01-01T00:00:00.000Z' })).toBe('same');
  });

  it('calls a copy with a higher revision and a later time newer, and the reverse older', () => {
    expect(relation(local, { ...edited, revision: 11, updatedAt: '2026-03-02T08:00:00.000Z' })).toBe('incomingNewer');
    expect(relation(local, { ...edited, revision: 9, updatedAt: '2026-02-01T08:00:00.000Z' })).toBe('localNewer');
  });

  it('calls copies with the same revision and other content diverged, and so when revision and time disagree', () => {
    expect(relation(local, { ...edited, revision: 10, updatedAt: '2026-03-05T08:00:00.000Z' })).toBe('diverged');
    expect(relation(local, { ...edited, revision: 12, updatedAt: '2026-02-01T08:00:00.000Z' })).toBe('diverged');
    expect(relation(local, { ...edited, revision: 9, updatedAt: '2026-03-05T08:00:00.000Z' })).toBe('diverged');
    expect(relation(local, { ...edited, revision: 11, updatedAt: local.updatedAt })).toBe('diverged');
  });

  it('compares times as instants, not as text', () => {
    // 15:00 at +07:00 is 08:00 UTC: the same instant, so not later.
    expect(relation(local, { ...edited, revision: 11, updatedAt: '2026-03-01T15:00:00.000+07:00' })).toBe('diverged');
    expect(relation(local, { ...edited, revision: 11, updatedAt: '2026-03-01T15:00:01+07:00' })).toBe('incomingNewer');
  });

  it('uses differences given to it instead of computing them again', () => {
    expect(relation(local, edited, [])).toBe('same');
  });
});
