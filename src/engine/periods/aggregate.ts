/**
 * Yearly figures of a quarterly or monthly plan, following each indicator's kind:
 *
 * - a **stock** (subscribers, population) is a level: its year is the value of its last period in
 *   that year that is not blank;
 * - a **flow** (revenue, investment) is an amount per period: its year is the sum of its periods,
 *   blank if any of them is blank (a total with a hole in it would read as a real figure) and
 *   blank for a year the calendar covers only in part;
 * - a **rate** (density, a percentage) is computed again from the yearly figures when it is a
 *   formula row (density of the year = subscribers at year end / population at year end, not the
 *   mean of twelve densities); any other rate is the mean of its periods that are not blank.
 *
 * Rate formulas run over the yearly figures as over a yearly plan: `prev` is the previous year,
 * `growth` the growth over a year, `cumsum` a running total of years, `target(x)` the target of
 * x in that year (the one at its latest period). Actuals typed on a rate formula row itself do not
 * enter its yearly figure: a rate measured one month says nothing certain about the year.
 */
import type { Indicator, Plan, Target } from '../model/plan.ts';
import type { PlanResult } from '../projection/result.ts';
import { compileProgram, runProgram } from '../projection/program.ts';
import { formatPeriodKey, periodIndex, PERIODS_PER_YEAR } from './calendar.ts';

export interface YearlyFigures {
  /** The years, as period keys of a yearly calendar (`2024`). */
  periodKeys: string[];
  /** Rows of `result.ids` × years, row-major; NaN is blank. */
  values: Float64Array;
}

/**
 * `plan` is the plan `result` was computed from (for a scenario, its effective plan: overrides
 * may change a formula). Rows are matched by indicator id.
 */
export function aggregateToYears(plan: Plan, result: PlanResult): YearlyFigures {
  const periods = periodIndex(plan.calendar);
  const n = result.periodKeys.length;
  if (plan.calendar.periodicity === 'year') return { periodKeys: [...result.periodKeys], values: result.values.slice() };

  const per = PERIODS_PER_YEAR[plan.calendar.periodicity];
  const years: number[] = [];
  const firstPeriod: number[] = [];
  const periodCount: number[] = [];
  for (let t = 0; t < periods.count; t++) {
    const year = periods.years[t] as number;
    if (years[years.length - 1] !== year) {
      years.push(year);
      firstPeriod.push(t);
      periodCount.push(0);
    }
    periodCount[periodCount.length - 1] = (periodCount[periodCount.length - 1] as number) + 1;
  }
  const y = years.length;
  const byId = new Map(plan.indicators.map((indicator) => [indicator.id, indicator]));
  const values = new Float64Array(result.ids.length * y).fill(NaN);
  const rateFormulas: number[] = [];

  result.ids.forEach((id, row) => {
    const indicator = byId.get(id);
    if (!indicator) return;
    if (indicator.kind === 'rate' && indicator.projection.method === 'formula') {
      rateFormulas.push(row);
      return;
    }
    const cells = result.values.subarray(row * n, (row + 1) * n);
    for (let j = 0; j < y; j++) {
      const from = firstPeriod[j] as number;
      const to = from + (periodCount[j] as number);
      values[row * y + j] = yearOf(indicator.kind, cells, from, to, (periodCount[j] as number) === per);
    }
  });

  if (rateFormulas.length > 0) recomputeRates(plan, result, years, values, rateFormulas);
  return { periodKeys: years.map((year) => formatPeriodKey(year, 0, 'year')), values };
}

function yearOf(kind: Indicator['kind'], cells: Float64Array, from: number, to: number, complete: boolean): number {
  switch (kind) {
    case 'stock': {
      for (let t = to - 1; t >= from; t--) {
        const v = cells[t] as number;
        if (v === v) return v;
      }
      return NaN;
    }
    case 'flow': {
      if (!complete) return NaN;
      let sum = 0;
      for (let t = from; t < to; t++) sum += cells[t] as number;
      return sum;
    }
    case 'rate': {
      let sum = 0;
      let count = 0;
      for (let t = from; t < to; t++) {
        const v = cells[t] as number;
        if (v === v) { sum += v; count++; }
      }
      return count > 0 ? sum / count : NaN;
    }
  }
}

/**
 * Rate formulas over the yearly figures: a yearly plan whose other rows hold their yearly figures
 * as actuals, computed by the engine like any plan.
 */
function recomputeRates(plan: Plan, result: PlanResult, years: readonly number[], values: Float64Array, rateFormulas: readonly number[]): void {
  const y = years.length;
  const keys = years.map((year) => formatPeriodKey(year, 0, 'year'));
  const formulaRows = new Set(rateFormulas);
  const byId = new Map(plan.indicators.map((indicator) => [indicator.id, indicator]));
  const indicators: Indicator[] = [];
  result.ids.forEach((id, row) => {
    const indicator = byId.get(id);
    if (!indicator) return;
    const targets = yearlyTargets(indicator.targets);
    if (formulaRows.has(row)) {
      indicators.push({ ...indicator, actuals: {}, targets });
      return;
    }
    const actuals: Record<string, number> = {};
    for (let j = 0; j < y; j++) {
      const v = values[row * y + j] as number;
      if (v === v) actuals[keys[j] as string] = v;
    }
    indicators.push({ ...indicator, actuals, projection: { method: 'manual', values: {} }, targets });
  });
  const yearly: Plan = {
    ...plan,
    calendar: { periodicity: 'year', start: keys[0] as string, end: keys[y - 1] as string },
    indicators,
  };
  const program = compileProgram(yearly);
  if (!program.ok) return;
  runProgram(program.value);
  for (const row of rateFormulas) {
    const id = result.ids[row] as string;
    const r = program.value.rowOf.get(id);
    if (r === undefined) continue;
    values.set(program.value.values.subarray(r * y, (r + 1) * y), row * y);
  }
}

/** A target in a year: the one at the year's latest period (a year-end target, for a monthly plan). */
function yearlyTargets(targets: readonly Target[]): Target[] {
  const latest = new Map<string, Target>();
  for (const target of targets) {
    const year = target.period.slice(0, 4);
    const seen = latest.get(year);
    if (!seen || target.period >= seen.period) latest.set(year, target);
  }
  return [...latest].map(([year, target]) => ({ ...target, period: year }));
}
