/** Why a cell is blank or wrong, in the user's language. */
import type { RowProblem } from '../../engine/projection/program.ts';
import { formatFormulaError } from '../../engine/formula/messages.ts';
import type { Lang } from '../../i18n/numbers.ts';
import type { Messages } from '../i18n/index.ts';

export function describeRowProblem(problem: RowProblem, m: Messages, lang: Lang): string {
  switch (problem.code) {
    case 'formula':
    case 'runtime':
      return `${m.formulaError}: ${formatFormulaError(problem.error, lang)}`;
    case 'method':
      return m.methodError[problem.problem.code];
    case 'cycle':
      return m.cycleError([...problem.cycle, problem.cycle[0] ?? ''].join(' → '));
    case 'blocked':
      return m.blockedError(problem.by);
  }
}
