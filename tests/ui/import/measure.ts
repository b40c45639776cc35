/**
 * Timings of the import preview and merge on a plan the size of a large provincial one:
 * `npx tsx tests/ui/import/measure.ts`. The generated 1,000 × 120 model with every one of its
 * 120,000 cells holding an actual, and a copy in which a share of them differ. Each line is the
 * fastest of several rounds. The dialog runs `prepareMerge` when the merge step opens, the
 * counts after every choice, and `resolveMerge` once, when the merge button is pressed.
 */
import type { Plan } from '../../../src/engine/model/plan.ts';
import { describePlan, planDifferences, relation } from '../../../src/engine/scenarios/preview.ts';
import { changedPlaces, chooseAll, initialChoices, prepareMerge, resolveMerge, undecided } from '../../../src/ui/import/decide.ts';
import { wordDifference } from '../../../src/ui/import/words.ts';
import { generateModel, LARGE_MODEL, monthKeys } from '../../engine/session/helpers.ts';

function fastest(rounds: number, run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const keys = monthKeys(LARGE_MODEL.periods);
const model = generateModel(LARGE_MODEL).plan;
const local: Plan = { ...model, revision: 10, indicators: model.indicators.map((i, r) => ({ ...i, actuals: Object.fromEntries(keys.map((k, t) => [k, 100 + r + t])) })) };

for (const share of [0.01, 0.1, 1]) {
  let changed = 0;
  const incoming: Plan = {
    ...local,
    revision: 12,
    updatedAt: '2025-01-01T00:00:00.000Z',
    indicators: local.indicators.map((i, r) => ({
      ...i,
      actuals: Object.fromEntries(keys.map((k, t) => {
        const differs = ((r * 120 + t) * 2654435761) % 1000 < share * 1000;
        if (differs) changed++;
        return [k, differs ? 100 + r + t + 0.5 : 100 + r + t];
      })),
    })),
  };
  const differences = planDifferences(local, incoming);
  const prepared = prepareMerge(local, incoming);
  if (!prepared.ok) throw new Error('not the same plan');
  const setup = prepared.value;
  const all = chooseAll(initialChoices(setup), setup.decisions, 'theirs');
  const ctx = { lang: 'vi' as const, local, incoming };
  const row = (label: string, ms: number) => console.log(`  ${label.padEnd(52)} ${ms.toFixed(1).padStart(7)} ms`);
  console.log(`${changed.toLocaleString('en')} of 120,000 cells differ (${differences.length.toLocaleString('en')} differences, relation ${relation(local, incoming, differences)}):`);
  row('describePlan', fastest(10, () => describePlan(incoming)));
  row('planDifferences', fastest(5, () => planDifferences(local, incoming)));
  row('prepareMerge (differences + relation)', fastest(5, () => prepareMerge(local, incoming)));
  const first = setup.decisions[0]?.key ?? '';
  row('one choice: copy the choices, count open and taken', fastest(10, () => {
    const next = new Map(all).set(first, 'ours');
    undecided(setup, next);
    changedPlaces(setup, next);
  }));
  row('resolveMerge with validation (the merge button)', fastest(5, () => resolveMerge(setup, all, '2025-01-02T00:00:00.000Z')));
  row('words of the first 60 decisions (one page)', fastest(10, () => setup.decisions.slice(0, 60).map((d) => wordDifference(d.difference, ctx))));
}
