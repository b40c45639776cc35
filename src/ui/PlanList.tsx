import { createEffect, createMemo, createSignal, For, lazy, Show } from 'solid-js';
import type { PlanSession } from '../app/session.ts';
import type { PlanSummary } from '../storage/index.ts';
import { lang, t } from './i18n/index.ts';
import { notify } from './notices.ts';
import { Icon } from './icons.tsx';

// The dialogs load when first opened: they are not on the way to a first interactive grid.
const Dialog = lazy(() => import('./Dialog.tsx').then((m) => ({ default: m.Dialog })));
const RenameDialog = lazy(() => import('./RenameDialog.tsx').then((m) => ({ default: m.RenameDialog })));

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
  let list: HTMLElement | undefined;
  // Items are keyed by plan id, not by summary: a rename or a save gives a new summary, and a new
  // element would take the keyboard focus away from the planner.
  const byId = createMemo(() => new Map(session.plans().map((plan) => [plan.id, plan])));
  const ids = createMemo(() => session.plans().map((plan) => plan.id), undefined, {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });

  // Once a deleted plan has left the list, focus goes to the plan that took its place (or to
  // "new plan"), not to the page.
  const [refocus, setRefocus] = createSignal<{ gone: string; at: number } | null>(null);
  createEffect(() => {
    const pending = refocus();
    if (!pending || ids().includes(pending.gone)) return;
    setRefocus(null);
    const items = list?.querySelectorAll<HTMLElement>('.plan-open') ?? [];
    (items[Math.min(pending.at, items.length - 1)] ?? list?.querySelector<HTMLElement>('[data-testid="new-plan"]'))?.focus();
  });

  const confirmDelete = async () => {
    const plan = deleting();
    if (!plan) return;
    const at = ids().indexOf(plan.id);
    setDeleting(null);
    const deleted = await session.deletePlan(plan.id);
    if (deleted.ok) {
      setRefocus({ gone: plan.id, at });
      notify({ kind: 'info', text: t().deleted(plan.name), action: { label: t().undo, run: () => void session.restorePlan(plan.id) } });
    }
  };


  return (
    <nav ref={list} class="plan-list" aria-label={t().plans}>
      <div class="plan-list-header">
        <h2>{t().plans}</h2>
        <button type="button" class="button" data-testid="new-plan" onClick={() => void session.createBlankPlan(t().newPlanName)}>
          + {t().newPlan}
        </button>
      </div>
      <Show when={session.plans().length > 0} fallback={<p class="empty-hint">{t().noPlans}</p>}>
        <ul data-testid="plan-list">
          <For each={ids()}>
            {(id) => {
              // The last summary stays readable while a removed item is being taken down.
              const plan = createMemo<PlanSummary>((previous) => byId().get(id) ?? previous, undefined as unknown as PlanSummary);
              return (
                <li class="plan-item" classList={{ 'plan-item-open': session.plan()?.id === plan().id }} data-testid="plan-item">
                  <button
                    type="button"
                    class="plan-open"
                    aria-current={session.plan()?.id === plan().id ? 'page' : undefined}
                    onClick={() => void session.openPlan(plan().id)}
                  >
                    <span class="plan-name">{plan().name}</span>
                    <span class="plan-meta">{t().indicatorsCount(plan().indicatorCount)} · {t().updatedAt(formatWhen(plan().updatedAt))}</span>
                  </button>
                  <div class="plan-actions">
                    <button type="button" class="icon-button" title={t().rename} aria-label={`${t().rename}: ${plan().name}`}
                      onClick={() => setRenaming(plan())}><Icon name="pencil" /></button>
                    <button type="button" class="icon-button" title={t().duplicate} aria-label={`${t().duplicate}: ${plan().name}`}
                      onClick={() => void session.duplicatePlan(plan().id, t().copySuffix)}><Icon name="copy" /></button>
                    <button type="button" class="icon-button danger" title={t().delete} aria-label={`${t().delete}: ${plan().name}`}
                      onClick={() => setDeleting(plan())}><Icon name="trash" /></button>
                  </div>
                </li>
              );
            }}
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
