import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Command, CommandError } from '../../engine/commands/index.ts';
import type { Plan } from '../../engine/model/plan.ts';
import { LIMITS } from '../../format/schema.ts';
import { localized } from '../grid/rows.ts';
import { lang, t } from '../i18n/index.ts';
import { notify } from '../notices.ts';
import { deleteGroupCommand, groupMembers, moveGroupCommand, renameGroupCommand, renameGroupLabel, UNGROUPED, type GroupNameProblem } from './groups.ts';
import { tp } from '../i18n/panel-messages.ts';

export interface GroupPanelProps {
  plan: Plan;
  /** The group whose heading has the grid's focus; `UNGROUPED` ('') for the ungrouped heading. */
  group: string;
  /** Makes a change; answers why it was refused, or null. */
  dispatch: (command: Command, label: string) => CommandError | null;
  /** Undoes the latest change if it is still the one with this label (the deletion notice's Undo). */
  undo: (label: string) => void;
  /** Whether the latest change is still the one with this label (reactive): the notice's Undo applies. */
  undoable: (label: string) => boolean;
  onClose: () => void;
}

/**
 * In the inspector's place while a group heading has the grid's focus: the group's names, how
 * many indicators it holds, its place among the groups, and its deletion (its indicators moved
 * elsewhere first). Each change is one undoable step.
 */
export function GroupPanel(props: GroupPanelProps) {
  const m = () => t();
  const group = () => props.plan.groups.find((g) => g.id === props.group);
  const members = () => groupMembers(props.plan, props.group);
  const title = () => {
    const found = group();
    return found ? localized(found.name, lang()) : m().ungrouped;
  };

  return (
    <aside class="inspector group-panel" aria-label={`${tp().groupPanel}: ${title()}`} data-testid="group-panel">
      <header class="inspector-header">
        <h2 data-testid="group-panel-title">{title()}</h2>
        <button type="button" class="icon-button" aria-label={tp().closeGroupPanel} onClick={() => props.onClose()}>×</button>
      </header>
      <p class="group-members" data-testid="group-members">{tp().groupMembers(members().length)}</p>
      <Show when={group()} fallback={<p class="field-hint" data-testid="group-ungrouped-hint">{tp().groupUngroupedHint}</p>}>
        {(found) => (
          <>
            <p class="inspector-id">{tp().groupFormulaHint(found().id)}</p>
            <section class="inspector-section">
              <h3>{tp().general}</h3>
              <NameField label={tp().fieldNameVi} value={found().name.vi} testId="group-name-vi"
                onCommit={(vi) => rename({ vi, en: found().name.en ?? '' })} />
              <NameField label={tp().fieldNameEn} hint={tp().groupNameEnHint} value={found().name.en ?? ''} testId="group-name-en"
                onCommit={(en) => rename({ vi: found().name.vi, en })} />
              <p class="field-hint">{tp().groupNameCommitHint}</p>
            </section>
            <div class="inspector-move" role="group" aria-label={tp().groupOrder}>
              <button type="button" class="button" data-testid="group-move-up" disabled={!moveGroupCommand(props.plan, props.group, -1)}
                onClick={() => move(-1)}>↑ {tp().moveUp}</button>
              <button type="button" class="button" data-testid="group-move-down" disabled={!moveGroupCommand(props.plan, props.group, 1)}
                onClick={() => move(1)}>↓ {tp().moveDown}</button>
            </div>
            <DeleteSection {...props} name={title()} count={members().length} />
          </>
        )}
      </Show>
    </aside>
  );

  function rename(typed: { vi: string; en: string }): string | null {
    const built = renameGroupCommand(props.plan, props.group, typed);
    if (!built.ok) return nameProblem(built.error);
    if (!built.value) return null;
    const refused = props.dispatch(built.value.command, renameGroupLabel(built.value.from, built.value.to, lang(), m()));
    // Checked above already, unless the plan changed meanwhile; the dispatcher's notice tells
    // the rest, and the field keeps what was typed either way.
    if (refused?.code === 'unknownGroup' || refused?.code === 'emptyName' || refused?.code === 'nameTooLong') return nameProblem(refused);
    return null;
  }

  function move(direction: -1 | 1) {
    const command = moveGroupCommand(props.plan, props.group, direction);
    if (!command) return;
    props.dispatch(command, tp().groupMovedLabel(title(), direction < 0));
  }

  function nameProblem(problem: GroupNameProblem): string {
    switch (problem.code) {
      case 'unknownGroup': return m().commandError.unknownGroup;
      case 'emptyName': return tp().groupNameEmpty;
      case 'nameTooLong': return tp().groupNameTooLong(problem.limit);
      case 'nameTaken': return tp().groupNameUsed(localized(problem.group.name, lang()));
    }
  }
}

