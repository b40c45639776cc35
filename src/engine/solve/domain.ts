/**
 * Where an input parameter makes sense, so that a search never asks the model something absurd:
 * a growth rate above −100 %, a ceiling above the level it starts from, a logistic level between
 * zero and its ceiling. Open ends are approached, never reached.
 */
import type { RangeParameter } from '../model/plan.ts';
import { baseParameter, PARAMETERS, type Program } from '../projection/program.ts';

export interface Domain {
  low: number;
  high: number;
  /** An open end is excluded (−1 for a rate); a closed end (a bound the caller gave) is allowed. */
  lowOpen: boolean;
  highOpen: boolean;
}

/**
 * The domain of `parameter` of input `row`, given the row's current level (the value at its
 * latest actual, after any level override) and its ceiling, intersected with `bounds` if given.
 */
export function parameterDomain(program: Program, row: number, parameter: RangeParameter, bounds?: { low: number; high: number }): Domain {
  const domain = naturalDomain(program, row, parameter);
  if (!bounds) return domain;
  const low = Math.min(bounds.low, bounds.high);
  const high = Math.max(bounds.low, bounds.high);
  if (low > domain.low || (low === domain.low && !domain.lowOpen)) { domain.low = low; domain.lowOpen = false; }
  if (high < domain.high || (high === domain.high && !domain.highOpen)) { domain.high = high; domain.highOpen = false; }
  return domain;
}

function naturalDomain(program: Program, row: number, parameter: RangeParameter): Domain {
  const all: Domain = { low: -Infinity, high: Infinity, lowOpen: true, highOpen: true };
  const projection = program.plan.indicators[row]?.projection;
  if (!projection) return all;
  const level = currentParameter(program, row, 'level');
  switch (parameter) {
    case 'rate':
      // Compound growth below −100 % flips the sign of every later period.
      return { low: -1, high: Infinity, lowOpen: true, highOpen: true };
    case 'ceiling':
      return Number.isFinite(level) ? { low: Math.max(level, 0), high: Infinity, lowOpen: true, highOpen: true } : all;
    case 'level':
      if (projection.method === 'logistic') return { low: 0, high: currentParameter(program, row, 'ceiling'), lowOpen: true, highOpen: true };
      return all;
    case 'step':
      return all;
  }
}

/** True when x lies inside the domain. */
export function inDomain(domain: Domain, x: number): boolean {
  if (Number.isNaN(x)) return false;
  if (domain.lowOpen ? x <= domain.low : x < domain.low) return false;
  if (domain.highOpen ? x >= domain.high : x > domain.high) return false;
  return true;
}

/** The value a parameter has for the next run: its override if one is set, else the plan's. */
export function currentParameter(program: Program, row: number, parameter: RangeParameter): number {
  const override = program.parameters[row * PARAMETERS.length + PARAMETERS.indexOf(parameter)];
  return override === undefined || Number.isNaN(override) ? baseParameter(program, row, parameter) : override;
}

/** The override a parameter has now (NaN: none), to put back after a search. */
export function parameterOverride(program: Program, row: number, parameter: RangeParameter): number {
  return program.parameters[row * PARAMETERS.length + PARAMETERS.indexOf(parameter)] ?? NaN;
}
