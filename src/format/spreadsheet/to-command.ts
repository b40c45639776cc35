/**
 * An imported CSV as one change to an existing plan: a `batch` of `addIndicator` commands, so the
 * whole import is one step for undo. Ids are made unique against the plan; values and targets in
 * periods the plan's calendar does not have are left out, and said so.
 */
import { LIMITS, type Indicator, type Plan } from '../schema.ts';
import type { Command } from '../../engine/commands/commands.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import type { CsvImport } from './csv-import.ts';
import type { CsvIssue } from './issues.ts';
import { indicatorIdFor } from './names.ts';

export interface CsvPlanChange {
  command: Command & { type: 'batch' };
  /** The indicators as they will be added (after ids and periods were fitted to the plan). */
  indicators: Indicator[];
  warnings: CsvIssue[];
}

export function csvImportCommand(plan: Plan, imported: CsvImport): Result<CsvPlanChange, CsvIssue[]> {
  const total = plan.indicators.length + imported.indicators.length;
  if (total > LIMITS.indicators) {
    return err([{ level: 'error', code: 'tooManyIndicators', limit: LIMITS.indicators, actual: total }]);
  }
  const calendar = periodIndex(plan.calendar);
  const inside = (key: string) => calendar.indexOf(key) >= 0;
  const { start, end } = plan.calendar;
  const warnings: CsvIssue[] = [];
  const dropped = new Set<string>();
  // Every id of the plan and of the file: a renamed indicator takes none of them.
  const taken = new Set([...plan.indicators.map((i) => i.id), ...imported.indicators.map((i) => i.id)]);
  const planIds = new Set(plan.indicators.map((i) => i.id));

  const indicators = imported.indicators.map((indicator, k): Indicator => {
    let id = indicator.id;
    if (planIds.has(id)) {
      id = indicatorIdFor(indicator.name.vi, taken);
      taken.add(id);
    }
    const actuals: Record<string, number> = {};
    for (const [key, value] of Object.entries(indicator.actuals)) {
      if (inside(key)) actuals[key] = value;
      else dropped.add(key);
    }
    const targets = indicator.targets.filter((target) => {
      if (inside(target.period)) return true;
      const row = imported.rows[k];
      warnings.push({ level: 'warning', code: 'targetOutsideCalendar', period: target.period, start, end, ...(row !== undefined ? { row } : {}) });
      return false;
    });
    return {
      ...indicator,
      id,
      actuals,
      targets,
      projection: targets.length > 0 ? indicator.projection : { method: 'constant' },
    };
  });

  if (dropped.size > 0) {
    warnings.unshift({ level: 'warning', code: 'outsideCalendar', periods: [...dropped].sort(), start, end });
  }
  const command: Command & { type: 'batch' } = {
    type: 'batch',
    commands: indicators.map((indicator, k) => ({ type: 'addIndicator', indicator, index: plan.indicators.length + k })),
  };
  return ok({ command, indicators, warnings });
}
