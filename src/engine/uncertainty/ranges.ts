/** The inputs of a compiled plan that carry a range, and which of their parameters it varies. */
import type { Range, RangeParameter } from '../model/plan.ts';
import { setParameter, type Program } from '../projection/program.ts';
import { err, ok, type Result } from '../result.ts';

export interface RangedInput {
  indicator: string;
  row: number;
  parameter: RangeParameter;
  range: Range;
}

export type RangeProblem =
  /** The range varies a parameter the indicator does not have (a formula row, a level with no actual). */
  | { code: 'rangeNotApplicable'; indicator: string; parameter: RangeParameter }
  | { code: 'noRanges' };

/** Every ranged input, in plan order; the program's overrides for them are cleared. */
export function rangedInputs(program: Program): Result<RangedInput[], RangeProblem> {
  const inputs: RangedInput[] = [];
  for (let row = 0; row < program.plan.indicators.length; row++) {
    const indicator = program.plan.indicators[row];
    const range = indicator?.range;
    if (!indicator || !range) continue;
    if (!setParameter(program, row, range.of, NaN)) return err({ code: 'rangeNotApplicable', indicator: indicator.id, parameter: range.of });
    inputs.push({ indicator: indicator.id, row, parameter: range.of, range });
  }
  if (inputs.length === 0) return err({ code: 'noRanges' });
  return ok(inputs);
}
