import { Index, createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import type { Command } from '../../engine/commands/index.ts';
import type { Indicator, IndicatorKind, Plan, Projection, Range, RangeParameter, TargetDirection } from '../../engine/model/plan.ts';
import { periodIndex } from '../../engine/periods/calendar.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber, parseNumber } from '../../i18n/numbers.ts';
import { lang, t } from '../i18n/index.ts';
import { describeRowProblem } from '../grid/problems.ts';
import { localized } from '../grid/rows.ts';
import { FormulaEditor } from './FormulaEditor.tsx';
import { FillSection } from './FillSection.tsx';
import { GroupField } from './GroupField.tsx';
import { tp } from '../i18n/panel-messages.ts';

export interface InspectorProps {
  plan: Plan;
  indicator: Indicator;
  result: PlanResult | null;
  dispatch: (command: Command, label: string) => void;
  onGoalSeek: (start: { indicator: string; period: string; value: number }) => void;
  onClose: () => void;
  /** The scenario shown, if any, and whether it changes this indicator itself. */
  scenario?: string | null;
  ownOverride?: boolean;
}

const METHODS: Projection['method'][] = ['constant', 'linear', 'growth', 'reachTarget', 'logistic', 'interpolate', 'manual', 'formula'];
const DIRECTIONS: TargetDirection[] = ['atLeast', 'atMost', 'hold'];
const KINDS: IndicatorKind[] = ['stock', 'flow', 'rate'];
// The method's own parameter first: it is what a planner is unsure about most often.
const RANGE_PARAMETERS: Record<Projection['method'], RangeParameter[]> = {
  constant: ['level'], linear: ['step', 'level'], growth: ['rate', 'level'], reachTarget: ['level'],
  logistic: ['rate', 'ceiling', 'level'], interpolate: [], manual: [], formula: [],
};

/** A number typed the planner's way; refused inline (with why) when it is not a number. */
function NumberField(props: { label: string; value: number | undefined; decimals?: number; percent?: boolean; testId?: string; onCommit: (value: number) => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const shown = () => {
    if (props.value === undefined || !Number.isFinite(props.value)) return '';
    return formatNumber(props.percent ? props.value * 100 : props.value, lang(), props.decimals ?? 4).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '');
  };
  const commit = (text: string) => {
    if (text.trim() === '' || text === shown()) { setError(null); return; }
    const parsed = parseNumber(text, lang());
    if (!parsed.ok) { setError(t().notANumber(text)); return; }
    setError(null);
    props.onCommit(props.percent ? parsed.value / 100 : parsed.value);
  };
  return (
    <label class="field">
      <span>{props.label}</span>
      <input
        inputMode="decimal"
        value={shown()}
        data-testid={props.testId}
        aria-invalid={error() ? 'true' : 'false'}
        onChange={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(e.currentTarget.value); }}
      />
      <Show when={error()}><span class="field-error" role="alert">{error()}</span></Show>
    </label>
  );
}

function TextField(props: { label: string; value: string; multiline?: boolean; testId?: string; onCommit: (value: string) => void }) {
  const commit = (value: string) => { if (value !== props.value) props.onCommit(value); };
  return (
    <label class="field">
      <span>{props.label}</span>
      <Show
        when={props.multiline}
        fallback={<input value={props.value} maxLength={500} data-testid={props.testId} onChange={(e) => commit(e.currentTarget.value)} />}
      >
        <textarea rows={3} value={props.value} maxLength={10_000} data-testid={props.testId} onChange={(e) => commit(e.currentTarget.value)} />
      </Show>
    </label>
  );
}

