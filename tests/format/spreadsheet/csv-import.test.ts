import { describe, expect, it } from 'vitest';
import { parseIndicatorsCsv } from '../../../src/format/spreadsheet/csv-import.ts';
import { describeCsvIssue } from '../../../src/format/spreadsheet/messages.ts';
import { CSV_LIMITS, type CsvIssue } from '../../../src/format/spreadsheet/issues.ts';
import { fixture, issuesOf, valueOf } from './helpers.ts';

const byName = (imported: { indicators: { name: { vi: string }; unit: { vi: string }; actuals: Record<string, number>; targets: unknown[] }[] }) =>
  Object.fromEntries(imported.indicators.map((i) => [i.name.vi, { unit: i.unit.vi, actuals: i.actuals, targets: i.targets }]));
const described = (issues: CsvIssue[], lang: 'vi' | 'en' = 'vi') => issues.map((i) => describeCsvIssue(i, lang));

describe('CSV import: real files', () => {
  it('reads a LibreOffice export in vi-VN: ";", "4.900", "2,98", title rows, STT and section headings', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('libreoffice-vi-VN.csv')));
    expect(imported.detected).toEqual({ delimiter: ';', numberFormat: 'vi', basis: 'values' });
    expect(imported.periodKeys).toEqual(['2021', '2022', '2023']);
    const rows = byName(imported);
    expect(Object.keys(rows)).toEqual([
      'Thuê bao di động',
      'Thuê bao Internet băng rộng cố định',
      'Mật độ thuê bao di động',
      'Doanh thu dịch vụ viễn thông và CNTT',
      'Số dịch vụ công trực tuyến toàn trình',
    ]);
    expect(rows['Thuê bao di động']).toEqual({ unit: 'triệu thuê bao', actuals: { '2021': 2.85, '2022': 2.91, '2023': 2.98 }, targets: [{ period: '2025', value: 3, direction: 'atLeast' }] });
    expect(rows['Doanh thu dịch vụ viễn thông và CNTT']?.actuals).toEqual({ '2021': 4120, '2022': 4784, '2023': 4900 });
    expect(rows['Doanh thu dịch vụ viễn thông và CNTT']?.targets).toEqual([{ period: '2025', value: 5300, direction: 'atLeast' }]);
    expect(rows['Mật độ thuê bao di động']?.targets).toEqual([]);
    expect(imported.rows).toEqual([6, 7, 8, 10, 11]);
    // The two section headings are skipped, and said so; nothing else is worth a warning.
    expect(described(imported.warnings)).toEqual([
      'dòng 5: “VIỄN THÔNG” không có đơn vị hay số liệu: coi là dòng tiêu đề nhóm, bỏ qua',
      'dòng 9: “DOANH THU VÀ CHUYỂN ĐỔI SỐ” không có đơn vị hay số liệu: coi là dòng tiêu đề nhóm, bỏ qua',
    ]);
  });

  it('reads an Excel en-US "CSV UTF-8" export: byte order mark, ",", quoted "4,900"', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('excel-en-US.csv'), { lang: 'en' }));
    expect(imported.detected).toEqual({ delimiter: ',', numberFormat: 'en', basis: 'values' });
    const rows = byName(imported);
    expect(rows['Telecom and IT revenue, total']).toEqual({ unit: 'billion VND', actuals: { '2021': 4120, '2022': 4784, '2023': 4900 }, targets: [{ period: '2025', value: 5300, direction: 'atLeast' }] });
    expect(rows['Fixed broadband subscribers']?.actuals).toEqual({ '2021': 412.6, '2022': 438.2, '2023': 455 });
    expect(imported.indicators[0]?.name).toEqual({ vi: 'Mobile subscribers', en: 'Mobile subscribers' });
    expect(imported.indicators[0]?.decimals).toBe(2);
    expect(imported.warnings).toEqual([]);
  });

  it('reads an Excel vi-VN export with its own header words and a note column', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('excel-vi-VN.csv')));
    expect(imported.detected.numberFormat).toBe('vi');
    const grdp = imported.indicators[0];
    expect(grdp?.name.vi).toBe('Tổng sản phẩm trên địa bàn (GRDP)');
    expect(grdp?.actuals).toEqual({ '2022': 298624, '2023': 323472 });
    expect(grdp?.targets).toEqual([{ period: '2025', value: 352000, direction: 'atLeast' }]);
    expect(grdp?.note).toBe('giá hiện hành');
    expect(imported.indicators[1]?.actuals).toEqual({ '2022': 2.25, '2023': 1.7 });
  });

  it('reads tab-separated files with plain numbers', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('tab-en.tsv')));
    expect(imported.detected).toEqual({ delimiter: '\t', numberFormat: 'en', basis: 'values' });
    expect(imported.indicators.map((i) => i.actuals)).toEqual([{ '2022': 3722.1, '2023': 3760.65 }, { '2022': 1102345, '2023': 1115020 }]);
  });
});

