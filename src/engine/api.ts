/**
 * The engine API: what the worker exposes and what the CLI and tests call in-process. Every call
 * names the plan (and scenario) it is about; the only state kept is the compiled program of the
 * last compute, which makes the next one incremental and never changes an answer.
 */
import type { Plan } from './model/plan.ts';
import type { PlanResult } from './projection/result.ts';
import { err, ok, type Result } from './result.ts';
import { createEngineSession, type NumberedResult, type SessionProblem } from './session.ts';
import { resolveScenario, type ScenarioProblem } from './scenarios/index.ts';
import { compileProgram, runProgram, type PlanProblem } from './projection/program.ts';
import { summarize } from './projection/result.ts';
import { formulaDependencies } from './formula/dependencies.ts';
import { parseFormula } from './formula/parser.ts';
import { goalSeek, type GoalSeekAnswer, type GoalSeekProblem, type GoalSeekRequest } from './solve/index.ts';
// Simulation and sensitivity load on first use: the worker starts with what every edit needs.
import type {
  SensitivityProblem,
  SensitivityResult,
  SimulationOptions,
  SimulationProblem,
  SimulationResult,
} from './uncertainty/index.ts';

/** How a long simulation reports, pauses and learns that it should stop. */
export interface SimulationControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches. */
  cancelled?: () => boolean;
  /** Lets other work (a compute, a cancel) in between batches. */
  pause?: () => Promise<void>;
}

export type SimulationFailure = SimulationProblem | ScenarioProblem | { code: 'cancelled' };

/** Trials per batch are sized so that a batch takes about this long (ms), whatever the plan. */
const BATCH_MS = 25;

/** The scenario to compute: null (or absent) is the plan's base. */
export type ScenarioId = string | null | undefined;

/** One indicator's values under several scenarios of a plan: one line per scenario, for a chart. */
export interface ScenarioLines {
  indicator: string;
  /** The scenarios in the order asked; null is the plan's base. */
  scenarios: (string | null)[];
  periodKeys: string[];
  /** scenarios × periods, scenario-major; NaN is blank. */
  values: Float64Array;
  /** 1 where the value is an actual in that scenario (scenarios may override actuals). */
  isActual: Uint8Array;
}

export type ScenarioLinesProblem = SessionProblem | { code: 'unknownIndicator'; indicator: string };

export interface EngineApi {
  /** Projects every indicator of the plan (or of one of its scenarios) and assesses its targets. */
  compute(plan: Plan, scenario?: ScenarioId): Result<PlanResult, SessionProblem>;
  /**
   * `compute`, numbered: only the rows that changed when `base` is the number of the result
   * this engine gave last (see `EngineSession.computeSince`), else the whole result.
   */
  computeSince(plan: Plan, scenario: ScenarioId, base: number | null): Result<NumberedResult, SessionProblem>;
  /** Several scenarios of one plan at once, for comparing them side by side. */
  computeScenarios(plan: Plan, scenarios: readonly (string | null)[]): Result<PlanResult[], SessionProblem>;
  /** One indicator's projection under each of the given scenarios (see `projectScenarios`). */
  projectScenarios(plan: Plan, indicator: string, scenarios: readonly (string | null)[]): Result<ScenarioLines, ScenarioLinesProblem>;
  /** The value of an input that makes an indicator reach a value at a period. */
  goalSeek(plan: Plan, request: GoalSeekRequest, scenario?: ScenarioId): Result<GoalSeekAnswer, GoalSeekProblem | ScenarioProblem>;
  /** Monte Carlo over the plan's ranged inputs, in batches, with progress and cancellation. */
  simulate(plan: Plan, options: SimulationOptions, control?: SimulationControl, scenario?: ScenarioId): Promise<Result<SimulationResult, SimulationFailure>>;
  /** The effect of each ranged input's low and high on each target (tornado data). */
  sensitivity(plan: Plan, scenario?: ScenarioId): Promise<Result<SensitivityResult, SensitivityProblem | ScenarioProblem>>;
}

/** One plan's base, computed from scratch: for callers that compute once (the CLI, tests). */
export function computePlan(plan: Plan): Result<PlanResult, PlanProblem> {
  const program = compileProgram(plan);
  if (!program.ok) return err(program.error);
  runProgram(program.value);
  return ok(summarize(program.value));
}

/**
 * The indicators whose values `id` depends on, itself included: what its formula reads, the
 * members of the groups it sums, the indicators whose targets it reads, and theirs in turn.
 * Nothing outside this set can change the indicator's values.
 */
