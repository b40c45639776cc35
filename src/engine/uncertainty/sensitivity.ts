/**
 * Sensitivity, the data of a tornado chart: each ranged input in turn set to its low and its high
 * end (triangular and PERT: low and high; normal: its P10 and P90, mean ∓ 1.2816 sd), every other
 * input as the plan has it, and what that does to each target's projected value and attainment.
 * Two reruns of the input's downstream rows per input; nothing is sampled.
 */
import type { Plan, RangeParameter, TargetDirection } from '../model/plan.ts';
import { affectedRows, compileProgram, runProgram, setParameter, type PlanProblem, type Program } from '../projection/program.ts';
import { assessTarget } from '../projection/targets.ts';
import { err, ok, type Result } from '../result.ts';
import { rangeEnds } from './distributions.ts';
import { rangedInputs, type RangeProblem } from './ranges.ts';

export interface SensitivityInput {
  indicator: string;
  parameter: RangeParameter;
  /** The parameter values tried. */
  low: number;
  high: number;
}

export interface SensitivityEffect {
  /** Index into `inputs`. */
  input: number;
  /** The target indicator's value at the target period with the input at its low / high end. */
  atLow: number;
  atHigh: number;
  attainmentAtLow: number;
  attainmentAtHigh: number;
}

export interface SensitivityTarget {
  indicator: string;
  /** Index of the target in the indicator's `targets`. */
  index: number;
  period: string;
  /** The projected value and attainment with every input as in the plan. */
  base: number;
  baseAttainment: number;
  /** One per input, the largest swing |atHigh − atLow| first. */
  effects: SensitivityEffect[];
}

export interface SensitivityResult {
  inputs: SensitivityInput[];
  targets: SensitivityTarget[];
}

export type SensitivityProblem = { code: 'plan'; problem: PlanProblem } | RangeProblem;

/** Sensitivity of every target of the (already resolved) plan to each of its ranged inputs. */
export function sensitivity(plan: Plan): Result<SensitivityResult, SensitivityProblem> {
  const compiled = compileProgram(plan);
  if (!compiled.ok) return err({ code: 'plan', problem: compiled.error });
  return sensitivityProgram(compiled.value);
}

/**
 * The same over a compiled program. Clears the ranged inputs' parameter overrides, runs the
 * program once, and leaves it as the plan computes.
 */
export function sensitivityProgram(program: Program): Result<SensitivityResult, SensitivityProblem> {
  const found = rangedInputs(program);
  if (!found.ok) return err(found.error);
  runProgram(program);
  const targets: (SensitivityTarget & { row: number; t: number; value: number; direction: TargetDirection })[] = [];
  program.plan.indicators.forEach((indicator, row) => {
    indicator.targets.forEach((target, index) => {
      const t = program.periods.indexOf(target.period);
      if (t < 0) return;
      const { projected, attainment } = assess(program, row, index, t, target.value, target.direction);
      targets.push({
        indicator: indicator.id, index, period: target.period, base: projected, baseAttainment: attainment, effects: [],
        row, t, value: target.value, direction: target.direction,
      });
    });
  });

  const inputs: SensitivityInput[] = [];
  found.value.forEach((input, i) => {
    const { low, high } = rangeEnds(input.range);
    inputs.push({ indicator: input.indicator, parameter: input.parameter, low, high });
    const cone = affectedRows(program, [input.row]);
    const at = (x: number) => {
      setParameter(program, input.row, input.parameter, x);
      runProgram(program, cone);
      return targets.map((target) => assess(program, target.row, target.index, target.t, target.value, target.direction));
    };
    const lows = at(low);
    const highs = at(high);
    setParameter(program, input.row, input.parameter, NaN);
    runProgram(program, cone);
    targets.forEach((target, k) => {
      const l = lows[k] as { projected: number; attainment: number };
      const h = highs[k] as { projected: number; attainment: number };
      target.effects.push({ input: i, atLow: l.projected, atHigh: h.projected, attainmentAtLow: l.attainment, attainmentAtHigh: h.attainment });
    });
  });

  return ok({
    inputs,
    targets: targets.map(({ indicator, index, period, base, baseAttainment, effects }) => ({
      indicator,
      index,
      period,
      base,
      baseAttainment,
      // Stable: inputs with equal swings stay in plan order. A blank swing sorts last.
      effects: [...effects].sort((a, b) => swing(b) - swing(a)),
    })),
  });
}

function swing(effect: SensitivityEffect): number {
  const s = Math.abs(effect.atHigh - effect.atLow);
  return Number.isNaN(s) ? -1 : s;
}

function assess(program: Program, row: number, index: number, t: number, value: number, direction: TargetDirection) {
  const n = program.periods.count;
  return assessTarget(
    program.values.subarray(row * n, (row + 1) * n),
    program.isActual.subarray(row * n, (row + 1) * n),
    program.latest[row] as number,
    index,
    t,
    value,
    direction,
  );
}
