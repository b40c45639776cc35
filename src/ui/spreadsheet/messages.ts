/**
 * The strings of the spreadsheet dialogs, in Vietnamese (the first language) and English; the
 * English table is typed by the Vietnamese one, as in src/ui/i18n/messages.ts. Problems found in a
 * file are worded by src/format/spreadsheet/messages.ts.
 */
import { lang } from '../i18n/index.ts';
import type { CsvEncoding } from '../../format/spreadsheet/encoding.ts';
import type { FormatBasis, NumberFormat } from '../../format/spreadsheet/number-shape.ts';

const vi = {
  // import
  importButton: 'Nhập từ CSV…',
  importTitle: 'Nhập chỉ tiêu từ tệp CSV',
  chooseFile: 'Chọn tệp CSV…',
  fileHint:
    'Mỗi dòng một chỉ tiêu: cột tên (“Chỉ tiêu”), cột đơn vị (“Đơn vị”), các cột năm (2022, 2023…) với số liệu thực hiện, và nếu có, cột “Mục tiêu” cùng “Năm mục tiêu”. Tệp xuất từ Excel hoặc LibreOffice, số viết kiểu Việt Nam hay tiếng Anh đều được.',
  reading: (file: string) => `Đang đọc “${file}”…`,
  readFailed: (file: string) => `Không đọc được tệp “${file}”.`,
  fileLabel: 'Tệp',
  detected: 'Cách đọc tệp',
  delimiter: { ',': 'dấu phẩy (,)', ';': 'dấu chấm phẩy (;)', '\t': 'dấu tab' } as Record<string, string>,
  otherDelimiter: (d: string) => `ký tự “${d}”`,
  delimiterLabel: 'Phân cách cột',
  numberFormatLabel: 'Cách viết số',
  numberFormat: { vi: 'kiểu Việt Nam: 4.900 là bốn nghìn chín trăm, 81,5 có phần thập phân', en: 'kiểu tiếng Anh: 4,900 là bốn nghìn chín trăm, 81.5 có phần thập phân' } satisfies Record<NumberFormat, string>,
  basis: { values: 'nhận ra từ các số trong tệp', delimiter: 'đoán theo dấu phân cách, vì các số trong tệp không cho biết', language: 'theo ngôn ngữ đang dùng, vì tệp không cho biết' } satisfies Record<FormatBasis, string>,
  encodingLabel: 'Bảng mã',
  encoding: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1258': 'Windows-1258 (tiếng Việt, cũ)' } satisfies Record<CsvEncoding, string>,
  errorsTitle: (n: number) => `Tệp có ${n} lỗi nên chưa thêm gì. Sửa tệp rồi chọn lại:`,
  warningsTitle: (n: number) => `${n} lưu ý:`,
  previewTitle: (n: number) => `Sẽ thêm ${n} chỉ tiêu vào cuối kế hoạch:`,
  previewMore: (n: number) => `… và ${n} chỉ tiêu nữa`,
  nothingToAdd: 'Tệp không có chỉ tiêu nào để thêm.',
  colRow: 'Dòng',
  colName: 'Chỉ tiêu',
  colUnit: 'Đơn vị',
  colTarget: 'Mục tiêu',
  targetIn: (value: string, period: string) => `${value} (${period})`,
  add: (n: number) => `Thêm ${n} chỉ tiêu`,
  undoLabel: (n: number, file: string) => `Nhập ${n} chỉ tiêu từ “${file}”`,
  cancel: 'Huỷ',
  // export
  exportMenu: 'Xuất bảng tính',
  csvVi: 'CSV (Tiếng Việt)',
  csvEn: 'CSV (English)',
  xlsx: 'Excel (.xlsx)',
  csvViHint: 'Dấu ; ngăn cột, dấu , thập phân: mở đúng trong Excel, LibreOffice cài tiếng Việt',
  csvEnHint: 'Comma-separated, decimal point: for Excel and LibreOffice in English',
  xlsxHint: 'Mỗi kịch bản một trang tính; số giữ nguyên là số',
  exporting: 'Đang tạo tệp…',
  exported: (file: string) => `Đã tạo “${file}”.`,
  notComputed: 'Kế hoạch chưa tính xong; thử lại sau giây lát.',
  exportFailed: (why: string) => `Không tạo được tệp Excel: ${why}`,
  baseScenario: 'Cơ sở',
};

export type SpreadsheetMessages = typeof vi;

const en: SpreadsheetMessages = {
  importButton: 'Import CSV…',
  importTitle: 'Import indicators from a CSV file',
  chooseFile: 'Choose a CSV file…',
  fileHint:
    'One indicator per row: a name column ("Indicator"), a unit column ("Unit"), year columns (2022, 2023…) with actual values and, optionally, "Target" and "Target year". Files from Excel or LibreOffice, with Vietnamese or English numbers, are fine.',
  reading: (file) => `Reading "${file}"…`,
  readFailed: (file) => `The file "${file}" could not be read.`,
  fileLabel: 'File',
  detected: 'How the file is read',
  delimiter: { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab' },
  otherDelimiter: (d) => `"${d}"`,
  delimiterLabel: 'Columns separated by',
  numberFormatLabel: 'Numbers written',
  numberFormat: { vi: 'the Vietnamese way: 4.900 is four thousand nine hundred, 81,5 has a decimal', en: 'the English way: 4,900 is four thousand nine hundred, 81.5 has a decimal' },
  basis: { values: 'recognised from the numbers in the file', delimiter: 'guessed from the delimiter, as the numbers do not tell', language: 'following your language, as the file does not tell' },
  encodingLabel: 'Encoding',
  encoding: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1258': 'Windows-1258 (legacy Vietnamese)' },
  errorsTitle: (n) => `The file has ${n} ${n === 1 ? 'error' : 'errors'}, so nothing was added. Fix the file and choose it again:`,
  warningsTitle: (n) => `${n} ${n === 1 ? 'note' : 'notes'}:`,
  previewTitle: (n) => `${n} ${n === 1 ? 'indicator' : 'indicators'} will be added at the end of the plan:`,
  previewMore: (n) => `… and ${n} more`,
  nothingToAdd: 'The file has no indicators to add.',
  colRow: 'Row',
  colName: 'Indicator',
  colUnit: 'Unit',
  colTarget: 'Target',
  targetIn: (value, period) => `${value} (${period})`,
  add: (n) => `Add ${n} ${n === 1 ? 'indicator' : 'indicators'}`,
  undoLabel: (n, file) => `Import ${n} ${n === 1 ? 'indicator' : 'indicators'} from "${file}"`,
  cancel: 'Cancel',
  exportMenu: 'Export spreadsheet',
  csvVi: 'CSV (Tiếng Việt)',
  csvEn: 'CSV (English)',
  xlsx: 'Excel (.xlsx)',
  csvViHint: 'Semicolon-separated, decimal comma: for Excel and LibreOffice set to Vietnamese',
  csvEnHint: 'Comma-separated, decimal point: for Excel and LibreOffice in English',
  xlsxHint: 'One sheet per scenario; numbers stay numbers',
  exporting: 'Creating the file…',
  exported: (file) => `Created "${file}".`,
  notComputed: 'The plan is still being computed; try again in a moment.',
  exportFailed: (why) => `The Excel file could not be created: ${why}`,
  baseScenario: 'Base',
};

const MESSAGES = { vi, en };

/** The strings of the current language (reactive: read it inside a tracking scope). */
export function s(): SpreadsheetMessages {
  return MESSAGES[lang()];
}
