/**
 * The UI language: a signal, remembered in localStorage (read synchronously at start, so the
 * first paint is already in the right language). The first choice follows the browser.
 */
import { createSignal } from 'solid-js';
import type { Lang } from '../../i18n/numbers.ts';
import { MESSAGES, type Messages } from './messages.ts';

export type { Lang } from '../../i18n/numbers.ts';
export type { Messages } from './messages.ts';

const STORAGE_KEY = 'chitieu.language';

function initialLanguage(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // Storage blocked: fall through to the browser's language.
  }
  const preferred = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  const first = preferred.find((l) => /^(vi|en)\b/i.test(l));
  return first && /^en/i.test(first) ? 'en' : 'vi';
}

const [lang, setLangSignal] = createSignal<Lang>(initialLanguage());

export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // The choice then lasts for this page only.
  }
}

/** The messages of the current language (reactive: read it inside a tracking scope). */
export function t(): Messages {
  return MESSAGES[lang()];
}
