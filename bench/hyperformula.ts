/**
 * HyperFormula 3.5 (GPL-3.0, a dev dependency) as the comparator: the standard headless
 * spreadsheet engine, given the benchmark model as one sheet (see `toSheet`). Only the benchmark
 * imports it; nothing Chitieu ships does.
 */
import { HyperFormula } from 'hyperformula';
import { toSheet, type BenchModel } from './model.ts';

export interface SheetModel {
  engine: HyperFormula;
  /** Sets the growth rate of a row (column A); HyperFormula recomputes what depends on it. */
  setRate(row: number, rate: number): void;
  /** The value of a row at a period. */
  value(row: number, period: number): number;
  destroy(): void;
}

export function buildSheet(model: BenchModel): SheetModel {
  const engine = HyperFormula.buildFromArray(toSheet(model), { licenseKey: 'gpl-v3' });
  return {
    engine,
    setRate(row, rate) {
      engine.setCellContents({ sheet: 0, col: 0, row }, rate);
    },
    value(row, period) {
      const v = engine.getCellValue({ sheet: 0, col: period + 1, row });
      return typeof v === 'number' ? v : NaN;
    },
    destroy() {
      engine.destroy();
    },
  };
}
