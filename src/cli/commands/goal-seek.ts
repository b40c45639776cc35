/**
 * `chitieu goal-seek FILE --vary INDICATOR[.PARAMETER] --indicator ID --value V --period P`:
 * the value of one input's parameter (its level, growth rate, step or ceiling) that makes an
 * indicator reach a value at a period, through any chain of formulas.
 */
import type { Indicator, Plan, RangeParameter } from '../../engine/model/plan.ts';
import { goalSeek, type GoalSeekAnswer, type GoalSeekProblem } from '../../engine/solve/index.ts';
import { PARAMETERS } from '../../engine/projection/program.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';
import { formatExact, formatLarge, formatParameter } from '../render/parameters.ts';
import { err, ok, type Result } from '../../engine/result.ts';
import { EXIT, defineCommand, fail, type CommandContext, type ExitCode } from '../command.ts';
import { fileLabel } from '../plan-file.ts';
import { describePlanProblem } from '../problems.ts';
import { loadScenarioPlan } from '../scenario.ts';
import { renderTable } from '../render/table.ts';
import type { CliMessages } from '../messages.ts';

export const GOAL_SEEK_FORMATS = ['table', 'json'] as const;

export const GOAL_SEEK_JSON_FORMAT = 'chitieu-goal-seek';
export const GOAL_SEEK_JSON_VERSION = 1;

export interface VaryArgument {
  readonly indicator: string;
  /** Null: the method's own parameter, chosen once the plan is read. */
  readonly parameter: RangeParameter | null;
}

/** `population` or `population.rate`. */
export function parseVary(text: string): VaryArgument | null {
  const [indicator = '', parameter, ...rest] = text.split('.');
  if (indicator === '' || rest.length > 0) return null;
  if (parameter === undefined) return { indicator, parameter: null };
  return (PARAMETERS as readonly string[]).includes(parameter) ? { indicator, parameter: parameter as RangeParameter } : null;
}

/**
 * The parameter `--vary INDICATOR` means without one: the rate of a growth, the step of a linear
 * projection, otherwise the level it starts from. An S-curve has two (rate and ceiling), so it
 * must be named.
 */
export function defaultParameter(indicator: Indicator): RangeParameter | null {
  switch (indicator.projection.method) {
    case 'growth':
      return 'rate';
    case 'linear':
      return 'step';
    case 'logistic':
      return null;
    case 'constant':
    case 'reachTarget':
    case 'interpolate':
    case 'manual':
    case 'formula':
      return 'level';
  }
}

interface Request {
  readonly vary: { indicator: string; parameter: RangeParameter };
  readonly indicator: string;
  readonly period: string;
  readonly value: number;
}

interface Failure { code: Exclude<ExitCode, 0>; line: string }

function describeGoalSeekProblem(problem: GoalSeekProblem, request: Request, plan: Plan, context: CommandContext): Failure {
  const { m, lang } = context;
  const vary = `${request.vary.indicator}.${request.vary.parameter}`;
  const goal = m.goal(request.indicator, formatExact(request.value, lang), request.period);
  switch (problem.code) {
    case 'unknownIndicator':
      return { code: EXIT.usage, line: m.unknownIndicator(problem.indicator) };
    case 'unknownPeriod':
      return { code: EXIT.usage, line: m.unknownPeriod(problem.period, `${plan.calendar.start}–${plan.calendar.end}`) };
    case 'noSuchParameter':
      return { code: EXIT.usage, line: m.noSuchParameter(problem.indicator, problem.parameter, m.method[methodOf(plan, problem.indicator)]) };
    case 'notComputable':
      return { code: EXIT.problem, line: m.notComputable(problem.indicator) };
    case 'notAffected':
      return { code: EXIT.problem, line: m.notAffected(problem.indicator, problem.vary) };
    case 'invalidRequest':
      return { code: EXIT.usage, line: m.invalidRequest(problem.field) };
    case 'noSolution': {
      const indicator = plan.indicators.find((i) => i.id === request.vary.indicator);
      const perPeriod = m.perPeriod[plan.calendar.periodicity];
      const show = (x: number): string => (indicator ? formatParameter(x, request.vary.parameter, indicator, perPeriod, lang) : String(x));
      const decimals = decimalsOf(plan, request.indicator);
      return {
        code: EXIT.problem,
        line: m.noSolution(vary, goal, show(problem.low), show(problem.high), request.indicator, formatLarge(problem.lowValue, lang, decimals) || '–', formatLarge(problem.highValue, lang, decimals) || '–'),
      };
    }
    case 'notConverged':
      return { code: EXIT.problem, line: m.notConverged(vary, goal, problem.evaluations) };
    case 'plan':
      return { code: EXIT.problem, line: describePlanProblem(problem.problem, m, lang) };
  }
}

