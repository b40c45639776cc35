/**
 * The `chitieu` command line: picks the command, reads its arguments, runs it. `run` is the
 * whole program as a function of its arguments and its surroundings (tests call it in-process);
 * `main` binds it to the real process and is what bin/chitieu.mjs calls.
 */
import { formatNumber, type Lang } from '../i18n/numbers.ts';
import { parseArgs, type OptionSpec, type UsageProblem } from './args.ts';
import { EXIT, fail, type Command, type CommandContext, type ExitCode } from './command.ts';
import { nodeIo, type CliIo } from './io.ts';
import { LANGS, langFromArgs, langFromEnv } from './lang.ts';
import { messages, type CliMessages } from './messages.ts';
import { exampleCommand } from './commands/example.ts';
import { validateCommand } from './commands/validate.ts';
import { projectCommand } from './commands/project.ts';
import { goalSeekCommand } from './commands/goal-seek.ts';
import { simulateCommand } from './commands/simulate.ts';

export const COMMANDS: readonly Command[] = [exampleCommand, validateCommand, projectCommand, goalSeekCommand, simulateCommand];

/** Options every command takes. */
const COMMON_OPTIONS = {
  lang: { kind: 'choice', choices: LANGS },
  help: { kind: 'flag' },
} as const satisfies Record<string, OptionSpec>;

const HELP = new Set(['--help', '-h']);

export function generalHelp(lang: Lang): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length + (c.positionals.length > 0 ? 5 : 0)));
  const m = messages(lang);
  const list = COMMANDS.map((c) => {
    const usage = [c.name, ...c.positionals.map((p) => m.argument[p] ?? p)].join(' ');
    return `  ${usage.padEnd(width + 2)}  ${c.summary[lang]}\n`;
  }).join('');
  return lang === 'vi'
    ? `chitieu — lập kế hoạch chỉ tiêu từ dòng lệnh

Cách dùng: chitieu LỆNH [TÙY CHỌN]

Lệnh:
${list}
Tùy chọn chung:
  --lang vi|en     ngôn ngữ (mặc định: vi; en khi LC_ALL hoặc LANG là tiếng Anh)
  -h, --help       hướng dẫn; “chitieu LỆNH --help” cho từng lệnh

TỆP là "-" để đọc từ đầu vào chuẩn. Hướng dẫn đầy đủ: docs/cli.md
Mã thoát: 0 thành công; 1 tệp có vấn đề, hoặc không có lời giải; 2 dùng sai lệnh.
`
    : `chitieu — plan indicators and targets from the command line

Usage: chitieu COMMAND [OPTIONS]

Commands:
${list}
Options of every command:
  --lang vi|en     language (default: vi; en when LC_ALL or LANG is English)
  -h, --help       help; "chitieu COMMAND --help" for each command

FILE may be "-" for standard input. Full guide: docs/cli.md
Exit status: 0 success; 1 a problem with the file, or no answer; 2 bad usage.
`;
}

export function describeUsageProblem(problem: UsageProblem, m: CliMessages, lang: Lang): string {
  switch (problem.code) {
    case 'unknownOption':
      return m.unknownOption(problem.option);
    case 'missingValue':
      return m.missingValue(problem.option);
    case 'unexpectedValue':
      return m.unexpectedValue(problem.option);
    case 'repeatedOption':
      return m.repeatedOption(problem.option);
    case 'badChoice':
      return m.badChoice(problem.option, problem.value, problem.choices.join(', '));
    case 'notANumber':
      return m.notANumber(problem.option, problem.value);
    case 'notAnInteger':
      // A bound as wide as a safe integer goes is no bound worth reading out.
      if (problem.min <= Number.MIN_SAFE_INTEGER && problem.max >= Number.MAX_SAFE_INTEGER) return m.notWhole(problem.option, problem.value);
      return m.notAnInteger(problem.option, problem.value, formatNumber(problem.min, lang), formatNumber(problem.max, lang));
    case 'missingArgument':
      return m.missingArgument(m.argument[problem.name] ?? problem.name);
    case 'extraArgument':
      return m.extraArgument(problem.value);
    case 'missingOption':
      return m.missingOption(problem.option);
  }
}

/** `--help` or `-h` among the arguments, before any `--`. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((arg) => HELP.has(arg));
}

/** Leading `--lang X` / `--lang=X` before the command name, which `chitieu --lang en project …` allows. */
function skipLeadingLang(argv: readonly string[]): readonly string[] {
  let i = 0;
  while (i < argv.length) {
    if (argv[i] === '--lang') i += 2;
    else if (argv[i]?.startsWith('--lang=')) i += 1;
    else break;
  }
  return argv.slice(i);
}

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const lang = langFromArgs(argv) ?? langFromEnv(io.env);
  const m = messages(lang);
  const context: CommandContext = { io, lang, m };
  const names = COMMANDS.map((c) => c.name).join(', ');

  const [name, ...rest] = skipLeadingLang(argv);
  if (name === undefined) {
    io.err(generalHelp(lang));
    return EXIT.usage;
  }
  if (HELP.has(name) || name === 'help') {
    const about = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(about ? about.help[lang] : generalHelp(lang));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const problem = name.startsWith('-') ? m.unknownOption(name) : m.unknownCommand(name, names);
    return fail(context, EXIT.usage, [`${problem} (${m.seeGeneralHelp})`]);
  }
  if (asksForHelp(rest)) {
    io.out(command.help[lang]);
    return EXIT.ok;
  }
  const parsed = parseArgs(rest, { positionals: command.positionals, options: { ...command.options, ...COMMON_OPTIONS } });
  if (!parsed.ok) return fail(context, EXIT.usage, [`${describeUsageProblem(parsed.error, m, lang)} (${m.seeHelp(command.name)})`]);
  try {
    return await command.run(parsed.value, context);
  } catch (error) {
    // A bug, not a problem of the user's: one line that says so, never a stack trace.
    return fail(context, EXIT.problem, [m.internalError(error instanceof Error ? error.message : String(error))]);
  }
}

/** The real process: arguments, writers, exit code. An unexpected exception is one line, not a stack trace. */
export async function main(): Promise<void> {
  const io = nodeIo();
  const argv = process.argv.slice(2);
  const m = messages(langFromArgs(argv) ?? langFromEnv(io.env));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // The reader went away (`chitieu project … | head`): stop quietly, as other tools do.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    io.err(`chitieu: ${m.outputFailed(error.code ?? error.message)}\n`);
    process.exit(EXIT.problem);
  });
  process.exitCode = await run(argv, io);
}
