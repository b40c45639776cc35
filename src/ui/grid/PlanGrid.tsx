/**
 * The plan grid: AG Grid Community mounted with createGrid (there is no maintained Solid wrapper),
 * in read-only-edit mode so that every edit arrives as a request we turn into a command.
 */
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  TextEditorModule,
  TooltipModule,
  createGrid,
  themeQuartz,
  type CellEditRequestEvent,
  type GridApi,
} from 'ag-grid-community';
import type { Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { lang, t } from '../i18n/index.ts';
import { buildColumns } from './columns.ts';
import { buildRows, type GridRow } from './rows.ts';
import { editCell, type EditOutcome } from './edits.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';

ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  TextEditorModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  RenderApiModule,
  RowApiModule,
]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  rowHeight: 36,
  headerHeight: 40,
  spacing: 6,
  accentColor: '#0b6e4f',
  headerBackgroundColor: '#f3f6f4',
});

export interface PlanGridProps {
  plan: Plan;
  result: PlanResult | null;
  onEdit(outcome: Extract<EditOutcome, { kind: 'command' }>): void;
  onInvalid(message: string): void;
  onFocusIndicator?(id: string | null): void;
}

export function PlanGrid(props: PlanGridProps) {
  let container!: HTMLDivElement;
  let api: GridApi<GridRow> | undefined;

  const periodKeys = () => {
    // The result's periods when it matches the plan's calendar; otherwise the calendar's own.
    const keys = props.result?.periodKeys;
    return keys ?? [...periodIndex(props.plan.calendar).keys];
  };

  const onCellEditRequest = (event: CellEditRequestEvent<GridRow>) => {
    const row = event.data;
    const colId = event.column.getColId();
    if (row?.kind !== 'indicator') return;
    const outcome = editCell(row, colId, event.newValue, { plan: props.plan, periodKeys: periodKeys(), lang: lang(), messages: t() });
    if (outcome.kind === 'command') props.onEdit(outcome);
    else if (outcome.kind === 'invalid') props.onInvalid(outcome.message);
  };

  onMount(() => {
    api = createGrid<GridRow>(container, {
      theme,
      readOnlyEdit: true,
      singleClickEdit: false,
      stopEditingWhenCellsLoseFocus: true,
      enterNavigatesVerticallyAfterEdit: true,
      tooltipShowDelay: 400,
      suppressMovableColumns: true,
      // A plan of a few dozen periods renders every column: find-in-page and screen readers see
      // them all. Long monthly plans keep AG Grid's column virtualisation.
      suppressColumnVirtualisation: periodKeys().length <= 40,
      getRowId: (p) => p.data.rowId,
      getRowClass: (p) => (p.data?.kind === 'group' ? 'row-group' : p.data?.kind === 'indicator' && p.data.isFormula ? 'row-formula' : undefined),
      columnDefs: buildColumns({ lang: lang(), messages: t(), periodKeys: periodKeys(), periodicity: props.plan.calendar.periodicity }),
      rowData: buildRows(props.plan, props.result, lang(), t().ungrouped),
      onCellEditRequest,
      onCellFocused: (event) => {
        if (!props.onFocusIndicator || event.rowIndex === null || event.rowIndex === undefined || !api) return;
        const node = api.getDisplayedRowAtIndex(event.rowIndex);
        props.onFocusIndicator(node?.data?.kind === 'indicator' ? node.data.indicator.id : null);
      },
    });
  });

  createEffect(on(
    () => [lang(), periodKeys().join('|'), props.plan.calendar.periodicity] as const,
    ([language, , periodicity]) => {
      api?.setGridOption('columnDefs', buildColumns({ lang: language, messages: t(), periodKeys: periodKeys(), periodicity }));
    },
    { defer: true },
  ));

  createEffect(on(
    () => [props.plan, props.result, lang()] as const,
    ([plan, result, language]) => {
      if (!api) return;
      api.setGridOption('rowData', buildRows(plan, result, language, t().ungrouped));
      // Values are derived in value getters: refresh so cells whose row object is reused repaint.
      api.refreshCells();
    },
    { defer: true },
  ));

  onCleanup(() => {
    api?.destroy();
    api = undefined;
  });

  return <div class="plan-grid" ref={container} role="presentation" data-testid="plan-grid" />;
}
