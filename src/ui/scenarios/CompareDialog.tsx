import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { PlanSession } from '../../app/session.ts';
import type { Plan } from '../../engine/model/plan.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber, formatPercent } from '../../i18n/numbers.ts';
import { Dialog } from '../Dialog.tsx';
import { STATUS_ICON } from '../grid/columns.ts';
import { localized } from '../grid/rows.ts';
import { lang, t } from '../i18n/index.ts';
import { tp } from '../i18n/panel-messages.ts';

/**
 * Two or more scenarios side by side at one period: each indicator's value, its difference from
 * the first scenario chosen (absolute and %), and which targets each scenario meets.
 */
export function CompareDialog(props: { session: PlanSession; plan: Plan; onClose: () => void }) {
  const scenarios = () => props.plan.scenarios ?? [];
  const nameOf = (id: string | null) => (id === null ? t().baseScenario : localized(scenarios().find((s) => s.id === id)?.name ?? { vi: id }, lang()));
  const keys = () => periodIndex(props.plan.calendar).keys;
  // Starting choices: the base and the scenario shown (or the first one), at the first target's period.
  /* eslint-disable solid/reactivity */
  const firstTarget = props.plan.indicators.flatMap((i) => i.targets.map((target) => target.period)).sort()[0];
  const [chosen, setChosen] = createSignal<(string | null)[]>([null, props.session.scenario() ?? scenarios()[0]?.id ?? null].filter((v, i, a) => a.indexOf(v) === i));
  const [period, setPeriod] = createSignal(firstTarget ?? props.plan.calendar.end);
  /* eslint-enable solid/reactivity */
  const [results, setResults] = createSignal<PlanResult[] | null>(null);

  createEffect(on(() => [chosen(), props.plan] as const, async ([ids]) => {
    if (ids.length < 2) return setResults(null);
    const computed = await props.session.compareScenarios(ids);
    if (computed.ok) setResults(computed.value);
  }));

  const toggle = (id: string | null, on: boolean) => {
    const all: (string | null)[] = [null, ...scenarios().map((s) => s.id)];
    const next = new Set(chosen());
    if (on) next.add(id);
    else next.delete(id);
    setChosen(all.filter((x) => next.has(x)));
  };

  const valueAt = (result: PlanResult, id: string) => {
    const row = result.ids.indexOf(id);
    const p = result.periodKeys.indexOf(period());
    return row < 0 || p < 0 ? NaN : (result.values[row * result.periodKeys.length + p] as number);
  };
  const fmt = (v: number, decimals: number) => (Number.isFinite(v) ? formatNumber(v, lang(), decimals) : '');
  const targets = () => props.plan.indicators.flatMap((indicator) => indicator.targets.map((target, index) => ({ indicator, target, index })));

  return (
    <Dialog title={tp().compareTitle} onClose={() => props.onClose()} testId="compare-dialog">
      <div class="compare-controls">
        <fieldset class="compare-choices">
          <legend>{t().scenarios}</legend>
          <For each={[null, ...scenarios().map((s) => s.id)]}>
            {(id) => (
              <label>
                <input type="checkbox" checked={chosen().includes(id)} onChange={(e) => toggle(id, e.currentTarget.checked)} />
                {nameOf(id)}
              </label>
            )}
          </For>
        </fieldset>
        <label class="field">
          <span>{tp().comparePeriod}</span>
          <select value={period()} onChange={(e) => setPeriod(e.currentTarget.value)} data-testid="compare-period">
            <For each={keys()}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
      </div>
      <Show when={chosen().length >= 2} fallback={<p class="field-hint">{tp().compareNeedTwo}</p>}>
        <Show when={results()}>
          {(computed) => (
            <div class="compare-scroll">
              <table class="compare-table" data-testid="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t().colIndicator}</th>
                    <For each={chosen()}>{(id) => <th scope="col">{nameOf(id)}</th>}</For>
                    <For each={chosen().slice(1)}>{(id) => <th scope="col">{tp().compareDifference} {nameOf(id)} {tp().compareWith(nameOf(chosen()[0] ?? null))}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={props.plan.indicators}>
                    {(indicator) => {
                      const values = () => computed().map((r) => valueAt(r, indicator.id));
                      return (
                        <tr data-testid={`compare-row-${indicator.id}`}>
                          <th scope="row">{localized(indicator.name, lang())} <small>({localized(indicator.unit, lang())})</small></th>
                          <For each={values()}>{(v) => <td class="number">{fmt(v, indicator.decimals)}</td>}</For>
                          <For each={values().slice(1)}>
                            {(v) => {
                              const base = values()[0] as number;
                              const diff = v - base;
                              const share = base !== 0 ? diff / Math.abs(base) : NaN;
                              return <td class="number">{Number.isFinite(diff) ? `${diff > 0 ? '+' : ''}${fmt(diff, indicator.decimals)}${Number.isFinite(share) ? ` (${formatPercent(share, lang(), 1, true)})` : ''}` : ''}</td>;
                            }}
                          </For>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
              <Show when={targets().length > 0}>
                <table class="compare-table" data-testid="compare-targets">
                  <caption>{t().compareTargets}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t().colIndicator}</th>
                      <For each={chosen()}>{(id) => <th scope="col">{nameOf(id)}</th>}</For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={targets()}>
                      {({ indicator, target, index }) => (
                        <tr>
                          <th scope="row">{localized(indicator.name, lang())} {target.period}</th>
                          <For each={computed()}>
                            {(result) => {
                              const status = () => {
                                const summary = result.indicators[result.ids.indexOf(indicator.id)];
                                return summary?.targets.find((a) => a.index === index)?.status ?? null;
                              };
                              return (
                                <td>
                                  <Show when={status()}>
                                    {(s) => <span class={`status status-${s()}`}><span class="status-icon" aria-hidden="true">{STATUS_ICON[s()]}</span>{t().status[s()]}</span>}
                                  </Show>
                                </td>
                              );
                            }}
                          </For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </div>
          )}
        </Show>
      </Show>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => props.onClose()}>{t().close}</button>
      </div>
    </Dialog>
  );
}
