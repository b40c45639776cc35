/**
 * Commands: the only way a plan changes. `applyCommand` is pure: it returns the new plan and the
 * command that undoes it, so undo/redo, storage and (later) merge all speak the same language.
 */
import type { Indicator, IndicatorKind, LocalizedText, Plan, Projection, Range, Target } from '../model/plan.ts';
import { parsePeriodKey } from '../periods/calendar.ts';
import { err, ok, type Result } from '../result.ts';
import { applyScenarioCommand, type ScenarioCommand, type ScenarioCommandError } from '../scenarios/commands.ts';
import { applyGroupCommand, type GroupCommand, type GroupCommandError } from './groups.ts';

export type IndicatorTextField = 'name' | 'unit';

export type Command =
  | { type: 'renamePlan'; name: string }
  | { type: 'setActual'; indicator: string; period: string; value: number | null }
  | { type: 'setTarget'; indicator: string; index: number; target: Target }
  | { type: 'insertTarget'; indicator: string; index: number; target: Target }
  | { type: 'removeTarget'; indicator: string; index: number }
  | { type: 'setProjection'; indicator: string; projection: Projection }
  | { type: 'setIndicatorText'; indicator: string; field: IndicatorTextField; value: LocalizedText }
  | { type: 'setIndicatorNote'; indicator: string; field: 'note' | 'source'; value: string | null }
  | { type: 'setIndicatorKind'; indicator: string; kind: IndicatorKind }
  | { type: 'setIndicatorDecimals'; indicator: string; decimals: number }
  | { type: 'setIndicatorGroup'; indicator: string; group: string | null }
  | { type: 'setRange'; indicator: string; range: Range | null }
  | { type: 'moveIndicator'; indicator: string; index: number }
  | { type: 'addIndicator'; indicator: Indicator; index: number }
  | { type: 'removeIndicator'; indicator: string }
  | { type: 'batch'; commands: Command[] }
  | GroupCommand
  | ScenarioCommand;

export type CommandError =
  | ScenarioCommandError
  | GroupCommandError
  | { code: 'unknownIndicator'; indicator: string }
  | { code: 'unknownPeriod'; period: string }
  | { code: 'notFinite' }
  | { code: 'duplicateIndicator'; indicator: string }
  | { code: 'badIndex'; index: number }
  | { code: 'emptyName' }
  | { code: 'unknownGroup'; group: string }
  | { code: 'badDecimals'; decimals: number };

export interface Applied {
  plan: Plan;
  inverse: Command;
}

/** Applies a command; `now` stamps `updatedAt` (time is the caller's, so this stays pure). */
export function applyCommand(plan: Plan, command: Command, now: string): Result<Applied, CommandError> {
  const result = applyInner(plan, command);
  if (!result.ok) return result;
  return ok({ plan: { ...result.value.plan, revision: plan.revision + 1, updatedAt: now }, inverse: result.value.inverse });
}

