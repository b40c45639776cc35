/**
 * The engine tests' generated planning model: the benchmark's generator (`bench/model.ts`, the
 * one source of it), sized by the test and handed back as a plan with the ids that matter.
 * Compound-growth inputs, then formula rows in levels over eight templates, each level reading
 * the one below, so the deepest chain is `depth` formulas long; deterministic for a seed.
 */
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import { generateModel as generateBenchModel, MAIN_SPEC, periodKeys, toPlan, type BenchModel } from '../../../bench/model.ts';
import { seededRandom } from '../../../bench/random.ts';

export { seededRandom };

export interface ModelShape {
  indicators: number;
  /** Months from January 2020. */
  periods: number;
  inputs: number;
  depth: number;
  /** The last inputs, read by no formula: editing one is "an input nothing depends on". */
  unread: number;
  seed: number;
}

/** The benchmark's main model: 1,000 indicators × 120 months, chains 14 deep. */
export const LARGE_MODEL: ModelShape = {
  indicators: MAIN_SPEC.indicators,
  periods: MAIN_SPEC.periods,
  inputs: MAIN_SPEC.growthRows,
  depth: MAIN_SPEC.maxDepth,
  unread: MAIN_SPEC.unreadInputs,
  seed: MAIN_SPEC.seed,
};

export interface GeneratedModel {
  plan: Plan;
  /** The model as data (templates, rates), for the hand-written floor of `bench/floor.ts`. */
  model: BenchModel;
  /** An input at the root of the longest chain: its edit reaches the deepest formula. */
  topInput: string;
  /** An input no formula reads. */
  leafInput: string;
  deepest: string;
}

export function monthKeys(periods: number): string[] {
  return periodKeys({ ...MAIN_SPEC, periods });
}

export function generateModel(shape: ModelShape): GeneratedModel {
  const model = generateBenchModel({
    ...MAIN_SPEC,
    indicators: shape.indicators,
    periods: shape.periods,
    growthRows: shape.inputs,
    maxDepth: shape.depth,
    unreadInputs: shape.unread,
    seed: shape.seed,
  });
  const id = (row: number): string => model.rows[row]?.id ?? '';
  return { plan: toPlan(model), model, topInput: id(model.topInput), leafInput: id(model.leafInput), deepest: id(model.deepest) };
}

/** The plan with one indicator replaced the way commands replace it: a new object, the rest shared. */
export function withIndicator(plan: Plan, id: string, change: (indicator: Indicator) => Indicator): Plan {
  const indicators = plan.indicators.map((indicator) => (indicator.id === id ? change(indicator) : indicator));
  return { ...plan, indicators, revision: plan.revision + 1 };
}
