import { describe, expect, it } from 'vitest';
import { langFromArgs, langFromEnv } from '../../src/cli/lang.ts';

describe('the command line language', () => {
  it('is Vietnamese unless the locale is English', () => {
    expect(langFromEnv({})).toBe('vi');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
  });

  it('follows LC_ALL over LANG', () => {
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'vi_VN.UTF-8' })).toBe('vi');
    expect(langFromEnv({ LANG: 'vi_VN.UTF-8', LC_ALL: 'en_US.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: '' })).toBe('en');
  });

  it('is found in --lang anywhere before "--", in either spelling', () => {
    expect(langFromArgs(['project', 'x.json', '--lang', 'en'])).toBe('en');
    expect(langFromArgs(['--lang=vi', 'project'])).toBe('vi');
    expect(langFromArgs(['project', '--', '--lang', 'en'])).toBeNull();
    expect(langFromArgs(['project', '--lang', 'fr'])).toBeNull();
  });
});
