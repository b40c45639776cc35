import { describe, expect, it } from 'vitest';
import { parseArgs, parseMachineNumber, type OptionSpec } from '../../src/cli/args.ts';

const spec = {
  positionals: ['file'],
  options: {
    format: { kind: 'choice', choices: ['table', 'csv', 'json'] },
    trials: { kind: 'integer', min: 1, max: 100_000 },
    value: { kind: 'number' },
    vary: { kind: 'text' },
    help: { kind: 'flag' },
  },
} as const satisfies { positionals: readonly string[]; options: Record<string, OptionSpec> };

describe('parseArgs', () => {
  it('reads positionals and options written as "--name value" or "--name=value"', () => {
    const parsed = parseArgs(['plan.json', '--format', 'csv', '--trials=500', '--vary', 'population.rate'], spec);
    expect(parsed).toEqual({ ok: true, value: { positionals: ['plan.json'], options: { format: 'csv', trials: 500, vary: 'population.rate' } } });
  });

  it('takes a negative number as the value of a number option', () => {
    const parsed = parseArgs(['plan.json', '--value', '-0.02'], spec);
    expect(parsed.ok && parsed.value.options.value).toBe(-0.02);
  });

  it('reads a lone "-" as a positional (standard input) and everything after "--" as positionals', () => {
    expect(parseArgs(['-'], spec)).toEqual({ ok: true, value: { positionals: ['-'], options: {} } });
    expect(parseArgs(['--', '--format'], spec)).toEqual({ ok: true, value: { positionals: ['--format'], options: {} } });
  });

  it('names an unknown option, long or short', () => {
    expect(parseArgs(['plan.json', '--colour', 'red'], spec)).toEqual({ ok: false, error: { code: 'unknownOption', option: '--colour' } });
    expect(parseArgs(['plan.json', '-x'], spec)).toEqual({ ok: false, error: { code: 'unknownOption', option: '-x' } });
    expect(parseArgs(['plan.json', '--toString'], spec)).toEqual({ ok: false, error: { code: 'unknownOption', option: '--toString' } });
  });

  it('refuses a value not among the choices, and lists them', () => {
    expect(parseArgs(['plan.json', '--format', 'xlsx'], spec)).toEqual({
      ok: false,
      error: { code: 'badChoice', option: '--format', value: 'xlsx', choices: ['table', 'csv', 'json'] },
    });
  });

  it('refuses a missing value, including an option where the value should be', () => {
    expect(parseArgs(['plan.json', '--format'], spec)).toEqual({ ok: false, error: { code: 'missingValue', option: '--format' } });
    expect(parseArgs(['plan.json', '--vary', '--format', 'csv'], spec)).toEqual({ ok: false, error: { code: 'missingValue', option: '--vary' } });
    expect(parseArgs(['plan.json', '--vary='], spec)).toEqual({ ok: false, error: { code: 'missingValue', option: '--vary' } });
  });

  it('refuses integers out of range or not whole', () => {
    for (const text of ['0', '100001', '1.5', '1e3', 'ten', '']) {
      expect(parseArgs(['plan.json', `--trials=${text}`], spec)).toEqual({
        ok: false,
        error: { code: 'notAnInteger', option: '--trials', value: text, min: 1, max: 100_000 },
      });
    }
  });

  it('refuses a repeated option and a value given to a flag', () => {
    expect(parseArgs(['plan.json', '--format', 'csv', '--format', 'json'], spec)).toEqual({ ok: false, error: { code: 'repeatedOption', option: '--format' } });
    expect(parseArgs(['plan.json', '--help=yes'], spec)).toEqual({ ok: false, error: { code: 'unexpectedValue', option: '--help' } });
  });

  it('names a missing positional and an extra one', () => {
    expect(parseArgs([], spec)).toEqual({ ok: false, error: { code: 'missingArgument', name: 'file' } });
    expect(parseArgs(['a.json', 'b.json'], spec)).toEqual({ ok: false, error: { code: 'extraArgument', value: 'b.json' } });
  });
});

describe('parseMachineNumber', () => {
  it('reads numbers the machine way whatever the language', () => {
    expect(parseMachineNumber('5300')).toBe(5300);
    expect(parseMachineNumber('81.5')).toBe(81.5);
    expect(parseMachineNumber('-0.02')).toBe(-0.02);
    expect(parseMachineNumber('+1e3')).toBe(1000);
    expect(Object.is(parseMachineNumber('-0'), 0)).toBe(true);
  });

  it('refuses thousands separators, decimal commas, words and numbers too large to hold', () => {
    for (const text of ['5.300,5', '81,5', '5 300', 'abc', '', '0x10', 'Infinity', 'NaN', '1e400', '1_000']) {
      expect(parseMachineNumber(text), text).toBeNull();
    }
  });
});
