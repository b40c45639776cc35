/**
 * An edit made while a scenario is shown changes that scenario, not the base: values, methods,
 * targets and ranges become the scenario's overrides. Names, units and structure stay the base's.
 */
import { applyCommand, type Command } from '../../engine/commands/index.ts';
import type { Plan } from '../../engine/model/plan.ts';

export function routeToScenario(command: Command, scenario: string, view: Plan): Command {
  switch (command.type) {
    case 'setActual':
      return { type: 'setOverride', scenario, indicator: command.indicator, change: { field: 'actual', period: command.period, value: command.value } };
    case 'setProjection':
      return { type: 'setOverride', scenario, indicator: command.indicator, change: { field: 'projection', value: command.projection } };
    case 'setRange':
      return { type: 'setOverride', scenario, indicator: command.indicator, change: { field: 'range', value: command.range ?? 'none' } };
    case 'setTarget':
    case 'insertTarget':
    case 'removeTarget': {
      // The scenario's target list is the view's list with this change made.
      const applied = applyCommand(view, command, view.updatedAt);
      const targets = applied.ok ? applied.value.plan.indicators.find((i) => i.id === command.indicator)?.targets : undefined;
      return targets
        ? { type: 'setOverride', scenario, indicator: command.indicator, change: { field: 'targets', value: targets } }
        : command;
    }
    case 'batch': {
      let current = view;
      const commands: Command[] = [];
      for (const inner of command.commands) {
        commands.push(routeToScenario(inner, scenario, current));
        // Later commands of the batch see the earlier ones, as when typed one by one.
        const applied = applyCommand(current, inner, current.updatedAt);
        if (applied.ok) current = applied.value.plan;
      }
      return { type: 'batch', commands };
    }
    case 'renamePlan':
    case 'setIndicatorText':
    case 'setIndicatorNote':
    case 'setIndicatorKind':
    case 'setIndicatorDecimals':
    case 'setIndicatorGroup':
    case 'moveIndicator':
    case 'addIndicator':
    case 'removeIndicator':
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
    case 'addGroup':
    case 'removeGroup':
    case 'renameGroup':
    case 'moveGroup':
      return command;
  }
}