function decimalsOf(plan: Plan, id: string): number {
  return plan.indicators.find((i) => i.id === id)?.decimals ?? 2;
}

function methodOf(plan: Plan, id: string) {
  return plan.indicators.find((i) => i.id === id)?.projection.method ?? 'formula';
}

/** Fills in the parameter `--vary` left out, from the indicator's projection method. */
function completeVary(vary: VaryArgument, plan: Plan, context: CommandContext): Result<Request['vary'], Failure> {
  if (vary.parameter !== null) return ok({ indicator: vary.indicator, parameter: vary.parameter });
  const indicator = plan.indicators.find((i) => i.id === vary.indicator);
  if (!indicator) return err({ code: EXIT.usage, line: context.m.unknownIndicator(vary.indicator) });
  const parameter = defaultParameter(indicator);
  if (parameter === null) return err({ code: EXIT.usage, line: context.m.nameTheParameter(vary.indicator, 'rate, ceiling') });
  return ok({ indicator: vary.indicator, parameter });
}

function answerTable(plan: Plan, scenario: string | undefined, request: Request, answer: GoalSeekAnswer, m: CliMessages, lang: Lang): string {
  const varied = plan.indicators.find((i) => i.id === request.vary.indicator) as Indicator;
  const target = plan.indicators.find((i) => i.id === request.indicator) as Indicator;
  const perPeriod = m.perPeriod[plan.calendar.periodicity];
  const show = (x: number): string => formatParameter(x, request.vary.parameter, varied, perPeriod, lang);
  const change = answer.value - answer.base;
  const relative = answer.base !== 0 ? ` (${formatPercent(change / Math.abs(answer.base), lang, 2, true)})` : '';
  const changeText = request.vary.parameter === 'rate'
    ? `${formatNumber(change * 100, lang, 3)} ${m.percentagePoints}`
    : `${formatNumber(change, lang, Math.min(varied.decimals + 2, 8))}${relative}`;
  const rows = [
    [m.gsVary, `${request.vary.indicator}.${request.vary.parameter}`],
    [m.gsGoal, m.goal(request.indicator, formatExact(request.value, lang), request.period)],
    ...(scenario === undefined ? [] : [[m.gsScenario, scenario]]),
    [m.gsAnswer, show(answer.value)],
    [m.gsBase, show(answer.base)],
    [m.gsChange, change > 0 ? `+${changeText}` : changeText],
    [m.gsAchieved(request.indicator), formatNumber(answer.achieved, lang, target.decimals)],
    [m.gsEvaluations, String(answer.evaluations)],
  ];
  // A two-column list: no header row is needed, so the rule and header lines are dropped.
  return renderTable([{ header: '', align: 'left' }, { header: '', align: 'left' }], rows).split('\n').slice(2).join('\n');
}

