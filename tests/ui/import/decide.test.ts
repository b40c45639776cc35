import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { chooseSide, mergePlans, same } from '../../../src/engine/scenarios/merge.ts';
import { planDifferences } from '../../../src/engine/scenarios/preview.ts';
import { changedPlaces, chooseAll, initialChoices, prepareMerge, resolveMerge, undecided, type MergeSetup, type Side } from '../../../src/ui/import/decide.ts';
import { random, type Random } from '../../engine/session/random-plans.ts';
import { deepFreeze, scenarioPlan } from '../../engine/scenarios/helpers.ts';
import { content, planPair, varied } from './varied-plans.ts';

const RUNS = 200 * Math.max(1, Number(process.env.CHITIEU_PROPERTY_RUNS ?? 1));
const NOW = '2026-04-01T09:00:00.000Z';

function setup(local: Plan, incoming: Plan, base: Plan | null = null): MergeSetup {
  const prepared = prepareMerge(local, incoming, base);
  if (!prepared.ok) throw new Error('not the same plan');
  return prepared.value;
}

function resolved(s: MergeSetup, choices: ReadonlyMap<string, Side>): Plan {
  const result = resolveMerge(s, choices, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function randomChoices(r: Random, s: MergeSetup): Map<string, Side> {
  return new Map(s.decisions.map((d) => [d.key, r.chance(0.5) ? 'ours' : 'theirs']));
}

/** Overrides of indicators a plan does not have, dropped (what removing an indicator does). */
function withoutOrphans(plan: Plan): Plan {
  const ids = new Set(plan.indicators.map((i) => i.id));
  return { ...plan, scenarios: (plan.scenarios ?? []).map((s) => ({ ...s, overrides: Object.fromEntries(Object.entries(s.overrides).filter(([id]) => ids.has(id))) })) };
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
/** Content with rows in id order: for comparisons that leave order to another test. */
const unordered = (plan: Plan) => content({ ...plan, groups: byId(plan.groups), indicators: byId(plan.indicators), scenarios: byId(plan.scenarios ?? []) });

describe('merging an imported copy without the revision both came from', () => {
  it('asks about every difference, and taking all of one side gives that side', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { local, incoming } = deepFreeze(planPair(random(seed)));
        const s = setup(local, incoming);
        expect(s.mode).toBe('twoWay');
        expect(s.automatic).toEqual([]);
        expect(s.decisions.map((d) => d.difference)).toEqual(planDifferences(local, incoming));
        const theirs = resolved(s, chooseAll(new Map(), s.decisions, 'theirs'));
        const ours = resolved(s, chooseAll(new Map(), s.decisions, 'ours'));
        expect(content(theirs)).toStrictEqual(content(incoming));
        expect(content(ours)).toStrictEqual(content(local));
        for (const merged of [theirs, ours]) {
          expect(merged.revision).toBe(Math.max(local.revision, incoming.revision) + 1);
          expect([merged.id, merged.createdAt, merged.updatedAt]).toEqual([local.id, local.createdAt, NOW]);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('changes the local plan exactly where the file’s side was chosen, and nowhere else', () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = random(seed);
        const { local, incoming } = deepFreeze(planPair(r));
        const s = setup(local, incoming);
        const choices = randomChoices(r, s);
        const result = resolveMerge(s, choices, NOW);
        if (!result.ok) {
          // Choices that disagree in meaning: refused with the validator's issues, never a plan.
          expect(result.error.code).toBe('invalid');
          return;
        }
        valid++;
        const merged = result.value;
        const chosen = (side: Side) => s.decisions.filter((d) => choices.get(d.key) === side).map((d) => d.key);
        const removed = s.decisions.filter((d) => d.difference.kind === 'indicator' && d.difference.incoming === undefined && choices.get(d.key) === 'theirs').map((d) => d.difference.path[1]);
        const within = (key: string, keys: string[]) => keys.some((k) => key === k || key.startsWith(`${k}/`));
        // Against the local plan: only what was taken from the file (and the overrides of an
        // indicator taken away with it).
        for (const d of planDifferences(local, merged)) {
          const key = d.path.join('/');
          const orphan = d.path[0] === 'scenarios' && d.path[2] === 'overrides' && removed.includes(d.path[3]);
          expect(within(key, chosen('theirs')) || orphan).toBe(true);
        }
        // Against the file: only what was kept.
        for (const d of planDifferences(merged, incoming)) expect(within(d.path.join('/'), chosen('ours'))).toBe(true);
        // The same rows as the merge's own chooseSide, one decision at a time.
        let expected: Plan = local.scenarios ? local : { ...local, scenarios: [] };
        for (const d of s.decisions) {
          if (choices.get(d.key) === 'theirs' && d.difference.kind !== 'order') {
            expected = chooseSide(expected, { path: d.difference.path, base: undefined, ours: d.difference.local, theirs: d.difference.incoming }, 'theirs');
          }
        }
        expect(unordered(merged)).toStrictEqual(unordered(withoutOrphans(expected)));
      }),
      { numRuns: RUNS },
    );
    // Most random choices make a valid plan: the property above is not checked on nothing.
    expect(valid).toBeGreaterThan(RUNS / 2);
  });

  it('suggests the file’s side when it is the newer revision, mine when the local one is, and none when they diverged', () => {
    const local = { ...scenarioPlan(), revision: 5, updatedAt: '2026-01-05T00:00:00.000Z' };
    const changed = varied(random(7), local, 4);
    expect(planDifferences(local, changed).length).toBeGreaterThan(0);

    const newer = setup(local, { ...changed, revision: 9, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect([newer.relation, newer.suggested]).toEqual(['incomingNewer', 'theirs']);
    expect(content(resolved(newer, initialChoices(newer)))).toStrictEqual(content(changed));

    const older = setup(local, { ...changed, revision: 2, updatedAt: '2025-12-01T00:00:00.000Z' });
    expect([older.relation, older.suggested]).toEqual(['localNewer', 'ours']);
    expect(content(resolved(older, initialChoices(older)))).toStrictEqual(content(local));

    const diverged = setup(local, { ...changed, revision: 5, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect([diverged.relation, diverged.suggested]).toEqual(['diverged', null]);
    expect(undecided(diverged, initialChoices(diverged))).toBe(diverged.decisions.length);
    expect(resolveMerge(diverged, initialChoices(diverged), NOW)).toEqual({ ok: false, error: { code: 'undecided', count: diverged.decisions.length } });
  });

  it('decides one indicator at a time: all of its differences to one side', () => {
    const local = scenarioPlan();
    const incoming: Plan = {
      ...local,
      indicators: local.indicators.map((i) =>
        i.id === 'revenue' ? { ...i, actuals: { '2023': 4950, '2024': 5500 } } : i.id === 'subscribers' ? { ...i, actuals: { ...i.actuals, '2024': 3.05 } } : i),
    };
    const s = setup(local, incoming);
    const ofRevenue = s.decisions.filter((d) => d.difference.path[1] === 'revenue');
    expect(ofRevenue).toHaveLength(2);
    const choices = chooseAll(chooseAll(new Map(), s.decisions, 'ours'), ofRevenue, 'theirs');
    const merged = resolved(s, choices);
    expect(merged.indicators.map((i) => i.actuals)).toEqual([local.indicators[0]?.actuals, { '2023': 4950, '2024': 5500 }, {}]);
  });

  it('puts rows in the local order unless the file’s order is chosen, a row from the file after its predecessor there', () => {
    const local = scenarioPlan();
    const [subscribers, revenue, arpu] = local.indicators as [Indicator, Indicator, Indicator];
    const population = makeIndicator({ id: 'population' });
    const incoming = { ...local, indicators: [arpu, population, subscribers, revenue] };
    const s = setup(local, incoming);
    const order = s.decisions.find((d) => d.difference.kind === 'order');
    const added = s.decisions.find((d) => d.difference.kind === 'indicator');
    expect(order && added).toBeTruthy();
    const ids = (choices: Map<string, Side>) => resolved(s, choices).indicators.map((i) => i.id);
    expect(ids(new Map([[order?.key as string, 'ours'], [added?.key as string, 'theirs']]))).toEqual(['subscribers', 'revenue', 'arpu', 'population']);
    expect(ids(new Map([[order?.key as string, 'theirs'], [added?.key as string, 'theirs']]))).toEqual(['arpu', 'population', 'subscribers', 'revenue']);
    expect(ids(new Map([[order?.key as string, 'theirs'], [added?.key as string, 'ours']]))).toEqual(['arpu', 'subscribers', 'revenue']);
  });

  it('brings a scenario into a plan that had none, and adds no empty list when it is not taken', () => {
    const withScenarios = scenarioPlan();
    const { scenarios: _, ...local } = withScenarios;
    const s = setup(local, withScenarios);
    expect(s.decisions.map((d) => d.key)).toEqual(['scenarios/high', 'scenarios/higher']);
    expect(resolved(s, chooseAll(new Map(), s.decisions, 'theirs')).scenarios).toEqual(withScenarios.scenarios);
    expect('scenarios' in resolved(s, chooseAll(new Map(), s.decisions, 'ours'))).toBe(false);
  });

  it('takes a removed indicator’s scenario overrides away with it, and drops an override left empty', () => {
    const local = scenarioPlan();
    const incoming: Plan = {
      ...local,
      indicators: local.indicators.filter((i) => i.id !== 'revenue'),
      scenarios: (local.scenarios ?? []).map((sc) => ({ ...sc, overrides: Object.fromEntries(Object.entries(sc.overrides).filter(([id]) => id !== 'revenue')) })),
    };
    const s = setup(local, incoming);
    const row = s.decisions.find((d) => d.key === 'indicators/revenue');
    expect(row).toBeDefined();
    // Only the row is taken; the overrides' own decisions stay mine, yet cannot outlive it.
    const merged = resolved(s, chooseAll(new Map([[row?.key as string, 'theirs']]), s.decisions.filter((d) => d !== row), 'ours'));
    expect(merged.indicators.map((i) => i.id)).toEqual(['subscribers', 'arpu']);
    expect(merged.scenarios?.map((sc) => Object.keys(sc.overrides))).toEqual([['subscribers'], ['subscribers']]);

    const cleared = { ...local, scenarios: (local.scenarios ?? []).map((sc) => (sc.id === 'high' ? { ...sc, overrides: { ...sc.overrides, revenue: { actuals: { '2024': 5000 } } } } : sc)) };
    const back = setup(cleared, local);
    const keys = back.decisions.map((d) => d.key);
    expect(keys).toEqual(['scenarios/high/overrides/revenue/actuals/2024', 'scenarios/high/overrides/revenue/targets']);
    const tidy = resolved(back, chooseAll(new Map(), back.decisions, 'theirs'));
    expect(tidy.scenarios?.[0]?.overrides).toEqual(local.scenarios?.[0]?.overrides);
  });

  it('refuses choices that disagree in meaning with the validator’s issues and their paths', () => {
    const local: Plan = {
      ...scenarioPlan(),
      groups: [{ id: 'telecom', name: { vi: 'Viễn thông' } }],
      indicators: scenarioPlan().indicators.map((i) => (i.id === 'revenue' ? { ...i, group: 'telecom' } : i)),
    };
    const { group: _, ...ungrouped } = local.indicators[1] as Indicator;
    const incoming: Plan = { ...local, groups: [], indicators: local.indicators.map((i) => (i.id === 'revenue' ? ungrouped : i)) };
    const s = setup(local, incoming);
    expect(s.decisions.map((d) => d.key)).toEqual(['groups/telecom', 'indicators/revenue/group']);
    const result = resolveMerge(s, new Map([['groups/telecom', 'theirs'], ['indicators/revenue/group', 'ours']]), NOW);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'invalid') expect(result.error.issues.map((i) => [i.path, i.code])).toContainEqual(['indicators[1].group', 'unknownGroup']);
  });

  it('will not merge another plan', () => {
    expect(prepareMerge(scenarioPlan(), { ...scenarioPlan(), id: 'other' })).toEqual({ ok: false, error: { code: 'otherPlan' } });
    expect(prepareMerge(scenarioPlan(), scenarioPlan(), { ...scenarioPlan(), id: 'other' })).toEqual({ ok: false, error: { code: 'otherPlan' } });
  });
});

describe('merging an imported copy when the revision both came from is known', () => {
  it('takes the file’s own changes without asking and asks only about cells both changed', () => {
    const base = scenarioPlan();
    const set = (plan: Plan, period: string, value: number) => ({ ...plan, indicators: plan.indicators.map((i) => (i.id === 'revenue' ? { ...i, actuals: { ...i.actuals, [period]: value } } : i)) });
    const local = set(base, '2024', 5100);
    const incoming = set(set(base, '2024', 5200), '2025', 5600);
    const s = setup(local, incoming, base);
    expect(s.mode).toBe('threeWay');
    expect(s.automatic.map((d) => d.path.join('/'))).toEqual(['indicators/revenue/actuals/2025']);
    expect(s.decisions.map((d) => [d.key, d.base, d.difference.local, d.difference.incoming])).toEqual([['indicators/revenue/actuals/2024', undefined, 5100, 5200]]);
    const at = (side: Side) => resolved(s, chooseAll(new Map(), s.decisions, side)).indicators[1]?.actuals;
    expect(at('ours')).toEqual({ '2023': 4900, '2024': 5100, '2025': 5600 });
    expect(at('theirs')).toEqual({ '2023': 4900, '2024': 5200, '2025': 5600 });
  });

  it('gives the merge’s own result when every conflict keeps mine, and chooseSide’s when every one takes theirs', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { base, local, incoming } = deepFreeze(planPair(random(seed)));
        const s = setup(local, incoming, base);
        const { merged, conflicts } = mergePlans(base, local, incoming);
        expect(s.decisions.map((d) => d.difference.path)).toEqual(conflicts.filter((c) => c.path[0] !== 'createdAt').map((c) => c.path));
        const ours = resolveMerge(s, chooseAll(new Map(), s.decisions, 'ours'), NOW);
        const theirs = resolveMerge(s, chooseAll(new Map(), s.decisions, 'theirs'), NOW);
        let expected = merged.scenarios === undefined && conflicts.some((c) => c.path[0] === 'scenarios') ? { ...merged, scenarios: [] } : merged;
        for (const c of conflicts) if (c.path[0] !== 'createdAt') expected = chooseSide(expected, c, 'theirs');
        // A merge can combine edits into an invalid plan, which is refused rather than compared.
        if (ours.ok) {
          compared++;
          expect(content(ours.value)).toStrictEqual(content(merged));
        }
        if (theirs.ok) expect(unordered(theirs.value)).toStrictEqual(unordered(withoutOrphans(expected)));
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS / 2);
  });

  it('has nothing to ask when only the file changed the plan since the common revision', () => {
    const base = scenarioPlan();
    const incoming = varied(random(3), base, 5);
    const s = setup(base, incoming, base);
    expect(s.decisions).toEqual([]);
    expect(same(content(resolved(s, new Map())), content(incoming))).toBe(true);
  });
});

describe('counting what a merge takes from the file', () => {
  it('counts each value taken from the file and each automatic change: the places the merged plan differs in', () => {
    let exact = 0;
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), (seed, threeWay) => {
        const r = random(seed);
        const { base, local, incoming } = planPair(r);
        const s = setup(local, incoming, threeWay ? base : null);
        // Three-way: mine at every conflict, so only the automatic changes remain.
        const choices = threeWay ? chooseAll(new Map(), s.decisions, 'ours') : randomChoices(r, s);
        const merged = resolveMerge(s, choices, NOW);
        if (!merged.ok) return;
        const actual = planDifferences(local, merged.value).length;
        // Removing an indicator takes its overrides too: then more places change than were taken.
        const cascades = s.decisions.some((d) => d.difference.kind === 'indicator' && d.difference.incoming === undefined && choices.get(d.key) === 'theirs');
        if (cascades) expect(changedPlaces(s, choices)).toBeLessThanOrEqual(actual);
        else {
          exact++;
          expect(changedPlaces(s, choices)).toBe(actual);
        }
      }),
      { numRuns: RUNS },
    );
    expect(exact).toBeGreaterThan(RUNS / 2);
  });
});
