/**
 * The plan grid: AG Grid Community mounted with createGrid (there is no maintained Solid wrapper),
 * in read-only-edit mode so that every edit arrives as a request we turn into a command.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, onMount } from 'solid-js';
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ModuleRegistry,
  ValidationModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  TextEditorModule,
  TooltipModule,
  createGrid,
  themeQuartz,
  type CellEditRequestEvent,
  type GridApi,
  type IRowNode,
} from 'ag-grid-community';
import type { Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { lang, t } from '../i18n/index.ts';
import { buildColumns } from './columns.ts';
import { createRowBuilder, rowChange, type GridRow, type TargetProbabilities } from './rows.ts';
import type { IndicatorOverrideOrigins } from '../../engine/scenarios/index.ts';
import { editCell, type EditOutcome } from './edits.ts';
import { createHeldEnter, type HeldEnter } from './held-enter.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import { applyCommand, type Command } from '../../engine/commands/index.ts';
import { detectNumberFormat, parseTsv, readPastedNumber, toTsv } from './clipboard.ts';
import { inRange, rangeBetween, rangeSize, type CellPosition, type CellRange } from './selection.ts';

ModuleRegistry.registerModules([
  CellApiModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  TextEditorModule,
  CellStyleModule,
  RowStyleModule,
  TooltipModule,
  RenderApiModule,
  RowApiModule,
]);
// Full messages about missing modules while developing; the production build leaves them out.
if (import.meta.env.DEV) ModuleRegistry.registerModules([ValidationModule]);

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
  probabilities?: TargetProbabilities;
  overrides?: ReadonlyMap<string, IndicatorOverrideOrigins>;
  /**
   * A typed edit. `withResult`: the committing key is held until the result shows, so nothing of
   * the edit should show before it either, and `beforeShow` (which gives the key to AG Grid) runs
   * just before it shows (the session's `DispatchOptions`).
   */
  onEdit(outcome: Extract<EditOutcome, { kind: 'command' }>, options?: { withResult?: boolean; beforeShow?: () => void }): void;
  onInvalid(message: string, details?: string[]): void;
  onFocusIndicator?(id: string | null): void;
  /** The group whose heading row has the focus (`''` for the ungrouped heading), or null. */
  onFocusGroup?(id: string | null): void;
}

