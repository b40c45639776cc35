/**
 * A simulation as JSON, in a shape documented in docs/cli.md and kept stable: blanks are null,
 * numbers are machine numbers, percentiles and probabilities are fractions.
 */
import { percentileLabel, type SimulationView } from './simulation-view.ts';

export const SIMULATION_JSON_FORMAT = 'chitieu-simulation';
export const SIMULATION_JSON_VERSION = 1;

const num = (value: number): number | null => (Number.isFinite(value) ? (value === 0 ? 0 : value) : null);

export function simulationJson(view: SimulationView): string {
  const document = {
    format: SIMULATION_JSON_FORMAT,
    version: SIMULATION_JSON_VERSION,
    plan: { id: view.plan.id, name: view.plan.name, revision: view.plan.revision },
    scenario: view.scenario,
    trials: view.trials,
    seed: view.seed,
    percentiles: [...view.percentiles],
    periods: [...view.periodKeys],
    inputs: view.inputs.map((input) => ({ indicator: input.indicator.id, parameter: input.range.of, range: input.range })),
    indicators: view.indicators.map((i) => ({
      id: i.indicator.id,
      name: i.name,
      unit: i.unit,
      varies: i.varies,
      mean: Array.from(i.mean, num),
      percentiles: Object.fromEntries(view.percentiles.map((p, k) => [percentileLabel(p).toLowerCase(), Array.from(i.percentiles[k] ?? [], num)])),
    })),
    targets: view.targets.map((t) => ({
      indicator: t.indicator.indicator.id,
      period: t.target.period,
      direction: t.target.direction,
      value: t.target.value,
      probability: t.probability,
    })),
    sensitivity: view.sensitivity.targets.map((target) => ({
      indicator: target.indicator,
      period: target.period,
      base: num(target.base),
      effects: target.effects.map((effect) => {
        const input = view.sensitivity.inputs[effect.input];
        return {
          input: input ? { indicator: input.indicator, parameter: input.parameter, low: input.low, high: input.high } : null,
          atLow: num(effect.atLow),
          atHigh: num(effect.atHigh),
          attainmentAtLow: num(effect.attainmentAtLow),
          attainmentAtHigh: num(effect.attainmentAtHigh),
        };
      }),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
