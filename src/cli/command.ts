/**
 * What every command is: a name, the arguments it takes, its help in both languages, and a run
 * function that writes through the injected writers and returns its exit code.
 */
import type { Lang } from '../i18n/numbers.ts';
import type { CliIo } from './io.ts';
import type { CliMessages } from './messages.ts';
import type { OptionSpec, ParsedArgs } from './args.ts';

/** 0: done; 1: the file has problems, or there is no answer; 2: the command line itself is wrong. */
export type ExitCode = 0 | 1 | 2;

export const EXIT = { ok: 0, problem: 1, usage: 2 } as const satisfies Record<string, ExitCode>;

export interface CommandContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly m: CliMessages;
}

export interface Command<O extends Readonly<Record<string, OptionSpec>> = Readonly<Record<string, OptionSpec>>> {
  readonly name: string;
  /** One line for the list of commands. */
  readonly summary: Readonly<Record<Lang, string>>;
  /** The full `--help` text. */
  readonly help: Readonly<Record<Lang, string>>;
  readonly positionals: readonly string[];
  /** The command's own options; `--lang` and `--help` are added to every command. */
  readonly options: O;
  run(args: ParsedArgs<O>, context: CommandContext): Promise<ExitCode>;
}

/** Keeps the option types of one command while the list of commands holds them all. */
export function defineCommand<O extends Readonly<Record<string, OptionSpec>>>(command: Command<O>): Command {
  return command as unknown as Command;
}

/** An error: the first line prefixed with `chitieu:`, the details indented under it. */
export function fail(context: CommandContext, code: Exclude<ExitCode, 0>, lines: readonly string[]): ExitCode {
  const [first, ...rest] = lines;
  context.io.err(`chitieu: ${first ?? ''}\n${rest.map((line) => `  ${line}\n`).join('')}`);
  return code;
}
