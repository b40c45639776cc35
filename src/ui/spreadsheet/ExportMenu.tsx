import { createSignal, Show } from 'solid-js';
import type { Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
// Only types and the small names module statically: the converters are imported on first use.
import type { ScenarioResult } from '../../format/spreadsheet/xlsx-export.ts';
import { spreadsheetFileName } from '../../format/spreadsheet/names.ts';
import { lang } from '../i18n/index.ts';
import { notify } from '../notices.ts';
import { downloadFile } from './download.ts';
import { s } from './messages.ts';
import './spreadsheet.css';

export type ExportKind = 'csv-vi' | 'csv-en' | 'xlsx';

/**
 * "Export spreadsheet" in the plan's toolbar: CSV in Vietnamese or English number format, or an
 * Excel workbook with a sheet per scenario. The converters load on the first click (papaparse, and
 * for .xlsx the workbook writer), so none of them weighs on the first page load. The menu does the
 * download itself and reports success or failure as a notice.
 */
export function ExportMenu(props: {
  plan: Plan;
  /** The base computation, as the grid shows it; null while the first computation runs. */
  result: PlanResult | null;
  /** Every scenario's computation for the workbook, base first; default: the base alone. */
  scenarios?: readonly ScenarioResult[];
  /** The scenario `result` belongs to, named on the CSV's first line when given. */
  scenarioName?: string;
}) {
  const [busy, setBusy] = createSignal(false);
  let menu!: HTMLDetailsElement;

  const close = () => {
    menu.open = false;
  };

  const run = async (kind: ExportKind) => {
    close();
    const result = props.result;
    if (!result) {
      notify({ kind: 'error', text: s().notComputed });
      return;
    }
    setBusy(true);
    try {
      switch (kind) {
        case 'csv-vi':
        case 'csv-en': {
          const format = kind === 'csv-vi' ? 'vi' : 'en';
          const { planToCsv } = await import('../../format/spreadsheet/csv-export.ts');
          const text = planToCsv(props.plan, result, {
            lang: format,
            numberFormat: format,
            ...(props.scenarioName !== undefined ? { scenarioName: props.scenarioName } : {}),
          });
          const fileName = spreadsheetFileName(props.plan.name, 'csv', format === 'en' ? 'en' : undefined);
          downloadFile(fileName, text, 'text/csv;charset=utf-8');
          notify({ kind: 'info', text: s().exported(fileName) });
          return;
        }
        case 'xlsx': {
          const { planToXlsx, XLSX_MIME } = await import('../../format/spreadsheet/xlsx-export.ts');
          const given = props.scenarios ?? [];
          const [first, ...rest] = given.length > 0 ? given : [{ scenarioName: s().baseScenario, result }];
          const bytes = await planToXlsx(props.plan, [first as ScenarioResult, ...rest], { lang: lang() });
          const fileName = spreadsheetFileName(props.plan.name, 'xlsx');
          downloadFile(fileName, bytes, XLSX_MIME);
          notify({ kind: 'info', text: s().exported(fileName) });
          return;
        }
      }
    } catch (error) {
      // Only a chunk that cannot load (offline before it was ever fetched) or the writer failing.
      notify({ kind: 'error', text: s().exportFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details
      ref={menu}
      class="export-menu"
      data-testid="export-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && menu.open) {
          event.preventDefault();
          close();
          menu.querySelector('summary')?.focus();
        }
      }}
    >
      <summary class="button" aria-busy={busy()}>
        ⇩ {s().exportMenu}
        <Show when={busy()}>
          <span class="export-busy" role="status"> · {s().exporting}</span>
        </Show>
      </summary>
      <div class="export-menu-items" role="group" aria-label={s().exportMenu}>
        <button type="button" class="button" disabled={busy()} title={s().csvViHint} onClick={() => void run('csv-vi')} data-testid="export-csv-vi">{s().csvVi}</button>
        <button type="button" class="button" disabled={busy()} title={s().csvEnHint} onClick={() => void run('csv-en')} data-testid="export-csv-en" lang="en">{s().csvEn}</button>
        <button type="button" class="button" disabled={busy()} title={s().xlsxHint} onClick={() => void run('xlsx')} data-testid="export-xlsx">{s().xlsx}</button>
      </div>
    </details>
  );
}

export default ExportMenu;
