import { createEffect, createMemo, createSignal, createUniqueId, For, on, onMount, Show } from 'solid-js';
import type { Plan } from '../../engine/model/plan.ts';
import { describePlan, planDifferences, relation, type PlanDifference } from '../../engine/scenarios/preview.ts';
import { describeIssue } from '../../format/messages.ts';
import { Dialog } from '../Dialog.tsx';
import { lang } from '../i18n/index.ts';
import { changedPlaces, chooseAll, initialChoices, prepareMerge, resolveMerge, undecided, type MergeSetup, type Side } from './decide.ts';
import type { FileIssue } from '../../format/issues.ts';
import type { ImportLineage } from '../../app/lineage.ts';
import { s } from './messages.ts';
import { count, inSections, sectionOf, wordDifference, type WordContext } from './words.ts';
import './import.css';

export interface ImportPreviewProps {
  /** The plan read from the file (parsed, migrated and validated). */
  incoming: Plan;
  /** The stored plan with the same id, or null when this browser has none. */
  local: Plan | null;
  /** Problems of the file that did not stop the import (a hash mismatch…), already in words. */
  warnings: string[];
  /**
   * The revision both copies came from, when the caller knows it: the merge is then three-way and
   * asks only about cells both sides changed. Without it (a file without lineage, or one whose
   * shared revision this browser no longer keeps) every difference is a decision.
   */
  base?: Plan | null;
  /**
   * What the lineages of the file and of the local plan say (src/app/lineage.ts): the copies'
   * relation, exact when `known`, and the base they came from, which takes the place of `base`.
   */
  lineage?: ImportLineage | null;
  /**
   * Store the file as a plan of its own: under its id when `local` is null, as a new copy (a new
   * id) otherwise. The local plan is not touched.
   */
  onImportCopy(): void;
  /** Replace the local plan with the file; the caller keeps the local one as a snapshot first. */
  onReplace(): void;
  /** Save this plan (validated; revision past both sides) over the local one; the caller keeps a snapshot first. */
  onMerge(merged: Plan): void;
  onCancel(): void;
}

/** Difference lines shown in the preview before "and N more". */
const PREVIEW_LINES = 30;
/** Decisions shown at first in the merge, and added by each "show more". */
const DECISIONS_PAGE = 60;
/** Validation problems listed under the merge. */
const LISTED_ISSUES = 10;

/**
 * The preview of an imported plan file before anything is written: its name and counts and, when
 * this browser has the same plan, how the two copies stand and what differs, by indicator and
 * cell. Then the planner chooses: import as a new copy; replace the local plan (kept as a
 * snapshot by the caller); or merge, deciding difference by difference. Only a button that says
 * it overwrites the local plan does so, and each action can be pressed once.
 */
export default function ImportPreviewDialog(props: ImportPreviewProps) {
  const [step, setStep] = createSignal<'preview' | 'merge'>('preview');
  const [back, setBack] = createSignal(false);
  const [acted, setActed] = createSignal(false);
  /** Runs an action the first time one is asked for: a double click never imports twice. */
  const act = <A extends unknown[]>(action: (...args: A) => void, ...args: A) => {
    if (acted()) return;
    setActed(true);
    action(...args);
  };
  const ctx = (): WordContext => ({ lang: lang(), local: props.local ?? props.incoming, incoming: props.incoming });
  // The same plan on every side: only then is there anything to merge.
  // The revision both copies came from: the lineages', else the one the caller gave, else none.
  const base = () => props.lineage?.base ?? props.base ?? null;
  const canMerge = () => props.local !== null && props.local.id === props.incoming.id && (base() ?? props.local).id === props.local.id;
  // Prepared when the planner asks to merge, not before: on a large plan it costs as much as the preview.
  const setup = createMemo(() => {
    if (step() !== 'merge' || !props.local) return null;
    const prepared = prepareMerge(props.local, props.incoming, base(), props.lineage?.known ? props.lineage.relation : null);
    return prepared.ok ? prepared.value : null;
  });

  return (
    <Dialog title={step() === 'merge' ? s().mergeTitle : s().title} onClose={() => props.onCancel()} testId="import-preview-dialog">
      <Show
        when={step() === 'merge' && setup()}
        fallback={<Preview {...props} ctx={ctx()} acted={acted()} act={act} canMerge={canMerge()} focusMerge={back()} onMergeStep={() => setStep('merge')} />}
      >
        {(current) => <MergeStep setup={current()} ctx={ctx()} acted={acted()} onMerge={(plan) => act(props.onMerge, plan)} onBack={() => { setBack(true); setStep('preview'); }} onCancel={() => props.onCancel()} />}
      </Show>
    </Dialog>
  );
}

