/**
 * Commands on scenarios, for `applyCommand` (src/engine/commands) to delegate to: each is pure and
 * returns the new plan and the command that undoes it exactly. Revision and `updatedAt` are the
 * caller's, as for every other command.
 *
 * Overrides are kept minimal: an override left with no field is removed, and a scenario's
 * override objects always list their fields in the schema's order.
 */
import type { Indicator, IndicatorOverride, LocalizedText, Plan, Projection, Range, Scenario, Target } from '../model/plan.ts';
import { parsePeriodKey } from '../periods/calendar.ts';
import { err, ok, type Result } from '../result.ts';
import { applyOverrides, overridesOf, scenarioChain } from './resolve.ts';

/** One field of one indicator's override; `null` means "inherit" (no override of that field). */
export type OverrideChange =
  | { field: 'actual'; period: string; value: number | null }
  | { field: 'projection'; value: Projection | null }
  | { field: 'targets'; value: Target[] | null }
  /** `'none'`: this scenario has no range even if the base has one. */
  | { field: 'range'; value: Range | 'none' | null };

export type ScenarioCommand =
  | { type: 'addScenario'; scenario: Scenario; index: number }
  /** `keepEmptyList` keeps `scenarios: []` when the last one goes (the undo of adding to an empty list). */
  | { type: 'removeScenario'; scenario: string; keepEmptyList?: boolean }
  | { type: 'renameScenario'; scenario: string; name: LocalizedText }
  | { type: 'setScenarioDescription'; scenario: string; description: string | null }
  | { type: 'setScenarioParent'; scenario: string; parent: string | null }
  | { type: 'setOverride'; scenario: string; indicator: string; change: OverrideChange }
  /** Every override of one indicator in one scenario goes: its cells show the inherited values. */
  | { type: 'resetOverride'; scenario: string; indicator: string }
  | { type: 'replaceOverride'; scenario: string; indicator: string; override: IndicatorOverride | null }
  /**
   * The scenario's effective values become the plan's base; the scenario is left with no parent
   * and no overrides (it equals the base), so its descendants compute as before. Other scenarios
   * now lie over the new base.
   */
  | { type: 'makeBaseline'; scenario: string }
  /** Puts back indicators (by id) and one scenario (by id) as given: the undo of makeBaseline. */
  | { type: 'restoreBaseline'; indicators: Indicator[]; scenario: Scenario };

export type ScenarioCommandError =
  | { code: 'unknownScenario'; scenario: string }
  | { code: 'duplicateScenario'; scenario: string }
  | { code: 'invalidScenarioId'; scenario: string }
  | { code: 'scenarioHasChildren'; scenario: string; children: string[] }
  | { code: 'scenarioLoop'; chain: string[] }
  | { code: 'unknownIndicator'; indicator: string }
  | { code: 'unknownPeriod'; period: string }
  | { code: 'notFinite' }
  | { code: 'badIndex'; index: number }
  | { code: 'emptyName' };

