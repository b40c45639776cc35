import { createSignal, For, Show } from 'solid-js';
import type { PlanSession } from '../../app/session.ts';
import type { Command } from '../../engine/commands/index.ts';
import type { Plan, Scenario } from '../../engine/model/plan.ts';
import { Dialog } from '../Dialog.tsx';
import { RenameDialog } from '../RenameDialog.tsx';
import { lang, t } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';
import { tp } from '../i18n/panel-messages.ts';

/** A free scenario id: s1, s2, … */
function nextScenarioId(plan: Plan): { id: string; n: number } {
  const taken = new Set((plan.scenarios ?? []).map((s) => s.id));
  let n = (plan.scenarios?.length ?? 0) + 1;
  while (taken.has(`s${n}`)) n++;
  return { id: `s${n}`, n };
}

/**
 * The scenarios of the plan as tabs (the base first), and what can be done to the one shown:
 * fork it, rename, delete, make it the baseline, compare.
 */
export function ScenarioBar(props: {
  session: PlanSession;
  plan: Plan;
  dispatch: (command: Command, label: string) => void;
  onCompare: () => void;
}) {
  const [renaming, setRenaming] = createSignal<Scenario | null>(null);
  const [confirm, setConfirm] = createSignal<{ kind: 'delete' | 'baseline'; scenario: Scenario } | null>(null);
  const scenarios = () => props.plan.scenarios ?? [];
  const active = () => scenarios().find((s) => s.id === props.session.scenario()) ?? null;
  const depth = (scenario: Scenario): number => {
    let d = 0;
    let parent = scenario.parent;
    while (parent && d < 20) { d++; parent = scenarios().find((s) => s.id === parent)?.parent; }
    return d;
  };

  const fork = () => {
    const { id, n } = nextScenarioId(props.plan);
    const parent = props.session.scenario();
    const scenario: Scenario = { id, name: { vi: t().scenarioName(n), en: `Scenario ${n}` }, overrides: {}, ...(parent ? { parent } : {}) };
    props.dispatch({ type: 'addScenario', scenario, index: scenarios().length }, `${tp().newScenario}: ${localized(scenario.name, lang())}`);
    props.session.setScenario(id);
  };

  const act = () => {
    const pending = confirm();
    setConfirm(null);
    if (!pending) return;
    const name = localized(pending.scenario.name, lang());
    if (pending.kind === 'delete') {
      props.session.setScenario(pending.scenario.parent ?? null);
      props.dispatch({ type: 'removeScenario', scenario: pending.scenario.id }, `${tp().deleteScenario}: ${name}`);
    } else {
      props.dispatch({ type: 'makeBaseline', scenario: pending.scenario.id }, `${t().makeBaseline}: ${name}`);
    }
  };

  return (
    <div class="scenario-bar" data-testid="scenario-bar">
      <span class="scenario-label">{t().scenarios}:</span>
      <div role="tablist" aria-label={t().scenarios} class="scenario-tabs">
        <button type="button" role="tab" aria-selected={props.session.scenario() === null} class="scenario-tab" data-testid="scenario-tab-base"
          onClick={() => props.session.setScenario(null)}>{t().baseScenario}</button>
        <For each={scenarios()}>
          {(scenario) => (
            <button type="button" role="tab" aria-selected={props.session.scenario() === scenario.id} class="scenario-tab"
              style={{ 'margin-left': `${depth(scenario) * 0.4}rem` }} data-testid={`scenario-tab-${scenario.id}`}
              onClick={() => props.session.setScenario(scenario.id)}>
              {depth(scenario) > 0 ? '↳ ' : ''}{localized(scenario.name, lang())}
            </button>
          )}
        </For>
      </div>
      <button type="button" class="button" title={tp().newScenarioHint} data-testid="fork-scenario" onClick={fork}>+ {tp().newScenario}</button>
      <Show when={active()}>
        {(scenario) => (
          <>
            <button type="button" class="button" data-testid="rename-scenario" onClick={() => setRenaming(scenario())}>{t().rename}</button>
            <button type="button" class="button" data-testid="baseline-scenario" onClick={() => setConfirm({ kind: 'baseline', scenario: scenario() })}>{t().makeBaseline}</button>
            <button type="button" class="button" data-testid="delete-scenario" onClick={() => setConfirm({ kind: 'delete', scenario: scenario() })}>{t().delete}</button>
          </>
        )}
      </Show>
      <Show when={scenarios().length > 0}>
        <button type="button" class="button" data-testid="compare-scenarios" onClick={() => props.onCompare()}>{t().compare}</button>
      </Show>

      <Show when={renaming()}>
        {(scenario) => (
          <RenameDialog title={t().renameScenario} label={t().renameScenario} name={localized(scenario().name, lang())} testId="rename-scenario-dialog"
            onClose={() => setRenaming(null)}
            onRename={(name) => {
              const value = lang() === 'en' ? { ...scenario().name, en: name } : { ...scenario().name, vi: name };
              props.dispatch({ type: 'renameScenario', scenario: scenario().id, name: value }, `${t().renameScenario}: ${name}`);
            }} />
        )}
      </Show>
      <Show when={confirm()}>
        {(pending) => (
          <Dialog title={pending().kind === 'delete' ? tp().deleteScenario : t().makeBaseline} onClose={() => setConfirm(null)} testId="scenario-confirm-dialog">
            <p>{pending().kind === 'delete' ? tp().deleteScenarioBody(localized(pending().scenario.name, lang())) : tp().makeBaselineBody(localized(pending().scenario.name, lang()))}</p>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => setConfirm(null)}>{t().cancel}</button>
              <button type="button" class="button button-primary" data-testid="scenario-confirm" onClick={act}>{tp().confirm}</button>
            </div>
          </Dialog>
        )}
      </Show>
    </div>
  );
}
