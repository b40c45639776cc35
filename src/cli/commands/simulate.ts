/**
 * `chitieu simulate FILE`: Monte Carlo over the plan's ranged inputs (seeded, so the same seed
 * gives the same numbers): percentiles of every indicator by period, the probability of reaching
 * each target, and each target's sensitivity to each input.
 */
import { SIMULATION_DEFAULTS, SIMULATION_LIMITS, sensitivity, simulate, type SensitivityProblem, type SimulationProblem } from '../../engine/uncertainty/index.ts';
import { formatNumber } from '../../i18n/numbers.ts';
import { EXIT, defineCommand, fail, type CommandContext, type ExitCode } from '../command.ts';
import { fileLabel } from '../plan-file.ts';
import { describePlanProblem } from '../problems.ts';
import { loadScenarioPlan } from '../scenario.ts';
import { simulationView } from '../render/simulation-view.ts';
import { simulationTable } from '../render/simulation-table.ts';
import { simulationCsv } from '../render/simulation-csv.ts';
import { simulationJson } from '../render/simulation-json.ts';
import { OUTPUT_FORMATS } from './project.ts';

function describeSimulationProblem(problem: SimulationProblem | SensitivityProblem, context: CommandContext): string {
  const { m, lang } = context;
  switch (problem.code) {
    case 'plan':
      return describePlanProblem(problem.problem, m, lang);
    case 'noRanges':
      return m.noRanges;
    case 'rangeNotApplicable':
      return m.rangeNotApplicable(problem.indicator, problem.parameter);
    case 'invalidOption':
      return m.invalidSimulationOption(problem.option);
    case 'tooManyTrials':
      return m.notAnInteger('--trials', String(problem.trials), formatNumber(1, lang), formatNumber(problem.limit, lang));
    case 'tooMuchWork':
      return m.tooMuchWork(formatNumber(problem.cells, lang), formatNumber(problem.limit, lang));
    case 'memoryBudgetTooSmall':
      return m.memoryTooSmall;
  }
}

export const simulateCommand = defineCommand({
  name: 'simulate',
  summary: {
    vi: 'Mô phỏng Monte Carlo: phân vị và xác suất đạt chỉ tiêu',
    en: 'Monte Carlo: percentiles and the probability of each target',
  },
  help: {
    vi: `Cách dùng: chitieu simulate TỆP [--trials N] [--seed S] [--scenario MÃ]
                        [--format table|csv|json] [--lang vi|en]

Mô phỏng Monte Carlo trên các đầu vào có khoảng bất định (range: tam giác, PERT hoặc
chuẩn): mỗi lần thử rút một giá trị cho mỗi đầu vào rồi tính lại cả kế hoạch. In
P10/P50/P90 của từng chỉ tiêu theo kỳ, xác suất đạt từng chỉ tiêu kế hoạch, và độ
nhạy của từng chỉ tiêu kế hoạch với từng đầu vào (dữ liệu của biểu đồ lốc xoáy).

  --trials N        số lần thử, 1 đến ${formatNumber(SIMULATION_LIMITS.trials, 'vi')} (mặc định ${formatNumber(SIMULATION_DEFAULTS.trials, 'vi')})
  --seed S          hạt giống, một số nguyên (mặc định ${SIMULATION_DEFAULTS.seed}); cùng hạt giống cho
                    cùng kết quả
  --scenario MÃ     tính theo một kịch bản của kế hoạch
  --format table    bảng để đọc (mặc định)
  --format csv      RFC 4180, mỗi dòng một chỉ tiêu × kỳ: mean, p10, p50, p90 và xác
                    suất đạt chỉ tiêu của kỳ đó; số kiểu máy
  --format json     cấu trúc ổn định, có cả độ nhạy (docs/cli.md)

Mã thoát: 0 đã in kết quả; 1 tệp có vấn đề hoặc không có khoảng nào để mô phỏng;
2 dùng sai lệnh.
`,
    en: `Usage: chitieu simulate FILE [--trials N] [--seed S] [--scenario ID]
                        [--format table|csv|json] [--lang vi|en]

Monte Carlo over the inputs that carry a range (triangular, PERT or normal): each
trial draws one value per input and recomputes the whole plan. Prints P10/P50/P90 of
every indicator by period, the probability of reaching each target, and each target's
sensitivity to each input (the data of a tornado chart).

  --trials N        trials, 1 to ${formatNumber(SIMULATION_LIMITS.trials, 'en')} (default ${formatNumber(SIMULATION_DEFAULTS.trials, 'en')})
  --seed S          the seed, a whole number (default ${SIMULATION_DEFAULTS.seed}); the same seed gives
                    the same numbers
  --scenario ID     compute one of the plan's scenarios
  --format table    a table to read (default)
  --format csv      RFC 4180, one line per indicator × period: mean, p10, p50, p90 and
                    the probability of that period's target; machine numbers
  --format json     a stable shape, sensitivity included (docs/cli.md)

Exit status: 0 printed; 1 a problem with the file, or no range to simulate; 2 bad usage.
`,
  },
  positionals: ['file'],
  options: {
    trials: { kind: 'integer', min: 1, max: SIMULATION_LIMITS.trials },
    seed: { kind: 'integer', min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
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

    const simulated = simulate(plan, {
      ...(args.options.trials === undefined ? {} : { trials: args.options.trials }),
      ...(args.options.seed === undefined ? {} : { seed: args.options.seed }),
    });
    const label = fileLabel(path, m);
    // The engine's own limits mean the plan cannot be computed at all; the rest is about ranges.
    const problemLine = (problem: SimulationProblem | SensitivityProblem): string =>
      problem.code === 'plan' ? m.cannotCompute(label, describeSimulationProblem(problem, context)) : `${label}: ${describeSimulationProblem(problem, context)}`;
    if (!simulated.ok) return fail(context, EXIT.problem, [problemLine(simulated.error)]);
    const effects = sensitivity(plan);
    if (!effects.ok) return fail(context, EXIT.problem, [problemLine(effects.error)]);

    const view = simulationView(plan, scenario ?? null, simulated.value, effects.value, lang);
    const format = args.options.format ?? 'table';
    switch (format) {
      case 'table':
        io.out(simulationTable(view, m, lang, io.columns === undefined ? {} : { maxWidth: io.columns }));
        break;
      case 'csv':
        io.out(simulationCsv(view));
        break;
      case 'json':
        io.out(simulationJson(view));
        break;
    }
    return EXIT.ok;
  },
});
