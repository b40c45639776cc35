/**
 * Scenarios as the engine sees them: a scenario's effective plan is the base with the overrides
 * of its ancestors laid on root first, then its own. Actuals are laid over period by period; a
 * projection, a target list or a range replaces the one below (`range: null` removes it).
 *
 * Nothing here mutates its input. Indicators no scenario in the chain overrides are the very
 * objects of the base plan, so an engine session sees them as unchanged by identity alone.
 */
import type { Indicator, IndicatorOverride, Plan, Range, Scenario } from '../model/plan.ts';
import { err, ok, type Result } from '../result.ts';

export type ScenarioProblem =
  /** No scenario has this id; `child` is the scenario that names it as its parent, if any. */
  | { code: 'unknownScenario'; scenario: string; child?: string }
  /** Parents that come back around: `chain` lists the ids in order, the first one again last. */
  | { code: 'scenarioLoop'; chain: string[] };

/** The scenario and its ancestors, root first (so the last is the scenario itself). */
export function scenarioChain(plan: Plan, scenarioId: string): Result<Scenario[], ScenarioProblem> {
  const byId = new Map<string, Scenario>();
  for (const scenario of plan.scenarios ?? []) if (!byId.has(scenario.id)) byId.set(scenario.id, scenario);
  const chain: Scenario[] = [];
  const seen: string[] = [];
  let child: string | undefined;
  for (let id: string | undefined = scenarioId; id !== undefined; ) {
    const scenario = byId.get(id);
    if (!scenario) return err(child === undefined ? { code: 'unknownScenario', scenario: id } : { code: 'unknownScenario', scenario: id, child });
    const at = seen.indexOf(id);
    if (at >= 0) return err({ code: 'scenarioLoop', chain: [...seen.slice(at), id] });
    seen.push(id);
    chain.push(scenario);
    child = id;
    id = scenario.parent;
  }
  return ok(chain.reverse());
}

/** The overrides of one indicator along a chain, root first; empty when none touches it. */
export function overridesOf(chain: readonly Scenario[], indicatorId: string): IndicatorOverride[] {
  const found: IndicatorOverride[] = [];
  for (const scenario of chain) {
    if (Object.hasOwn(scenario.overrides, indicatorId)) found.push(scenario.overrides[indicatorId] as IndicatorOverride);
  }
  return found;
}

/** An indicator with overrides laid on in order; the same object when they change nothing. */
export function applyOverrides(indicator: Indicator, overrides: readonly IndicatorOverride[]): Indicator {
  let actuals = indicator.actuals;
  let projection = indicator.projection;
  let targets = indicator.targets;
  // undefined: as in the base; null: removed.
  let range: Range | null | undefined;
  let changed = false;
  for (const override of overrides) {
    if (override.actuals && Object.keys(override.actuals).length > 0) {
      actuals = actuals === indicator.actuals ? { ...actuals, ...override.actuals } : Object.assign(actuals, override.actuals);
      changed = true;
    }
    if (override.projection) { projection = override.projection; changed = true; }
    if (override.targets) { targets = override.targets; changed = true; }
    if (override.range !== undefined) { range = override.range; changed = true; }
  }
  if (!changed) return indicator;
  const next: Indicator = { ...indicator, actuals, projection, targets };
  if (range === null) delete next.range;
  else if (range !== undefined) next.range = range;
  return next;
}

/**
 * The plan a scenario computes: its indicators with the chain's overrides applied (null is the
 * base itself). Overrides of indicators the plan does not have are ignored (the file validator
 * reports them).
 */
export function resolveScenario(plan: Plan, scenarioId: string | null): Result<Plan, ScenarioProblem> {
  if (scenarioId === null) return ok(plan);
  const chain = scenarioChain(plan, scenarioId);
  if (!chain.ok) return chain;
  let indicators: Indicator[] | null = null;
  plan.indicators.forEach((indicator, i) => {
    const overrides = overridesOf(chain.value, indicator.id);
    if (overrides.length === 0) return;
    const next = applyOverrides(indicator, overrides);
    if (next === indicator) return;
    indicators ??= [...plan.indicators];
    indicators[i] = next;
  });
  return ok(indicators ? { ...plan, indicators } : plan);
}

/** Which scenario a cell's value comes from: the one shown, or an ancestor it inherits from. */
export interface OverrideOrigin {
  scenario: string;
  inherited: boolean;
}

/** What a scenario changes for one indicator, field by field and period by period. */
export interface IndicatorOverrideOrigins {
  /** Period -> where its actual comes from; periods no scenario in the chain sets are absent. */
  actuals: Map<string, OverrideOrigin>;
  projection?: OverrideOrigin;
  targets?: OverrideOrigin;
  range?: OverrideOrigin;
}

/** Whether the scenario sets anything of the indicator itself (there is something to reset). */
export function setsItself(origins: IndicatorOverrideOrigins | undefined): boolean {
  if (!origins) return false;
  return [...origins.actuals.values(), origins.projection, origins.targets, origins.range].some((origin) => origin !== undefined && !origin.inherited);
}

/**
 * For the UI to mark overridden cells and offer "reset to inherited": per indicator id, which
 * fields and periods the scenario sets itself (`inherited: false`) and which it takes from an
 * ancestor (the nearest one that sets them). Null (the base) overrides nothing.
 */
export function overriddenCells(plan: Plan, scenarioId: string | null): Result<Map<string, IndicatorOverrideOrigins>, ScenarioProblem> {
  const cells = new Map<string, IndicatorOverrideOrigins>();
  if (scenarioId === null) return ok(cells);
  const chain = scenarioChain(plan, scenarioId);
  if (!chain.ok) return chain;
  // Root first: a later (nearer) scenario overwrites what an earlier one set.
  for (const scenario of chain.value) {
    const origin: OverrideOrigin = { scenario: scenario.id, inherited: scenario.id !== scenarioId };
    for (const [id, override] of Object.entries(scenario.overrides)) {
      const periods = Object.keys(override.actuals ?? {});
      if (periods.length === 0 && !override.projection && !override.targets && override.range === undefined) continue;
      let entry = cells.get(id);
      if (!entry) {
        entry = { actuals: new Map() };
        cells.set(id, entry);
      }
      for (const period of periods) entry.actuals.set(period, origin);
      if (override.projection) entry.projection = origin;
      if (override.targets) entry.targets = origin;
      if (override.range !== undefined) entry.range = origin;
    }
  }
  return ok(cells);
}
