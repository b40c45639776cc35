/**
 * `chitieu validate FILE`: every problem of a plan file, each on a line with its path. First the
 * file's own checks (the same as the app's import); then, for a file that passes them, what
 * stops the engine computing it: formula errors, cycles, rows a method cannot project.
 */
import { describeIssue } from '../../format/index.ts';
import { compileProgram, runProgram } from '../../engine/projection/program.ts';
import { summarize } from '../../engine/projection/result.ts';
import { EXIT, defineCommand, fail, type CommandContext, type ExitCode } from '../command.ts';
import { fileLabel, issueCount, printWarnings, readPlanFile, type LoadedPlan } from '../plan-file.ts';
import { describePlanProblem, describeRowProblem, rowProblemPath } from '../problems.ts';

/** What the engine finds wrong with a plan that passed the file checks, as `path: message` lines. */
export function engineProblems(loaded: LoadedPlan, context: CommandContext): string[] {
  const { m, lang } = context;
  const program = compileProgram(loaded.plan);
  if (!program.ok) return [describePlanProblem(program.error, m, lang)];
  runProgram(program.value);
  const result = summarize(program.value);
  return result.problems.map((problem) => {
    const id = loaded.plan.indicators[problem.row]?.id ?? '?';
    return `${rowProblemPath(loaded.plan, problem)} (${id}): ${describeRowProblem(problem, result.periodKeys, m, lang)}`;
  });
}

export const validateCommand = defineCommand({
  name: 'validate',
  summary: {
    vi: 'Kiểm tra tệp kế hoạch, in mọi vấn đề kèm vị trí',
    en: 'Check a plan file and print every problem with its path',
  },
  help: {
    vi: `Cách dùng: chitieu validate TỆP [--lang vi|en]

Kiểm tra tệp kế hoạch như khi nhập vào ứng dụng (cú pháp JSON, giới hạn, cấu trúc,
mã trùng, kỳ ngoài lịch…), rồi kiểm tra phần tính toán (lỗi công thức, vòng phụ thuộc,
chỉ tiêu không dự báo được). Mỗi vấn đề một dòng trên stderr, bắt đầu bằng vị trí:

  plan.indicators[3].targets[0].value: cần một số, nhận được "abc"

TỆP là "-" để đọc từ đầu vào chuẩn.
Mã thoát: 0 hợp lệ (cảnh báo, như mã băm không khớp, vẫn được in); 1 có vấn đề;
2 dùng sai lệnh.
`,
    en: `Usage: chitieu validate FILE [--lang vi|en]

Check a plan file as the app's import does (JSON syntax, limits, structure, duplicate
ids, periods outside the calendar…), then what the engine needs (formula errors,
circular dependencies, indicators that cannot be projected). Each problem is one line
on stderr, starting with where it is:

  plan.indicators[3].targets[0].value: expected a number, got "abc"

FILE may be "-" for standard input.
Exit status: 0 valid (warnings such as a hash mismatch are still printed); 1 problems
found; 2 bad usage.
`,
  },
  positionals: ['file'],
  options: {},
  async run(args, context): Promise<ExitCode> {
    const { m, lang, io } = context;
    const path = args.positionals[0] as string;
    const label = fileLabel(path, m);
    const outcome = await readPlanFile(path, context);
    switch (outcome.kind) {
      case 'unreadable':
        return fail(context, EXIT.problem, [outcome.line]);
      case 'invalid':
        return fail(context, EXIT.problem, [m.problemsFound(label, issueCount(outcome.issues)), ...outcome.issues.map((issue) => describeIssue(issue, lang))]);
      case 'read': {
        printWarnings(outcome.loaded, label, context);
        const problems = engineProblems(outcome.loaded, context);
        if (problems.length > 0) return fail(context, EXIT.problem, [m.problemsFound(label, problems.length), ...problems]);
        const { calendar } = outcome.loaded.plan;
        io.out(`${m.valid(label, outcome.loaded.plan.indicators.length, `${calendar.start}–${calendar.end}, ${m.periodicity[calendar.periodicity]}`)}\n`);
        return EXIT.ok;
      }
    }
  },
});
