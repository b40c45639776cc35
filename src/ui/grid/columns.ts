/**
 * Column definitions of the plan grid. Values are formatted as text by value formatters; the one
 * cell renderer (status) builds DOM nodes. No string is ever parsed as HTML.
 */
import type { CellClassParams, ColDef, ITooltipParams, ValueFormatterParams, ValueGetterParams, EditableCallbackParams } from 'ag-grid-community';
import type { Periodicity } from '../../engine/model/plan.ts';
import type { TargetStatus } from '../../engine/projection/targets.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';
import type { Messages } from '../i18n/index.ts';
import type { GridRow, IndicatorRow } from './rows.ts';
import { describeRowProblem } from './problems.ts';

export const STATUS_ICON: Record<TargetStatus, string> = { met: '✓', onTrack: '↗', atRisk: '⚠', offTrack: '✕' };

const isIndicator = (row: GridRow | undefined): row is IndicatorRow => row?.kind === 'indicator';

/**
 * The problems that make a period's cell wrong: its own, and those of the whole row that leave
 * every cell without a value (a formula that does not parse, a cycle, a blocked row). A method
 * with nothing to project from only leaves cells blank, which needs no alarm in each cell.
 */
function cellProblems(row: IndicatorRow, period: number) {
  const own = row.problems.get(period) ?? [];
  const whole = (row.problems.get(-1) ?? []).filter((p) => p.code !== 'method');
  return own.length || whole.length ? [...own, ...whole] : null;
}

export interface ColumnContext {
  lang: Lang;
  messages: Messages;
  periodKeys: readonly string[];
  periodicity: Periodicity;
}

export function periodColumnId(period: number): string {
  return `p:${period}`;
}

