/**
 * The Enter (or Tab) that commits a cell, held back from AG Grid until the edit shows with its
 * result (the grid releases it from the session's `beforeShow`), so that the editor closing, the
 * focus moving and the new values are drawn in one frame rather than two (decision 0013,
 * addenda 2 and 3).
 *
 * While the key is held the editor stays open with the typed value. Keys pressed meanwhile are
 * kept and replayed, in order, once the held key has been given to AG Grid: a planner typing on
 * into the next cell loses nothing and sees it in the next cell. A hold lasts until the result is
 * shown or `longest` ms, whichever comes first, so a slow answer never stops the grid.
 */

/** What a replayed key needs: the fields AG Grid and our handlers read. */
interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);

export interface HeldEnter {
  /** Holds this keydown (already committed by the caller) back from AG Grid; `released` runs once it has been given. */
  hold(event: KeyboardEvent, released: () => void): void;
  /** For a capture listener ahead of every other: keeps a key pressed during a hold. True if kept. */
  intercept(event: KeyboardEvent): boolean;
  /** Gives the held key, then the kept ones, to the grid. Nothing when no key is held. */
  release(): void;
  /** Whether the grid is being given kept keys (they are never held or kept again). */
  readonly replaying: boolean;
}

const pressOf = (event: KeyboardEvent): KeyPress => ({
  key: event.key,
  code: event.code,
  shiftKey: event.shiftKey,
  ctrlKey: event.ctrlKey,
  altKey: event.altKey,
  metaKey: event.metaKey,
});

/**
 * `container` is the grid's element: a replayed key goes to whatever has the focus inside it (the
 * next cell, or the editor a replayed character opened), or is dropped when the focus has left.
 */
export function createHeldEnter(container: HTMLElement, longest: number): HeldEnter {
  let held: { target: HTMLElement; press: KeyPress; kept: KeyPress[]; timer: ReturnType<typeof setTimeout>; released: () => void } | null = null;
  let replaying = false;

  const dispatch = (target: Element, press: KeyPress): void => {
    const event = new KeyboardEvent('keydown', { ...press, bubbles: true, cancelable: true, composed: true });
    const proceed = target.dispatchEvent(event);
    // A synthetic key inserts no text: a character for an open editor goes in by hand, as typing
    // would put it (AG Grid itself opens an editor with a character as its value).
    if (!proceed || press.key.length !== 1 || press.ctrlKey || press.metaKey || press.altKey) return;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    target.setRangeText(press.key, start, end, 'end');
    target.dispatchEvent(new InputEvent('input', { bubbles: true, data: press.key, inputType: 'insertText' }));
  };

  const release = () => {
    if (!held) return;
    const { target, press, kept, timer, released } = held;
    held = null;
    clearTimeout(timer);
    replaying = true;
    try {
      // The editor is gone if the planner clicked elsewhere meanwhile: AG Grid closed it then.
      if (target.isConnected) dispatch(target, press);
      for (const key of kept) {
        const active = document.activeElement;
        if (!active || !container.contains(active)) break;
        dispatch(active, key);
      }
    } finally {
      replaying = false;
    }
    released();
  };

  return {
    hold(event, released) {
      if (held || !(event.target instanceof HTMLElement)) {
        released();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      held = { target: event.target, press: pressOf(event), kept: [], timer: setTimeout(release, longest), released };
    },
    intercept(event) {
      if (!held || replaying || MODIFIERS.has(event.key) || event.isComposing) return false;
      event.preventDefault();
      event.stopImmediatePropagation();
      held.kept.push(pressOf(event));
      return true;
    },
    release,
    get replaying() { return replaying; },
  };
}
