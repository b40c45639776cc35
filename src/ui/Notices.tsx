import { For, Show } from 'solid-js';
import { dismiss, notices } from './notices.ts';
import { t } from './i18n/index.ts';

/** The notices, in a polite live region so screen readers hear results and errors. */
export function Notices() {
  return (
    <div class="notices" aria-live="polite" data-testid="notices">
      <For each={notices()}>
        {(notice) => (
          <div class={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-notice-id={notice.id} data-testid={`notice-${notice.kind}`}>
            <div class="notice-body">
              <p class="notice-text">{notice.text}</p>
              <Show when={notice.details?.length}>
                <ul class="notice-details">
                  <For each={notice.details}>{(line) => <li><code>{line}</code></li>}</For>
                </ul>
              </Show>
            </div>
            <div class="notice-actions">
              <Show when={notice.action}>
                {(action) => (
                  <button type="button" class="button-link" onClick={() => { action().run(); dismiss(notice.id); }}>
                    {action().label}
                  </button>
                )}
              </Show>
              <button type="button" class="icon-button" aria-label={t().close} onClick={() => dismiss(notice.id)}>×</button>
            </div>
          </div>
        )}
      </For>
    </div>
  );
}
