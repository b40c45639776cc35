/**
 * A simulation arranged for printing: per indicator its percentiles and mean by period, per
 * target its probability, and the sensitivity of each target to each ranged input. The table,
 * CSV and JSON renderers all read this one view.
 */
import type { Indicator, Plan, Range, Target } from '../../engine/model/plan.ts';
import type { SensitivityResult, SimulationResult } from '../../engine/uncertainty/index.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { localized } from './projection-view.ts';

export interface SimulatedIndicator {
  readonly indicator: Indicator;
  readonly name: string;
  readonly unit: string;
  /** One row of values per percentile, in the order of `percentiles`. */
  readonly percentiles: readonly Float64Array[];
  readonly mean: Float64Array;
  /** True when some period's lowest and highest percentiles differ: a range reaches it. */
  readonly varies: boolean;
}

export interface SimulatedTarget {
  readonly indicator: SimulatedIndicator;
  readonly target: Target;
  /** Index of the period in the plan's calendar. */
  readonly period: number;
  readonly probability: number;
}

export interface SimulatedInput {
  readonly indicator: Indicator;
  readonly range: Range;
}

export interface SimulationView {
  readonly plan: Plan;
  readonly scenario: string | null;
  readonly trials: number;
  readonly seed: number;
  /** Fractions: 0.1, 0.5, 0.9. */
  readonly percentiles: readonly number[];
  readonly periodKeys: readonly string[];
  readonly inputs: readonly SimulatedInput[];
  readonly indicators: readonly SimulatedIndicator[];
  readonly targets: readonly SimulatedTarget[];
  readonly sensitivity: SensitivityResult;
}

/** `P10`, `P50`, `P90`; `P2.5` for a percentile that is not whole. */
export function percentileLabel(fraction: number): string {
  return `P${Math.round(fraction * 1000) / 10}`;
}

export function simulationView(plan: Plan, scenario: string | null, result: SimulationResult, sensitivity: SensitivityResult, lang: Lang): SimulationView {
  const n = result.periodKeys.length;
  const rows = result.ids.length;
  const indicators = plan.indicators.map((indicator, row): SimulatedIndicator => {
    const percentiles = result.percentiles.map((_, p) => result.values.subarray((p * rows + row) * n, (p * rows + row + 1) * n));
    const low = percentiles[0];
    const high = percentiles[percentiles.length - 1];
    let varies = false;
    for (let t = 0; t < n && low && high; t++) if ((low[t] as number) !== (high[t] as number) && !(Number.isNaN(low[t] as number) && Number.isNaN(high[t] as number))) varies = true;
    return {
      indicator,
      name: localized(indicator.name, lang),
      unit: localized(indicator.unit, lang),
      percentiles,
      mean: result.mean.subarray(row * n, (row + 1) * n),
      varies,
    };
  });
  const byId = new Map(indicators.map((i) => [i.indicator.id, i]));
  const targets = result.targets.flatMap((t): SimulatedTarget[] => {
    const indicator = byId.get(t.indicator);
    const target = indicator?.indicator.targets[t.index];
    if (!indicator || !target) return [];
    return [{ indicator, target, period: result.periodKeys.indexOf(t.period), probability: t.probability }];
  });
  const inputs = plan.indicators.flatMap((indicator): SimulatedInput[] => (indicator.range ? [{ indicator, range: indicator.range }] : []));
  return {
    plan,
    scenario,
    trials: result.trials,
    seed: result.seed,
    percentiles: result.percentiles,
    periodKeys: result.periodKeys,
    inputs,
    indicators,
    targets,
    sensitivity,
  };
}