describe('CSV import: the number format, decided per file', () => {
  it('reads "4.900" as thousands in a ";" file where nothing else decides, and names every such cell', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('ambiguous-semicolon.csv'), { lang: 'en' }));
    expect(imported.detected).toEqual({ delimiter: ';', numberFormat: 'vi', basis: 'delimiter' });
    expect(imported.indicators[0]?.actuals).toEqual({ '2022': 4784, '2023': 4900 });
    expect(described(imported.warnings)).toEqual([
      'dòng 2, cột 2022: “4.784” có thể là 4784 hoặc 4,784; đã đọc là 4784, theo kiểu Việt Nam (1.234,5)',
      'dòng 2, cột 2023: “4.900” có thể là 4900 hoặc 4,9; đã đọc là 4900, theo kiểu Việt Nam (1.234,5)',
    ]);
    expect(described(imported.warnings, 'en')[1]).toBe('row 2, column 2023: "4.900" could be 4900 or 4.9; read as 4900, the Vietnamese way (1.234,5)');
  });

  it('reads "4,900" as thousands in a "," file where nothing else decides', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('ambiguous-comma.csv')));
    expect(imported.detected).toEqual({ delimiter: ',', numberFormat: 'en', basis: 'delimiter' });
    expect(imported.indicators[0]?.actuals).toEqual({ '2022': 4784, '2023': 4900 });
    expect(imported.warnings.map((w) => [w.code, w.row, w.header])).toEqual([['ambiguousNumber', 2, '2022'], ['ambiguousNumber', 2, '2023']]);
  });

  it('falls back on the planner\'s language for a tab file where nothing decides', () => {
    const text = 'Tên\tĐơn vị\t2022\t2023\nDoanh thu\ttỷ đồng\t4.784\t4.900\n';
    expect(valueOf(parseIndicatorsCsv(text, { lang: 'vi' })).indicators[0]?.actuals).toEqual({ '2022': 4784, '2023': 4900 });
    const english = valueOf(parseIndicatorsCsv(text, { lang: 'en' }));
    expect(english.detected.basis).toBe('language');
    expect(english.indicators[0]?.actuals).toEqual({ '2022': 4.784, '2023': 4.9 });
  });

  it('lets the unambiguous cells decide, with no warning for the ambiguous ones', () => {
    const imported = valueOf(parseIndicatorsCsv('Tên,Đơn vị,2022,2023\nA,x,4.900,4900.5\nB,y,"1,234",7\n'));
    expect(imported.detected).toEqual({ delimiter: ',', numberFormat: 'en', basis: 'values' });
    expect(imported.indicators.map((i) => i.actuals)).toEqual([{ '2022': 4.9, '2023': 4900.5 }, { '2022': 1234, '2023': 7 }]);
    expect(imported.warnings).toEqual([]);
  });

  it('reads a cell written the other way as it can only be read, and names it', () => {
    const imported = valueOf(parseIndicatorsCsv(fixture('mixed-formats.csv')));
    expect(imported.detected).toEqual({ delimiter: ';', numberFormat: 'vi', basis: 'values' });
    expect(imported.indicators[1]?.actuals).toEqual({ '2022': 4784.5, '2023': 4900.5, '2024': 5012.25 });
    expect(described(imported.warnings)).toEqual([
      'dòng 3, cột 2023: “4900.5” viết theo kiểu tiếng Anh (1,234.5), khác phần lớn tệp (kiểu Việt Nam (1.234,5)); đã đọc là 4900,5',
    ]);
  });
});

