import { createSignal, For, Show } from 'solid-js';
import type { Indicator, Plan } from '../engine/model/plan.ts';
import { makeIndicator } from '../engine/model/factories.ts';
import { periodIndex } from '../engine/periods/calendar.ts';
import { parseNumber } from '../i18n/numbers.ts';
import { Dialog } from './Dialog.tsx';
import { indicatorIdFor } from '../format/spreadsheet/names.ts';
import { lang, t } from './i18n/index.ts';
import { tp } from './i18n/panel-messages.ts';

export function AddIndicatorDialog(props: { plan: Plan; onAdd: (indicator: Indicator) => void; onClose: () => void }) {
  // The dialog reads the calendar once: it is closed before the calendar could change.
  // eslint-disable-next-line solid/reactivity
  const periods = periodIndex(props.plan.calendar).keys;
  const [name, setName] = createSignal('');
  const [unit, setUnit] = createSignal('');
  const [latestPeriod, setLatestPeriod] = createSignal(periods[Math.max(0, Math.min(1, periods.length - 1))] ?? '');
  const [latestValue, setLatestValue] = createSignal('');
  const [targetPeriod, setTargetPeriod] = createSignal(periods[Math.min(2, periods.length - 1)] ?? '');
  const [targetValue, setTargetValue] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = name().trim();
    if (!trimmed) return;
    const read = (text: string) => {
      if (!text.trim()) return { ok: true as const, value: null };
      const parsed = parseNumber(text, lang());
      return parsed.ok ? { ok: true as const, value: parsed.value } : { ok: false as const, message: t().notANumber(text) };
    };
    const latest = read(latestValue());
    const target = read(targetValue());
    if (!latest.ok) return setError(latest.message);
    if (!target.ok) return setError(target.message);
    const taken = new Set(props.plan.indicators.map((i) => i.id));
    const text = (value: string) => (lang() === 'en' ? { vi: value, en: value } : { vi: value });
    props.onAdd(makeIndicator({
      id: indicatorIdFor(trimmed, taken),
      name: text(trimmed),
      unit: text(unit().trim()),
      kind: 'stock',
      decimals: 0,
      actuals: latest.value === null ? {} : { [latestPeriod()]: latest.value },
      projection: target.value === null ? { method: 'constant' } : { method: 'reachTarget' },
      targets: target.value === null ? [] : [{ period: targetPeriod(), value: target.value, direction: 'atLeast' }],
    }));
  };

  return (
    <Dialog title={t().addIndicator} onClose={props.onClose} testId="add-indicator-dialog">
      <form class="form-grid" onSubmit={submit}>
        <label class="field field-wide">
          <span>{tp().indicatorName}</span>
          <input name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} maxLength={500} required autofocus />
        </label>
        <label class="field field-wide">
          <span>{tp().indicatorUnit}</span>
          <input name="unit" value={unit()} onInput={(e) => setUnit(e.currentTarget.value)} maxLength={500} />
        </label>
        <label class="field">
          <span>{tp().latestYear}</span>
          <select name="latestPeriod" value={latestPeriod()} onChange={(e) => setLatestPeriod(e.currentTarget.value)}>
            <For each={periods}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t().latestValue} <small>{t().optional}</small></span>
          <input name="latestValue" inputMode="decimal" value={latestValue()} onInput={(e) => setLatestValue(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{tp().targetYear}</span>
          <select name="targetPeriod" value={targetPeriod()} onChange={(e) => setTargetPeriod(e.currentTarget.value)}>
            <For each={periods}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t().targetValue} <small>{t().optional}</small></span>
          <input name="targetValue" inputMode="decimal" value={targetValue()} onInput={(e) => setTargetValue(e.currentTarget.value)} />
        </label>
        <Show when={error()}>
          <p class="field-error field-wide" role="alert">{error()}</p>
        </Show>
        <div class="dialog-actions field-wide">
          <button type="button" class="button" onClick={() => props.onClose()}>{t().cancel}</button>
          <button type="submit" class="button button-primary" data-testid="add-indicator-submit">{t().addIndicator}</button>
        </div>
      </form>
    </Dialog>
  );
}
