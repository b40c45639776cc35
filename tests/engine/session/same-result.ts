/** What an incremental or patched result must equal, and how equal is checked. */
import { expect } from 'vitest';
import { compileProgram, runProgram } from '../../../src/engine/projection/program.ts';
import { summarize, type PlanResult } from '../../../src/engine/projection/result.ts';
import { resolveScenario } from '../../../src/engine/scenarios/resolve.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';

/** A fresh compile and full run: what the session (and a patched result) must equal. */
export function fresh(plan: Plan, scenarioId: string | null): PlanResult | string {
  const effective = resolveScenario(plan, scenarioId);
  if (!effective.ok) return effective.error.code;
  const program = compileProgram(effective.value);
  if (!program.ok) return program.error.code;
  runProgram(program.value);
  return summarize(program.value);
}

/** Cell by cell with Object.is: NaN equals NaN, 0 and -0 differ. */
export function expectSameResult(actual: PlanResult, expected: PlanResult): void {
  expect(actual.ids).toEqual(expected.ids);
  expect(actual.periodKeys).toEqual(expected.periodKeys);
  const differing: string[] = [];
  for (let i = 0; i < expected.values.length; i++) {
    if (!Object.is(actual.values[i], expected.values[i])) differing.push(`${i}: ${actual.values[i]} ≠ ${expected.values[i]}`);
  }
  expect(differing).toEqual([]);
  expect([...actual.isActual]).toEqual([...expected.isActual]);
  expect(actual.indicators).toEqual(expected.indicators);
  expect(actual.problems).toEqual(expected.problems);
  expect(actual.revision).toBe(expected.revision);
}
