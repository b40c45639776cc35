import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, type TableColumn } from '../../../src/cli/render/table.ts';

const columns: TableColumn[] = [
  { header: 'Mã', align: 'left' },
  { header: '2023', align: 'right' },
  { header: '2024', align: 'right' },
];

describe('renderTable', () => {
  it('pads every column to its widest cell, text to the left and numbers to the right', () => {
    const text = renderTable(columns, [
      ['sector_revenue', '4.900', '5.300'],
      ['population', '3,656', '3,656'],
    ]);
    expect(text).toBe(
      [
        'Mã               2023   2024',
        '--------------  -----  -----',
        'sector_revenue  4.900  5.300',
        'population      3,656  3,656',
        '',
      ].join('\n'),
    );
  });

  it('counts Vietnamese letters as one column each, precomposed or not', () => {
    expect(displayWidth('Thuê bao di động')).toBe(16);
    expect(displayWidth('Thue\u0302 bao di \u0111o\u0323\u0302ng')).toBe(16);
    const text = renderTable([{ header: 'Tên', align: 'left' }, { header: 'x', align: 'left' }], [['Dân số', '1'], ['Doanh thu', '2']]);
    const lines = text.split('\n');
    expect(lines[2]?.indexOf('1')).toBe(lines[3]?.indexOf('2'));
  });

  it('cuts a table wider than the terminal into blocks that repeat the key column', () => {
    const wide: TableColumn[] = [{ header: 'Mã', align: 'left' }, ...['2022', '2023', '2024', '2025', '2026'].map((h): TableColumn => ({ header: h, align: 'right' }))];
    const text = renderTable(wide, [['a', '1', '2', '3', '4', '5']], { maxWidth: 16, keyColumns: 1 });
    const blocks = text.split('\n\n');
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block.startsWith('Mã')).toBe(true);
      for (const line of block.split('\n')) expect(line.length).toBeLessThanOrEqual(16);
    }
    expect(blocks.map((b) => b.split('\n')[2])).toEqual(['a      1     2', 'a      3     4', 'a      5']);
  });

  it('keeps at least one column per block even when a single column is wider than the terminal', () => {
    const text = renderTable([{ header: 'id', align: 'left' }, { header: 'long header', align: 'left' }], [['a', 'b']], { maxWidth: 5, keyColumns: 1 });
    expect(text.split('\n')[0]).toBe('id  long header');
  });

  it('writes no trailing spaces', () => {
    const text = renderTable([{ header: 'a', align: 'left' }, { header: 'b', align: 'left' }], [['long text', ''], ['x', 'y']]);
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });
});
