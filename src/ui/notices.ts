/** Short messages to the user: info and errors, some with an action (Undo), some with a list. */
import { createSignal } from 'solid-js';

export interface NoticeAction {
  label: string;
  run: () => void;
  /**
   * Whether the action still does what it says (reactive). An Undo for a change that was undone
   * some other way, or is no longer the latest, turns false: the notice then goes.
   */
  applies?: () => boolean;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** Lines under the text, e.g. each problem of a refused file with its path. */
  details?: string[];
  action?: NoticeAction;
  /** Stays until dismissed. */
  sticky?: boolean;
}

const [notices, setNotices] = createSignal<Notice[]>([]);
let nextId = 1;

export { notices };

export function notify(notice: Omit<Notice, 'id'>): number {
  const id = nextId++;
  setNotices((list) => [...list.slice(-4), { ...notice, id }]);
  if (!notice.sticky) dismissLater(id, notice.kind === 'error' ? 12_000 : 6_000);
  return id;
}

/**
 * Dismisses a notice after a while, but not while the planner is at it: a notice holding the
 * focus (its Undo about to be pressed) or under the pointer waits (WCAG 2.2.1, timing adjustable).
 */
function dismissLater(id: number, after: number): void {
  setTimeout(() => {
    const element = typeof document === 'undefined' ? null : document.querySelector(`[data-notice-id="${id}"]`);
    const inUse = element !== null && (element.contains(document.activeElement) || element.matches(':hover'));
    if (inUse) dismissLater(id, 2_000);
    else dismiss(id);
  }, after);
}

export function dismiss(id: number): void {
  setNotices((list) => list.filter((n) => n.id !== id));
}
