/**
 * The UI language: a signal, remembered in localStorage (read synchronously at start, so the
 * first paint is already in the right language). The first choice follows the browser. A
 * language's strings are loaded before it is shown, so a screen is never half in one language.
 */
import { createSignal } from 'solid-js';
import type { Lang } from '../../i18n/numbers.ts';
import { vi_messages, type Messages } from './messages.ts';

export type { Lang } from '../../i18n/numbers.ts';
export type { Messages } from './messages.ts';

const STORAGE_KEY = 'chitieu.language';

const tables: Partial<Record<Lang, Messages>> = { vi: vi_messages };

/** Loads a language's strings (English is a separate chunk). */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (tables[lang]) return;
  if (lang === 'en') tables.en = (await import('./en.ts')).en;
}

/** The language to start in: the remembered choice, else the browser's. */
export function initialLanguage(): Lang {
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

// Vietnamese until main.tsx has loaded the starting language and called setLang.
const [lang, setLangSignal] = createSignal<Lang>('vi');

export { lang };

export async function setLang(next: Lang): Promise<void> {
  await loadLanguage(next);
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
  return tables[lang()] ?? vi_messages;
}
