/**
 * The printable report of a plan and a scenario, in the register of a department's year-end
 * report: a title block, then per group a table of its indicators (latest actual, change on the
 * period before, target, growth needed, projection, chance, status) with one plain sentence under
 * each, then the notes and sources as numbered notes. A full-page layer over the app; while it is
 * open the body carries `report-open`, which the print styles use to print the report alone.
 */
import { createMemo, For, Index, onCleanup, onMount, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import type { Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber, type Lang } from '../../i18n/numbers.ts';
import { STATUS_ICON } from '../grid/columns.ts';
import { localized } from '../grid/rows.ts';
import { lang, setLang } from '../i18n/index.ts';
import { reportFacts, type Footnote, type IndicatorFacts, type TargetFacts } from './facts.ts';
import { reportMessages, type ReportMessages } from './messages.ts';
import { formatChange, formatGrowth, formatProbability, indicatorSentence, periodLabel, periodPhrase, reportDate, romanNumeral, summarySentence } from './text.ts';
import './report.css';

export interface ReportViewProps {
  /** The plan as the scenario sees it (the session's `viewPlan()`). */
  plan: Plan;
  /** The computed result of that scenario (the session's `result()`). */
  result: PlanResult;
  /** The scenario's name in the current language; null for the base. */
  scenarioName: string | null;
  /** Chance of reaching each target, by `${indicatorId}#${targetIndex}`; empty before a simulation. */
  probabilities: ReadonlyMap<string, number>;
  onClose(): void;
}

const BODY_CLASS = 'report-open';
const PORTAL_CLASS = 'report-portal';
const NONE = '–';

export default function ReportView(props: ReportViewProps) {
  const m = () => reportMessages(lang());
  const facts = createMemo(() => reportFacts(props.plan, props.result, props.probabilities));
  // Numbers run on across the groups, as in a department's table ("TT").
  const numbers = createMemo(() => {
    const map = new Map<string, number>();
    for (const group of facts().groups) for (const indicator of group.indicators) map.set(indicator.id, map.size + 1);
    return map;
  });
  const created = new Date();

  // While open the report is the page: the rest is inert (no focus, no clicks, hidden from
  // screen readers), Escape closes, focus returns where it was.
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const madeInert: HTMLElement[] = [];
  let printButton!: HTMLButtonElement;

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    props.onClose();
  };

  const mount = (portal: HTMLDivElement) => {
    portal.classList.add(PORTAL_CLASS);
    document.body.classList.add(BODY_CLASS);
    for (const child of Array.from(document.body.children)) {
      if (child === portal || !(child instanceof HTMLElement) || child.inert) continue;
      child.inert = true;
      madeInert.push(child);
    }
    // The portal calls this once its content is in the document.
    printButton.focus();
  };

  onMount(() => window.addEventListener('keydown', onEscape, true));
  onCleanup(() => {
    window.removeEventListener('keydown', onEscape, true);
    document.body.classList.remove(BODY_CLASS);
    for (const element of madeInert) element.inert = false;
    previous?.focus();
  });

  const coverage = () => {
    const f = facts();
    return m().coverage(f.actualsThrough ? periodPhrase(f.actualsThrough, lang()) : null, periodPhrase(f.horizon, lang()));
  };

  return (
    <Portal ref={mount}>
      <div
        class="report-layer"
        role="dialog"
        aria-modal="true"
        aria-labelledby="report-title"
        tabIndex={-1}
        lang={lang()}
        data-testid="report"
        // The app's shortcuts (undo, redo) are for the grid behind, not for the report.
        onKeyDown={(event) => event.stopPropagation()}
      >
        <div class="report-toolbar" role="toolbar" aria-label={m().dialogLabel}>
          <button ref={printButton} type="button" class="button button-primary" data-testid="report-print" onClick={() => window.print()}>
            {m().print}
          </button>
          <span class="report-hint">{m().printHint}</span>
          <label class="report-language">
            <span>{m().language}</span>
            <select data-testid="report-language" value={lang()} onChange={(e) => void setLang(e.currentTarget.value as Lang)}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          <button type="button" class="button" data-testid="report-close" onClick={() => props.onClose()}>{m().close}</button>
        </div>

        <article class="report-page">
          <header class="report-title-block">
            <p class="report-kicker">{m().kicker}</p>
            <h1 id="report-title" data-testid="report-title">{props.plan.name}</h1>
            <dl class="report-meta">
              <div>
                <dt>{m().scenario}</dt>
                <dd data-testid="report-scenario">{props.scenarioName ?? m().baseScenario}</dd>
              </div>
              <div>
                <dt>{m().reportDate}</dt>
                <dd>{reportDate(created, lang())}</dd>
              </div>
            </dl>
            <Show when={props.plan.description}>
              {(description) => <p class="report-description">{description()}</p>}
            </Show>
            <p class="report-coverage">{coverage()}</p>
          </header>

          <section class="report-summary" aria-labelledby="report-summary-title">
            <h2 id="report-summary-title">{m().summaryTitle}</h2>
            <p data-testid="report-summary">{summarySentence(facts(), lang())}</p>
            <p class="report-aside">{facts().simulated ? m().simulated : m().notSimulated}</p>
          </section>

          <Index each={facts().groups}>
            {(group, g) => (
              <section class="report-group" aria-labelledby={`report-group-${g}`}>
                <h2 id={`report-group-${g}`}>
                  {romanNumeral(g + 1)}. {group().name ? localized(group().name!, lang()) : m().ungrouped}
                </h2>
                <table class="report-table">
                  <colgroup>
                    <col class="report-col-number" />
                    <col class="report-col-name" />
                    <col span="6" class="report-col-figure" />
                    <col class="report-col-status" />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{m().colNumber}</th>
                      <th scope="col">{m().colIndicator}</th>
                      <th scope="col">{m().colLatest}</th>
                      <th scope="col">{m().colChange}</th>
                      <th scope="col">{m().colTarget}</th>
                      <th scope="col">{m().colGrowthNeeded}</th>
                      <th scope="col">{m().colProjected}</th>
                      <th scope="col">{m().colProbability}</th>
                      <th scope="col">{m().colStatus}</th>
                    </tr>
                  </thead>
                  <For each={group().indicators}>
                    {(indicator) => <IndicatorRows facts={indicator} number={numbers().get(indicator.id) ?? 0} lang={lang()} m={m()} />}
                  </For>
                </table>
              </section>
            )}
          </Index>

          <Show when={facts().footnotes.length > 0}>
            <section class="report-notes" aria-labelledby="report-notes-title">
              <h2 id="report-notes-title">{m().notesTitle}</h2>
              <ol>
                <For each={facts().footnotes}>
                  {(footnote) => (
                    <li id={`report-note-${footnote.number}`} value={footnote.number}>
                      <span class="report-note-label">{footnoteLabel(footnote, m(), lang())}:</span> {footnote.text}
                    </li>
                  )}
                </For>
              </ol>
            </section>
          </Show>
        </article>
      </div>
    </Portal>
  );
}

