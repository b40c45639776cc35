/**
 * What a screen reader hears after an edit: the edited indicator's standing against its target,
 * in words ("Doanh thu 2024: còn thiếu 8,2 % so với chỉ tiêu").
 */
import type { Command } from '../engine/commands/index.ts';
import type { Plan } from '../engine/model/plan.ts';
import type { PlanResult } from '../engine/projection/result.ts';
import { formatPercent, type Lang } from '../i18n/numbers.ts';
import type { Messages } from './i18n/index.ts';
import { localized } from './grid/rows.ts';

/** The indicator a command is about, if it is about one. */
export function indicatorOf(command: Command): string | null {
  switch (command.type) {
    case 'setActual':
    case 'setTarget':
    case 'insertTarget':
    case 'removeTarget':
    case 'setProjection':
    case 'setIndicatorText':
    case 'setIndicatorNote':
    case 'setIndicatorKind':
    case 'setIndicatorDecimals':
    case 'setIndicatorGroup':
    case 'setRange':
    case 'moveIndicator':
    case 'removeIndicator':
      return command.indicator;
    case 'addIndicator':
      return command.indicator.id;
    case 'batch':
      // A change to the groups is about the group, though it moves indicators too (a deletion
      // moves its indicators out first): no one indicator's standing to tell.
      if (command.commands.some(changesGroups)) return null;
      return command.commands.length > 0 ? indicatorOf(command.commands[0] as Command) : null;
    case 'setOverride':
    case 'resetOverride':
    case 'replaceOverride':
      return command.indicator;
    case 'renamePlan':
    case 'addScenario':
    case 'removeScenario':
    case 'renameScenario':
    case 'setScenarioDescription':
    case 'setScenarioParent':
    case 'makeBaseline':
    case 'restoreBaseline':
    case 'addGroup':
    case 'removeGroup':
    case 'renameGroup':
    case 'moveGroup':
      return null;
  }
}

function changesGroups(command: Command): boolean {
  return command.type === 'addGroup' || command.type === 'removeGroup' || command.type === 'renameGroup' || command.type === 'moveGroup';
}

export function announcement(plan: Plan, result: PlanResult, indicatorId: string, m: Messages, lang: Lang): string | null {
  const row = result.ids.indexOf(indicatorId);
  const summary = result.indicators[row];
  const indicator = plan.indicators.find((i) => i.id === indicatorId);
  if (!summary || !indicator) return null;
  const target = summary.targets[summary.primary];
  const name = localized(indicator.name, lang);
  if (!target) return m.announceNoTarget(name);
  const period = result.periodKeys[target.period] ?? '';
  if (!Number.isFinite(target.attainment)) return m.announceBlank(name, period);
  const shortfall = 1 - target.attainment;
  const status = m.status[target.status];
  // Within the rounding of one decimal, "exactly" reads better than "0,0 % over".
  if (Math.abs(shortfall) < 0.0005) return m.announceExact(name, period, status);
  if (shortfall > 0) return m.announceShort(name, period, formatPercent(shortfall, lang, 1), status);
  return m.announceMet(name, period, formatPercent(-shortfall, lang, 1), status);
}
