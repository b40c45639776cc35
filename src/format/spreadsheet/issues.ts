/**
 * What can be wrong with a CSV of indicators, as data: where (the row as a spreadsheet numbers it,
 * the column by number and header) and what. Sentences come from messages.ts.
 */
import { LIMITS, type Periodicity } from '../schema.ts';
import type { NumberFormat } from './number-shape.ts';

export const CSV_LIMITS = {
  /** Characters of text (about as many bytes for mostly-ASCII files). */
  characters: 5 * 1024 * 1024,
  /** Records, counting title rows and the header. */
  rows: LIMITS.indicators + 50,
  columns: LIMITS.periods + 30,
  /** The header is looked for in this many first records (title rows come before it). */
  headerSearch: 20,
  /** Issues reported; the rest are counted in one `moreIssues`. */
  issues: 100,
} as const;

export type CsvIssueDetail =
  | { code: 'tooLarge'; limit: number; actual: number }
  | { code: 'tooManyRows'; limit: number }
  | { code: 'tooManyColumns'; limit: number; actual: number }
  | { code: 'badQuotes' }
  | { code: 'noHeader' }
  | { code: 'noNameColumn' }
  | { code: 'noValueColumns' }
  | { code: 'duplicateColumn'; firstColumn: number }
  | { code: 'mixedPeriodicity'; expected: Periodicity }
  | { code: 'notANumber'; text: string }
  | { code: 'notAPeriod'; text: string }
  | { code: 'periodicityMismatch'; text: string; expected: Periodicity }
  | { code: 'missingName' }
  | { code: 'tooLong'; limit: number; actual: number }
  | { code: 'targetWithoutPeriod' }
  | { code: 'tooManyIndicators'; limit: number; actual: number }
  // warnings
  | { code: 'ambiguousNumber'; text: string; value: number; format: NumberFormat }
  | { code: 'otherNumberFormat'; text: string; value: number; format: NumberFormat; fileFormat: NumberFormat }
  | { code: 'ignoredColumn' }
  | { code: 'skippedRow'; text: string }
  | { code: 'duplicateName'; firstRow: number }
  | { code: 'periodWithoutTarget' }
  | { code: 'outsideCalendar'; periods: string[]; start: string; end: string }
  | { code: 'targetOutsideCalendar'; period: string; start: string; end: string }
  | { code: 'moreIssues'; count: number };

export type CsvIssueCode = CsvIssueDetail['code'];

export type CsvIssue = CsvIssueDetail & {
  level: 'error' | 'warning';
  /** 1-based record number in the file (the row number a spreadsheet shows). */
  row?: number;
  /** 1-based column number. */
  column?: number;
  /** The column's header as written in the file. */
  header?: string;
};

/**
 * Collects issues up to the limit per level, then only counts them: warnings never crowd out an
 * error, and a file with a bad cell in every row gives a readable list, not thousands of lines.
 */
export class IssueList {
  private readonly kept: Record<CsvIssue['level'], CsvIssue[]> = { error: [], warning: [] };
  private readonly dropped: Record<CsvIssue['level'], number> = { error: 0, warning: 0 };

  add(issue: CsvIssue): void {
    if (this.kept[issue.level].length < CSV_LIMITS.issues) this.kept[issue.level].push(issue);
    else this.dropped[issue.level]++;
  }

  get hasErrors(): boolean {
    return this.kept.error.length > 0;
  }

  /** The issues of one level, with a closing `moreIssues` when some were only counted. */
  list(level: CsvIssue['level']): CsvIssue[] {
    // In file order: by row, file-wide issues first (sort is stable).
    const kept = [...this.kept[level]].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const count = this.dropped[level];
    return count > 0 ? [...kept, { level, code: 'moreIssues', count }] : kept;
  }
}
