/**
 * Filling an input indicator across periods with one value, or with values growing at a rate
 * from a start value, as one batch: one undo takes the whole fill back.
 *
 * Up to the latest actual a filled cell is an actual, as when typed in the grid. After it, a
 * filled cell is a planned value, never an actual (an actual would count a target as met or
 * missed): a manual row takes it as a manual value, an interpolated row as an anchor, and a row
 * projected by a rule (growth, linear…) becomes manual, keeping the values it shows now in the
 * periods the fill does not cover.
 */
import type { Command } from '../../engine/commands/index.ts';
import type { Plan } from '../../engine/model/plan.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import { err, ok, type Result } from '../../engine/result.ts';

export type Fill =
  | { kind: 'value'; value: number }
  /** `start` at the first period, then × (1 + rate) each period after. */
  | { kind: 'growth'; start: number; rate: number };

export interface FillRequest {
  indicator: string;
  /** First and last period filled, both included. */
  from: string;
  to: string;
  fill: Fill;
}

export type FillProblem =
  | { code: 'unknownIndicator' }
  | { code: 'formula' }
  | { code: 'badRange' }
  | { code: 'notFinite' }
  /** Every cell already holds its fill value. */
  | { code: 'unchanged' };

/** The periods filled and the value of each, in calendar order. */
export function fillValues(periods: readonly string[], from: string, to: string, fill: Fill): Result<[string, number][], FillProblem> {
  const first = periods.indexOf(from);
  const last = periods.indexOf(to);
  if (first < 0 || last < first) return err({ code: 'badRange' });
  const cells: [string, number][] = [];
  for (let i = first; i <= last; i++) {
    const value = fill.kind === 'value' ? fill.value : fill.start * Math.pow(1 + fill.rate, i - first);
    if (!Number.isFinite(value)) return err({ code: 'notFinite' });
    cells.push([periods[i] as string, value]);
  }
  return ok(cells);
}

/**
 * `shown` is the indicator's row as computed now (one value per period of the calendar): what a
 * rule-projected row keeps outside the fill when it becomes manual.
 */
export function fillCommand(plan: Plan, request: FillRequest, shown: ArrayLike<number> | null): Result<Command, FillProblem> {
  const indicator = plan.indicators.find((i) => i.id === request.indicator);
  if (!indicator) return err({ code: 'unknownIndicator' });
  const projection = indicator.projection;
  if (projection.method === 'formula') return err({ code: 'formula' });
  const periods = periodIndex(plan.calendar).keys;
  const cells = fillValues(periods, request.from, request.to, request.fill);
  if (!cells.ok) return cells;

  const inCalendar = new Set(periods);
  const latest = Object.keys(indicator.actuals).filter((key) => inCalendar.has(key)).sort().at(-1) ?? '';
  // Period keys of one calendar sort as they follow each other.
  const planned = (period: string) => period > latest && !Object.hasOwn(indicator.actuals, period);
  const commands: Command[] = [];
  for (const [period, value] of cells.value) {
    if (planned(period)) continue;
    if (!(Object.hasOwn(indicator.actuals, period) && indicator.actuals[period] === value)) {
      commands.push({ type: 'setActual', indicator: indicator.id, period, value });
    }
  }
  const future = cells.value.filter(([period]) => planned(period));
  if (future.length > 0) {
    const before: Record<string, number> = projection.method === 'manual' ? projection.values : projection.method === 'interpolate' ? projection.anchors : {};
    const after: Record<string, number> = { ...before };
    const byRule = projection.method !== 'manual' && projection.method !== 'interpolate';
    if (byRule && shown) {
      periods.forEach((period, i) => {
        const value = shown[i] as number;
        if (planned(period) && Number.isFinite(value)) after[period] = value;
      });
    }
    for (const [period, value] of future) after[period] = value;
    const same = !byRule && Object.keys(after).length === Object.keys(before).length
      && Object.entries(after).every(([k, v]) => Object.hasOwn(before, k) && before[k] === v);
    if (!same) {
      commands.push({
        type: 'setProjection',
        indicator: indicator.id,
        projection: projection.method === 'interpolate' ? { ...projection, anchors: after } : { method: 'manual', values: after },
      });
    }
  }
  if (commands.length === 0) return err({ code: 'unchanged' });
  return ok({ type: 'batch', commands });
}
