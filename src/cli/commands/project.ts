/**
 * `chitieu project FILE`: each indicator's values by period, with its targets' gap, attainment,
 * growth needed and status, as a table for reading, CSV for a spreadsheet or JSON for a program.
 */
import { computePlan } from '../../engine/api.ts';
import { EXIT, defineCommand, fail, type ExitCode } from '../command.ts';
import { fileLabel } from '../plan-file.ts';
import { describePlanProblem } from '../problems.ts';
import { loadScenarioPlan } from '../scenario.ts';
import { projectionView } from '../render/projection-view.ts';
import { projectionTable } from '../render/projection-table.ts';
import { projectionCsv } from '../render/projection-csv.ts';
import { projectionJson } from '../render/projection-json.ts';

export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;

export const projectCommand = defineCommand({
  name: 'project',
  summary: {
    vi: 'Dự báo từng chỉ tiêu theo kỳ và đánh giá chỉ tiêu kế hoạch',
    en: 'Project each indicator by period and assess its targets',
  },
  help: {
    vi: `Cách dùng: chitieu project TỆP [--scenario MÃ] [--format table|csv|json] [--lang vi|en]

Dự báo giá trị của từng chỉ tiêu qua các kỳ và đánh giá từng chỉ tiêu kế hoạch:
dự báo ở kỳ chỉ tiêu, chênh lệch, mức đạt, tốc độ tăng cần thiết mỗi kỳ tính từ số
liệu thực hiện gần nhất, kỳ đầu tiên đạt, và tình trạng (đã đạt, đúng hướng, có nguy
cơ, chệch hướng).

Tùy chọn:
  --scenario MÃ    tính theo một kịch bản của kế hoạch (mặc định: phương án gốc)
  --format table   bảng để đọc (mặc định); số viết kiểu Việt Nam (4.900; 81,5) hoặc
                   kiểu Anh với --lang en; số liệu thực hiện có dấu *
  --format csv     RFC 4180, mỗi dòng một chỉ tiêu × kỳ; số kiểu máy (4900; 81.5),
                   mức đạt và tốc độ là phân số (1 = 100 %)
  --format json    cấu trúc ổn định, mô tả trong docs/cli.md; số kiểu máy
  --lang vi|en     ngôn ngữ của chữ và cách viết số trong bảng

TỆP là "-" để đọc từ đầu vào chuẩn.
Mã thoát: 0 đã in kết quả; 1 tệp không đọc được hoặc không hợp lệ; 2 dùng sai lệnh
(kể cả một kịch bản không có trong tệp).
`,
    en: `Usage: chitieu project FILE [--scenario ID] [--format table|csv|json] [--lang vi|en]

Project every indicator over the plan's periods and assess each target: the value
projected for the target's period, the gap, attainment, the growth per period needed
from the latest actual, the first period that reaches it, and a status (met, on track,
at risk, off track).

Options:
  --scenario ID    compute one of the plan's scenarios (default: the base plan)
  --format table   a table to read (default); numbers written the Vietnamese way
                   (4.900; 81,5), or the English way with --lang en; actuals marked *
  --format csv     RFC 4180, one line per indicator × period; machine numbers
                   (4900; 81.5), attainment and growth as fractions (1 = 100 %)
  --format json    a stable shape, documented in docs/cli.md; machine numbers
  --lang vi|en     the language of the text and of numbers in the table

FILE may be "-" for standard input.
Exit status: 0 printed; 1 the file cannot be read or is not a valid plan; 2 bad usage
(a scenario the file does not have included).
`,
  },
  positionals: ['file'],
  options: {
    scenario: { kind: 'text' },
    format: { kind: 'choice', choices: OUTPUT_FORMATS },
  },
  async run(args, context): Promise<ExitCode> {
    const { io, m, lang } = context;
    const path = args.positionals[0] as string;
    const scenario = args.options.scenario;
    const opened = await loadScenarioPlan(path, scenario, context);
    if (!opened.ok) return opened.error;
    const plan = opened.value;

    const computed = computePlan(plan);
    if (!computed.ok) return fail(context, EXIT.problem, [m.cannotCompute(fileLabel(path, m), describePlanProblem(computed.error, m, lang))]);

    const view = projectionView(plan, scenario ?? null, computed.value, m, lang);
    const format = args.options.format ?? 'table';
    switch (format) {
      case 'table':
        io.out(projectionTable(view, m, lang, io.columns === undefined ? {} : { maxWidth: io.columns }));
        break;
      case 'csv':
        io.out(projectionCsv(view));
        break;
      case 'json':
        io.out(projectionJson(view));
        break;
    }
    const failing = view.indicators.filter((indicator) => indicator.problems.length > 0).length;
    if (failing > 0 && format !== 'table') io.err(`chitieu: ${m.warning}: ${m.rowsWithProblems(failing, path)}\n`);
    return EXIT.ok;
  },
});
