/**
 * Synthetic plans for goal seek and simulation tests and timings, shaped like the benchmark's:
 * compound-growth inputs at the top and layers of formula rows below them, each reading a row of
 * the layer above (so chains are `depth` deep) and one more row from anywhere above.
 */
import { formatPeriodKey } from '../../../src/engine/periods/calendar.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Indicator, Plan, Range } from '../../../src/engine/model/plan.ts';

export interface SyntheticSpec {
  indicators: number;
  /** Monthly periods from 2020-01. */
  periods: number;
  /** Share of the indicators that are compound-growth inputs. */
  inputShare?: number;
  /** Formula layers below the inputs. */
  depth?: number;
  /** A range on every input's rate (cycling triangular, PERT, normal), when true. */
  ranges?: boolean;
  /** A target on every formula row of the last layer, at the last period. */
  targets?: boolean;
  seed?: number;
}

export function monthlyCalendar(periods: number) {
  const end = periods - 1;
  return {
    periodicity: 'month' as const,
    start: '2020-01',
    end: formatPeriodKey(2020 + Math.floor(end / 12), end % 12, 'month'),
  };
}

/** A small deterministic generator (an LCG is plenty for picking rows). */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export function syntheticPlan(spec: SyntheticSpec): Plan {
  const random = lcg(spec.seed ?? 7);
  const inputs = Math.max(1, Math.round(spec.indicators * (spec.inputShare ?? 0.3)));
  const depth = Math.max(1, spec.depth ?? 12);
  const formulas = spec.indicators - inputs;
  const indicators: Indicator[] = [];
  const layers: string[][] = [[]];
  for (let i = 0; i < inputs; i++) {
    const id = `in_${i}`;
    const rate = 0.001 + 0.009 * random();
    const kind = i % 3;
    const range: Range = kind === 0
      ? { distribution: 'triangular', of: 'rate', low: rate - 0.004, likely: rate, high: rate + 0.006 }
      : kind === 1
        ? { distribution: 'pert', of: 'rate', low: rate - 0.005, likely: rate, high: rate + 0.005 }
        : { distribution: 'normal', of: 'rate', mean: rate, sd: 0.002 };
    indicators.push(makeIndicator({
      id,
      actuals: { '2020-01': 50 + Math.floor(random() * 950) },
      projection: { method: 'growth', rate },
      ...(spec.ranges ? { range } : {}),
    }));
    (layers[0] as string[]).push(id);
  }
  const last = monthlyCalendar(spec.periods).end;
  for (let i = 0; i < formulas; i++) {
    const layer = 1 + Math.floor((i * depth) / formulas);
    while (layers.length <= layer) layers.push([]);
    const above = layers[layer - 1] as string[];
    const a = above[Math.floor(random() * above.length)] as string;
    const pool = layers.slice(0, layer).flat();
    const b = pool[Math.floor(random() * pool.length)] as string;
    const shape = i % 4;
    const formula = shape === 0 ? `${a} * 0.6 + ${b} * 0.4`
      : shape === 1 ? `${a} * ${b} / (${b} + 100)`
        : shape === 2 ? `${a} + ${b} * 0.01`
          : `max(${a}, ${b}) * 0.9 + 10`;
    const id = `f_${i}`;
    const isLast = layer === depth;
    indicators.push(makeIndicator({
      id,
      projection: { method: 'formula', formula },
      targets: spec.targets && isLast ? [{ period: last, value: 1000, direction: 'atLeast' }] : [],
    }));
    (layers[layer] as string[]).push(id);
  }
  return makePlan({ name: 'synthetic', calendar: monthlyCalendar(spec.periods), indicators }, new Date('2026-01-01T00:00:00Z'));
}

/** The id of a formula row in the last layer: the bottom of a longest chain. */
export function deepestFormula(plan: Plan): string {
  return (plan.indicators[plan.indicators.length - 1] as Indicator).id;
}
