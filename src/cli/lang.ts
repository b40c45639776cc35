/**
 * The language of the command line's text: `--lang` when given, else the environment's locale
 * (`LC_ALL`, which overrides `LANG` as in POSIX), Vietnamese unless that locale is English.
 */
import type { Lang } from '../i18n/numbers.ts';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env['LC_ALL'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Finds `--lang vi|en` anywhere before `--`, so that even a usage error about another argument
 * is worded in the language asked for. An invalid value is left for the command's own parser to
 * report.
 */
export function langFromArgs(argv: readonly string[]): Lang | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'vi' || value === 'en') return value;
  }
  return null;
}
