/**
 * Command-line arguments read against a small declared spec: positionals by name, options by
 * kind. Problems come back as values so the caller can word them in the user's language and exit
 * with the usage code; nothing here prints or exits.
 */
import { err, ok, type Result } from '../engine/result.ts';

/** An option that takes a value may be `required`; a flag never is. */
export type OptionSpec =
  | { kind: 'flag' }
  | { kind: 'text'; required?: true }
  | { kind: 'choice'; choices: readonly string[]; required?: true }
  | { kind: 'integer'; min: number; max: number; required?: true }
  | { kind: 'number'; required?: true };

export interface CommandSpec {
  /** Names of the positional arguments, all required, in order. */
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
}

type OptionValue<S extends OptionSpec> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'choice'; choices: readonly (infer C)[] }
    ? C
    : S extends { kind: 'integer' } | { kind: 'number' }
      ? number
      : string;

/** Required options are always there; the others may be missing. */
export type ParsedOptions<O extends Readonly<Record<string, OptionSpec>>> = {
  readonly [K in keyof O as O[K] extends { required: true } ? K : never]: OptionValue<O[K]>;
} & {
  readonly [K in keyof O as O[K] extends { required: true } ? never : K]?: OptionValue<O[K]>;
};

export interface ParsedArgs<O extends Readonly<Record<string, OptionSpec>>> {
  readonly positionals: readonly string[];
  readonly options: ParsedOptions<O>;
}

export type UsageProblem =
  | { code: 'unknownOption'; option: string }
  | { code: 'missingValue'; option: string }
  | { code: 'unexpectedValue'; option: string }
  | { code: 'repeatedOption'; option: string }
  | { code: 'badChoice'; option: string; value: string; choices: readonly string[] }
  | { code: 'notANumber'; option: string; value: string }
  | { code: 'notAnInteger'; option: string; value: string; min: number; max: number }
  | { code: 'missingArgument'; name: string }
  | { code: 'missingOption'; option: string }
  | { code: 'extraArgument'; value: string };

/**
 * Numbers on the command line are written the machine way, whatever the language: `5300`,
 * `81.5`, `-0.02`, `1e3`. A Vietnamese `5.300` would mean 5.3 to an English shell script; one
 * reading everywhere keeps scripts portable.
 */
const MACHINE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function parseMachineNumber(text: string): number | null {
  if (!MACHINE_NUMBER.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}

/**
 * Reads `argv` (without the command name) against `spec`. Accepts `--name value`,
 * `--name=value`, flags without a value, and `--` to end the options; a lone `-` is a positional
 * (standard input).
 */
export function parseArgs<O extends Readonly<Record<string, OptionSpec>>>(
  argv: readonly string[],
  spec: { readonly positionals: readonly string[]; readonly options: O },
): Result<ParsedArgs<O>, UsageProblem> {
  const positionals: string[] = [];
  const options = new Map<string, string | number | boolean>();
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || !arg.startsWith('--')) {
      if (!onlyPositionals && arg.startsWith('-') && arg !== '-' && !/^-[\d.]/.test(arg)) {
        return err({ code: 'unknownOption', option: arg });
      }
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const option = Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
    if (!option) return err({ code: 'unknownOption', option: `--${name}` });
    if (options.has(name)) return err({ code: 'repeatedOption', option: `--${name}` });

    if (option.kind === 'flag') {
      if (eq >= 0) return err({ code: 'unexpectedValue', option: `--${name}` });
      options.set(name, true);
      continue;
    }
    let text: string;
    if (eq >= 0) {
      text = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // A following option is not a value, but a negative number is.
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return err({ code: 'missingValue', option: `--${name}` });
      text = next;
      i += 1;
    }
    const value = readValue(`--${name}`, option, text);
    if (!value.ok) return value;
    options.set(name, value.value);
  }

  if (positionals.length < spec.positionals.length) {
    return err({ code: 'missingArgument', name: spec.positionals[positionals.length] as string });
  }
  if (positionals.length > spec.positionals.length) {
    return err({ code: 'extraArgument', value: positionals[spec.positionals.length] as string });
  }
  for (const [name, option] of Object.entries(spec.options)) {
    if (option.kind !== 'flag' && option.required && !options.has(name)) return err({ code: 'missingOption', option: `--${name}` });
  }
  return ok({ positionals, options: Object.fromEntries(options) as ParsedArgs<O>['options'] });
}

function readValue(option: string, spec: Exclude<OptionSpec, { kind: 'flag' }>, text: string): Result<string | number, UsageProblem> {
  switch (spec.kind) {
    case 'text':
      if (text === '') return err({ code: 'missingValue', option });
      return ok(text);
    case 'choice':
      if (!spec.choices.includes(text)) return err({ code: 'badChoice', option, value: text, choices: spec.choices });
      return ok(text);
    case 'number': {
      const value = parseMachineNumber(text);
      return value === null ? err({ code: 'notANumber', option, value: text }) : ok(value);
    }
    case 'integer': {
      const value = /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
        return err({ code: 'notAnInteger', option, value: text, min: spec.min, max: spec.max });
      }
      return ok(value);
    }
  }
}
