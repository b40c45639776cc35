import { For, Show, createEffect } from 'solid-js';
import { dismiss, notices, type Notice } from './notices.ts';
import { t } from './i18n/index.ts';

/** The notices, in a polite live region so screen readers hear results and errors. */
export function Notices() {
  return (
    <div class="notices" aria-live="polite" data-testid="notices">
      <For each={notices()}>{(notice) => <NoticeItem notice={notice} />}</For>
    </div>
  );
}

function NoticeItem(props: { notice: Notice }) {
  // A stale Undo is worse than none: pressing it would do nothing, or the wrong thing.
  createEffect(() => {
    const applies = props.notice.action?.applies;
    if (applies && !applies()) dismiss(props.notice.id);
  });
  return (
    <div class={`notice notice-${props.notice.kind}`} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-notice-id={props.notice.id} data-testid={`notice-${props.notice.kind}`}>
      <div class="notice-body">
        <p class="notice-text">{props.notice.text}</p>
        <Show when={props.notice.details?.length}>
          <ul class="notice-details">
            <For each={props.notice.details}>{(line) => <li><code>{line}</code></li>}</For>
          </ul>
        </Show>
      </div>
      <div class="notice-actions">
        <Show when={props.notice.action}>
          {(action) => (
            <button type="button" class="button-link" onClick={() => { action().run(); dismiss(props.notice.id); }}>
              {action().label}
            </button>
          )}
        </Show>
        <button type="button" class="icon-button" aria-label={t().close} onClick={() => dismiss(props.notice.id)}>×</button>
      </div>
    </div>
  );
}