/**
 * A name committed on Enter or when the field is left; refused inline, saying why, with what was
 * typed kept for mending. Escape puts the stored name back.
 */
function NameField(props: { label: string; hint?: string; value: string; testId: string; onCommit: (typed: string) => string | null }) {
  const [error, setError] = createSignal<string | null>(null);
  const errorId = createUniqueId();
  const hintId = createUniqueId();
  let input!: HTMLInputElement;
  const commit = () => setError(props.onCommit(input.value));
  // The hint and the reason stay outside the label: they describe the field, they are not its name.
  return (
    <div class="group-name-field">
      <label class="field">
        <span>{props.label}</span>
        <input
          ref={input}
          value={props.value}
          maxLength={LIMITS.textLength}
          data-testid={props.testId}
          aria-invalid={error() ? 'true' : 'false'}
          aria-describedby={[props.hint ? hintId : '', error() ? errorId : ''].filter(Boolean).join(' ') || undefined}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') { e.preventDefault(); commit(); }
            if (e.key === 'Escape') { e.preventDefault(); input.value = props.value; setError(null); }
          }}
        />
      </label>
      <Show when={props.hint}><p class="field-hint" id={hintId}>{props.hint}</p></Show>
      <Show when={error()}><p class="field-error" role="alert" id={errorId} data-testid={`${props.testId}-error`}>{error()}</p></Show>
    </div>
  );
}

/**
 * Deleting a group that holds indicators asks where they go (no group, or another group) before
 * anything changes; the deletion and those moves are one step, announced with an Undo.
 */
function DeleteSection(props: GroupPanelProps & { name: string; count: number }) {
  const m = () => t();
  const [choosing, setChoosing] = createSignal(false);
  const [destination, setDestination] = createSignal(UNGROUPED);
  const choiceId = createUniqueId();
  let deleteButton: HTMLButtonElement | undefined;
  const others = () => props.plan.groups.filter((g) => g.id !== props.group);

  const remove = () => {
    const to = destination();
    const built = deleteGroupCommand(props.plan, props.group, to === UNGROUPED ? null : to);
    if (!built.ok) return;
    // Named before the change: the group (and this panel) are gone after it.
    const name = props.name;
    const count = built.value.moved.length;
    const toName = to === UNGROUPED ? m().ungrouped : localized(others().find((g) => g.id === to)?.name ?? { vi: to }, lang());
    const label = tp().groupDeletedLabel(name, count, toName);
    // Taken now: the panel goes with the group, the notice stays.
    const { undo, undoable } = props;
    if (props.dispatch(built.value.command, label)) return;
    const notice = notify({ kind: 'info', text: tp().groupDeleted(name, count, toName), action: { label: m().undo, run: () => undo(label), applies: () => undoable(label) } });
    // This panel and the group's heading are gone with the group: the keyboard goes on from the
    // notice's Undo instead of falling to the page.
    document.querySelector<HTMLElement>(`[data-notice-id="${notice}"] .button-link`)?.focus();
  };

  const cancel = () => {
    setChoosing(false);
    deleteButton?.focus();
  };

  return (
    <section class="inspector-section">
      <h3>{tp().groupDelete}</h3>
      <Show
        when={choosing()}
        fallback={
          <div>
            <button ref={deleteButton} type="button" class="button" data-testid="group-delete"
              onClick={() => (props.count === 0 ? remove() : setChoosing(true))}>{tp().groupDelete}…</button>
          </div>
        }
      >
        <div class="group-delete" role="group" aria-labelledby={choiceId}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}>
          <p id={choiceId}>{tp().groupDeleteChoice(props.count)}</p>
          <select
            ref={(select) => queueMicrotask(() => select.focus())}
            aria-labelledby={choiceId}
            value={destination()}
            data-testid="group-delete-destination"
            onChange={(e) => setDestination(e.currentTarget.value)}
          >
            <option value={UNGROUPED}>{m().ungrouped}</option>
            <For each={others()}>{(other) => <option value={other.id}>{localized(other.name, lang())}</option>}</For>
          </select>
          <div class="group-delete-actions">
            <button type="button" class="button button-danger" data-testid="group-delete-confirm" onClick={remove}>{tp().groupDelete}</button>
            <button type="button" class="button" onClick={cancel}>{m().cancel}</button>
          </div>
        </div>
      </Show>
    </section>
  );
}
