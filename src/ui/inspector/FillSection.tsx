import { createSignal, For, Show } from 'solid-js';
import type { Command } from '../../engine/commands/index.ts';
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber, parseNumber } from '../../i18n/numbers.ts';
import { lang, t, type Messages } from '../i18n/index.ts';
import { fillCommand, type Fill, type FillProblem } from './fill.ts';
import { tp } from '../i18n/panel-messages.ts';

function describeFillProblem(problem: FillProblem, m: Messages): string {
  switch (problem.code) {
    case 'unknownIndicator': return m.commandError.unknownIndicator;
    case 'formula': return m.cannotEditFormula;
    case 'badRange': return tp().fillBadRange;
    case 'notFinite': return tp().fillNotFinite;
    case 'unchanged': return tp().fillUnchanged;
  }
}

/**
 * Fills an input indicator's periods, from a chosen period to a chosen one (the last by
 * default), with one value or with values growing at a rate per period; one undoable step.
 */
export function FillSection(props: { plan: Plan; indicator: Indicator; result: PlanResult | null; dispatch: (command: Command, label: string) => void; label: (what: string) => string }) {
  const m = () => t();
  // Plan and indicator are fixed for the section's life (the inspector is rebuilt per indicator).
  // eslint-disable-next-line solid/reactivity
  const keys = periodIndex(props.plan.calendar).keys;
  // eslint-disable-next-line solid/reactivity
  const lastActual = Object.keys(props.indicator.actuals).filter((k) => keys.includes(k)).sort().at(-1);
  const firstFree = keys[Math.min(lastActual ? keys.indexOf(lastActual) + 1 : 0, keys.length - 1)] ?? '';
  const [from, setFrom] = createSignal(firstFree);
  const [to, setTo] = createSignal(keys.at(-1) ?? '');
  const [mode, setMode] = createSignal<Fill['kind']>('value');
  const [value, setValue] = createSignal('');
  const [rate, setRate] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const read = (text: string): number | string => {
    if (text.trim() === '') return tp().fillNeedsValue;
    const parsed = parseNumber(text, lang());
    return parsed.ok ? parsed.value : m().notANumber(text.trim());
  };

  const apply = () => {
    const start = read(value());
    if (typeof start === 'string') return setError(start);
    let fill: Fill = { kind: 'value', value: start };
    if (mode() === 'growth') {
      const percent = read(rate());
      if (typeof percent === 'string') return setError(percent);
      fill = { kind: 'growth', start, rate: percent / 100 };
    }
    const result = props.result;
    const row = result ? result.ids.indexOf(props.indicator.id) : -1;
    const n = result?.periodKeys.length ?? 0;
    const current = result && row >= 0 && n === keys.length ? result.values.subarray(row * n, (row + 1) * n) : null;
    const built = fillCommand(props.plan, { indicator: props.indicator.id, from: from(), to: to(), fill }, current);
    if (!built.ok) return setError(describeFillProblem(built.error, m()));
    setError(null);
    const shown = formatNumber(start, lang(), props.indicator.decimals);
    const what = fill.kind === 'value'
      ? tp().fillValueLabel(from(), to(), shown)
      // 10 %, not 10,00 %: as typed, to two decimals at most.
      : tp().fillGrowthLabel(from(), to(), shown, formatNumber(fill.rate * 100, lang(), 2).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, ''));
    props.dispatch(built.value, props.label(what));
  };
  const onEnter = (e: KeyboardEvent) => { if (e.key === 'Enter') apply(); };

  return (
    <section class="inspector-section" data-testid="fill-section">
      <h3>{tp().fillTitle}</h3>
      <p class="field-hint">{tp().fillHint}</p>
      <div class="field-row">
        <label class="field">
          <span>{tp().fillFrom}</span>
          <select value={from()} data-testid="fill-from" onChange={(e) => setFrom(e.currentTarget.value)}>
            <For each={keys}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{tp().fillTo}</span>
          <select value={to()} data-testid="fill-to" onChange={(e) => setTo(e.currentTarget.value)}>
            <For each={keys}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
      </div>
      <label class="field">
        <span>{tp().fillMode}</span>
        <select value={mode()} data-testid="fill-mode" onChange={(e) => setMode(e.currentTarget.value === 'growth' ? 'growth' : 'value')}>
          <option value="value">{tp().fillModeValue}</option>
          <option value="growth">{tp().fillModeGrowth}</option>
        </select>
      </label>
      <div class="field-row">
        <label class="field">
          <span>{mode() === 'growth' ? tp().fillStart : tp().fillValue}</span>
          <input inputMode="decimal" value={value()} data-testid="fill-value" aria-invalid={error() ? 'true' : 'false'}
            onInput={(e) => setValue(e.currentTarget.value)} onKeyDown={onEnter} />
        </label>
        <Show when={mode() === 'growth'}>
          <label class="field">
            <span>{tp().fillRate}</span>
            <input inputMode="decimal" value={rate()} data-testid="fill-rate" aria-invalid={error() ? 'true' : 'false'}
              onInput={(e) => setRate(e.currentTarget.value)} onKeyDown={onEnter} />
          </label>
        </Show>
      </div>
      <Show when={error()}><p class="field-error" role="alert" data-testid="fill-error">{error()}</p></Show>
      <div>
        <button type="button" class="button" data-testid="fill-apply" onClick={apply}>{tp().fillApply}</button>
      </div>
    </section>
  );
}
