/**
 * Why the engine could not compute a row, a cell or a whole plan, as one line of text in the
 * user's language, and where in the plan file the cause lies. The command line's own wording of
 * what the grid shows in its cells (src/ui/grid/problems.ts), since the CLI does not import the UI.
 */
import type { Plan } from '../engine/model/plan.ts';
import type { PlanProblem, RowProblem } from '../engine/projection/program.ts';
import type { CalendarProblem } from '../engine/periods/calendar.ts';
import { formatFormulaError } from '../engine/formula/index.ts';
import { formatNumber, type Lang } from '../i18n/numbers.ts';
import type { CliMessages } from './messages.ts';

/** What is wrong with a row or one of its cells, without saying which row. */
export function describeRowProblem(problem: RowProblem, periodKeys: readonly string[], m: CliMessages, lang: Lang): string {
  switch (problem.code) {
    case 'formula':
      return `${m.formulaError}: ${formatFormulaError(problem.error, lang)}`;
    case 'runtime':
      return `${m.atPeriod(periodKeys[problem.period] ?? '?')}: ${m.formulaError}: ${formatFormulaError(problem.error, lang)}`;
    case 'method':
      return m.methodError[problem.problem.code];
    case 'cycle':
      return m.cycleError([...problem.cycle, problem.cycle[0] ?? ''].join(' → '));
    case 'blocked':
      return m.blockedError(problem.by);
  }
}

/** The place in a plan file (`plan.indicators[2].projection.formula`) whose content caused a problem. */
export function rowProblemPath(plan: Plan, problem: RowProblem): string {
  const row = `plan.indicators[${problem.row}]`;
  switch (problem.code) {
    case 'formula':
    case 'runtime':
    case 'cycle':
    case 'blocked':
      return plan.indicators[problem.row]?.projection.method === 'formula' ? `${row}.projection.formula` : `${row}.projection`;
    case 'method':
      return problem.problem.code === 'noActual' ? `${row}.actuals` : `${row}.projection`;
  }
}

/** Why a whole plan cannot be computed (the engine's own limits, or its calendar). */
export function describePlanProblem(problem: PlanProblem, m: CliMessages, lang: Lang): string {
  const n = (value: number): string => formatNumber(value, lang);
  switch (problem.code) {
    case 'calendar':
      return describeCalendarProblem(problem.problem, m, n);
    case 'tooManyCells':
      return m.tooManyCells(n(problem.cells), n(problem.limit));
    case 'tooManyIndicators':
      return m.tooManyIndicators(n(problem.count), n(problem.limit));
  }
}

function describeCalendarProblem(problem: CalendarProblem, m: CliMessages, n: (value: number) => string): string {
  switch (problem.code) {
    case 'periodicityMismatch':
      return m.calendarPeriodicity(problem.field, problem.key);
    case 'endBeforeStart':
      return m.calendarEndBeforeStart;
    case 'tooManyPeriods':
      return m.tooManyPeriods(n(problem.count), n(problem.limit));
  }
}