function footnoteLabel(footnote: Footnote, m: ReportMessages, lang: Lang): string {
  switch (footnote.kind) {
    case 'targetNote': return m.targetNoteLabel(periodPhrase(footnote.period ?? '', lang));
    case 'note': return m.noteLabel;
    case 'source': return m.sourceLabel;
  }
}

/** One indicator: a row per target (the first with the indicator's name), then its sentence. */
function IndicatorRows(props: { facts: IndicatorFacts; number: number; lang: Lang; m: ReportMessages }) {
  const number = (value: number) => (Number.isFinite(value) ? formatNumber(value, props.lang, props.facts.decimals) : NONE);
  const targets = () => (props.facts.targets.length > 0 ? props.facts.targets : [null]);
  const refs = () => props.facts.footnotes.map((f) => f.number);

  return (
    <tbody class="report-indicator" data-testid={`report-indicator-${props.facts.id}`}>
      <For each={targets()}>
        {(target, i) => (
          <tr class={i() === 0 ? 'report-figures' : 'report-figures report-more-target'}>
            <td class="report-number">{i() === 0 ? `${props.number}` : ''}</td>
            <Show when={i() === 0} fallback={<td />}>
              <th scope="row" class="report-name">
                {localized(props.facts.name, props.lang)}
                <Show when={refs().length > 0}>
                  <sup class="report-refs">
                    <For each={refs()}>
                      {(ref, r) => (
                        <>
                          {r() > 0 ? ',' : ''}
                          <a href={`#report-note-${ref}`} aria-label={props.m.footnoteRef(String(ref))}>{ref}</a>
                        </>
                      )}
                    </For>
                  </sup>
                </Show>
                <span class="report-unit">{localized(props.facts.unit, props.lang)}</span>
                <Show when={props.facts.formula !== null}>
                  <span class="report-formula">ƒ {props.m.formulaRow}</span>
                </Show>
              </th>
            </Show>
            <Show when={i() === 0} fallback={<><td /><td /></>}>
              <td class="report-figure">
                {props.facts.latest ? number(props.facts.latest.value) : NONE}
                <Show when={props.facts.latest}>
                  {(latest) => <span class="report-period">{periodLabel(latest().period, props.lang)}</span>}
                </Show>
              </td>
              <td class="report-figure">
                {Number.isFinite(props.facts.change) ? formatChange(props.facts.change, props.lang) : NONE}
                <Show when={Number.isFinite(props.facts.change) ? props.facts.previous : null}>
                  {(previous) => <span class="report-period">{periodLabel(previous().period, props.lang)}</span>}
                </Show>
              </td>
            </Show>
            <TargetCells target={target} facts={props.facts} number={number} lang={props.lang} m={props.m} />
          </tr>
        )}
      </For>
      <tr class="report-sentence-row">
        <td />
        <td colSpan={8}>
          <p class="report-sentence" data-testid={`report-sentence-${props.facts.id}`}>{indicatorSentence(props.facts, props.lang)}</p>
        </td>
      </tr>
    </tbody>
  );
}

const DIRECTION_MARK = { atLeast: '', atMost: '≤ ', hold: '= ' } as const;

function TargetCells(props: { target: TargetFacts | null; facts: IndicatorFacts; number: (value: number) => string; lang: Lang; m: ReportMessages }) {
  return (
    <Show when={props.target} fallback={<><td class="report-figure">{NONE}</td><td class="report-figure">{NONE}</td><td class="report-figure">{NONE}</td><td class="report-figure">{NONE}</td><td /></>}>
      {(target) => (
        <>
          <td class="report-figure">
            {DIRECTION_MARK[target().direction]}{props.number(target().value)}
            <span class="report-period">{periodLabel(target().period, props.lang)}</span>
          </td>
          <td class="report-figure">{formatGrowth(target().growthNeeded, props.facts.periodicity, props.lang) || NONE}</td>
          <td class="report-figure">{props.number(target().projected)}</td>
          <td class="report-figure">{Number.isFinite(target().probability) ? formatProbability(target().probability, props.lang) : NONE}</td>
          <td>
            <span class={`report-status report-status-${target().status}`}>
              <span class="report-status-icon" aria-hidden="true">{STATUS_ICON[target().status]}</span>
              {props.m.status[target().status]}
            </span>
          </td>
        </>
      )}
    </Show>
  );
}
