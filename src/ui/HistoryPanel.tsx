import { For, Show } from 'solid-js';
import type { PlanSession } from '../app/session.ts';
import { t } from './i18n/index.ts';
import { tp } from './i18n/panel-messages.ts';

/**
 * Every change since the plan was opened, named ("Doanh thu 2024: 5.300 → 5.500"); choosing one
 * goes back to just after it, and undone changes stay listed until a new edit replaces them.
 */
export function HistoryPanel(props: { session: PlanSession }) {
  const done = () => [...props.session.history()].map((entry, index) => ({ entry, index })).reverse();
  const undone = () => [...props.session.future()].map((entry, index) => ({ entry, index }));
  let panel!: HTMLElement;
  // The list is drawn anew after a jump, so the chosen button is gone: focus goes to the entry the
  // plan is now at (or to "start"), where the planner is.
  const jump = (run: () => void) => {
    run();
    queueMicrotask(() => panel.querySelector<HTMLElement>('.history-current .history-item, .history-start')?.focus());
  };
  return (
    <section ref={panel} class="history" aria-label={t().history} data-testid="history">
      <h3>{t().history}</h3>
      <Show when={done().length + undone().length > 0} fallback={<p class="field-hint">{tp().historyEmpty}</p>}>
        <ol class="history-list">
          <For each={undone()}>
            {({ entry, index }) => (
              <li class="history-undone">
                <button type="button" class="history-item" title={t().redoTo} onClick={() => jump(() => props.session.redoTo(index))}>
                  ↷ {entry.label}
                </button>
              </li>
            )}
          </For>
          <For each={done()}>
            {({ entry, index }) => (
              <li classList={{ 'history-current': index === props.session.history().length - 1 }}>
                <button type="button" class="history-item" title={tp().backTo} data-testid="history-item" onClick={() => jump(() => props.session.undoTo(index + 1))}>
                  {entry.label}
                </button>
              </li>
            )}
          </For>
          <li>
            <button type="button" class="history-item history-start" onClick={() => jump(() => props.session.undoTo(0))}>{tp().historyStart}</button>
          </li>
        </ol>
      </Show>
    </section>
  );
}
