import { createSignal, For, Show } from 'solid-js';
import type { PlanSession } from '../app/session.ts';
import type { PlanSummary } from '../storage/index.ts';
import { Dialog } from './Dialog.tsx';
import { RenameDialog } from './RenameDialog.tsx';
import { lang, t } from './i18n/index.ts';
import { notify } from './notices.ts';
import { Icon } from './icons.tsx';

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** The plans in this browser: open, create, rename, duplicate, delete (confirmed, then undoable). */
export function PlanList(props: { session: PlanSession }) {
  // The session is created once at start and never replaced.
  // eslint-disable-next-line solid/reactivity
  const session = props.session;
  const [renaming, setRenaming] = createSignal<PlanSummary | null>(null);
  const [deleting, setDeleting] = createSignal<PlanSummary | null>(null);

  const confirmDelete = async () => {
    const plan = deleting();
    setDeleting(null);
    if (!plan) return;
    const deleted = await session.deletePlan(plan.id);
    if (deleted.ok) {
      notify({ kind: 'info', text: t().deleted(plan.name), action: { label: t().undo, run: () => void session.restorePlan(plan.id) } });
    }
  };


  return (
    <nav class="plan-list" aria-label={t().plans}>
      <div class="plan-list-header">
        <h2>{t().plans}</h2>
        <button type="button" class="button" data-testid="new-plan" onClick={() => void session.createBlankPlan(t().newPlanName)}>
          + {t().newPlan}
        </button>
      </div>
      <Show when={session.plans().length > 0} fallback={<p class="empty-hint">{t().noPlans}</p>}>
        <ul data-testid="plan-list">
          <For each={session.plans()}>
            {(plan) => (
              <li class="plan-item" classList={{ 'plan-item-open': session.plan()?.id === plan.id }} data-testid="plan-item">
                <button
                  type="button"
                  class="plan-open"
                  aria-current={session.plan()?.id === plan.id ? 'page' : undefined}
                  onClick={() => void session.openPlan(plan.id)}
                >
                  <span class="plan-name">{plan.name}</span>
                  <span class="plan-meta">{t().indicatorsCount(plan.indicatorCount)} · {t().updatedAt(formatWhen(plan.updatedAt))}</span>
                </button>
                <div class="plan-actions">
                  <button type="button" class="icon-button" title={t().rename} aria-label={`${t().rename}: ${plan.name}`}
                    onClick={() => setRenaming(plan)}><Icon name="pencil" /></button>
                  <button type="button" class="icon-button" title={t().duplicate} aria-label={`${t().duplicate}: ${plan.name}`}
                    onClick={() => void session.duplicatePlan(plan.id, t().copySuffix)}><Icon name="copy" /></button>
                  <button type="button" class="icon-button danger" title={t().delete} aria-label={`${t().delete}: ${plan.name}`}
                    onClick={() => setDeleting(plan)}><Icon name="trash" /></button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={deleting()}>
        {(plan) => (
          <Dialog title={t().deleteTitle} onClose={() => setDeleting(null)} testId="delete-dialog">
            <p>{t().deleteBody(plan().name)}</p>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => setDeleting(null)}>{t().cancel}</button>
              <button type="button" class="button button-danger" data-testid="confirm-delete" onClick={() => void confirmDelete()}>{t().delete}</button>
            </div>
          </Dialog>
        )}
      </Show>

      <Show when={renaming()}>
        {(plan) => (
          <RenameDialog title={t().renameTitle} label={t().planName} name={plan().name} testId="rename-dialog"
            onClose={() => setRenaming(null)} onRename={(name) => void session.renamePlan(plan().id, name)} />
        )}
      </Show>
    </nav>
  );
}