function Preview(props: ImportPreviewProps & { ctx: WordContext; acted: boolean; act: (action: () => void) => void; canMerge: boolean; focusMerge: boolean; onMergeStep: () => void }) {
  let mergeButton: HTMLButtonElement | undefined;
  // Back from the merge step: where the planner left, not the top of the dialog.
  onMount(() => {
    if (props.focusMerge) mergeButton?.focus();
  });
  const counts = createMemo(() => describePlan(props.incoming));
  const differences = createMemo(() => (props.local ? planDifferences(props.local, props.incoming) : []));
  // The lineages' word when they have one; nothing differing is always "same".
  const known = () => (props.lineage?.known ?? false) && differences().length > 0;
  const related = createMemo(() => (!props.local ? 'unrelated' : known() && props.lineage ? props.lineage.relation : relation(props.local, props.incoming, differences())));
  const n = (value: number) => count(value, props.ctx);
  const hint = createUniqueId();

  return (
    <div class="import-preview">
      <section class="import-file" aria-label={s().inFile}>
        <p class="import-plan-name" data-testid="import-plan-name">{props.incoming.name}</p>
        <ul class="import-counts" data-testid="import-counts">
          <li>{s().counts.indicators(n(counts().indicators))}</li>
          <li>{s().counts.groups(n(counts().groups))}</li>
          <li>{s().counts.scenarios(n(counts().scenarios))}</li>
          <li>{s().counts.targets(n(counts().targets))}</li>
          <li>{s().counts.actuals(n(counts().actuals))}</li>
          <li>{s().calendar(n(counts().periods), s().periodicity[counts().calendar.periodicity], counts().calendar.start, counts().calendar.end)}</li>
        </ul>
        <Show when={props.warnings.length > 0}>
          <div class="import-warnings" data-testid="import-warnings">
            <p>{s().warningsTitle}</p>
            <ul>
              <For each={props.warnings}>{(warning) => <li>{warning}</li>}</For>
            </ul>
          </div>
        </Show>
      </section>

      <Show
        when={props.local}
        fallback={
          <>
            <p>{s().newPlan}</p>
            <div class="dialog-actions">
              <button type="button" class="button" disabled={props.acted} onClick={() => props.onCancel()} data-testid="import-cancel">{s().cancel}</button>
              <button type="button" class="button button-primary" autofocus disabled={props.acted} onClick={() => props.act(props.onImportCopy)} data-testid="import-new">
                {s().importNew}
              </button>
            </div>
          </>
        }
      >
        {(local) => (
          <>
            <p>{s().exists}</p>
            <dl class="import-copies">
              <dt>{s().localCopy}</dt>
              <dd>{s().revision(n(local().revision), when(local().updatedAt))}</dd>
              <dt>{s().incomingCopy}</dt>
              <dd>{s().revision(n(props.incoming.revision), when(props.incoming.updatedAt))}</dd>
            </dl>
            <p data-testid="import-relation">{(known() ? s().relationKnown : s().relation)[related()]}</p>
            <Show when={differences().length > 0}>
              <Differences title={s().differencesTitle(n(differences().length))} differences={differences()} ctx={props.ctx} limit={PREVIEW_LINES} />
            </Show>

            <h3 class="import-choose">{s().choose}</h3>
            <ul class="import-choices">
              <li>
                <button type="button" class="button button-primary" autofocus aria-describedby={`${hint}-copy`} disabled={props.acted} onClick={() => props.act(props.onImportCopy)} data-testid="import-as-copy">
                  {s().asCopy}
                </button>
                <p id={`${hint}-copy`} class="field-hint">{s().asCopyHint}</p>
              </li>
              <Show when={related() !== 'same'}>
                <li>
                  <button type="button" class="button" aria-describedby={`${hint}-replace`} disabled={props.acted} onClick={() => props.act(props.onReplace)} data-testid="import-replace">
                    {s().replace}
                  </button>
                  <p id={`${hint}-replace`} class="field-hint">{s().replaceHint}</p>
                </li>
                <Show when={props.canMerge}>
                  <li>
                    <button ref={mergeButton} type="button" class="button" aria-describedby={`${hint}-merge`} disabled={props.acted} onClick={() => props.onMergeStep()} data-testid="import-merge">
                      {s().merge}
                    </button>
                    <p id={`${hint}-merge`} class="field-hint">{s().mergeHint}</p>
                  </li>
                </Show>
              </Show>
            </ul>
            <div class="dialog-actions">
              <button type="button" class="button" disabled={props.acted} onClick={() => props.onCancel()} data-testid="import-cancel">{s().cancel}</button>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}

/** Differences by section (plan, groups, each indicator, each scenario), the first `limit` lines, then "and N more". */
function Differences(props: { title: string; differences: readonly PlanDifference[]; ctx: WordContext; limit: number; testId?: string }) {
  const shown = createMemo(() => inSections(props.differences.slice(0, props.limit), (d) => d, props.ctx));
  const region = createUniqueId();
  return (
    <div class="import-differences" data-testid={props.testId ?? 'import-differences'}>
      <p id={region}>{props.title}</p>
      <div class="import-scroll" role="region" aria-labelledby={region} tabIndex={0}>
        <For each={shown()}>
          {(entry) => (
            <>
              <p class="import-section-title">{entry.section.title}</p>
              <ul>
                <For each={entry.items}>{(difference) => <li>{wordDifference(difference, props.ctx).short}</li>}</For>
              </ul>
            </>
          )}
        </For>
        <Show when={props.differences.length > props.limit}>
          <p class="import-more">{s().more(count(props.differences.length - props.limit, props.ctx))}</p>
        </Show>
      </div>
    </div>
  );
}

function MergeStep(props: {
  setup: MergeSetup;
  ctx: WordContext;
  acted: boolean;
  onMerge: (plan: Plan) => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  let heading!: HTMLParagraphElement;
  // eslint-disable-next-line solid/reactivity -- the first choices; a new setup resets them below.
  const [choices, setChoices] = createSignal<ReadonlyMap<string, Side>>(initialChoices(props.setup));
  const [shown, setShown] = createSignal(DECISIONS_PAGE);
  // Issues the validator found in the plan the last choices made; any new choice clears them.
  const [invalid, setInvalid] = createSignal<FileIssue[] | null>(null);
  // A new setup (the plans changed under the dialog) starts its choices afresh.
  createEffect(on(() => props.setup, (setup) => {
    setChoices(initialChoices(setup));
    setShown(DECISIONS_PAGE);
    setInvalid(null);
  }, { defer: true }));
  const decisions = () => props.setup.decisions;
  const open = () => undecided(props.setup, choices());
  const changes = () => changedPlaces(props.setup, choices());
  const sections = createMemo(() => inSections(decisions().slice(0, shown()), (d) => d.difference, props.ctx));
  const name = createUniqueId();
  const indexOf = createMemo(() => new Map(decisions().map((d, i) => [d.key, i])));
  const n = (value: number) => count(value, props.ctx);
  const set = (next: Map<string, Side>) => {
    setChoices(next);
    setInvalid(null);
  };
  const issues = () => {
    const list = invalid() ?? [];
    const lines = list.slice(0, LISTED_ISSUES).map((issue) => describeIssue(issue, props.ctx.lang));
    return list.length > LISTED_ISSUES ? [...lines, s().more(n(list.length - LISTED_ISSUES))] : lines;
  };
  // The plan is built and validated once, when the planner presses merge: on a 1,000 × 120 plan
  // that takes about a tenth of a second, too long to repeat after every choice.
  const confirm = () => {
    const merged = resolveMerge(props.setup, choices(), new Date().toISOString());
    if (merged.ok) props.onMerge(merged.value);
    else if (merged.error.code === 'invalid') setInvalid(merged.error.issues);
  };

  // Into the step's first words, so that a screen reader starts reading there.
  onMount(() => heading.focus());

  return (
    <div class="import-merge" data-testid="import-merge-step">
      <p ref={heading} tabIndex={-1} class="import-merge-intro">
        {props.setup.mode === 'twoWay' ? s().twoWay : props.setup.decisions.length > 0 ? s().conflicts(n(props.setup.decisions.length)) : s().noConflicts}
      </p>
      <Show when={props.setup.mode === 'threeWay' && props.setup.automatic.length > 0}>
        <Differences title={s().automatic(n(props.setup.automatic.length))} differences={props.setup.automatic} ctx={props.ctx} limit={PREVIEW_LINES} testId="import-automatic" />
      </Show>
      <Show when={decisions().length > 0}>
        <p class="field-hint">{props.setup.suggested === null ? s().suggested.none : s().suggested[props.setup.suggested]}</p>
        <div class="import-all">
          <button type="button" class="button" onClick={() => set(chooseAll(choices(), decisions(), 'ours'))} data-testid="merge-all-mine">{s().allMine}</button>
          <button type="button" class="button" onClick={() => set(chooseAll(choices(), decisions(), 'theirs'))} data-testid="merge-all-theirs">{s().allTheirs}</button>
        </div>
        <div class="import-decisions">
          <For each={sections()}>
            {(entry) => {
              // The whole section, not only its shown part: "keep mine for Doanh thu" means all of it.
              const all = () => decisions().filter((d) => sectionOf(d.difference, props.ctx).key === entry.section.key);
              return (
                <fieldset class="import-section">
                  <legend>{entry.section.title}</legend>
                  <div class="import-section-actions">
                    <button type="button" class="button-link" onClick={() => set(chooseAll(choices(), all(), 'ours'))}>{s().sectionMine(entry.section.title)}</button>
                    <button type="button" class="button-link" onClick={() => set(chooseAll(choices(), all(), 'theirs'))}>{s().sectionTheirs(entry.section.title)}</button>
                  </div>
                  <For each={entry.items}>
                    {(decision) => {
                      const words = () => wordDifference(decision.difference, props.ctx);
                      const group = () => `${name}-${indexOf().get(decision.key) ?? 0}`;
                      const pick = (side: Side) => set(new Map(choices()).set(decision.key, side));
                      return (
                        <fieldset class="import-decision" data-testid="merge-decision" classList={{ 'import-undecided': !choices().has(decision.key) }}>
                          <legend>{words().detail}</legend>
                          <label>
                            <input type="radio" name={group()} value="ours" checked={choices().get(decision.key) === 'ours'} onChange={() => pick('ours')} />
                            {s().mine(words().local)}
                          </label>
                          <label>
                            <input type="radio" name={group()} value="theirs" checked={choices().get(decision.key) === 'theirs'} onChange={() => pick('theirs')} />
                            {s().theirs(words().incoming)}
                          </label>
                        </fieldset>
                      );
                    }}
                  </For>
                </fieldset>
              );
            }}
          </For>
          <Show when={decisions().length > shown()}>
            <button type="button" class="button" onClick={() => setShown((k) => k + DECISIONS_PAGE)} data-testid="merge-show-more">
              {s().showMore(n(Math.min(DECISIONS_PAGE, decisions().length - shown())))}
            </button>
          </Show>
        </div>
      </Show>

      <div class="import-status" aria-live="polite" data-testid="merge-status">
        <Show when={open() > 0}>
          <p>{s().undecided(n(open()))}</p>
        </Show>
        <Show when={issues().length > 0}>
          <div class="import-invalid" role="alert">
            <p>{s().invalid}</p>
            <ul>
              <For each={issues()}>{(issue) => <li>{issue}</li>}</For>
            </ul>
          </div>
        </Show>
        <Show when={open() === 0}>
          <p>{changes() === 0 ? s().unchanged : s().willChange(n(changes()))}</p>
        </Show>
      </div>

      <div class="dialog-actions">
        <button type="button" class="button" disabled={props.acted} onClick={() => props.onBack()} data-testid="merge-back">{s().back}</button>
        <button type="button" class="button" disabled={props.acted} onClick={() => props.onCancel()} data-testid="import-cancel">{s().cancel}</button>
        <button
          type="button"
          class="button button-primary"
          aria-describedby={`${name}-confirm`}
          disabled={props.acted || open() > 0 || changes() === 0 || invalid() !== null}
          onClick={confirm}
          data-testid="merge-confirm"
        >
          {s().mergeConfirm}
        </button>
      </div>
      <p id={`${name}-confirm`} class="field-hint import-confirm-hint">{s().mergeConfirmHint}</p>
    </div>
  );
}

/** An ISO time as the planner reads it; the text itself if it is not one. */
function when(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return iso;
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(time);
}