describe('CSV import: problems by row and column', () => {
  it('reports every error of a file at once, each with its row and column', () => {
    const issues = issuesOf(parseIndicatorsCsv(fixture('errors-vi.csv')));
    expect(described(issues)).toEqual([
      'dòng 3, cột 2023: “abc” không phải là số',
      'dòng 4, cột Chỉ tiêu: dòng có số liệu nhưng thiếu tên chỉ tiêu',
      'dòng 5, cột Năm mục tiêu: có giá trị chỉ tiêu nhưng thiếu năm (kỳ) chỉ tiêu',
      'dòng 6, cột Năm mục tiêu: “năm sau” không phải là một kỳ (ví dụ 2025, 2025-Q4 hoặc 2025-12)',
    ]);
    expect(described(issues, 'en')[0]).toBe('row 3, column 2023: "abc" is not a number');
    expect(issues.every((i) => i.level === 'error')).toBe(true);
  });

  it('counts rows as a spreadsheet does, after a sep= line and with line breaks inside quotes', () => {
    const issues = issuesOf(parseIndicatorsCsv('sep=,\nName,Unit,2022,2023\n"Two\nlines",x,1,2\nB,y,3,oops\n'));
    expect(described(issues, 'en')).toEqual(['row 4, column 2023: "oops" is not a number']);
  });

  it('takes an unheaded first column for the names, and names a column without a header by its number', () => {
    const imported = valueOf(parseIndicatorsCsv(';Unit;2022;2023\nA;x;1;2\n'));
    expect(imported.indicators[0]?.name.vi).toBe('A');
    const issues = issuesOf(parseIndicatorsCsv(';Unit;2022;2023\nA;x;1;zz\n;y;1;2\n'));
    expect(described(issues)).toEqual([
      'dòng 2, cột 2023: “zz” không phải là số',
      'dòng 3, cột thứ 1: dòng có số liệu nhưng thiếu tên chỉ tiêu',
    ]);
    expect(described(issues, 'en')[1]).toBe('row 3, column #1: the row has values but no name');
  });

  it('reports an unclosed quote with the row it opens on', () => {
    const issues = issuesOf(parseIndicatorsCsv('Tên;Đơn vị;2022\nA;x;1\n"B;y;2\nC;z;3\n'));
    expect(issues[0]).toMatchObject({ code: 'badQuotes', row: 3 });
  });

  it('refuses a file with no header, with no name column, or with no values', () => {
    expect(issuesOf(parseIndicatorsCsv('a;b;c\n1;2;3\n')).map((i) => i.code)).toEqual(['noHeader']);
    expect(issuesOf(parseIndicatorsCsv('')).map((i) => i.code)).toEqual(['noHeader']);
    expect(issuesOf(parseIndicatorsCsv('Tên;Đơn vị\nA;x\n')).map((i) => i.code)).toEqual(['noHeader']);
    expect(issuesOf(parseIndicatorsCsv('2022;2023;Đơn vị\n1;2;x\n')).map((i) => i.code)).toEqual(['noNameColumn']);
  });

  it('refuses repeated and mixed period columns', () => {
    expect(issuesOf(parseIndicatorsCsv('Tên;2022;2023;2022\nA;1;2;3\n'))[0]).toMatchObject({ code: 'duplicateColumn', column: 4, firstColumn: 2 });
    expect(issuesOf(parseIndicatorsCsv('Tên;2022;2023-Q1\nA;1;2\n'))[0]).toMatchObject({ code: 'mixedPeriodicity', column: 3, expected: 'year' });
    expect(issuesOf(parseIndicatorsCsv('Tên;Chỉ tiêu;2022;2023\nA;B;1;2\n'))[0]).toMatchObject({ code: 'duplicateColumn', column: 2, firstColumn: 1 });
  });

  it('refuses a target period of another kind than the value columns', () => {
    const issues = issuesOf(parseIndicatorsCsv('Tên;2022;2023;Mục tiêu;Năm mục tiêu\nA;1;2;3;2025-Q4\n'));
    expect(described(issues)).toEqual(['dòng 2, cột Năm mục tiêu: “2025-Q4” không cùng loại với các cột số liệu (theo năm)']);
  });

  it('warns about unknown columns, duplicate names and a target year without a target', () => {
    const imported = valueOf(parseIndicatorsCsv('Tên;Đơn vị;Phụ trách;2022;Mục tiêu;Năm mục tiêu\nA;x;Sở A;1;;2025\nA;y;;2;;\n'));
    expect(described(imported.warnings)).toEqual([
      'dòng 1, cột Phụ trách: không nhận ra cột này; bỏ qua',
      'dòng 2, cột Năm mục tiêu: có năm chỉ tiêu nhưng không có giá trị chỉ tiêu; bỏ qua',
      'dòng 3, cột Tên: trùng tên với dòng 2; vẫn thêm cả hai',
    ]);
    expect(imported.indicators.map((i) => i.id)).toEqual(['a', 'a_2']);
  });

  it('treats "-", "–" and ".." as no value, like Vietnamese statistical tables', () => {
    const imported = valueOf(parseIndicatorsCsv('Tên;Đơn vị;2021;2022;2023;2024\nA;x;-;–;..;5\n'));
    expect(imported.indicators[0]?.actuals).toEqual({ '2024': 5 });
  });

  it('takes values after "Thực hiện đến" for projections and leaves them out', () => {
    const imported = valueOf(parseIndicatorsCsv('Chỉ tiêu;Đơn vị;Thực hiện đến;2022;2023;2024\nA;x;2023;1;2;3\nB;y;;7;8;9\n'));
    expect(imported.indicators.map((i) => i.actuals)).toEqual([{ '2022': 1, '2023': 2 }, {}]);
  });

  it('makes ids that are valid, unique and never a reserved name', () => {
    const imported = valueOf(parseIndicatorsCsv('Name;2022\nConstructor;1\n__proto__;2\n2024 revenue;3\nĐộ che phủ;4\nĐộ che phủ;5\n;\n'));
    expect(imported.indicators.map((i) => i.id)).toEqual(['constructor_2', 'proto', 'i_2024_revenue', 'do_che_phu', 'do_che_phu_2']);
  });

  it('reads names apostrophe-guarded by an export as they were, and composes decomposed Vietnamese', () => {
    const imported = valueOf(parseIndicatorsCsv("Name;Unit;2022\n'=SUM(A1);'-x;1\n'abc;u;2\nThu\u0065\u0302\u0301 bao;u;3\n"));
    expect(imported.indicators.map((i) => [i.name.vi, i.unit.vi])).toEqual([['=SUM(A1)', '-x'], ["'abc", 'u'], ['Thuế bao', 'u']]);
  });
});

