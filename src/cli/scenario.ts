/**
 * `--scenario ID`: the plan a command computes is the base with that scenario's overrides (and
 * its ancestors') laid on, as the engine resolves it for the app.
 */
import type { Plan } from '../engine/model/plan.ts';
import { resolveScenario } from '../engine/scenarios/index.ts';
import { err, ok, type Result } from '../engine/result.ts';
import { EXIT, fail, type CommandContext, type ExitCode } from './command.ts';
import { loadPlan } from './plan-file.ts';

export interface ScenarioFailure {
  readonly code: Exclude<ExitCode, 0>;
  readonly line: string;
}

/** The plan for `scenario` (the base when undefined). An id the file does not have is a usage error. */
export function planForScenario(plan: Plan, scenario: string | undefined, context: CommandContext): Result<Plan, ScenarioFailure> {
  if (scenario === undefined) return ok(plan);
  const { m } = context;
  const resolved = resolveScenario(plan, scenario);
  if (resolved.ok) return ok(resolved.value);
  const problem = resolved.error;
  switch (problem.code) {
    case 'unknownScenario': {
      const ids = (plan.scenarios ?? []).map((s) => s.id);
      if (problem.child !== undefined) return err({ code: EXIT.problem, line: m.unknownParentScenario(problem.child, problem.scenario) });
      return err({ code: EXIT.usage, line: ids.length === 0 ? m.noScenarios(scenario) : m.unknownScenario(scenario, ids.join(', ')) });
    }
    case 'scenarioLoop':
      return err({ code: EXIT.problem, line: m.scenarioLoop(problem.chain.join(' → ')) });
  }
}

/**
 * What every command that computes starts with: the file read and checked (its problems printed,
 * exit 1), then the scenario laid on (an id the file does not have is bad usage, exit 2). A
 * failure is printed here; the command returns the exit code it comes with.
 */
export async function loadScenarioPlan(path: string, scenario: string | undefined, context: CommandContext): Promise<Result<Plan, ExitCode>> {
  const loaded = await loadPlan(path, context);
  if (!loaded.ok) return err(fail(context, EXIT.problem, loaded.error));
  const resolved = planForScenario(loaded.value.plan, scenario, context);
  if (!resolved.ok) return err(fail(context, resolved.error.code, [resolved.error.line]));
  return ok(resolved.value);
}
