import { createEffect, createSignal, on, Show } from 'solid-js';
import type { PlanSession } from '../app/session.ts';
import type { Plan } from '../engine/model/plan.ts';
import { formatNumber } from '../i18n/numbers.ts';
import { lang, t } from './i18n/index.ts';
import { localized } from './grid/rows.ts';
import { tp } from './i18n/panel-messages.ts';

/** Simulate, with a progress bar and a stop button; the seed is the planner's to set. */
export function SimulationBar(props: { session: PlanSession; plan: Plan }) {
  const [seedText, setSeedText] = createSignal('1');
  const seed = () => {
    const value = Number(seedText());
    return Number.isSafeInteger(value) ? value : 1;
  };
  const progress = () => props.session.simulationProgress();
  const view = () => props.session.simulation();
  const problem = () => {
    const error = props.session.simulationProblem();
    if (!error) return null;
    if (error.code !== 'engine') return tp().simulationFailed;
    const p = error.problem;
    if (p.code === 'noRanges') return t().noRanges;
    if (p.code === 'rangeNotApplicable') {
      const indicator = props.plan.indicators.find((i) => i.id === p.indicator);
      return t().rangeNotApplicable(indicator ? localized(indicator.name, lang()) : p.indicator);
    }
    return tp().simulationFailed;
  };
  const count = (n: number) => formatNumber(n, lang(), 0);

  // "Simulate" is disabled while it runs and "Stop" goes when it ends: the keyboard focus moves
  // from one to the other instead of falling to the page.
  let simulateButton!: HTMLButtonElement;
  let cancelButton: HTMLButtonElement | undefined;
  const running = () => !!progress();
  createEffect(on(running, (now) => {
    const active = document.activeElement;
    const lost = !active || active === document.body;
    if (now && (lost || active === simulateButton)) cancelButton?.focus();
    else if (!now && (lost || active === cancelButton)) simulateButton.focus();
  }, { defer: true }));

  return (
    <div class="simulation-bar" data-testid="simulation-bar">
      <button ref={simulateButton} type="button" class="button" title={tp().simulateHint} disabled={!!progress()} data-testid="simulate"
        onClick={() => void props.session.simulate({ seed: seed() })}>
        {t().simulate}
      </button>
      <label class="seed-field">
        <span>{t().seed}</span>
        <input inputMode="numeric" value={seedText()} size={6} data-testid="simulation-seed" onInput={(e) => setSeedText(e.currentTarget.value)} />
      </label>
      <Show when={progress()}>
        {(p) => (
          <>
            <progress max={p().total} value={p().done} aria-label={tp().simulating(count(p().done), count(p().total), p().preview)} data-testid="simulation-progress" />
            <span class="simulation-status" aria-live="polite">{tp().simulating(count(p().done), count(p().total), p().preview)}</span>
            <button ref={cancelButton} type="button" class="button" data-testid="cancel-simulation" onClick={() => props.session.cancelSimulation()}>{t().cancelSimulation}</button>
          </>
        )}
      </Show>
      <Show when={!progress() && view()}>
        {(v) => (
          <span class="simulation-status" data-testid="simulation-status">
            {t().simulated(count(v().result.trials), v().seed, v().preview)}
            <Show when={v().revision !== props.plan.revision}> · {tp().simulationStale}</Show>
          </span>
        )}
      </Show>
      <Show when={problem()}>
        <span class="field-error" role="alert" data-testid="simulation-problem">{problem()}</span>
      </Show>
    </div>
  );
}