export interface ScenarioApplied {
  plan: Plan;
  inverse: ScenarioCommand;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function applyScenarioCommand(plan: Plan, command: ScenarioCommand): Result<ScenarioApplied, ScenarioCommandError> {
  const scenarios = plan.scenarios ?? [];
  switch (command.type) {
    case 'addScenario': {
      const scenario = command.scenario;
      if (!IDENTIFIER.test(scenario.id) || RESERVED.has(scenario.id)) return err({ code: 'invalidScenarioId', scenario: scenario.id });
      if (scenarios.some((s) => s.id === scenario.id)) return err({ code: 'duplicateScenario', scenario: scenario.id });
      if (!scenario.name.vi.trim()) return err({ code: 'emptyName' });
      if (command.index < 0 || command.index > scenarios.length || !Number.isInteger(command.index)) return err({ code: 'badIndex', index: command.index });
      if (scenario.parent !== undefined && !scenarios.some((s) => s.id === scenario.parent)) return err({ code: 'unknownScenario', scenario: scenario.parent });
      for (const id of Object.keys(scenario.overrides)) {
        if (!plan.indicators.some((i) => i.id === id)) return err({ code: 'unknownIndicator', indicator: id });
      }
      const next = [...scenarios];
      next.splice(command.index, 0, scenario);
      return ok({
        plan: { ...plan, scenarios: next },
        inverse: { type: 'removeScenario', scenario: scenario.id, ...(plan.scenarios && scenarios.length === 0 ? { keepEmptyList: true } : {}) },
      });
    }
    case 'removeScenario': {
      const index = scenarios.findIndex((s) => s.id === command.scenario);
      const scenario = scenarios[index];
      if (!scenario) return err({ code: 'unknownScenario', scenario: command.scenario });
      const children = scenarios.filter((s) => s.parent === scenario.id).map((s) => s.id);
      if (children.length > 0) return err({ code: 'scenarioHasChildren', scenario: scenario.id, children });
      const next = scenarios.filter((_, i) => i !== index);
      return ok({ plan: withScenarios(plan, next, command.keepEmptyList === true), inverse: { type: 'addScenario', scenario, index } });
    }
    case 'renameScenario': {
      if (!command.name.vi.trim()) return err({ code: 'emptyName' });
      return updateScenario(plan, command.scenario, (scenario) => ok({
        scenario: { ...scenario, name: command.name },
        inverse: { type: 'renameScenario', scenario: scenario.id, name: scenario.name },
      }));
    }
    case 'setScenarioDescription':
      return updateScenario(plan, command.scenario, (scenario) => {
        const next: Scenario = { ...scenario };
        if (command.description === null || command.description === '') delete next.description;
        else next.description = command.description;
        return ok({ scenario: orderScenarioKeys(next), inverse: { type: 'setScenarioDescription', scenario: scenario.id, description: scenario.description ?? null } });
      });
    case 'setScenarioParent': {
      const parent = command.parent;
      if (parent !== null) {
        if (!scenarios.some((s) => s.id === parent)) return err({ code: 'unknownScenario', scenario: parent });
        // The new parent's ancestry must not lead back to the scenario.
        const chain = scenarioChain(plan, parent);
        if (chain.ok && chain.value.some((s) => s.id === command.scenario)) {
          const ids = chain.value.map((s) => s.id).reverse();
          return err({ code: 'scenarioLoop', chain: [command.scenario, ...ids.slice(0, ids.indexOf(command.scenario) + 1)] });
        }
        if (!chain.ok && chain.error.code === 'scenarioLoop') return err(chain.error);
      }
      return updateScenario(plan, command.scenario, (scenario) => {
        const next: Scenario = { ...scenario };
        if (parent === null) delete next.parent;
        else next.parent = parent;
        return ok({ scenario: orderScenarioKeys(next), inverse: { type: 'setScenarioParent', scenario: scenario.id, parent: scenario.parent ?? null } });
      });
    }
    case 'setOverride': {
      const problem = checkChange(plan, command.indicator, command.change);
      if (problem) return err(problem);
      return updateScenario(plan, command.scenario, (scenario) => {
        const previous = Object.hasOwn(scenario.overrides, command.indicator) ? (scenario.overrides[command.indicator] as IndicatorOverride) : null;
        const next = changeOverride(previous ?? {}, command.change);
        return ok({
          scenario: withOverride(scenario, command.indicator, isEmpty(next) ? null : next),
          // The whole previous override: exact even for one written by hand (`"actuals": {}`).
          inverse: { type: 'replaceOverride', scenario: scenario.id, indicator: command.indicator, override: previous },
        });
      });
    }
    case 'resetOverride':
    case 'replaceOverride': {
      const replacement = command.type === 'replaceOverride' ? command.override : null;
      if (replacement !== null && !plan.indicators.some((i) => i.id === command.indicator)) return err({ code: 'unknownIndicator', indicator: command.indicator });
      return updateScenario(plan, command.scenario, (scenario) => {
        const previous = Object.hasOwn(scenario.overrides, command.indicator) ? (scenario.overrides[command.indicator] as IndicatorOverride) : null;
        return ok({
          scenario: withOverride(scenario, command.indicator, replacement),
          inverse: { type: 'replaceOverride', scenario: scenario.id, indicator: command.indicator, override: previous },
        });
      });
    }
    case 'makeBaseline': {
      const chain = scenarioChain(plan, command.scenario);
      if (!chain.ok) return chain.error.code === 'scenarioLoop' ? err(chain.error) : err({ code: 'unknownScenario', scenario: command.scenario });
      const scenario = chain.value[chain.value.length - 1] as Scenario;
      const before: Indicator[] = [];
      const indicators = plan.indicators.map((indicator) => {
        const next = applyOverrides(indicator, overridesOf(chain.value, indicator.id));
        if (next !== indicator) before.push(indicator);
        return next;
      });
      const { parent: _parent, ...rest } = scenario;
      const cleared: Scenario = { ...rest, overrides: {} };
      return ok({
        plan: { ...plan, indicators, scenarios: scenarios.map((s) => (s === scenario ? cleared : s)) },
        inverse: { type: 'restoreBaseline', indicators: before, scenario },
      });
    }
    case 'restoreBaseline': {
      const byId = new Map(command.indicators.map((i) => [i.id, i]));
      for (const id of byId.keys()) if (!plan.indicators.some((i) => i.id === id)) return err({ code: 'unknownIndicator', indicator: id });
      const current = scenarios.find((s) => s.id === command.scenario.id);
      if (!current) return err({ code: 'unknownScenario', scenario: command.scenario.id });
      const before: Indicator[] = [];
      const indicators = plan.indicators.map((indicator) => {
        const next = byId.get(indicator.id);
        if (!next) return indicator;
        before.push(indicator);
        return next;
      });
      return ok({
        plan: { ...plan, indicators, scenarios: scenarios.map((s) => (s === current ? command.scenario : s)) },
        inverse: { type: 'restoreBaseline', indicators: before, scenario: current },
      });
    }
  }
}

/** Convenience constructors for the UI and the command module. */
export const scenarioCommands = {
  addScenario: (scenario: Scenario, index: number): ScenarioCommand => ({ type: 'addScenario', scenario, index }),
  removeScenario: (scenario: string): ScenarioCommand => ({ type: 'removeScenario', scenario }),
  renameScenario: (scenario: string, name: LocalizedText): ScenarioCommand => ({ type: 'renameScenario', scenario, name }),
  setOverride: (scenario: string, indicator: string, change: OverrideChange): ScenarioCommand => ({ type: 'setOverride', scenario, indicator, change }),
  resetOverride: (scenario: string, indicator: string): ScenarioCommand => ({ type: 'resetOverride', scenario, indicator }),
  makeBaseline: (scenario: string): ScenarioCommand => ({ type: 'makeBaseline', scenario }),
};

function withScenarios(plan: Plan, scenarios: Scenario[], keepEmptyList: boolean): Plan {
  if (scenarios.length > 0 || keepEmptyList) return { ...plan, scenarios };
  const { scenarios: _removed, ...rest } = plan;
  return rest;
}

function updateScenario(
  plan: Plan,
  id: string,
  change: (scenario: Scenario) => Result<{ scenario: Scenario; inverse: ScenarioCommand }, ScenarioCommandError>,
): Result<ScenarioApplied, ScenarioCommandError> {
  const scenarios = plan.scenarios ?? [];
  const index = scenarios.findIndex((s) => s.id === id);
  const scenario = scenarios[index];
  if (!scenario) return err({ code: 'unknownScenario', scenario: id });
  const result = change(scenario);
  if (!result.ok) return result;
  const next = [...scenarios];
  next[index] = result.value.scenario;
  return ok({ plan: { ...plan, scenarios: next }, inverse: result.value.inverse });
}

/** Keys in the schema's order (id, name, parent, description, overrides), as a file reads back. */
function orderScenarioKeys(scenario: Scenario): Scenario {
  return {
    id: scenario.id,
    name: scenario.name,
    ...(scenario.parent !== undefined ? { parent: scenario.parent } : {}),
    ...(scenario.description !== undefined ? { description: scenario.description } : {}),
    overrides: scenario.overrides,
  };
}

function withOverride(scenario: Scenario, indicator: string, override: IndicatorOverride | null): Scenario {
  const overrides = { ...scenario.overrides };
  if (override === null) delete overrides[indicator];
  else overrides[indicator] = override;
  return { ...scenario, overrides };
}

function isEmpty(override: IndicatorOverride): boolean {
  return override.actuals === undefined && override.projection === undefined && override.targets === undefined && override.range === undefined;
}

/** The override with one field changed, its fields in the schema's order; empty actuals drop. */
function changeOverride(previous: IndicatorOverride, change: OverrideChange): IndicatorOverride {
  let { actuals, projection, targets, range } = previous;
  switch (change.field) {
    case 'actual': {
      if (change.value === null && !(actuals && Object.hasOwn(actuals, change.period))) break;
      const next = { ...actuals };
      if (change.value === null) delete next[change.period];
      else next[change.period] = change.value;
      // The last overridden actual going takes the (then empty) map with it.
      actuals = Object.keys(next).length > 0 ? next : undefined;
      break;
    }
    case 'projection':
      projection = change.value ?? undefined;
      break;
    case 'targets':
      targets = change.value ?? undefined;
      break;
    case 'range':
      range = change.value === null ? undefined : change.value === 'none' ? null : change.value;
      break;
  }
  return {
    ...(actuals !== undefined ? { actuals } : {}),
    ...(projection !== undefined ? { projection } : {}),
    ...(targets !== undefined ? { targets } : {}),
    ...(range !== undefined ? { range } : {}),
  };
}

function checkChange(plan: Plan, indicator: string, change: OverrideChange): ScenarioCommandError | null {
  if (!plan.indicators.some((i) => i.id === indicator)) return { code: 'unknownIndicator', indicator };
  switch (change.field) {
    case 'actual':
      if (change.value !== null && !Number.isFinite(change.value)) return { code: 'notFinite' };
      return inCalendar(plan, change.period) ? null : { code: 'unknownPeriod', period: change.period };
    case 'targets':
      for (const target of change.value ?? []) {
        if (!Number.isFinite(target.value)) return { code: 'notFinite' };
        if (!inCalendar(plan, target.period)) return { code: 'unknownPeriod', period: target.period };
      }
      return null;
    case 'projection':
    case 'range':
      return null;
  }
}

function inCalendar(plan: Plan, period: string): boolean {
  const parts = parsePeriodKey(period);
  if (!parts || parts.periodicity !== plan.calendar.periodicity) return false;
  return period >= plan.calendar.start && period <= plan.calendar.end;
}
