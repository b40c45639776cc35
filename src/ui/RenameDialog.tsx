import { createSignal } from 'solid-js';
import { Dialog } from './Dialog.tsx';
import { t } from './i18n/index.ts';
import { tp } from './i18n/panel-messages.ts';

/** Asks for a new name; `onRename` gets it trimmed, and only when it is not empty. */
export function RenameDialog(props: { title: string; label: string; name: string; testId: string; onRename: (name: string) => void; onClose: () => void }) {
  // The draft starts from the current name; the dialog is created anew each time it opens.
  // eslint-disable-next-line solid/reactivity
  const [draft, setDraft] = createSignal(props.name);
  return (
    <Dialog title={props.title} onClose={() => props.onClose()} testId={props.testId}>
      <form onSubmit={(event) => {
        event.preventDefault();
        const name = draft().trim();
        // Rename first: closing disposes the props this reads.
        if (name && name !== props.name) props.onRename(name);
        props.onClose();
      }}>
        <label class="field">
          <span>{props.label}</span>
          <input value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} maxLength={500} required autofocus />
        </label>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>{t().cancel}</button>
          <button type="submit" class="button button-primary">{tp().save}</button>
        </div>
      </form>
    </Dialog>
  );
}
