import { describe, expect, it } from 'vitest';
import { COMMANDS, run } from '../../src/cli/main.ts';
import { cli } from './helpers.ts';

describe('chitieu, the program', () => {
  it('prints the list of commands for --help, -h and help, with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const command of COMMANDS) expect(stdout).toContain(`\n  ${command.name}`);
    }
  });

  it('prints each command\'s help for "COMMAND --help" and "help COMMAND", even without its file', async () => {
    for (const command of COMMANDS) {
      const viaOption = await cli([command.name, '--help']);
      const viaHelp = await cli(['help', command.name]);
      expect(viaOption.code).toBe(0);
      expect(viaOption.stdout).toBe(command.help.vi);
      expect(viaHelp.stdout).toBe(command.help.vi);
      expect((await cli([command.name, '-h', '--lang', 'en'])).stdout).toBe(command.help.en);
    }
  });

  it('writes help in English for --lang en before the command, or for an English locale', async () => {
    expect((await cli(['--lang', 'en', '--help'])).stdout).toContain('Usage: chitieu COMMAND [OPTIONS]');
    expect((await cli(['--help'], { env: { LC_ALL: 'en_US.UTF-8' } })).stdout).toContain('Usage: chitieu COMMAND [OPTIONS]');
    expect((await cli(['--help'], { env: { LANG: 'vi_VN.UTF-8' } })).stdout).toContain('Cách dùng: chitieu LỆNH [TÙY CHỌN]');
  });

  it('runs a command after a leading --lang', async () => {
    const { code, stdout } = await cli(['--lang=en', 'validate', 'public/examples/thanh-hoa-2024.json']);
    expect(code).toBe(0);
    expect(stdout).toContain(': valid (9 indicators, 2022–2030, yearly)');
  });

  it('prints the usage on stderr with exit 2 when no command is given', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Cách dùng: chitieu LỆNH');
  });

  it('names an unknown command and lists the real ones, in one line with exit 2', async () => {
    expect(await cli(['projet', 'plan.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `chitieu: không có lệnh “projet”; các lệnh: ${COMMANDS.map((c) => c.name).join(', ')} (xem: chitieu --help)\n`,
    });
    expect((await cli(['--frobnicate'], { env: { LANG: 'en' } })).stderr).toBe('chitieu: no option --frobnicate (see: chitieu --help)\n');
  });

  it('turns an unexpected exception into one line and exit 1, not a stack trace', async () => {
    const errors: string[] = [];
    const code = await run(['validate', 'plan.json'], {
      out: () => undefined,
      err: (text) => void errors.push(text),
      readText: () => Promise.reject(new Error('disk on fire')),
      env: {},
      columns: undefined,
    });
    expect(code).toBe(1);
    expect(errors.join('')).toBe('chitieu: lỗi nội bộ của chitieu (disk on fire); hãy báo lỗi này\n');
  });
});
