import { createMemo, createSignal, For, Show } from 'solid-js';
import type { PlanSession } from '../app/session.ts';
import type { CallError } from '../client/engine-client.ts';
import type { Command } from '../engine/commands/index.ts';
import type { Indicator, Plan, RangeParameter } from '../engine/model/plan.ts';
import { periodIndex } from '../engine/periods/calendar.ts';
import type { GoalSeekAnswer, GoalSeekProblem } from '../engine/solve/index.ts';
import type { ScenarioProblem } from '../engine/scenarios/index.ts';
import { formatNumber, formatPercent, parseNumber } from '../i18n/numbers.ts';
import { Dialog } from './Dialog.tsx';
import { localized } from './grid/rows.ts';
import { lang, t, type Messages } from './i18n/index.ts';
import { tp } from './i18n/panel-messages.ts';

export interface GoalSeekStart { indicator?: string; period?: string; value?: number }

const PARAMETERS_OF: Record<Indicator['projection']['method'], RangeParameter[]> = {
  constant: ['level'], linear: ['level', 'step'], growth: ['rate', 'level'], reachTarget: ['level'],
  logistic: ['rate', 'ceiling', 'level'], interpolate: [], manual: [], formula: [],
};

/** The command that writes a found parameter value into the plan: one undoable change. */
export function applyAnswer(plan: Plan, indicatorId: string, parameter: RangeParameter, value: number): Command | null {
  const indicator = plan.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return null;
  const projection = indicator.projection;
  switch (parameter) {
    case 'level': {
      const latest = Object.keys(indicator.actuals).sort().at(-1);
      return latest ? { type: 'setActual', indicator: indicatorId, period: latest, value } : null;
    }
    case 'rate':
      return projection.method === 'growth' || projection.method === 'logistic' ? { type: 'setProjection', indicator: indicatorId, projection: { ...projection, rate: value } } : null;
    case 'step':
      return projection.method === 'linear' ? { type: 'setProjection', indicator: indicatorId, projection: { ...projection, step: value } } : null;
    case 'ceiling':
      return projection.method === 'logistic' ? { type: 'setProjection', indicator: indicatorId, projection: { ...projection, ceiling: value } } : null;
  }
}

function describeProblem(error: CallError<GoalSeekProblem | ScenarioProblem>, m: Messages, name: (id: string) => string): string {
  if (error.code !== 'engine') return tp().goalSeekFailed;
  const p = error.problem;
  switch (p.code) {
    case 'noSolution': return tp().goalSeekNoSolution(formatNumber(p.low, lang(), 4), formatNumber(p.high, lang(), 4), formatNumber(p.lowValue, lang(), 2), formatNumber(p.highValue, lang(), 2));
    case 'notAffected': return tp().goalSeekNotAffected(name(p.indicator), name(p.vary));
    case 'notConverged': return tp().goalSeekNotConverged(p.evaluations);
    case 'noSuchParameter': return tp().goalSeekNoParameter;
    case 'notComputable': return tp().goalSeekNotComputable(name(p.indicator));
    case 'unknownIndicator':
    case 'unknownPeriod':
    case 'invalidRequest':
    case 'plan':
    case 'unknownScenario':
    case 'scenarioLoop':
      return tp().goalSeekFailed;
  }
}

