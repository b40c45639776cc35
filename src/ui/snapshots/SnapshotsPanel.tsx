import { createSignal, For, Show } from 'solid-js';
import type { SnapshotSummary } from '../../storage/index.ts';
import { Dialog } from '../Dialog.tsx';
import { lang } from '../i18n/index.ts';
import { m, shortWhen } from './messages.ts';
import './snapshots.css';

export interface SnapshotsPanelProps {
  /** The open plan's snapshots, newest first (as `listSnapshots` / `watchSnapshots` give them). */
  snapshots: SnapshotSummary[];
  onCreate(name: string): void;
  /** Called once the planner has confirmed. */
  onRestore(id: string): void;
  /** Called once the planner has confirmed. */
  onDelete(id: string): void;
  onCompare(id: string): void;
  onClose(): void;
}

function formatWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** What the list calls a snapshot: the planner's name, or what an automatic one was kept before. */
function title(snapshot: SnapshotSummary): string {
  switch (snapshot.kind) {
    case 'manual':
    case 'beforeImport':
      // An import's snapshot is named by the app, in words ("Trước khi nhập tệp …").
      return snapshot.name;
    case 'beforeRestore':
      return m().beforeRestore(snapshot.name);
  }
}

/**
 * Named snapshots of the open plan ("gửi Sở, 02/01"): keep the plan as it is now under a name,
 * compare one with now, restore one (confirmed; the current plan is kept automatically first) or
 * delete one (confirmed). The panel only asks: the app does the work through storage.
 */
export function SnapshotsPanel(props: SnapshotsPanelProps) {
  const [name, setName] = createSignal(m().defaultName(shortWhen(new Date())));
  const [confirming, setConfirming] = createSignal<{ action: 'restore' | 'delete'; snapshot: SnapshotSummary } | null>(null);

  const create = (event: Event) => {
    event.preventDefault();
    const chosen = name().trim();
    if (chosen === '') return;
    props.onCreate(chosen);
    // Ready for the next one, named after the time it will be taken.
    setName(m().defaultName(shortWhen(new Date())));
  };

  const confirm = () => {
    const pending = confirming();
    setConfirming(null);
    if (!pending) return;
    switch (pending.action) {
      case 'restore':
        props.onRestore(pending.snapshot.id);
        return;
      case 'delete':
        props.onDelete(pending.snapshot.id);
        return;
    }
  };

  return (
    <section class="snapshots" aria-labelledby="snapshots-title" data-testid="snapshots">
      <div class="snapshots-header">
        <h3 id="snapshots-title">{m().title}</h3>
        <button type="button" class="icon-button" aria-label={m().close} title={m().close} data-testid="close-snapshots" onClick={() => props.onClose()}>
          ×
        </button>
      </div>
      <p class="snapshots-hint">{m().hint}</p>
      <form class="snapshots-create" onSubmit={create}>
        <label class="field">
          <span>{m().nameLabel}</span>
          <input
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            required
            data-testid="snapshot-name"
          />
        </label>
        <button type="submit" class="button button-primary" disabled={name().trim() === ''} data-testid="create-snapshot">
          {m().create}
        </button>
      </form>
      <Show when={props.snapshots.length > 0} fallback={<p class="snapshots-empty">{m().empty}</p>}>
        <ul class="snapshots-list" aria-label={m().listLabel}>
          <For each={props.snapshots}>
            {(snapshot) => (
              <li class="snapshot" classList={{ 'snapshot-automatic': snapshot.kind !== 'manual' }} data-testid="snapshot-item">
                <span class="snapshot-name">{title(snapshot)}</span>
                <span class="snapshot-meta">
                  {m().meta(formatWhen(snapshot.createdAt), snapshot.indicatorCount)}
                  <Show when={snapshot.kind !== 'manual'}> · {m().automatic}</Show>
                </span>
                <div class="snapshot-actions">
                  <button type="button" class="button" data-testid="compare-snapshot" onClick={() => props.onCompare(snapshot.id)}>
                    {m().compare}
                  </button>
                  <button type="button" class="button" data-testid="restore-snapshot" onClick={() => setConfirming({ action: 'restore', snapshot })}>
                    {m().restore}
                  </button>
                  <button
                    type="button"
                    class="icon-button danger"
                    aria-label={`${m().delete}: ${title(snapshot)}`}
                    title={m().delete}
                    data-testid="delete-snapshot"
                    onClick={() => setConfirming({ action: 'delete', snapshot })}
                  >
                    {m().delete}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={confirming()}>
        {(pending) => (
          <Dialog
            title={pending().action === 'restore' ? m().restoreTitle : m().deleteTitle}
            onClose={() => setConfirming(null)}
            testId="snapshot-confirm"
          >
            <p>{pending().action === 'restore' ? m().restoreBody(title(pending().snapshot)) : m().deleteBody(title(pending().snapshot))}</p>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => setConfirming(null)}>{m().cancel}</button>
              <button
                type="button"
                class={pending().action === 'restore' ? 'button button-primary' : 'button button-danger'}
                data-testid="confirm-snapshot"
                onClick={confirm}
              >
                {pending().action === 'restore' ? m().restore : m().delete}
              </button>
            </div>
          </Dialog>
        )}
      </Show>
    </section>
  );
}