export function PlanGrid(props: PlanGridProps) {
  let container!: HTMLDivElement;
  let api: GridApi<GridRow> | undefined;
  // Range selection (AG Grid Community has none): Shift+arrows or Shift+click extend it. It is
  // taken from the click or key itself: AG Grid reports the focus change later, sometimes after
  // Shift is released or the next key is down.
  let anchor: CellPosition | null = null;
  let extent: CellPosition | null = null;
  const [selection, setSelection] = createSignal<CellRange | null>(null);
  let rowOrder = '';
  let shownResult: PlanResult | null = null;
  const buildRows = createRowBuilder();
  let shown = new Map<string, GridRow>();
  let selectedRowId: string | null = null;
  const select = (from: CellPosition, to: CellPosition) => {
    anchor = from;
    extent = to;
    const before = selection();
    const after = rangeBetween(from, to);
    setSelection(after);
    // Repaint only the cells that enter or leave the selection.
    if (!api) return;
    const top = Math.min(before?.top ?? after.top, after.top);
    const bottom = Math.max(before?.bottom ?? after.bottom, after.bottom);
    const left = Math.min(before?.left ?? after.left, after.left);
    const right = Math.max(before?.right ?? after.right, after.right);
    const columns = api.getAllDisplayedColumns().slice(left, right + 1);
    const rowNodes = [];
    for (let r = top; r <= bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (node) rowNodes.push(node);
    }
    api.refreshCells({ rowNodes, columns, force: true });
  };
  const positionOf = (target: EventTarget | null): CellPosition | null => {
    const cellElement = target instanceof Element ? target.closest('.ag-cell') : null;
    const rowElement = cellElement?.closest('.ag-row');
    const colId = cellElement?.getAttribute('col-id');
    const rowIndex = Number(rowElement?.getAttribute('row-index'));
    if (!api || !colId || !Number.isInteger(rowIndex)) return null;
    const column = api.getAllDisplayedColumns().findIndex((c) => c.getColId() === colId);
    return column < 0 ? null : { row: rowIndex, column };
  };
  /** The selection, or the focused cell when there is none yet. */
  const currentRange = (): CellRange | null => {
    const range = selection();
    if (range) return range;
    const focused = api?.getFocusedCell();
    if (!api || !focused) return null;
    const column = api.getAllDisplayedColumns().indexOf(focused.column);
    return column < 0 ? null : rangeBetween({ row: focused.rowIndex, column }, { row: focused.rowIndex, column });
  };

  // The plan's own periods: a result may still be the previous plan's for a moment.
  // An edit keeps the calendar object, so the periods are not listed again for every edit.
  const calendar = createMemo(() => props.plan.calendar);
  const periodKeys = createMemo(() => [...periodIndex(calendar()).keys], undefined, {
    equals: (a, b) => a.length === b.length && a.every((key, i) => key === b[i]),
  });

  // Whoever follows the focused row (the inspector) hears of it at once, except while an edit's
  // result is on its way: Enter moves the focus down as it commits, and redrawing the inspector
  // then would stand between the worker's answer and the frame that shows it. It hears after that
  // frame (or after a short wait if no result comes).
  let resultAwaited: ReturnType<typeof setTimeout> | null = null;
  /** The focused row as its followers hear of it: an indicator, a group heading, or neither. */
  type FocusedRow = { indicator: string | null; group: string | null };
  let heldFocus: FocusedRow | null = null;
  const tellFocus = (row: FocusedRow) => {
    props.onFocusIndicator?.(row.indicator);
    props.onFocusGroup?.(row.group);
  };
  const reportFocus = (row: FocusedRow) => {
    if (resultAwaited !== null) {
      heldFocus = row;
      return;
    }
    heldFocus = null;
    tellFocus(row);
  };
  const awaitResult = () => {
    if (resultAwaited !== null) clearTimeout(resultAwaited);
    resultAwaited = setTimeout(resultShown, 300);
  };
  const resultShown = () => {
    if (resultAwaited === null) return;
    clearTimeout(resultAwaited);
    resultAwaited = null;
    if (!heldFocus) return;
    const tell = () => {
      const row = heldFocus;
      heldFocus = null;
      if (row) tellFocus(row);
    };
    // After the frame; a hidden page draws none, so a timer too.
    requestAnimationFrame(() => setTimeout(tell, 0));
    setTimeout(tell, 100);
  };

  /**
   * A typed value, however the editor closed: the one road from the grid to a command. Says
   * whether it became one (and a result is on its way).
   */
  const commitEdit = (row: GridRow | undefined, colId: string, value: unknown, withResult = false): boolean => {
    if (row?.kind !== 'indicator') return false;
    const outcome = editCell(row, colId, value, { plan: props.plan, periodKeys: periodKeys(), lang: lang(), messages: t() });
    if (outcome.kind === 'command') {
      awaitResult();
      props.onEdit(outcome, withResult ? { withResult, beforeShow: () => held?.release() } : {});
      return true;
    }
    if (outcome.kind === 'invalid') props.onInvalid(outcome.message);
    return false;
  };

  // AG Grid hands a finished edit over in a setTimeout after the editor closes: a frame or more
  // lost, and an edit lost if the page goes away meanwhile. Enter and Tab, the usual ways to end
  // an edit, are committed here, in their own keydown; AG Grid's later request for that same edit
  // is its echo and is dropped. Other ways (a click elsewhere, focus leaving) still go through
  // AG Grid's request.
  // More than one can wait: a fast typist's next Enter can come before AG Grid's request for the
  // last one (its timer waits while keys are handled), and a single slot then took that request
  // for a new edit, made from the row as it was before.
  type Echo = { rowId: string; colId: string; value: unknown };
  const echoes: Echo[] = [];
  // AG Grid queues its request while it handles the key; a timer set from a timer set then runs
  // after it, so an echo that never comes is forgotten.
  const forgetEchoSoon = (echo: Echo) => {
    setTimeout(() => setTimeout(() => {
      const at = echoes.indexOf(echo);
      if (at >= 0) echoes.splice(at, 1);
    }, 0), 0);
  };
  // The committing key waits for the result (at most 50 ms: a slow answer must not hold the grid).
  let held: HeldEnter | undefined;
  const commitOnKey = (event: KeyboardEvent) => {
    if ((event.key !== 'Enter' && event.key !== 'Tab') || event.isComposing || !api || held?.replaying) return;
    // With Ctrl, Alt or Meta the key may not end the edit; AG Grid's request covers those.
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const [editing] = api.getEditingCells();
    if (!editing || editing.rowPinned) return;
    const node = api.getDisplayedRowAtIndex(editing.rowIndex);
    const [editor] = node ? api.getCellEditorInstances({ rowNodes: [node], columns: [editing.colId] }) : [];
    if (!node?.id || !editor) return;
    const value = editor.getValue();
    // As AG Grid does: a value the editor did not change is not an edit.
    if (value === editing.oldValue) return;
    const echo: Echo = { rowId: node.id, colId: editing.colId, value };
    echoes.push(echo);
    // Held, AG Grid gets the key (and queues its request) only when it is released.
    if (commitEdit(node.data, editing.colId, value, held !== undefined) && held) held.hold(event, () => forgetEchoSoon(echo));
    else forgetEchoSoon(echo);
  };

  const onCellEditRequest = (event: CellEditRequestEvent<GridRow>) => {
    const colId = event.column.getColId();
    const at = echoes.findIndex((e) => e.rowId === event.node.id && e.colId === colId && Object.is(e.value, event.newValue));
    if (at >= 0) {
      echoes.splice(at, 1);
      return;
    }
    commitEdit(event.data, colId, event.newValue);
  };

  const isEditing = () => (api?.getEditingCells().length ?? 0) > 0;

  /** The cells of the selection as text, the way they are shown. */
  const copySelection = (event: ClipboardEvent) => {
    const range = currentRange();
    if (!api || !range || isEditing()) return;
    const columns = api.getAllDisplayedColumns();
    const lines: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      if (!node) continue;
      const line: string[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const column = columns[c];
        line.push(column ? String(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }) ?? '') : '');
      }
      lines.push(line);
    }
    event.clipboardData?.setData('text/plain', toTsv(lines));
    event.preventDefault();
  };

  /**
   * A block pasted at the selection's top-left cell, as one undoable step. Each cell goes through
   * the same path as typing it; cells that cannot take a value are listed, the rest applied.
   */
  const pasteBlock = (event: ClipboardEvent) => {
    const range = currentRange();
    const text = event.clipboardData?.getData('text/plain');
    if (!api || !range || isEditing() || !text) return;
    event.preventDefault();
    const block = parseTsv(text);
    const format = detectNumberFormat(block.flat(), lang());
    const columns = api.getAllDisplayedColumns();
    const keys = periodKeys();
    let working = props.plan;
    const commands: Command[] = [];
    const problems: string[] = [];
    block.forEach((cells, r) => {
      const node = api?.getDisplayedRowAtIndex(range.top + r);
      cells.forEach((value, c) => {
        const column = columns[range.left + c];
        if (!node || !column) return;
        const data = node.data;
        if (data?.kind !== 'indicator') return;
        const indicator = working.indicators.find((i) => i.id === data.indicator.id);
        if (!indicator) return;
        const row = { ...data, indicator };
        const outcome = editCell(row, column.getColId(), value, {
          plan: working, periodKeys: keys, lang: lang(), messages: t(),
          readNumber: (input, unit) => readPastedNumber(input, format, unit),
        });
        if (outcome.kind === 'invalid') problems.push(`${data.name} · ${column.getColDef().headerName ?? ''}: ${outcome.message}`);
        if (outcome.kind !== 'command') return;
        const applied = applyCommand(working, outcome.command, working.updatedAt);
        if (!applied.ok) return;
        working = applied.value.plan;
        commands.push(outcome.command);
      });
    });
    const size = `${block.length} × ${Math.max(...block.map((cells) => cells.length))}`;
    if (commands.length > 0) props.onEdit({ kind: 'command', command: { type: 'batch', commands }, label: t().pasted(size) });
    if (problems.length > 0) props.onInvalid(t().pasteProblems(problems.length), problems.slice(0, 20));
  };

  /** Ctrl+R fills the selection rightwards from its left column, Ctrl+D downwards; Delete clears. */
  const fillOrClear = (event: KeyboardEvent) => {
    const range = currentRange();
    if (!api || !range || isEditing()) return;
    const key = event.key.toLowerCase();
    const fill = (event.ctrlKey || event.metaKey) && (key === 'r' || key === 'd');
    const clear = event.key === 'Delete' && !event.ctrlKey && !event.metaKey;
    if (!fill && !clear) return;
    event.preventDefault();
    event.stopPropagation();
    const columns = api.getAllDisplayedColumns();
    const keys = periodKeys();
    let working = props.plan;
    const commands: Command[] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const node = api.getDisplayedRowAtIndex(r);
      const data = node?.data;
      if (!node || data?.kind !== 'indicator') continue;
      for (let c = range.left; c <= range.right; c++) {
        const column = columns[c];
        if (!column) continue;
        let value = '';
        if (fill) {
          if (key === 'r' && c === range.left) continue;
          if (key === 'd' && r === range.top) continue;
          const sourceNode = key === 'd' ? api.getDisplayedRowAtIndex(range.top) : node;
          const sourceColumn = key === 'r' ? columns[range.left] : column;
          if (!sourceNode || !sourceColumn) continue;
          value = String(api.getCellValue({ rowNode: sourceNode, colKey: sourceColumn, useFormatter: true }) ?? '');
        }
        const indicator = working.indicators.find((i) => i.id === data.indicator.id);
        if (!indicator || !column.isCellEditable(node)) continue;
        const outcome = editCell({ ...data, indicator }, column.getColId(), value, { plan: working, periodKeys: keys, lang: lang(), messages: t() });
        if (outcome.kind !== 'command') continue;
        const applied = applyCommand(working, outcome.command, working.updatedAt);
        if (!applied.ok) continue;
        working = applied.value.plan;
        commands.push(outcome.command);
      }
    }
    if (commands.length > 0) props.onEdit({ kind: 'command', command: { type: 'batch', commands }, label: fill ? t().filled : t().cleared });
  };

  const STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const onPointerDown = (event: PointerEvent) => {
    const here = positionOf(event.target);
    if (!here) return;
    if (event.shiftKey && anchor) select(anchor, here);
    else select(here, here);
  };
  const onShiftArrow = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    if (!step || !api || isEditing()) return;
    const from = extent ?? (() => { const r = currentRange(); return r ? { row: r.top, column: r.left } : null; })();
    if (!from) return;
    const next = {
      row: Math.min(Math.max(from.row + step[0], 0), api.getDisplayedRowCount() - 1),
      column: Math.min(Math.max(from.column + step[1], 0), api.getAllDisplayedColumns().length - 1),
    };
    // Shift+arrow extends from the anchor; a plain arrow moves a single-cell selection.
    if (event.shiftKey) select(anchor ?? from, next);
    else select(next, next);
  };

  // A closed cell editor leaves the document's caret behind, in the grid's text where the editor
  // was (or the nearest selectable text). Every later focus move between cells then makes Chromium
  // work out where that caret is for the input method, walking the grid's DOM: about 2 ms a move,
  // on the way of every Enter. A caret outside any editable field shows nothing and does nothing
  // here, so it goes when a cell takes the focus (an editor's own caret is not touched).
  const dropStrayCaret = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.classList.contains('ag-cell')) return;
    const selection = document.getSelection();
    if (selection?.type === 'Caret') selection.removeAllRanges();
  };

  onMount(() => {
    container.addEventListener('focusin', dropStrayCaret);
    container.addEventListener('copy', copySelection);
    container.addEventListener('paste', pasteBlock);
    held = createHeldEnter(container, 50);
    // First of the grid's own listeners: a key pressed during a hold waits its turn.
    container.addEventListener('keydown', (event) => { held?.intercept(event); }, true);
    container.addEventListener('keydown', fillOrClear, true);
    container.addEventListener('keydown', onShiftArrow, true);
    container.addEventListener('keydown', commitOnKey, true);
    container.addEventListener('pointerdown', onPointerDown, true);
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
      defaultColDef: {
        cellClassRules: {
          'cell-selected': (p) => {
            const range = selection();
            if (!range || !api || rangeSize(range).rows * rangeSize(range).columns < 2) return false;
            return inRange(range, p.node.rowIndex ?? -1, api.getAllDisplayedColumns().indexOf(p.column));
          },
        },
      },
      getRowClass: (p) => (p.data?.kind === 'group' ? 'row-group' : p.data?.kind === 'indicator' && p.data.isFormula ? 'row-formula' : undefined),
      columnDefs: buildColumns({ lang: lang(), messages: t(), periodKeys: periodKeys(), periodicity: props.plan.calendar.periodicity }),
      rowData: buildRows(props.plan, props.result, lang(), t().ungrouped, props.probabilities, props.overrides),
      onCellEditRequest,
      onCellFocused: (event) => {
        if (event.rowIndex === null || event.rowIndex === undefined || !api) return;
        const column = typeof event.column === 'object' && event.column ? api.getAllDisplayedColumns().indexOf(event.column) : -1;
        // Focus that lands outside the selection (Tab, Enter, a click AG Grid reports late) starts
        // anew; focus inside it is the late report of the click or key that made it.
        if (column >= 0 && !inRange(selection(), event.rowIndex, column)) {
          select({ row: event.rowIndex, column }, { row: event.rowIndex, column });
        }
        const node = api.getDisplayedRowAtIndex(event.rowIndex);
        selectedRowId = node?.data?.rowId ?? null;
        reportFocus({
          indicator: node?.data?.kind === 'indicator' ? node.data.indicator.id : null,
          group: node?.data?.kind === 'group' ? node.data.rowId.slice(2) : null,
        });
      },
    });
  });

  // Column definitions change only with the language or the calendar, not with every result.
  const columnsKey = createMemo(() => `${lang()}|${props.plan.calendar.periodicity}|${periodKeys().join('|')}`);
  createEffect(on(
    columnsKey,
    () => {
      const language = lang();
      const periodicity = props.plan.calendar.periodicity;
      api?.setGridOption('columnDefs', buildColumns({ lang: language, messages: t(), periodKeys: periodKeys(), periodicity }));
    },
    { defer: true },
  ));

  createEffect(on(
    () => [props.plan, props.result, lang(), props.probabilities, props.overrides] as const,
    ([plan, result, language, probabilities, overrides]) => {
      if (!api) return;
      const rows = buildRows(plan, result, language, t().ungrouped, probabilities, overrides);
      const order = rows.map((row) => row.rowId).join('\n');
      // Row ids keep rows (and focus) across updates, but a reordered plan needs the rows laid
      // out anew: AG Grid keeps its own order for rows it already has.
      if (order !== rowOrder && rowOrder !== '') {
        const focusedCell = api.getFocusedCell();
        api.setGridOption('rowData', []);
        api.setGridOption('rowData', rows);
        // Only when the grid had the focus: a Move button in a panel keeps it.
        if (focusedCell && selectedRowId && container.contains(document.activeElement)) {
          const index = rows.findIndex((row) => row.rowId === selectedRowId);
          if (index >= 0) api.setFocusedCell(index, focusedCell.column);
        }
      } else if (rowOrder === '') {
        api.setGridOption('rowData', rows);
      } else {
        showChanges(api, rows);
      }
      shown = new Map(rows.map((row) => [row.rowId, row]));
      rowOrder = order;
      if (result !== shownResult) {
        shownResult = result;
        resultShown();
      }
    },
    { defer: true },
  ));

  /**
   * Only the rows whose content changed go to the grid, each node on its own: a transaction would
   * make AG Grid walk all its rows to place them, twice per edit (the new plan, then its result),
   * though an edit moves a few hundred rows of which a screenful is drawn.
   */
  const showChanges = (grid: GridApi<GridRow>, rows: GridRow[]) => {
    const redraw: IRowNode<GridRow>[] = [];
    for (const row of rows) {
      const change = rowChange(shown.get(row.rowId), row);
      if (change === 'none') continue;
      const node = grid.getRowNode(row.rowId);
      if (!node) continue;
      switch (change) {
        // The grid compares each drawn cell's value and redraws those that differ.
        case 'values': node.updateData(row); break;
        // Every drawn cell of the row again: its classes may change where its value does not.
        case 'classes': node.setData(row); break;
        case 'row':
          node.setData(row);
          redraw.push(node);
          break;
      }
    }
    if (redraw.length > 0) grid.redrawRows({ rowNodes: redraw });
  };

  onCleanup(() => {
    api?.destroy();
    api = undefined;
  });

  return <div class="plan-grid" ref={container} role="presentation" data-testid="plan-grid" />;
}
