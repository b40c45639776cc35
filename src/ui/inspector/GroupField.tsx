import { createSignal, For, Show } from 'solid-js';
import type { Command } from '../../engine/commands/index.ts';
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import { localized } from '../grid/rows.ts';
import { lang, t } from '../i18n/index.ts';
import { newGroupCommand } from './groups.ts';
import { tp } from '../i18n/panel-messages.ts';

/** Not a group id: ids never hold a colon. */
const NEW = ':new';

/** The indicator's group: one of the plan's, none, or a new one named here. */
export function GroupField(props: { plan: Plan; indicator: Indicator; dispatch: (command: Command, label: string) => void; label: (what: string) => string }) {
  const m = () => t();
  const [creating, setCreating] = createSignal(false);
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const choose = (value: string) => {
    if (value === NEW) return setCreating(true);
    setCreating(false);
    setError(null);
    props.dispatch({ type: 'setIndicatorGroup', indicator: props.indicator.id, group: value || null }, props.label(tp().fieldGroup));
  };

  const create = () => {
    const built = newGroupCommand(props.plan, props.indicator.id, name(), lang());
    if (!built.ok) {
      setError(built.error.code === 'emptyName' ? tp().groupNameEmpty : tp().groupNameTaken(localized(built.error.group.name, lang())));
      return;
    }
    setError(null);
    setCreating(false);
    setName('');
    props.dispatch(built.value.command, props.label(tp().groupCreatedLabel(localized(built.value.group.name, lang()))));
  };

  return (
    <>
      <label class="field">
        <span>{tp().fieldGroup}</span>
        <select value={creating() ? NEW : props.indicator.group ?? ''} data-testid="field-group" onChange={(e) => choose(e.currentTarget.value)}>
          <option value="">{m().ungrouped}</option>
          <For each={props.plan.groups}>{(group) => <option value={group.id}>{localized(group.name, lang())}</option>}</For>
          <option value={NEW}>{tp().groupNew}</option>
        </select>
      </label>
      <Show when={creating()}>
        <div class="field-row">
          <label class="field">
            <span>{tp().groupNewName}</span>
            <input value={name()} maxLength={500} data-testid="group-new-name" aria-invalid={error() ? 'true' : 'false'}
              onInput={(e) => setName(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') create();
                if (e.key === 'Escape') { setCreating(false); setError(null); }
              }} />
          </label>
        </div>
        <div>
          <button type="button" class="button" data-testid="group-create" onClick={create}>{tp().groupCreate}</button>
          {' '}
          <button type="button" class="button" onClick={() => { setCreating(false); setError(null); }}>{m().cancel}</button>
        </div>
        <Show when={error()}><p class="field-error" role="alert" data-testid="group-error">{error()}</p></Show>
      </Show>
    </>
  );
}
