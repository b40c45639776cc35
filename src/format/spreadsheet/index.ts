/**
 * Spreadsheets in and out, pure: the grid as CSV (Vietnamese or English number format) and as an
 * .xlsx workbook with a sheet per scenario; indicators from CSV, as one undoable command. See
 * docs/decisions/0008-spreadsheets.md.
 *
 * `planToXlsx` loads its writer with a dynamic import; import this module (or `csv-export.ts`)
 * lazily from the UI too, so papaparse stays out of the first page load.
 */
export { planToCsv, csvNumber, CSV_DELIMITER, type CsvExportOptions } from './csv-export.ts';
export { planToXlsx, sheetNames, XLSX_MIME, type ScenarioResult } from './xlsx-export.ts';
export { parseIndicatorsCsv, type CsvImport, type CsvImportOptions } from './csv-import.ts';
export { csvImportCommand, type CsvPlanChange } from './to-command.ts';
export { describeCsvIssue } from './messages.ts';
export { CSV_LIMITS, type CsvIssue, type CsvIssueCode } from './issues.ts';
export { guardText, unguardText } from './formula-guard.ts';
export { numberShape, type FormatBasis, type NumberFormat, type NumberShape } from './number-shape.ts';
export { sniffEncoding, type CsvEncoding } from './encoding.ts';
export { spreadsheetFileName, indicatorIdFor } from './names.ts';
export { planTable, type PlanTable, type TableCell } from './table.ts';
