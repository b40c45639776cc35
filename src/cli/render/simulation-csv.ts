/**
 * A simulation as CSV in long form, like the projection's: one line per indicator and period
 * with its mean and percentiles, and the target set for that period, with the probability of
 * reaching it, on the same line. Sensitivity is in the JSON output only.
 */
import { blank, number, renderCsv, text, type CsvCell } from './csv.ts';
import { percentileLabel, type SimulationView } from './simulation-view.ts';

export function simulationCsvColumns(view: SimulationView): string[] {
  return [
    'indicator',
    'name',
    'unit',
    'period',
    'mean',
    ...view.percentiles.map((p) => percentileLabel(p).toLowerCase()),
    'target_direction',
    'target',
    'probability',
  ];
}

export function simulationCsv(view: SimulationView): string {
  const rows = view.indicators.flatMap((indicator) =>
    view.periodKeys.flatMap((key, t): CsvCell[][] => {
      const base: CsvCell[] = [
        text(indicator.indicator.id),
        text(indicator.name),
        text(indicator.unit),
        text(key),
        number(indicator.mean[t] as number),
        ...indicator.percentiles.map((row) => number(row[t] as number)),
      ];
      const targets = view.targets.filter((target) => target.indicator === indicator && target.period === t);
      if (targets.length === 0) return [[...base, blank, blank, blank]];
      return targets.map((target) => [...base, text(target.target.direction), number(target.target.value), number(target.probability)]);
    }),
  );
  return renderCsv(simulationCsvColumns(view), rows);
}
