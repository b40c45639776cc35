import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import type { Command } from '../../engine/commands/commands.ts';
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import { formatNumber } from '../../i18n/numbers.ts';
import {
  CSV_LIMITS,
  csvImportCommand,
  describeCsvIssue,
  parseIndicatorsCsv,
  type CsvEncoding,
  type CsvImport,
  type CsvIssue,
  type CsvPlanChange,
} from '../../format/spreadsheet/index.ts';
import { Dialog } from '../Dialog.tsx';
import { lang } from '../i18n/index.ts';
import { readCsvFile } from './read-csv.ts';
import { s } from './messages.ts';
import './spreadsheet.css';

type State =
  | { kind: 'empty' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'unreadable'; fileName: string }
  | { kind: 'refused'; fileName: string; errors: CsvIssue[] }
  | { kind: 'ready'; fileName: string; encoding: CsvEncoding; imported: CsvImport; change: CsvPlanChange };

/** Rows shown in the preview; the count says how many more there are. */
const PREVIEW_ROWS = 50;

/**
 * Indicators from a CSV file into the open plan: pick a file (or be given one, e.g. dropped),
 * see how it was read and what will be added — or every problem with its row and column — then add
 * them all as one command, which the caller dispatches (one step for undo).
 */
export function CsvImportDialog(props: {
  plan: Plan;
  /** A file chosen elsewhere (dropped on the page); the dialog reads it at once. */
  file?: File;
  /** The batch of addIndicator commands, and a label for the undo history. */
  onImport: (command: Command, label: string) => void;
  onClose: () => void;
}) {
  const [state, setState] = createSignal<State>({ kind: 'empty' });
  let picker!: HTMLInputElement;

  const load = async (file: File) => {
    const fileName = file.name;
    setState({ kind: 'reading', fileName });
    const read = await readCsvFile(file);
    if (!read.ok) {
      if (read.reason === 'unreadable') return setState({ kind: 'unreadable', fileName });
      return setState({ kind: 'refused', fileName, errors: [{ level: 'error', code: 'tooLarge', limit: CSV_LIMITS.characters, actual: read.bytes }] });
    }
    const parsed = parseIndicatorsCsv(read.text, { lang: lang() });
    if (!parsed.ok) return setState({ kind: 'refused', fileName, errors: parsed.error });
    const change = csvImportCommand(props.plan, parsed.value);
    if (!change.ok) return setState({ kind: 'refused', fileName, errors: change.error });
    setState({ kind: 'ready', fileName, encoding: read.encoding, imported: parsed.value, change: change.value });
  };

  onMount(() => {
    if (props.file) void load(props.file);
  });

  const fileName = () => {
    const current = state();
    return current.kind === 'empty' ? null : current.fileName;
  };
  const errors = () => {
    const current = state();
    return current.kind === 'refused' ? current.errors : null;
  };
  const ready = () => {
    const current = state();
    return current.kind === 'ready' ? current : null;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const current = ready();
    if (!current || current.change.indicators.length === 0) return;
    props.onImport(current.change.command, s().undoLabel(current.change.indicators.length, current.fileName));
  };

  return (
    <Dialog title={s().importTitle} onClose={props.onClose} testId="csv-import-dialog">
      <form class="csv-import" onSubmit={submit}>
        <p class="csv-hint">{s().fileHint}</p>
        <div class="csv-file-row">
          <button type="button" class="button" onClick={() => picker.click()} data-testid="csv-choose">{s().chooseFile}</button>
          <input
            ref={picker}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            class="visually-hidden"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="csv-file-input"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void load(file);
            }}
          />
          <Show when={fileName()}>
            {(name) => <span class="csv-file-name">{s().fileLabel}: {name()}</span>}
          </Show>
        </div>

        <div aria-live="polite">
          <Switch>
            <Match when={state().kind === 'reading'}>
              <p>{s().reading(fileName() ?? '')}</p>
            </Match>
            <Match when={state().kind === 'unreadable'}>
              <p class="field-error" role="alert">{s().readFailed(fileName() ?? '')}</p>
            </Match>
            <Match when={errors()}>
              {(list) => <IssueList title={s().errorsTitle(list().filter((e) => e.code !== 'moreIssues').length)} issues={list()} kind="error" />}
            </Match>
            <Match when={ready()}>
              {(current) => <Preview plan={props.plan} current={current()} />}
            </Match>
          </Switch>
        </div>

        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>{s().cancel}</button>
          <button
            type="submit"
            class="button button-primary"
            disabled={(ready()?.change.indicators.length ?? 0) === 0}
            data-testid="csv-import-submit"
          >
            {s().add(ready()?.change.indicators.length ?? 0)}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function IssueList(props: { title: string; issues: CsvIssue[]; kind: 'error' | 'warning' }) {
  return (
    <div class={`csv-issues csv-issues-${props.kind}`} role={props.kind === 'error' ? 'alert' : undefined} data-testid={`csv-${props.kind}s`}>
      <p class="csv-issues-title">{props.title}</p>
      <ul>
        <For each={props.issues}>{(issue) => <li>{describeCsvIssue(issue, lang())}</li>}</For>
      </ul>
    </div>
  );
}