/** "What must X be for Y to reach V in P?": the answer applied as one undoable change, or why none. */
export function GoalSeekDialog(props: { session: PlanSession; plan: Plan; start: GoalSeekStart; onClose: () => void }) {
  const m = () => t();
  const name = (id: string) => {
    const indicator = props.plan.indicators.find((i) => i.id === id);
    return indicator ? localized(indicator.name, lang()) : id;
  };
  const inputs = () => props.plan.indicators.filter((i) => PARAMETERS_OF[i.projection.method].length > 0);
  const periods = () => periodIndex(props.plan.calendar).keys;
  // Starting values come from where the dialog was opened; later edits are the planner's.
  /* eslint-disable solid/reactivity */
  const [targetId, setTargetId] = createSignal(props.start.indicator ?? props.plan.indicators[0]?.id ?? '');
  const [period, setPeriod] = createSignal(props.start.period ?? props.plan.calendar.end);
  const [valueText, setValueText] = createSignal(props.start.value !== undefined ? formatNumber(props.start.value, lang(), 4).replace(/[.,]?0+$/, '') : '');
  const [inputId, setInputId] = createSignal(inputs()[0]?.id ?? '');
  /* eslint-enable solid/reactivity */
  const parameters = createMemo(() => {
    const indicator = props.plan.indicators.find((i) => i.id === inputId());
    return indicator ? PARAMETERS_OF[indicator.projection.method] : [];
  });
  const [parameter, setParameter] = createSignal<RangeParameter>('level');
  const chosenParameter = () => (parameters().includes(parameter()) ? parameter() : (parameters()[0] ?? 'level'));
  const [busy, setBusy] = createSignal(false);
  const [answer, setAnswer] = createSignal<{ found: GoalSeekAnswer; parameter: RangeParameter; input: string } | null>(null);
  const [problem, setProblem] = createSignal<string | null>(null);

  const formatParameter = (value: number, p: RangeParameter, input: string) => {
    if (p === 'rate') return `${formatPercent(value, lang(), 2, true)}${m().perPeriod[props.plan.calendar.periodicity]}`;
    const decimals = props.plan.indicators.find((i) => i.id === input)?.decimals ?? 2;
    return formatNumber(value, lang(), Math.max(decimals, 2));
  };

  const seek = async (event: Event) => {
    event.preventDefault();
    if (busy()) return;
    setAnswer(null);
    setProblem(null);
    const value = parseNumber(valueText(), lang());
    if (!value.ok) return setProblem(m().notANumber(valueText()));
    setBusy(true);
    const p = chosenParameter();
    const input = inputId();
    const found = await props.session.goalSeek({ vary: { indicator: input, parameter: p }, indicator: targetId(), period: period(), value: value.value });
    setBusy(false);
    if (found.ok) setAnswer({ found: found.value, parameter: p, input });
    else if (found.error.code !== 'superseded') setProblem(describeProblem(found.error, m(), name));
  };

  const apply = () => {
    const a = answer();
    if (!a) return;
    const command = applyAnswer(props.plan, a.input, a.parameter, a.found.value);
    if (command) props.session.dispatch(command, tp().goalSeekApplied(name(a.input), formatParameter(a.found.value, a.parameter, a.input)));
    props.onClose();
  };

  return (
    <Dialog title={tp().goalSeekTitle} onClose={() => props.onClose()} testId="goal-seek-dialog">
      <form class="form-grid" onSubmit={(e) => void seek(e)}>
        <label class="field field-wide">
          <span>{tp().goalSeekTarget}</span>
          <select name="target" value={targetId()} onChange={(e) => setTargetId(e.currentTarget.value)}>
            <For each={props.plan.indicators}>{(i) => <option value={i.id}>{localized(i.name, lang())}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{tp().goalSeekValue}</span>
          <input name="value" inputMode="decimal" value={valueText()} onInput={(e) => setValueText(e.currentTarget.value)} required />
        </label>
        <label class="field">
          <span>{tp().goalSeekPeriod}</span>
          <select name="period" value={period()} onChange={(e) => setPeriod(e.currentTarget.value)}>
            <For each={periods()}>{(key) => <option value={key}>{key}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{tp().goalSeekInput}</span>
          <select name="input" value={inputId()} onChange={(e) => setInputId(e.currentTarget.value)}>
            <For each={inputs()}>{(i) => <option value={i.id}>{localized(i.name, lang())}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{tp().goalSeekParameter}</span>
          <select name="parameter" value={chosenParameter()} onChange={(e) => setParameter(e.currentTarget.value as RangeParameter)}>
            <For each={parameters()}>{(p) => <option value={p}>{m().rangeOf[p]}</option>}</For>
          </select>
        </label>
        <Show when={answer()}>
          {(a) => (
            <p class="goal-seek-answer field-wide" role="status" data-testid="goal-seek-answer">
              {tp().goalSeekAnswer(name(a().input), m().rangeOf[a().parameter].toLowerCase(), formatParameter(a().found.value, a().parameter, a().input), formatParameter(a().found.base, a().parameter, a().input), a().found.evaluations)}
            </p>
          )}
        </Show>
        <Show when={problem()}>
          <p class="field-error field-wide" role="alert" data-testid="goal-seek-problem">{problem()}</p>
        </Show>
        <div class="dialog-actions field-wide">
          <button type="button" class="button" onClick={() => props.onClose()}>{m().cancel}</button>
          {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page. */}
          <button type="submit" class="button" aria-disabled={busy()} data-testid="goal-seek-run">{busy() ? m().computing : tp().goalSeekRun}</button>
          <button type="button" class="button button-primary" disabled={!answer()} data-testid="goal-seek-apply" onClick={apply}>{tp().goalSeekApply}</button>
        </div>
      </form>
    </Dialog>
  );
}