describe('CSV import: limits', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const issues = issuesOf(parseIndicatorsCsv('x'.repeat(CSV_LIMITS.characters + 1)));
    expect(issues).toEqual([{ level: 'error', code: 'tooLarge', limit: CSV_LIMITS.characters, actual: CSV_LIMITS.characters + 1 }]);
    expect(describeCsvIssue(issues[0] as CsvIssue, 'vi')).toBe('tệp: quá lớn (5 MB); tối đa 5 MB');
  });

  it('refuses more rows than a plan can hold indicators, without parsing them all', () => {
    const text = `Tên;2022\n${'A;1\n'.repeat(CSV_LIMITS.rows + 10)}`;
    expect(issuesOf(parseIndicatorsCsv(text))).toEqual([{ level: 'error', code: 'tooManyRows', limit: CSV_LIMITS.rows }]);
  });

  it('refuses more columns than a plan can hold periods', () => {
    const issues = issuesOf(parseIndicatorsCsv(`Tên;2022\nA;1${';'.repeat(CSV_LIMITS.columns - 1)}\n`));
    expect(issues[0]).toMatchObject({ code: 'tooManyColumns', row: 2, limit: CSV_LIMITS.columns, actual: CSV_LIMITS.columns + 1 });
  });

  it('reports at most the issue limit, then how many more', () => {
    const text = `Tên;2022\n${Array.from({ length: 150 }, (_, k) => `A${k};x`).join('\n')}\n`;
    const issues = issuesOf(parseIndicatorsCsv(text));
    expect(issues.length).toBe(CSV_LIMITS.issues + 1);
    expect(issues.at(-1)).toEqual({ level: 'error', code: 'moreIssues', count: 50 });
    expect(describeCsvIssue(issues.at(-1) as CsvIssue, 'vi')).toBe('… và 50 lỗi khác');
  });

  it('keeps errors when warnings pass the limit', () => {
    const text = `Tên;2022\n${Array.from({ length: 150 }, (_, k) => `H${k};`).join('\n')}\nX;bad\n`;
    const issues = issuesOf(parseIndicatorsCsv(text));
    expect(issues.map((i) => i.code)).toEqual(['notANumber']);
  });
});
