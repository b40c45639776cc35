/**
 * The parts of the screen F6 and Shift+F6 move between, in reading order: a planner gets from the
 * plan list to the grid or the inspector without tabbing through every cell on the way.
 */
const REGIONS = ['.app-header', '.plan-list', '.plan-header', '.plan-bars', '.plan-grid', '.history', '.snapshots', '.inspector', '.chart-panel', '.notices'];
const FOCUSABLE = 'button:not(:disabled), summary, select:not(:disabled), textarea:not(:disabled), input:not(:disabled):not([tabindex="-1"]), [href], [tabindex]:not([tabindex="-1"])';

/** Where focus lands in a region: the grid's focused cell (or its first), else the first control. */
function entryOf(region: Element): HTMLElement | null {
  if (region.matches('.plan-grid')) {
    return region.querySelector<HTMLElement>('.ag-cell-focus') ?? region.querySelector<HTMLElement>('.ag-row[row-index="0"] .ag-cell');
  }
  // The newest notice first: it is the one just announced (a deletion's Undo).
  if (region.matches('.notices')) return region.lastElementChild?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
  return region.querySelector<HTMLElement>(FOCUSABLE);
}

export function moveToRegion(backwards: boolean): boolean {
  const regions = REGIONS.flatMap((selector) => [...document.querySelectorAll(selector)]).filter((region) => entryOf(region));
  if (regions.length === 0) return false;
  const active = document.activeElement;
  const here = regions.findIndex((region) => active && region.contains(active));
  const next = here < 0 ? (backwards ? regions.length - 1 : 0) : (here + (backwards ? -1 : 1) + regions.length) % regions.length;
  const target = entryOf(regions[next] as Element);
  target?.focus();
  return !!target;
}

/**
 * Keeps focus off <body> when what held it disappears (a panel closed, a list item replaced, a
 * notice gone, a button disabled): it goes back to the latest element focused before that is
 * still there. Focus a planner moved to <body> themselves (a click on nothing) is left alone.
 */
export function keepFocus(): () => void {
  const recent: HTMLElement[] = [];
  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLElement)) return;
    const at = recent.indexOf(event.target);
    if (at >= 0) recent.splice(at, 1);
    recent.push(event.target);
    if (recent.length > 30) recent.shift();
  };
  // Hidden counts too: a closed <details> or a panel hidden by CSS keeps its elements connected.
  // (checkVisibility is missing before Safari 17.4: layout boxes tell most of it there.)
  const visible = (element: HTMLElement) => (typeof element.checkVisibility === 'function' ? element.checkVisibility() : (element as Element).getClientRects().length > 0);
  const usable = (element: HTMLElement) => element.isConnected && !element.matches(':disabled') && !element.closest('[inert]') && visible(element);
  const restore = () => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const last = recent.at(-1);
    if (!last || usable(last)) return;
    for (let i = recent.length - 2; i >= 0; i--) {
      const candidate = recent[i] as HTMLElement;
      if (!usable(candidate)) continue;
      candidate.focus();
      if (document.activeElement === candidate) return;
    }
  };
  const observer = new MutationObserver(restore);
  // The browser drops the focus of an element that is hidden or disabled at its next rendering
  // update, after the change that caused it was observed: look again once that has happened.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget === null) setTimeout(restore, 0);
  };
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'open', 'hidden'] });
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
    observer.disconnect();
  };
}

