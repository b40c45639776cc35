import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../engine/model/plan.ts';
import { formatFormulaError } from '../../engine/formula/index.ts';
import { lang, t } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';
import { checkFormula, suggestNames, type Suggestion } from './formula-check.ts';
import { tp } from '../i18n/panel-messages.ts';

/**
 * A formula field: checked on every keystroke (error and position shown while typing), with
 * name completion (↑/↓ to choose, Enter or Tab to insert, Esc to close). Applied on demand.
 */
export function FormulaEditor(props: { plan: Plan; formula: string; onApply: (formula: string) => void }) {
  let input!: HTMLTextAreaElement;
  // The draft starts from the stored formula; the editor is re-created for another indicator.
  // eslint-disable-next-line solid/reactivity
  const [draft, setDraft] = createSignal(props.formula);
  const [caret, setCaret] = createSignal(0);
  const [chosen, setChosen] = createSignal(0);
  const [closed, setClosed] = createSignal(false);

  const error = createMemo(() => checkFormula(draft(), props.plan));
  const suggestions = createMemo(() => {
    if (closed()) return { from: caret(), items: [] as Suggestion[] };
    return suggestNames(draft(), caret(), props.plan, (id) => {
      const indicator = props.plan.indicators.find((i) => i.id === id);
      return indicator ? localized(indicator.name, lang()) : id;
    });
  });

  const accept = (item: Suggestion) => {
    const { from } = suggestions();
    const text = draft();
    const next = text.slice(0, from) + item.insert + text.slice(caret());
    const position = from + item.insert.length;
    setDraft(next);
    setClosed(true);
    queueMicrotask(() => {
      input.value = next;
      input.setSelectionRange(position, position);
      setCaret(position);
      input.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = suggestions().items;
    if (items.length > 0) {
      if (event.key === 'ArrowDown') { event.preventDefault(); setChosen((chosen() + 1) % items.length); return; }
      if (event.key === 'ArrowUp') { event.preventDefault(); setChosen((chosen() + items.length - 1) % items.length); return; }
      if (event.key === 'Enter' || event.key === 'Tab') {
        const item = items[chosen()];
        if (item) { event.preventDefault(); accept(item); return; }
      }
      if (event.key === 'Escape') { event.preventDefault(); event.stopPropagation(); setClosed(true); return; }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (!error()) props.onApply(draft());
    }
  };

  return (
    <div class="formula-editor">
      <label class="field">
        <span>{tp().fieldFormula}</span>
        <textarea
          ref={input}
          rows={3}
          spellcheck={false}
          value={draft()}
          aria-invalid={error() ? 'true' : 'false'}
          aria-describedby="formula-status"
          data-testid="formula-input"
          onInput={(e) => { setDraft(e.currentTarget.value); setCaret(e.currentTarget.selectionStart); setChosen(0); setClosed(false); }}
          onKeyUp={(e) => setCaret(e.currentTarget.selectionStart)}
          onClick={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
        />
      </label>
      <Show when={suggestions().items.length > 0}>
        <ul class="suggestions" role="listbox" aria-label={t().suggestions} data-testid="formula-suggestions">
          <For each={suggestions().items}>
            {(item, index) => (
              <li role="option" aria-selected={index() === chosen()} classList={{ chosen: index() === chosen() }}
                onMouseDown={(e) => { e.preventDefault(); accept(item); }}>
                {item.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p id="formula-status" class={error() ? 'field-error' : 'field-ok'} data-testid="formula-status" aria-live="polite">
        {(() => {
          const e = error();
          return e ? formatFormulaError(e, lang()) : tp().formulaOk;
        })()}
      </p>
      <p class="field-hint">{tp().formulaHelp}</p>
      <button type="button" class="button button-primary" disabled={!!error() || draft() === props.formula} data-testid="apply-formula" onClick={() => props.onApply(draft())}>
        {tp().applyFormula}
      </button>
    </div>
  );
}
