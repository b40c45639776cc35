/** A rectangular cell range in display coordinates: rows by displayed index, columns by order. */
export interface CellPosition { row: number; column: number }
export interface CellRange { top: number; bottom: number; left: number; right: number }

export function rangeBetween(a: CellPosition, b: CellPosition): CellRange {
  return {
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

export function inRange(range: CellRange | null, row: number, column: number): boolean {
  return range !== null && row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

export function rangeSize(range: CellRange): { rows: number; columns: number } {
  return { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}