export function buildColumns(ctx: ColumnContext): ColDef<GridRow>[] {
  const { lang, messages: m } = ctx;
  const decimalsOf = (row: GridRow | undefined) => (isIndicator(row) ? row.indicator.decimals : 0);
  const number = (p: ValueFormatterParams<GridRow>) =>
    typeof p.value === 'number' ? formatNumber(p.value, lang, decimalsOf(p.data)) : '';
  const perPeriod = m.perPeriod[ctx.periodicity];
  const whole = (p: CellClassParams<GridRow>) => (isIndicator(p.data) && p.data.problems.has(-1) ? ['cell-error'] : []);

  const columns: ColDef<GridRow>[] = [
    {
      colId: 'name',
      headerName: m.colIndicator,
      pinned: 'left',
      width: 280,
      editable: (p: EditableCallbackParams<GridRow>) => isIndicator(p.data),
      valueGetter: (p: ValueGetterParams<GridRow>) => p.data?.name ?? '',
      cellClass: (p) => (p.data?.kind === 'group' ? ['cell-group-name'] : p.data && isIndicator(p.data) && p.data.isFormula ? ['cell-name', 'cell-name-formula'] : ['cell-name']),
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
        const row = p.data;
        if (!isIndicator(row)) return undefined;
        const lines: string[] = [];
        if (row.isFormula && row.indicator.projection.method === 'formula') lines.push(`ƒ = ${row.indicator.projection.formula}`);
        if (row.indicator.note) lines.push(`${m.note}: ${row.indicator.note}`);
        if (row.indicator.source) lines.push(`${m.source}: ${row.indicator.source}`);
        return lines.length ? lines.join('\n') : undefined;
      },
    },
    {
      colId: 'unit',
      headerName: m.colUnit,
      pinned: 'left',
      width: 140,
      editable: (p) => isIndicator(p.data),
      valueGetter: (p) => (isIndicator(p.data) ? p.data.unit : ''),
      cellClass: 'cell-unit',
    },
    {
      colId: 'latest',
      headerName: m.colLatest,
      width: 165,
      type: 'rightAligned',
      valueGetter: (p) => (isIndicator(p.data) && p.data.latestPeriod >= 0 ? p.data.latestValue : null),
      valueFormatter: (p) => {
        if (!isIndicator(p.data) || typeof p.value !== 'number') return '';
        return `${formatNumber(p.value, lang, decimalsOf(p.data))} (${ctx.periodKeys[p.data.latestPeriod] ?? ''})`;
      },
    },
    {
      colId: 'target',
      headerName: m.colTarget,
      width: 150,
      type: 'rightAligned',
      editable: (p) => isIndicator(p.data),
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? p.data.target.value : null),
      valueFormatter: number,
      cellClass: (p) => (isIndicator(p.data) ? ['cell-input', 'ag-right-aligned-cell'] : []),
    },
    {
      colId: 'targetPeriod',
      headerName: ctx.periodicity === 'year' ? m.colTargetYear : m.colTargetPeriod,
      width: 90,
      editable: (p) => isIndicator(p.data) && p.data.target !== null,
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? (ctx.periodKeys[p.data.target.period] ?? '') : ''),
      cellClass: (p) => (isIndicator(p.data) && p.data.target ? ['cell-input'] : []),
    },
    {
      colId: 'growthNeeded',
      headerName: m.colGrowthNeeded,
      width: 140,
      type: 'rightAligned',
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? p.data.target.growthNeeded : null),
      valueFormatter: (p) => (typeof p.value === 'number' && Number.isFinite(p.value) ? `${formatPercent(p.value, lang, 2, true)}${perPeriod}` : ''),
    },
    {
      colId: 'status',
      headerName: m.colStatus,
      width: 140,
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? p.data.target.status : null),
      cellRenderer: (p: { value: TargetStatus | null }) => {
        const span = document.createElement('span');
        if (!p.value) return span;
        span.className = `status status-${p.value}`;
        const icon = document.createElement('span');
        icon.className = 'status-icon';
        icon.setAttribute('aria-hidden', 'true');
        icon.textContent = STATUS_ICON[p.value];
        const label = document.createElement('span');
        label.textContent = m.status[p.value];
        span.append(icon, label);
        return span;
      },
    },
    {
      colId: 'probability',
      headerName: m.colProbability,
      width: 120,
      type: 'rightAligned',
      valueGetter: (p) => (isIndicator(p.data) && Number.isFinite(p.data.probability) ? p.data.probability : null),
      valueFormatter: (p) => (typeof p.value === 'number' ? formatPercent(p.value, lang, 0) : ''),
      headerTooltip: m.colProbabilityHint,
    },
    {
      colId: 'projected',
      headerName: m.colProjected,
      width: 160,
      type: 'rightAligned',
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? p.data.target.projected : null),
      valueFormatter: number,
    },
    {
      colId: 'attainment',
      headerName: m.colAttainment,
      width: 110,
      type: 'rightAligned',
      valueGetter: (p) => (isIndicator(p.data) && p.data.target ? p.data.target.attainment : null),
      valueFormatter: (p) => (typeof p.value === 'number' && Number.isFinite(p.value) ? formatPercent(p.value, lang, 1) : ''),
    },
    {
      colId: 'method',
      headerName: m.colMethod,
      width: 130,
      valueGetter: (p) => (isIndicator(p.data) ? m.method[p.data.indicator.projection.method] : ''),
      cellClass: (p) => [...whole(p), ...(isIndicator(p.data) && p.data.origins?.projection ? [p.data.origins.projection.inherited ? 'cell-inherited' : 'cell-overridden'] : [])],
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
        const row = p.data;
        if (!isIndicator(row)) return undefined;
        const problems = row.problems.get(-1);
        return problems?.map((problem) => describeRowProblem(problem, m, lang)).join('\n');
      },
    },
    {
      colId: 'growthRate',
      headerName: m.colGrowthRate,
      width: 140,
      type: 'rightAligned',
      editable: (p) => isIndicator(p.data) && !p.data.isFormula,
      valueGetter: (p) => (isIndicator(p.data) && p.data.indicator.projection.method === 'growth' ? p.data.indicator.projection.rate : null),
      valueFormatter: (p) => (typeof p.value === 'number' ? `${formatPercent(p.value, lang, 2, true)}${perPeriod}` : ''),
      cellClass: (p) => (isIndicator(p.data) && !p.data.isFormula ? ['cell-input', 'ag-right-aligned-cell'] : ['ag-right-aligned-cell']),
    },
  ];

  ctx.periodKeys.forEach((key, period) => {
    columns.push({
      colId: periodColumnId(period),
      headerName: key,
      width: 112,
      type: 'rightAligned',
      editable: (p) => isIndicator(p.data) && !p.data.isFormula,
      valueGetter: (p) => {
        const row = p.data;
        if (!isIndicator(row) || !row.values) return null;
        const v = row.values[period] as number;
        return Number.isNaN(v) ? null : v;
      },
      valueFormatter: (p) => {
        const row = p.data;
        if (isIndicator(row) && cellProblems(row, period)) return m.errorCell;
        return number(p);
      },
      cellClass: (p) => {
        const row = p.data;
        if (!isIndicator(row)) return [];
        const classes: string[] = ['ag-right-aligned-cell'];
        if (row.isFormula) classes.push('cell-formula');
        else classes.push(row.isActual?.[period] ? 'cell-actual' : 'cell-projected');
        if (row.target && row.target.period === period) classes.push('cell-target-period');
        const origin = row.origins?.actuals.get(ctx.periodKeys[period] ?? '');
        if (origin) classes.push(origin.inherited ? 'cell-inherited' : 'cell-overridden');
        if (cellProblems(row, period)) classes.push('cell-error');
        return classes;
      },
      tooltipValueGetter: (p: ITooltipParams<GridRow>) => {
        const row = p.data;
        if (!isIndicator(row)) return undefined;
        const problems = cellProblems(row, period);
        if (problems) return problems.map((problem) => describeRowProblem(problem, m, lang)).join('\n');
        if (row.isFormula) return m.formulaRow;
        const origin = row.origins?.actuals.get(ctx.periodKeys[period] ?? '');
        const kind = row.isActual?.[period] ? m.actualCell : m.projectedCell;
        return origin ? `${kind} · ${origin.inherited ? m.inheritedFrom(origin.scenario) : m.overriddenHere}` : kind;
      },
    });
  });
  for (const column of columns) column.headerTooltip ??= column.headerName;
  return columns;
}