function applyInner(plan: Plan, command: Command): Result<Applied, CommandError> {
  switch (command.type) {
    case 'renamePlan': {
      const name = command.name.trim();
      if (!name) return err({ code: 'emptyName' });
      return ok({ plan: { ...plan, name }, inverse: { type: 'renamePlan', name: plan.name } });
    }
    case 'setActual': {
      if (command.value !== null && !Number.isFinite(command.value)) return err({ code: 'notFinite' });
      if (!inCalendar(plan, command.period)) return err({ code: 'unknownPeriod', period: command.period });
      return updateIndicator(plan, command.indicator, (indicator) => {
        const previous = Object.hasOwn(indicator.actuals, command.period) ? (indicator.actuals[command.period] as number) : null;
        const actuals = { ...indicator.actuals };
        if (command.value === null) delete actuals[command.period];
        else actuals[command.period] = command.value;
        return ok({
          indicator: { ...indicator, actuals },
          inverse: { type: 'setActual', indicator: indicator.id, period: command.period, value: previous },
        });
      });
    }
    case 'setTarget': {
      const target = command.target;
      if (!Number.isFinite(target.value)) return err({ code: 'notFinite' });
      if (!inCalendar(plan, target.period)) return err({ code: 'unknownPeriod', period: target.period });
      return updateIndicator(plan, command.indicator, (indicator) => {
        const previous = indicator.targets[command.index];
        if (!previous) return err({ code: 'badIndex', index: command.index });
        const targets = [...indicator.targets];
        targets[command.index] = target;
        return ok({ indicator: { ...indicator, targets }, inverse: { type: 'setTarget', indicator: indicator.id, index: command.index, target: previous } });
      });
    }
    case 'insertTarget': {
      const target = command.target;
      if (!Number.isFinite(target.value)) return err({ code: 'notFinite' });
      if (!inCalendar(plan, target.period)) return err({ code: 'unknownPeriod', period: target.period });
      return updateIndicator(plan, command.indicator, (indicator) => {
        if (command.index < 0 || command.index > indicator.targets.length) return err({ code: 'badIndex', index: command.index });
        const targets = [...indicator.targets];
        targets.splice(command.index, 0, target);
        return ok({ indicator: { ...indicator, targets }, inverse: { type: 'removeTarget', indicator: indicator.id, index: command.index } });
      });
    }
    case 'removeTarget':
      return updateIndicator(plan, command.indicator, (indicator) => {
        const previous = indicator.targets[command.index];
        if (!previous) return err({ code: 'badIndex', index: command.index });
        const targets = [...indicator.targets];
        targets.splice(command.index, 1);
        return ok({ indicator: { ...indicator, targets }, inverse: { type: 'insertTarget', indicator: indicator.id, index: command.index, target: previous } });
      });
    case 'setProjection':
      return updateIndicator(plan, command.indicator, (indicator) => ok({
        indicator: { ...indicator, projection: command.projection },
        inverse: { type: 'setProjection', indicator: indicator.id, projection: indicator.projection },
      }));
    case 'setIndicatorText': {
      if (command.field === 'name' && !command.value.vi.trim()) return err({ code: 'emptyName' });
      return updateIndicator(plan, command.indicator, (indicator) => ok({
        indicator: { ...indicator, [command.field]: command.value },
        inverse: { type: 'setIndicatorText', indicator: indicator.id, field: command.field, value: indicator[command.field] },
      }));
    }
    case 'setIndicatorNote':
      return updateIndicator(plan, command.indicator, (indicator) => {
        const next: Indicator = { ...indicator };
        if (command.value === null || command.value === '') delete next[command.field];
        else next[command.field] = command.value;
        return ok({
          indicator: next,
          inverse: { type: 'setIndicatorNote', indicator: indicator.id, field: command.field, value: indicator[command.field] ?? null },
        });
      });
    case 'setIndicatorKind':
      return updateIndicator(plan, command.indicator, (indicator) => ok({
        indicator: { ...indicator, kind: command.kind },
        inverse: { type: 'setIndicatorKind', indicator: indicator.id, kind: indicator.kind },
      }));
    case 'setIndicatorDecimals': {
      const decimals = command.decimals;
      if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) return err({ code: 'badDecimals', decimals });
      return updateIndicator(plan, command.indicator, (indicator) => ok({
        indicator: { ...indicator, decimals },
        inverse: { type: 'setIndicatorDecimals', indicator: indicator.id, decimals: indicator.decimals },
      }));
    }
    case 'setIndicatorGroup': {
      const group = command.group;
      if (group !== null && !plan.groups.some((g) => g.id === group)) return err({ code: 'unknownGroup', group });
      return updateIndicator(plan, command.indicator, (indicator) => {
        const next: Indicator = { ...indicator };
        if (group === null) delete next.group;
        else next.group = group;
        return ok({ indicator: next, inverse: { type: 'setIndicatorGroup', indicator: indicator.id, group: indicator.group ?? null } });
      });
    }
    case 'setRange':
      return updateIndicator(plan, command.indicator, (indicator) => {
        const next: Indicator = { ...indicator };
        if (command.range === null) delete next.range;
        else next.range = command.range;
        return ok({ indicator: next, inverse: { type: 'setRange', indicator: indicator.id, range: indicator.range ?? null } });
      });
    case 'moveIndicator': {
      const from = plan.indicators.findIndex((i) => i.id === command.indicator);
      if (from < 0) return err({ code: 'unknownIndicator', indicator: command.indicator });
      if (command.index < 0 || command.index >= plan.indicators.length) return err({ code: 'badIndex', index: command.index });
      const indicators = [...plan.indicators];
      const [moved] = indicators.splice(from, 1);
      indicators.splice(command.index, 0, moved as Indicator);
      return ok({ plan: { ...plan, indicators }, inverse: { type: 'moveIndicator', indicator: command.indicator, index: from } });
    }
    case 'addIndicator': {
      if (plan.indicators.some((i) => i.id === command.indicator.id)) return err({ code: 'duplicateIndicator', indicator: command.indicator.id });
      if (command.index < 0 || command.index > plan.indicators.length) return err({ code: 'badIndex', index: command.index });
      const indicators = [...plan.indicators];
      indicators.splice(command.index, 0, command.indicator);
      return ok({ plan: { ...plan, indicators }, inverse: { type: 'removeIndicator', indicator: command.indicator.id } });
    }
    case 'removeIndicator': {
      const index = plan.indicators.findIndex((i) => i.id === command.indicator);
      if (index < 0) return err({ code: 'unknownIndicator', indicator: command.indicator });
      const indicators = [...plan.indicators];
      const [removed] = indicators.splice(index, 1);
      // Scenarios lose their overrides of the indicator too (a plan must not name a missing
      // one); the undo puts each back after the indicator.
      const restore: Command[] = [];
      const scenarios = plan.scenarios?.map((scenario) => {
        const override = scenario.overrides[command.indicator];
        if (!override) return scenario;
        restore.push({ type: 'replaceOverride', scenario: scenario.id, indicator: command.indicator, override });
        const overrides = { ...scenario.overrides };
        delete overrides[command.indicator];
        return { ...scenario, overrides };
      });
      const add: Command = { type: 'addIndicator', indicator: removed as Indicator, index };
      return ok({
        plan: { ...plan, indicators, ...(scenarios ? { scenarios } : {}) },
        inverse: restore.length > 0 ? { type: 'batch', commands: [add, ...restore] } : add,
      });
    }
    case 'addGroup':
    case 'removeGroup':
    case 'renameGroup':
    case 'moveGroup':
      return applyGroupCommand(plan, command);
    case 'addScenario':
    case 'removeScenario':
    case 'renameScenario':
    case 'setScenarioDescription':
    case 'setScenarioParent':
    case 'setOverride':
    case 'resetOverride':
    case 'replaceOverride':
    case 'makeBaseline':
    case 'restoreBaseline':
      return applyScenarioCommand(plan, command);
    case 'batch': {
      let current = plan;
      const inverses: Command[] = [];
      for (const inner of command.commands) {
        const result = applyInner(current, inner);
        if (!result.ok) return result;
        current = result.value.plan;
        inverses.unshift(result.value.inverse);
      }
      return ok({ plan: current, inverse: { type: 'batch', commands: inverses } });
    }
  }
}

function inCalendar(plan: Plan, period: string): boolean {
  const parts = parsePeriodKey(period);
  if (!parts || parts.periodicity !== plan.calendar.periodicity) return false;
  return period >= plan.calendar.start && period <= plan.calendar.end;
}

function updateIndicator(
  plan: Plan,
  id: string,
  change: (indicator: Indicator) => Result<{ indicator: Indicator; inverse: Command }, CommandError>,
): Result<Applied, CommandError> {
  const index = plan.indicators.findIndex((i) => i.id === id);
  const indicator = plan.indicators[index];
  if (!indicator) return err({ code: 'unknownIndicator', indicator: id });
  const result = change(indicator);
  if (!result.ok) return result;
  const indicators = [...plan.indicators];
  indicators[index] = result.value.indicator;
  return ok({ plan: { ...plan, indicators }, inverse: result.value.inverse });
}