function Section(props: { title: string; children: JSX.Element }) {
  return (
    <section class="inspector-section">
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

// Narrowing helpers for <Match>/<Show>: the value when it is of that kind, else false.
type Of<M extends Projection['method']> = Extract<Projection, { method: M }>;
const growthOf = (p: Projection): Of<'growth'> | false => p.method === 'growth' && p;
const linearOf = (p: Projection): Of<'linear'> | false => p.method === 'linear' && p;
const logisticOf = (p: Projection): Of<'logistic'> | false => p.method === 'logistic' && p;
const interpolateOf = (p: Projection): Of<'interpolate'> | false => p.method === 'interpolate' && p;
const formulaOf = (p: Projection): Of<'formula'> | false => p.method === 'formula' && p;
const normalOf = (r: Range): Extract<Range, { distribution: 'normal' }> | false => r.distribution === 'normal' && r;
const spreadOf = (r: Range): Exclude<Range, { distribution: 'normal' }> | false => r.distribution !== 'normal' && r;

/** Defaults when a planner switches method: sensible starting parameters, never blanks. */
function defaultProjection(method: Projection['method'], indicator: Indicator): Projection {
  switch (method) {
    case 'constant': return { method };
    case 'linear': return { method, step: 0 };
    case 'growth': return { method, rate: 0.05 };
    case 'reachTarget': return { method };
    case 'logistic': {
      const values = Object.values(indicator.actuals);
      const last = values.length ? Math.max(...values) : 1;
      return { method, ceiling: last * 1.5 || 1, rate: 0.5 };
    }
    case 'interpolate': return { method, mode: 'linear', anchors: {} };
    case 'manual': return { method, values: {} };
    case 'formula': return { method, formula: '' };
  }
}

/** The selected indicator's properties: every field editable, each change one undoable command. */
export function Inspector(props: InspectorProps) {
  const m = () => t();
  const name = () => localized(props.indicator.name, lang());
  const id = () => props.indicator.id;
  const periods = () => periodIndex(props.plan.calendar).keys;
  const label = (what: string) => `${name()}: ${what}`;
  const problems = () => {
    const result = props.result;
    if (!result) return [];
    const row = result.ids.indexOf(id());
    return result.problems.filter((p) => p.row === row);
  };

  /** The index of the nearest indicator of the same group above (-1) or below (+1), or -1. */
  const neighbour = (direction: -1 | 1): number => {
    const all = props.plan.indicators;
    const here = all.findIndex((i) => i.id === id());
    for (let i = here + direction; i >= 0 && i < all.length; i += direction) {
      if (all[i]?.group === props.indicator.group) return i;
    }
    return -1;
  };

  const setProjection = (projection: Projection, what: string) =>
    props.dispatch({ type: 'setProjection', indicator: id(), projection }, label(what));

  const setRange = (range: Range | null) => props.dispatch({ type: 'setRange', indicator: id(), range }, label(tp().fieldRange));

  const rangeChoices = () => RANGE_PARAMETERS[props.indicator.projection.method];

  return (
    <aside class="inspector" aria-label={m().inspector} data-testid="inspector">
      <header class="inspector-header">
        <h2>{name()}</h2>
        <button type="button" class="icon-button" aria-label={tp().closeInspector} onClick={() => props.onClose()}>×</button>
      </header>
      <p class="inspector-id">{tp().fieldId}: <code>{id()}</code></p>
      <div class="inspector-move" role="group" aria-label={m().moveIndicator}>
        <button type="button" class="button" data-testid="move-up" disabled={neighbour(-1) < 0}
          onClick={() => props.dispatch({ type: 'moveIndicator', indicator: id(), index: neighbour(-1) }, label(tp().moveUp))}>↑ {tp().moveUp}</button>
        <button type="button" class="button" data-testid="move-down" disabled={neighbour(1) < 0}
          onClick={() => props.dispatch({ type: 'moveIndicator', indicator: id(), index: neighbour(1) }, label(tp().moveDown))}>↓ {tp().moveDown}</button>
      </div>
      <Show when={props.scenario && props.ownOverride}>
        <button type="button" class="button" title={tp().resetOverrideHint} data-testid="reset-override"
          onClick={() => props.dispatch({ type: 'resetOverride', scenario: props.scenario as string, indicator: id() }, label(m().resetOverride))}>
          ↺ {m().resetOverride}
        </button>
      </Show>

      <Show when={problems().length > 0}>
        <div class="banner banner-error" role="alert">
          <strong>{m().rowProblems}: </strong>
          {problems().slice(0, 3).map((p) => describeRowProblem(p, m(), lang())).join(' · ')}
        </div>
      </Show>

      <Section title={tp().fieldMethod}>
        <label class="field">
          <span>{tp().fieldMethod}</span>
          <select value={props.indicator.projection.method} data-testid="field-method"
            onChange={(e) => {
              const method = e.currentTarget.value as Projection['method'];
              setProjection(defaultProjection(method, props.indicator), m().method[method]);
            }}>
            <For each={METHODS}>{(method) => <option value={method}>{m().method[method]}</option>}</For>
          </select>
        </label>
        <p class="field-hint">{tp().methodHint[props.indicator.projection.method]}</p>
        <Switch>
          <Match when={growthOf(props.indicator.projection)}>
            {(projection) => <NumberField label={tp().fieldRate} value={projection().rate} percent decimals={4} testId="field-rate" onCommit={(rate) => setProjection({ method: 'growth', rate }, tp().fieldRate)} />}
          </Match>
          <Match when={linearOf(props.indicator.projection)}>
            {(projection) => <NumberField label={tp().fieldStep} value={projection().step} onCommit={(step) => setProjection({ method: 'linear', step }, tp().fieldStep)} />}
          </Match>
          <Match when={logisticOf(props.indicator.projection)}>
            {(projection) => (
              <div class="field-row">
                <NumberField label={tp().fieldCeiling} value={projection().ceiling} onCommit={(ceiling) => setProjection({ ...projection(), ceiling }, tp().fieldCeiling)} />
                <NumberField label={tp().fieldRate} value={projection().rate} percent onCommit={(rate) => setProjection({ ...projection(), rate }, tp().fieldRate)} />
              </div>
            )}
          </Match>
          <Match when={interpolateOf(props.indicator.projection)}>
            {(projection) => (
              <label class="field">
                <span>{tp().fieldMode}</span>
                <select value={projection().mode} onChange={(e) => setProjection({ ...projection(), mode: e.currentTarget.value as 'linear' | 'geometric' }, tp().fieldMode)}>
                  <option value="linear">{m().mode.linear}</option>
                  <option value="geometric">{m().mode.geometric}</option>
                </select>
              </label>
            )}
          </Match>
          <Match when={formulaOf(props.indicator.projection)}>
            {(projection) => <FormulaEditor plan={props.plan} formula={projection().formula} onApply={(formula) => setProjection({ method: 'formula', formula }, `ƒ = ${formula}`)} />}
          </Match>
        </Switch>
      </Section>

      <Show when={props.indicator.projection.method !== 'formula'}>
        <FillSection plan={props.plan} indicator={props.indicator} result={props.result} dispatch={props.dispatch} label={label} />
      </Show>

      <Section title={tp().fieldTargets}>
        <ul class="target-list">
          <Index each={props.indicator.targets}>
            {(target, index) => (
              <li class="target-item" data-testid="target-item">
                <select aria-label={m().colTargetPeriod} value={target().period}
                  onChange={(e) => props.dispatch({ type: 'setTarget', indicator: id(), index: index, target: { ...target(), period: e.currentTarget.value } }, label(tp().fieldTargets))}>
                  <For each={periods()}>{(key) => <option value={key}>{key}</option>}</For>
                </select>
                <select aria-label={tp().fieldTargets} value={target().direction}
                  onChange={(e) => props.dispatch({ type: 'setTarget', indicator: id(), index: index, target: { ...target(), direction: e.currentTarget.value as TargetDirection } }, label(tp().fieldTargets))}>
                  <For each={DIRECTIONS}>{(d) => <option value={d}>{tp().targetDirection[d]}</option>}</For>
                </select>
                <NumberField label={m().targetValue} value={target().value} decimals={Math.max(props.indicator.decimals, 2)}
                  onCommit={(value) => props.dispatch({ type: 'setTarget', indicator: id(), index: index, target: { ...target(), value } }, label(`${target().period}: ${formatNumber(value, lang(), props.indicator.decimals)}`))} />
                <button type="button" class="button" onClick={() => props.dispatch({ type: 'removeTarget', indicator: id(), index: index }, label(m().removeTarget))}>{m().removeTarget}</button>
                <button type="button" class="button" data-testid="target-goal-seek" onClick={() => props.onGoalSeek({ indicator: id(), period: target().period, value: target().value })}>{m().goalSeek}</button>
              </li>
            )}
          </Index>
        </ul>
        <button type="button" class="button" data-testid="add-target"
          onClick={() => {
            const keys = periods();
            const last = Object.keys(props.indicator.actuals).sort().at(-1);
            const next = keys[Math.min(last ? keys.indexOf(last) + 1 : 0, keys.length - 1)] ?? props.plan.calendar.end;
            const latest = last ? (props.indicator.actuals[last] ?? 0) : 0;
            props.dispatch({ type: 'insertTarget', indicator: id(), index: props.indicator.targets.length, target: { period: next, value: latest, direction: 'atLeast' } }, label(tp().addTarget));
          }}>+ {tp().addTarget}</button>
      </Section>

      <Show when={rangeChoices().length > 0}>
        <Section title={tp().fieldRange}>
          <label class="field">
            <span>{tp().fieldRange}</span>
            <select value={props.indicator.range?.distribution ?? ''} data-testid="field-range"
              onChange={(e) => {
                const distribution = e.currentTarget.value;
                if (!distribution) return setRange(null);
                const of = props.indicator.range?.of ?? rangeChoices()[0] ?? 'level';
                const base = of === 'rate' && props.indicator.projection.method === 'growth' ? props.indicator.projection.rate : of === 'level' ? (Object.entries(props.indicator.actuals).sort().at(-1)?.[1] ?? 0) : 0;
                const spread = Math.abs(base) * 0.1 || 0.01;
                setRange(distribution === 'normal'
                  ? { distribution: 'normal', of, mean: base, sd: spread / 2 }
                  : { distribution: distribution as 'triangular' | 'pert', of, low: base - spread, likely: base, high: base + spread });
              }}>
              <option value="">{tp().noRange}</option>
              <option value="triangular">{m().distribution.triangular}</option>
              <option value="pert">{m().distribution.pert}</option>
              <option value="normal">{m().distribution.normal}</option>
            </select>
          </label>
          <Show when={props.indicator.range}>
            {(range) => (
              <>
                <label class="field">
                  <span>{m().rangeOf.level.split(' ')[0] ?? ''}</span>
                  <select value={range().of} onChange={(e) => setRange({ ...range(), of: e.currentTarget.value as RangeParameter })}>
                    <For each={rangeChoices()}>{(p) => <option value={p}>{m().rangeOf[p]}</option>}</For>
                  </select>
                </label>
                <Show
                  when={normalOf(range())}
                  fallback={
                    <Show when={spreadOf(range())}>
                      {(r) => (
                        <div class="field-row">
                          <NumberField label={m().low} value={r().low} percent={r().of === 'rate'} onCommit={(low) => setRange({ ...r(), low: Math.min(low, r().likely) })} />
                          <NumberField label={m().likely} value={r().likely} percent={r().of === 'rate'} onCommit={(likely) => setRange({ ...r(), likely: Math.min(Math.max(likely, r().low), r().high) })} />
                          <NumberField label={m().high} value={r().high} percent={r().of === 'rate'} onCommit={(high) => setRange({ ...r(), high: Math.max(high, r().likely) })} />
                        </div>
                      )}
                    </Show>
                  }
                >
                  {(r) => (
                    <div class="field-row">
                      <NumberField label={m().mean} value={r().mean} percent={r().of === 'rate'} onCommit={(mean) => setRange({ ...r(), mean })} />
                      <NumberField label={m().sd} value={r().sd} percent={r().of === 'rate'} onCommit={(sd) => setRange({ ...r(), sd: Math.abs(sd) })} />
                    </div>
                  )}
                </Show>
              </>
            )}
          </Show>
        </Section>
      </Show>

      <Section title={tp().general}>
        <TextField label={tp().fieldNameVi} value={props.indicator.name.vi} testId="field-name-vi"
          onCommit={(v) => v.trim() && props.dispatch({ type: 'setIndicatorText', indicator: id(), field: 'name', value: { ...props.indicator.name, vi: v.trim() } }, label(v))} />
        <TextField label={tp().fieldNameEn} value={props.indicator.name.en ?? ''}
          onCommit={(v) => props.dispatch({ type: 'setIndicatorText', indicator: id(), field: 'name', value: v.trim() ? { ...props.indicator.name, en: v.trim() } : { vi: props.indicator.name.vi } }, label(v))} />
        <TextField label={tp().fieldUnitVi} value={props.indicator.unit.vi}
          onCommit={(v) => props.dispatch({ type: 'setIndicatorText', indicator: id(), field: 'unit', value: { ...props.indicator.unit, vi: v.trim() } }, label(v))} />
        <TextField label={tp().fieldUnitEn} value={props.indicator.unit.en ?? ''}
          onCommit={(v) => props.dispatch({ type: 'setIndicatorText', indicator: id(), field: 'unit', value: v.trim() ? { ...props.indicator.unit, en: v.trim() } : { vi: props.indicator.unit.vi } }, label(v))} />
        <div class="field-row">
          <label class="field">
            <span>{tp().fieldKind}</span>
            <select value={props.indicator.kind} onChange={(e) => props.dispatch({ type: 'setIndicatorKind', indicator: id(), kind: e.currentTarget.value as IndicatorKind }, label(tp().fieldKind))}>
              <For each={KINDS}>{(kind) => <option value={kind}>{m().kind[kind]}</option>}</For>
            </select>
          </label>
          <label class="field field-narrow">
            <span>{tp().fieldDecimals}</span>
            <select value={String(props.indicator.decimals)} onChange={(e) => props.dispatch({ type: 'setIndicatorDecimals', indicator: id(), decimals: Number(e.currentTarget.value) }, label(tp().fieldDecimals))}>
              <For each={[0, 1, 2, 3, 4, 5, 6]}>{(d) => <option value={String(d)}>{d}</option>}</For>
            </select>
          </label>
        </div>
        <GroupField plan={props.plan} indicator={props.indicator} dispatch={props.dispatch} label={label} />
      </Section>

      <Section title={tp().fieldNote}>
        <TextField label={tp().fieldNote} value={props.indicator.note ?? ''} multiline
          onCommit={(v) => props.dispatch({ type: 'setIndicatorNote', indicator: id(), field: 'note', value: v.trim() || null }, label(tp().fieldNote))} />
        <TextField label={tp().fieldSource} value={props.indicator.source ?? ''} multiline
          onCommit={(v) => props.dispatch({ type: 'setIndicatorNote', indicator: id(), field: 'source', value: v.trim() || null }, label(tp().fieldSource))} />
      </Section>
    </aside>
  );
}
