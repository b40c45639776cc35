import { onCleanup, onMount, type JSX } from 'solid-js';

/**
 * A modal dialog on the native <dialog> element: focus moves into it, Escape cancels, focus
 * returns where it was when it closes.
 */
export function Dialog(props: { title: string; onClose: () => void; children: JSX.Element; testId?: string }) {
  let dialog!: HTMLDialogElement;
  const previous = document.activeElement as HTMLElement | null;
  onMount(() => {
    dialog.showModal();
    // The control marked autofocus wins over the first one (a selector list matches in document
    // order, so it cannot say that by itself).
    const first = dialog.querySelector<HTMLElement>('[autofocus]') ?? dialog.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
  });
  onCleanup(() => {
    if (dialog.open) dialog.close();
    previous?.focus?.();
  });
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby="dialog-title"
      data-testid={props.testId}
      onCancel={(event) => { event.preventDefault(); props.onClose(); }}
    >
      <h2 id="dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}