function delimiterName(delimiter: string): string {
  return s().delimiter[delimiter] ?? s().otherDelimiter(delimiter);
}

function Preview(props: { plan: Plan; current: Extract<State, { kind: 'ready' }> }) {
  const indicators = () => props.current.change.indicators;
  const warnings = () => [...props.current.imported.warnings, ...props.current.change.warnings];
  // Only the periods that will be stored: those of the file inside the plan's calendar.
  const periods = () => [...new Set(indicators().flatMap((i) => Object.keys(i.actuals)))].sort();
  const rowOf = (index: number) => props.current.imported.rows[index];
  const detected = () => props.current.imported.detected;
  const cell = (indicator: Indicator, key: string) => {
    const value = indicator.actuals[key];
    return value === undefined ? '' : formatNumber(value, lang(), indicator.decimals);
  };
  const target = (indicator: Indicator) => {
    const first = indicator.targets[0];
    return first ? s().targetIn(formatNumber(first.value, lang(), indicator.decimals), first.period) : '';
  };

  return (
    <>
      <dl class="csv-detected" data-testid="csv-detected">
        <dt>{s().delimiterLabel}</dt>
        <dd>{delimiterName(detected().delimiter)}</dd>
        <dt>{s().numberFormatLabel}</dt>
        <dd>{s().numberFormat[detected().numberFormat]} <small>({s().basis[detected().basis]})</small></dd>
        <dt>{s().encodingLabel}</dt>
        <dd>{s().encoding[props.current.encoding]}</dd>
      </dl>
      <Show when={warnings().length > 0}>
        <IssueList title={s().warningsTitle(warnings().filter((w) => w.code !== 'moreIssues').length)} issues={warnings()} kind="warning" />
      </Show>
      <Show when={indicators().length > 0} fallback={<p>{s().nothingToAdd}</p>}>
        <p class="csv-preview-title">{s().previewTitle(indicators().length)}</p>
        <div class="csv-preview" tabIndex={0} role="region" aria-label={s().previewTitle(indicators().length)}>
          <table data-testid="csv-preview">
            <thead>
              <tr>
                <th scope="col">{s().colRow}</th>
                <th scope="col">{s().colName}</th>
                <th scope="col">{s().colUnit}</th>
                <For each={periods()}>{(key) => <th scope="col" class="csv-number">{key}</th>}</For>
                <th scope="col" class="csv-number">{s().colTarget}</th>
              </tr>
            </thead>
            <tbody>
              <For each={indicators().slice(0, PREVIEW_ROWS)}>
                {(indicator, index) => (
                  <tr>
                    <td class="csv-number">{rowOf(index())}</td>
                    <th scope="row">{indicator.name.vi}</th>
                    <td>{indicator.unit.vi}</td>
                    <For each={periods()}>{(key) => <td class="csv-number">{cell(indicator, key)}</td>}</For>
                    <td class="csv-number">{target(indicator)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={indicators().length > PREVIEW_ROWS}>
          <p class="csv-more">{s().previewMore(indicators().length - PREVIEW_ROWS)}</p>
        </Show>
      </Show>
    </>
  );
}

export default CsvImportDialog;
