/**
 * The grid as a table, the one shape both spreadsheet writers (CSV and .xlsx) start from: a row per
 * indicator in the grid's order (by group, then the ungrouped), its values per period, and the
 * primary target with its assessment. Cells are typed, so each writer decides how a number, a
 * percentage or a period looks in its format; nothing here is formatted text.
 */
import type { Indicator, Periodicity, Plan } from '../schema.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import { SHEET_LABELS } from './labels.ts';

export type TableCell =
  | { kind: 'text'; text: string }
  /** A period key (`2024`, `2024-Q1`): a year can be a number in a workbook. */
  | { kind: 'period'; key: string }
  /** `projected` values are computed by the engine; actuals and targets were typed by a planner. */
  | { kind: 'value'; value: number; decimals: number; origin: 'actual' | 'projected' | 'target' }
  /** A fraction shown as a percentage (0.0816 is 8.16 %). */
  | { kind: 'percent'; fraction: number }
  | null;

export interface PlanTable {
  header: string[];
  rows: TableCell[][];
  /** Column of the indicator's name (after the group column when there is one). */
  nameColumn: number;
  /** Columns holding one period each, in calendar order. */
  periodColumns: { first: number; count: number };
  periodicity: Periodicity;
}

function localized(text: { vi: string; en?: string | undefined }, lang: Lang): string {
  return lang === 'en' && text.en ? text.en : text.vi;
}

/** Indicators in the grid's order: each group's members in plan order, then the rest. */
function gridOrder(plan: Plan): Indicator[] {
  const ordered: Indicator[] = [];
  const placed = new Set<string>();
  for (const group of plan.groups) {
    for (const indicator of plan.indicators) {
      if (indicator.group === group.id && !placed.has(indicator.id)) {
        ordered.push(indicator);
        placed.add(indicator.id);
      }
    }
  }
  for (const indicator of plan.indicators) if (!placed.has(indicator.id)) ordered.push(indicator);
  return ordered;
}

const finiteOrNull = <T>(value: number, cell: (v: number) => T): T | null => (Number.isFinite(value) ? cell(value) : null);

export function planTable(plan: Plan, result: PlanResult, lang: Lang): PlanTable {
  const labels = SHEET_LABELS[lang];
  const periodicity = plan.calendar.periodicity;
  const grouped = plan.indicators.some((i) => i.group !== undefined);
  const groupNames = new Map(plan.groups.map((g) => [g.id, localized(g.name, lang)]));
  const keys = result.periodKeys;
  const n = keys.length;
  // A result computed before the latest structural edit may not know every indicator yet.
  const rowOf = new Map(result.ids.map((id, row) => [id, row]));

  const header = [
    ...(grouped ? [labels.group] : []),
    labels.indicator,
    labels.unit,
    labels.actualsThrough,
    ...keys,
    labels.targetPeriod[periodicity],
    labels.target,
    labels.growthNeeded[periodicity],
    labels.attainment,
    labels.status,
  ];

  const rows = gridOrder(plan).map((indicator): TableCell[] => {
    const row = rowOf.get(indicator.id);
    const summary = row === undefined ? undefined : result.indicators[row];
    const values: TableCell[] = [];
    for (let t = 0; t < n; t++) {
      const at = (row ?? -1) * n + t;
      const value = row === undefined ? NaN : (result.values[at] as number);
      values.push(finiteOrNull(value, (v) => ({
        kind: 'value',
        value: v,
        decimals: indicator.decimals,
        origin: result.isActual[at] === 1 ? 'actual' : 'projected',
      })));
    }
    const latest = summary?.latest ?? -1;
    const target = summary && summary.primary >= 0 ? summary.targets[summary.primary] : undefined;
    const groupName = indicator.group === undefined ? '' : (groupNames.get(indicator.group) ?? '');
    return [
      ...(grouped ? [groupName ? { kind: 'text' as const, text: groupName } : null] : []),
      { kind: 'text', text: localized(indicator.name, lang) },
      { kind: 'text', text: localized(indicator.unit, lang) },
      latest >= 0 ? { kind: 'period', key: keys[latest] as string } : null,
      ...values,
      target ? { kind: 'period', key: keys[target.period] as string } : null,
      target ? finiteOrNull(target.value, (v) => ({ kind: 'value', value: v, decimals: indicator.decimals, origin: 'target' })) : null,
      target ? finiteOrNull(target.growthNeeded, (f) => ({ kind: 'percent', fraction: f })) : null,
      target ? finiteOrNull(target.attainment, (f) => ({ kind: 'percent', fraction: f })) : null,
      target ? { kind: 'text', text: labels.statuses[target.status] } : null,
    ];
  });

  const nameColumn = grouped ? 1 : 0;
  return { header, rows, nameColumn, periodColumns: { first: nameColumn + 3, count: n }, periodicity };
}
