import { createEffect, createSignal, For, on, Show } from 'solid-js';
import type { PlanSession } from '../../app/session.ts';
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import type { SensitivityResult } from '../../engine/uncertainty/index.ts';
import { formatNumber } from '../../i18n/numbers.ts';
import { localized } from '../grid/rows.ts';
import { lang, t } from '../i18n/index.ts';
import { tp } from '../i18n/panel-messages.ts';

const WIDTH = 640;
const BAR = 22;
const LABEL = 220;

/**
 * Sensitivity of one target to each ranged input: a bar from the projection with the input at
 * its low end to the one at its high end, the widest first, around the base projection. Drawn
 * as SVG from data; every bar also has its numbers in text for screen readers.
 */
export function TornadoChart(props: { session: PlanSession; plan: Plan; indicator: Indicator }) {
  const [data, setData] = createSignal<SensitivityResult | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);

  createEffect(on(() => [props.plan, props.session.scenario()], async () => {
    const outcome = await props.session.sensitivity();
    if (outcome.ok) { setData(outcome.value); setProblem(null); }
    else if (outcome.error.code === 'engine' && outcome.error.problem.code === 'noRanges') { setData(null); setProblem(t().noRanges); }
    else if (outcome.error.code !== 'superseded') { setData(null); setProblem(tp().simulationFailed); }
  }));

  // An indicator with targets in several periods: the planner chooses which one the bars are for.
  const targets = () => data()?.targets.filter((x) => x.indicator === props.indicator.id) ?? [];
  // The choice belongs to the indicator it was made for: another indicator starts at its first.
  const [chosen, setChosen] = createSignal<{ indicator: string; index: number } | null>(null);
  const target = () => {
    const choice = chosen();
    return targets().find((x) => choice?.indicator === x.indicator && x.index === choice.index) ?? targets()[0] ?? null;
  };
  const nameOf = (id: string) => {
    const indicator = props.plan.indicators.find((i) => i.id === id);
    return indicator ? localized(indicator.name, lang()) : id;
  };
  const fmt = (v: number) => formatNumber(v, lang(), Math.max(props.indicator.decimals, 1));

  return (
    <section class="tornado" aria-label={tp().tornadoTitle} data-testid="tornado">
      <h3>{tp().tornadoTitle}</h3>
      <Show when={problem()}><p class="field-hint">{problem()}</p></Show>
      <Show when={!problem() && data() && !target()}><p class="field-hint">{tp().tornadoNoTarget}</p></Show>
      <Show when={targets().length > 1}>
        <label class="tornado-choice">
          {tp().tornadoChoose}{' '}
          <select data-testid="tornado-target" value={target()?.index ?? ''} onChange={(event) => setChosen({ indicator: props.indicator.id, index: Number(event.currentTarget.value) })}>
            <For each={targets()}>{(x) => <option value={x.index}>{x.period}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={target()}>
        {(tg) => {
          const effects = () => tg().effects;
          const extent = () => {
            const values = effects().flatMap((e) => [e.atLow, e.atHigh]).concat([tg().base]).filter(Number.isFinite);
            const lo = Math.min(...values);
            const hi = Math.max(...values);
            return hi > lo ? { lo, hi } : { lo: lo - 1, hi: hi + 1 };
          };
          const x = (v: number) => LABEL + ((v - extent().lo) / (extent().hi - extent().lo)) * (WIDTH - LABEL - 20);
          const height = () => effects().length * (BAR + 8) + 30;
          return (
            <>
              <p class="field-hint">{tp().tornadoCaption(nameOf(tg().indicator), tg().period, fmt(tg().base))}</p>
              <svg class="tornado-svg" viewBox={`0 0 ${WIDTH} ${height()}`} width="100%" role="img" aria-label={tp().tornadoTitle}>
                <line x1={x(tg().base)} x2={x(tg().base)} y1={0} y2={height() - 20} stroke="#4a524e" stroke-dasharray="4 3" />
                <For each={effects()}>
                  {(effect, i) => {
                    const input = () => data()?.inputs[effect.input];
                    const y = () => i() * (BAR + 8) + 4;
                    const left = () => Math.min(x(effect.atLow), x(effect.atHigh));
                    const width = () => Math.max(Math.abs(x(effect.atHigh) - x(effect.atLow)), 1);
                    return (
                      <g>
                        <text x={LABEL - 8} y={y() + BAR * 0.7} text-anchor="end" font-size="12">
                          {input() ? `${nameOf(input()!.indicator)} (${t().rangeOf[input()!.parameter].toLowerCase()})` : ''}
                        </text>
                        <rect x={left()} y={y()} width={width()} height={BAR} fill="rgba(11, 110, 79, 0.55)" rx="3">
                          <title>{`${t().low}: ${fmt(effect.atLow)} · ${t().high}: ${fmt(effect.atHigh)}`}</title>
                        </rect>
                      </g>
                    );
                  }}
                </For>
                <text x={x(extent().lo)} y={height() - 4} font-size="11">{fmt(extent().lo)}</text>
                <text x={x(extent().hi)} y={height() - 4} font-size="11" text-anchor="end">{fmt(extent().hi)}</text>
              </svg>
              <ul class="visually-hidden">
                <For each={effects()}>
                  {(effect) => <li>{`${nameOf(data()?.inputs[effect.input]?.indicator ?? '')}: ${t().low} ${fmt(effect.atLow)}, ${t().high} ${fmt(effect.atHigh)}`}</li>}
                </For>
              </ul>
            </>
          );
        }}
      </Show>
    </section>
  );
}
