/**
 * Plain-text tables for a terminal: columns padded to their widest cell, numbers right-aligned,
 * a dashed rule under the header. A table wider than the terminal is cut into blocks of columns,
 * each repeating the leading key columns, so no line wraps.
 */

export interface TableColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export interface TableOptions {
  /** The widest a line may be; no limit when absent (output to a file or a pipe). */
  readonly maxWidth?: number;
  /** How many leading columns identify a row and are repeated in every block. */
  readonly keyColumns?: number;
}

const GAP = '  ';

/**
 * The columns a string takes in a terminal. Vietnamese letters are precomposed in NFC, and any
 * combining mark left over adds no width.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.normalize('NFC')) if (!/\p{M}/u.test(ch)) width += 1;
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** The table as lines ending in `\n`; a blank line separates blocks. */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const widths = columns.map((column, c) => Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(row[c] ?? ''))));
  const keys = Math.min(options.keyColumns ?? 0, columns.length);
  const blocks = splitColumns(widths, keys, options.maxWidth);
  return blocks.map((block) => renderBlock(columns, rows, widths, block)).join('\n');
}

/** Column indices per block: the key columns, then as many others as fit (at least one). */
function splitColumns(widths: readonly number[], keys: number, maxWidth: number | undefined): number[][] {
  const keyIndices = widths.slice(0, keys).map((_, c) => c);
  const rest = widths.slice(keys).map((_, c) => c + keys);
  if (maxWidth === undefined || rest.length === 0) return [[...keyIndices, ...rest]];
  const keyWidth = keyIndices.reduce((sum, c) => sum + (widths[c] as number) + GAP.length, 0);
  const blocks: number[][] = [];
  let current: number[] = [];
  let width = keyWidth;
  for (const c of rest) {
    const w = (widths[c] as number) + GAP.length;
    if (current.length > 0 && width + w - GAP.length > maxWidth) {
      blocks.push([...keyIndices, ...current]);
      current = [];
      width = keyWidth;
    }
    current.push(c);
    width += w;
  }
  blocks.push([...keyIndices, ...current]);
  return blocks;
}

function renderBlock(columns: readonly TableColumn[], rows: readonly (readonly string[])[], widths: readonly number[], block: readonly number[]): string {
  const line = (cells: (c: number) => string, align: (c: number) => 'left' | 'right'): string =>
    block.map((c) => pad(cells(c), widths[c] as number, align(c))).join(GAP).trimEnd() + '\n';
  const header = line((c) => columns[c]?.header ?? '', (c) => columns[c]?.align ?? 'left');
  const rule = line((c) => '-'.repeat(widths[c] as number), () => 'left');
  const body = rows.map((row) => line((c) => row[c] ?? '', (c) => columns[c]?.align ?? 'left'));
  return header + rule + body.join('');
}