function upstreamOf(plan: Plan, id: string): Set<string> {
  const byId = new Map(plan.indicators.map((indicator) => [indicator.id, indicator]));
  const members = new Map<string, string[]>();
  for (const indicator of plan.indicators) {
    if (indicator.group !== undefined) members.set(indicator.group, [...(members.get(indicator.group) ?? []), indicator.id]);
  }
  const kept = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const projection = byId.get(next)?.projection;
    if (projection?.method !== 'formula') continue;
    const parsed = parseFormula(projection.formula);
    // A formula that does not parse reads nothing: its row is an error either way.
    if (!parsed.ok) continue;
    const deps = formulaDependencies(parsed.value);
    const reads = [...deps.indicators, ...deps.targets, ...deps.groups.flatMap((group) => members.get(group) ?? [])];
    for (const read of reads) {
      if (kept.has(read) || !byId.has(read)) continue;
      kept.add(read);
      queue.push(read);
    }
  }
  return kept;
}

/**
 * One indicator's values under each scenario: every scenario's effective plan is cut down to
 * what the indicator depends on, then computed, so a line costs its upstream rows, not the plan.
 * The values equal those of a whole compute of that scenario.
 */
export function projectScenarios(plan: Plan, indicator: string, scenarios: readonly (string | null)[]): Result<ScenarioLines, ScenarioLinesProblem> {
  if (!plan.indicators.some((i) => i.id === indicator)) return err({ code: 'unknownIndicator', indicator });
  let periodKeys: string[] = [];
  let values = new Float64Array(0);
  let isActual = new Uint8Array(0);
  for (const [s, scenario] of scenarios.entries()) {
    const effective = resolveScenario(plan, scenario);
    if (!effective.ok) return err(effective.error);
    // The cone is found in each scenario's plan: a scenario may give the indicator a formula.
    const upstream = upstreamOf(effective.value, indicator);
    const cut: Plan = { ...effective.value, indicators: effective.value.indicators.filter((i) => upstream.has(i.id)), scenarios: [] };
    const computed = computePlan(cut);
    if (!computed.ok) return computed;
    const result = computed.value;
    const n = result.periodKeys.length;
    if (s === 0) {
      periodKeys = result.periodKeys;
      values = new Float64Array(scenarios.length * n);
      isActual = new Uint8Array(scenarios.length * n);
    }
    const row = result.ids.indexOf(indicator);
    values.set(result.values.subarray(row * n, (row + 1) * n), s * n);
    isActual.set(result.isActual.subarray(row * n, (row + 1) * n), s * n);
  }
  return ok({ indicator, scenarios: [...scenarios], periodKeys, values, isActual });
}

export function createEngineApi(): EngineApi {
  const session = createEngineSession();
  const resolved = (plan: Plan, scenario: ScenarioId) => resolveScenario(plan, scenario ?? null);
  return {
    compute: (plan, scenario) => session.compute(plan, scenario ?? null),
    computeSince: (plan, scenario, base) => session.computeSince(plan, scenario ?? null, base),
    computeScenarios(plan, scenarios) {
      const results: PlanResult[] = [];
      for (const scenario of scenarios) {
        const effective = resolved(plan, scenario);
        if (!effective.ok) return err(effective.error);
        const computed = computePlan(effective.value);
        if (!computed.ok) return computed;
        results.push(computed.value);
      }
      return ok(results);
    },
    projectScenarios,
    goalSeek(plan, request, scenario) {
      const effective = resolved(plan, scenario);
      return effective.ok ? goalSeek(effective.value, request) : effective;
    },
    async simulate(plan, options, control = {}, scenario) {
      const effective = resolved(plan, scenario);
      if (!effective.ok) return effective;
      const { createSimulation } = await import('./uncertainty/simulation.ts');
      const created = createSimulation(effective.value, options);
      if (!created.ok) return err(created.error);
      const simulation = created.value;
      let batch = 16;
      while (simulation.done < simulation.total) {
        if (control.cancelled?.()) return err({ code: 'cancelled' });
        const started = Date.now();
        simulation.runBatch(batch);
        const elapsed = Date.now() - started;
        // Aim each batch at BATCH_MS so progress is smooth and a cancel is heard quickly.
        batch = Math.max(1, Math.min(4096, Math.round(batch * (elapsed > 0 ? BATCH_MS / elapsed : 2))));
        control.onProgress?.(simulation.done, simulation.total);
        await control.pause?.();
      }
      if (control.cancelled?.()) return err({ code: 'cancelled' });
      return ok(simulation.result());
    },
    async sensitivity(plan, scenario) {
      const effective = resolved(plan, scenario);
      if (!effective.ok) return effective;
      const { sensitivity } = await import('./uncertainty/sensitivity.ts');
      return sensitivity(effective.value);
    },
  };
}