function answerJson(plan: Plan, scenario: string | undefined, request: Request, answer: GoalSeekAnswer): string {
  const document = {
    format: GOAL_SEEK_JSON_FORMAT,
    version: GOAL_SEEK_JSON_VERSION,
    plan: { id: plan.id, name: plan.name, revision: plan.revision },
    scenario: scenario ?? null,
    vary: request.vary,
    goal: { indicator: request.indicator, period: request.period, value: request.value },
    answer: { value: answer.value, base: answer.base, achieved: answer.achieved, evaluations: answer.evaluations },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const goalSeekCommand = defineCommand({
  name: 'goal-seek',
  summary: {
    vi: 'Tìm giá trị đầu vào để một chỉ tiêu đạt mức mong muốn',
    en: 'Find the input value that makes an indicator reach a value',
  },
  help: {
    vi: `Cách dùng: chitieu goal-seek TỆP --vary CHỈ_TIÊU[.THAM_SỐ] --indicator MÃ --value SỐ
                          --period KỲ [--scenario MÃ] [--format table|json] [--lang vi|en]

Tìm giá trị của một tham số đầu vào để chỉ tiêu --indicator đạt --value vào kỳ
--period, qua mọi chuỗi công thức. Ví dụ: dân số bao nhiêu thì mật độ thuê bao đạt
82 máy/100 dân; doanh thu cần tăng bao nhiêu mỗi năm để đạt 5.300 tỷ đồng.

  --vary CHỈ_TIÊU.THAM_SỐ  đầu vào cần thay đổi; THAM_SỐ là level (mức xuất phát:
                           số liệu thực hiện gần nhất), rate (tốc độ tăng), step (mức
                           tăng đều mỗi kỳ) hoặc ceiling (mức trần). Bỏ THAM_SỐ: rate
                           với cách dự báo tăng trưởng, step với tăng đều, còn lại level.
  --indicator MÃ           chỉ tiêu cần đạt
  --value SỐ               mức cần đạt, viết kiểu máy: 5300, 81.5
  --period KỲ              kỳ cần đạt: 2024, 2024-Q1, 2024-03
  --scenario MÃ            tính theo một kịch bản của kế hoạch
  --format table|json      bảng để đọc (mặc định) hoặc JSON (docs/cli.md)

Mã thoát: 0 tìm được; 1 không có giá trị nào đạt được (kèm khoảng đã thử), hoặc tệp
có vấn đề; 2 dùng sai lệnh (kể cả mã chỉ tiêu, kỳ hoặc tham số không có).
`,
    en: `Usage: chitieu goal-seek FILE --vary INDICATOR[.PARAMETER] --indicator ID --value NUMBER
                          --period PERIOD [--scenario ID] [--format table|json] [--lang vi|en]

Find the value of one input parameter that makes the indicator --indicator reach
--value at --period, through any chain of formulas. For example: what population puts
the subscriber density at 82 per 100 inhabitants; what growth takes revenue to 5,300.

  --vary INDICATOR.PARAMETER  the input to vary; PARAMETER is level (where it starts:
                              the latest actual), rate (the growth rate), step (the
                              linear change per period) or ceiling. Without PARAMETER:
                              rate for growth, step for linear, level otherwise.
  --indicator ID              the indicator that must reach the value
  --value NUMBER              the value, written the machine way: 5300, 81.5
  --period PERIOD             when: 2024, 2024-Q1, 2024-03
  --scenario ID               compute one of the plan's scenarios
  --format table|json         a table to read (default) or JSON (docs/cli.md)

Exit status: 0 found; 1 no value reaches it (the range tried is named), or a problem
with the file; 2 bad usage (an indicator, period or parameter that does not exist too).
`,
  },
  positionals: ['file'],
  options: {
    vary: { kind: 'text', required: true },
    indicator: { kind: 'text', required: true },
    value: { kind: 'number', required: true },
    period: { kind: 'text', required: true },
    scenario: { kind: 'text' },
    format: { kind: 'choice', choices: GOAL_SEEK_FORMATS },
  },
  async run(args, context): Promise<ExitCode> {
    const { m, lang, io } = context;
    const vary = parseVary(args.options.vary);
    if (!vary) return fail(context, EXIT.usage, [`${m.badVary(args.options.vary)} (${m.seeHelp('goal-seek')})`]);
    const path = args.positionals[0] as string;
    const scenario = args.options.scenario;
    const opened = await loadScenarioPlan(path, scenario, context);
    if (!opened.ok) return opened.error;
    const plan = opened.value;

    const completed = completeVary(vary, plan, context);
    if (!completed.ok) return fail(context, completed.error.code, [completed.error.line]);
    const request: Request = { vary: completed.value, indicator: args.options.indicator, period: args.options.period, value: args.options.value };
    const answer = goalSeek(plan, request);
    if (!answer.ok) {
      const failure = describeGoalSeekProblem(answer.error, request, plan, context);
      return fail(context, failure.code, [failure.code === EXIT.problem && answer.error.code === 'plan' ? m.cannotCompute(fileLabel(path, m), failure.line) : failure.line]);
    }
    io.out(args.options.format === 'json' ? answerJson(plan, scenario, request, answer.value) : answerTable(plan, scenario, request, answer.value, m, lang));
    return EXIT.ok;
  },
});
