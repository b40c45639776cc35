/**
 * Issues as sentences, in Vietnamese (the first language) and English. Every message starts with
 * where the problem is: the path (`plan.indicators[3].targets[0].value`), or "tệp" / "file" for
 * the file as a whole, then the line and column when the issue was found in the text.
 */
import { FILE_VERSION } from './schema.ts';
import type { FileIssue } from './issues.ts';
import type { JsonToken } from './scan.ts';

export type Lang = 'vi' | 'en';

/** 1234567 → `1.234.567` (vi) or `1,234,567` (en). */
function integer(n: number, lang: Lang): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(n)));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return sign + groups.join(lang === 'vi' ? '.' : ',');
}

/** A size in bytes as MB (2^20 bytes), one decimal unless whole: `20 MB`, `20,5 MB`. */
function megabytes(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  const rounded = Math.round(mb * 10) / 10;
  const whole = Math.trunc(rounded);
  const tenth = Math.round((rounded - whole) * 10);
  const text = tenth === 0 ? integer(whole, lang) : `${integer(whole, lang)}${lang === 'vi' ? ',' : '.'}${tenth}`;
  return `${text} MB`;
}

const num = (n: number | undefined, lang: Lang): string => (n === undefined ? '?' : integer(n, lang));

function typeName(type: string | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  switch (type) {
    case 'number': return vi ? 'một số' : 'a number';
    case 'string': return vi ? 'một chuỗi văn bản' : 'a string';
    case 'object': return vi ? 'một đối tượng' : 'an object';
    case 'array': return vi ? 'một danh sách' : 'an array';
    case 'boolean': return vi ? 'giá trị đúng/sai (true hoặc false)' : 'true or false';
    default: return type ?? (vi ? 'một giá trị khác' : 'another value');
  }
}

function formatName(format: string | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  switch (format) {
    case 'identifier':
      return vi
        ? 'một mã định danh (chữ cái không dấu, chữ số hoặc dấu gạch dưới, không bắt đầu bằng chữ số, tối đa 64 ký tự)'
        : 'an identifier (ASCII letters, digits or underscores, not starting with a digit, at most 64 characters)';
    case 'periodKey':
      return vi ? 'một kỳ dạng 2024 (năm), 2024-Q1 (quý) hoặc 2024-03 (tháng)' : 'a period such as 2024 (year), 2024-Q1 (quarter) or 2024-03 (month)';
    case 'sha256':
      return vi ? 'một mã băm SHA-256 (64 chữ số thập lục phân viết thường)' : 'a SHA-256 hash (64 lowercase hexadecimal digits)';
    case 'isoTimestamp':
      return vi ? 'một thời điểm theo chuẩn ISO 8601, ví dụ 2024-03-01T08:00:00.000Z' : 'an ISO 8601 timestamp such as 2024-03-01T08:00:00.000Z';
    default:
      return format ?? (vi ? 'một định dạng khác' : 'another format');
  }
}

function periodicityName(periodicity: string | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  switch (periodicity) {
    case 'year': return vi ? 'theo năm (ví dụ 2024)' : 'yearly (like 2024)';
    case 'quarter': return vi ? 'theo quý (ví dụ 2024-Q1)' : 'quarterly (like 2024-Q1)';
    case 'month': return vi ? 'theo tháng (ví dụ 2024-03)' : 'monthly (like 2024-03)';
    default: return periodicity ?? '?';
  }
}

const TOKENS: Readonly<Record<JsonToken, Readonly<Record<Lang, string>>>> = {
  value: { vi: 'một giá trị', en: 'a value' },
  key: { vi: 'tên trường đặt trong dấu ngoặc kép', en: 'a key in double quotes' },
  colon: { vi: 'dấu hai chấm ":"', en: 'a colon ":"' },
  commaOrObjectEnd: { vi: 'dấu phẩy "," hoặc dấu đóng ngoặc "}"', en: 'a comma "," or a closing "}"' },
  commaOrArrayEnd: { vi: 'dấu phẩy "," hoặc dấu đóng ngoặc "]"', en: 'a comma "," or a closing "]"' },
  endOfText: { vi: 'hết tệp', en: 'the end of the file' },
  digit: { vi: 'một chữ số', en: 'a digit' },
  hexDigit: { vi: 'một chữ số thập lục phân', en: 'a hexadecimal digit' },
  escape: { vi: 'một ký tự thoát hợp lệ sau dấu "\\"', en: 'a valid escape after "\\"' },
  closingQuote: { vi: 'dấu ngoặc kép đóng chuỗi', en: 'the closing quote of the string' },
  escapedControl: { vi: 'ký tự điều khiển được viết thoát', en: 'an escaped control character' },
  literal: { vi: 'true, false hoặc null', en: 'true, false or null' },
};

function tokenName(token: string | undefined, lang: Lang): string {
  if (token !== undefined && Object.hasOwn(TOKENS, token)) return TOKENS[token as JsonToken][lang];
  return lang === 'vi' ? 'một ký tự khác' : 'another character';
}

/** The message without its location. */
function body(issue: FileIssue, lang: Lang): string {
  const vi = lang === 'vi';
  const r = issue.received;
  const got = r === undefined ? '' : vi ? `, nhận được ${r}` : `, got ${r}`;
  const limit = num(issue.limit, lang);
  const actual = num(issue.actual, lang);
  switch (issue.code) {
    case 'tooLarge': {
      let size = issue.actual === undefined ? '?' : megabytes(issue.actual, lang);
      let max = issue.limit === undefined ? '?' : megabytes(issue.limit, lang);
      if (size === max) {
        // Just over the limit: megabytes would read "20 MB, over the limit of 20 MB".
        size = `${actual} byte${vi ? '' : 's'}`;
        max = `${limit} byte${vi ? '' : 's'} (${max})`;
      }
      return vi ? `tệp nặng ${size}, vượt giới hạn ${max}` : `the file is ${size}, over the limit of ${max}`;
    }
    case 'tooDeep':
      return vi ? `lồng nhau quá sâu, vượt giới hạn ${limit} cấp` : `nested too deeply: more than ${limit} levels`;
    case 'syntax':
      if (issue.expected === undefined) return vi ? 'lỗi cú pháp JSON' : 'JSON syntax error';
      if (issue.expected === 'escapedControl') {
        return vi
          ? `lỗi cú pháp JSON: ký tự điều khiển ${r ?? '?'} trong chuỗi phải được viết thoát (ví dụ \\n thay cho xuống dòng)`
          : `JSON syntax error: the control character ${r ?? '?'} must be escaped inside a string (for example \\n for a line break)`;
      }
      return vi
        ? `lỗi cú pháp JSON: cần ${tokenName(issue.expected, lang)} nhưng gặp ${r ?? '?'}`
        : `JSON syntax error: expected ${tokenName(issue.expected, lang)} but found ${r ?? '?'}`;
    case 'unexpectedEnd':
      return vi ? `tệp kết thúc giữa chừng: còn thiếu ${tokenName(issue.expected, lang)}` : `the file ends too early: expected ${tokenName(issue.expected, lang)}`;
    case 'duplicateKey':
      return vi ? 'tên trường bị lặp lại trong cùng một đối tượng' : 'duplicate key in the same object';
    case 'forbiddenKey':
      return vi ? `tên trường ${r ?? ''} bị cấm vì lý do an toàn` : `the key ${r ?? ''} is not allowed, for safety`;
    case 'loneSurrogate':
      return vi
        ? 'văn bản chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16 đứng lẻ)'
        : 'the text holds an invalid Unicode character (an unpaired UTF-16 surrogate)';
    case 'notFinite':
      if (r === 'NaN') return vi ? 'không phải là một số hợp lệ (NaN)' : 'not a valid number (NaN)';
      return vi ? 'số quá lớn, vượt phạm vi biểu diễn được (khoảng ±1,8 × 10³⁰⁸)' : 'number too large to represent (beyond about ±1.8 × 10³⁰⁸)';
    case 'unsupportedValue':
      return vi ? `kiểu giá trị này không có trong một kế hoạch${got}` : `a value of this kind cannot be part of a plan${got}`;
    case 'notPlanFile':
      if (issue.expected === 'object') {
        return vi ? `đây không phải tệp kế hoạch Chitieu: cần một đối tượng JSON${got}` : `not a Chitieu plan file: expected a JSON object${got}`;
      }
      return vi
        ? `đây không phải tệp kế hoạch Chitieu: cần "format": ${issue.expected ?? ''}${got}`
        : `not a Chitieu plan file: expected "format": ${issue.expected ?? ''}${got}`;
    case 'badVersion':
      return vi ? `số phiên bản định dạng không hợp lệ: cần một số nguyên dương${got}` : `invalid format version: expected a positive whole number${got}`;
    case 'newerVersion':
      return vi
        ? `tệp được tạo bằng phiên bản Chitieu mới hơn (định dạng tệp phiên bản ${r ?? '?'}, bản Chitieu này chỉ đọc được đến phiên bản ${issue.expected ?? FILE_VERSION}). Hãy cập nhật Chitieu để mở tệp này; chưa có gì bị thay đổi.`
        : `made with a newer version of Chitieu (file format version ${r ?? '?'}; this version reads up to version ${issue.expected ?? FILE_VERSION}). Update Chitieu to open this file; nothing has been changed.`;
    case 'noMigration':
      return vi ? `không có cách chuyển đổi từ định dạng tệp phiên bản ${r ?? '?'}` : `no way to migrate from file format version ${r ?? '?'}`;
    case 'type':
      return vi ? `cần ${typeName(issue.expected, lang)}${got}` : `expected ${typeName(issue.expected, lang)}${got}`;
    case 'missingKey':
      return vi ? 'thiếu trường bắt buộc' : 'required field is missing';
    case 'unknownKey':
      return vi
        ? `trường lạ: định dạng tệp phiên bản ${FILE_VERSION} không có trường này`
        : `unknown field: version ${FILE_VERSION} of the file format has no such field`;
    case 'value': {
      const options = issue.expected ?? '?';
      const one = !options.includes(', ');
      if (vi) return one ? `cần ${options}${got}` : `cần một trong các giá trị ${options}${got}`;
      return one ? `expected ${options}${got}` : `expected one of ${options}${got}`;
    }
    case 'notInteger':
      return vi ? `cần một số nguyên${got}` : `expected a whole number${got}`;
    case 'tooShort':
      if (issue.limit === 1) return vi ? 'không được để trống' : 'must not be empty';
      return vi ? `cần ít nhất ${limit} ký tự` : `must be at least ${limit} characters long`;
    case 'tooLong':
      return vi ? `dài ${actual} ký tự, vượt giới hạn ${limit} ký tự` : `is ${actual} characters long, over the limit of ${limit}`;
    case 'tooFew':
      return vi ? `cần ít nhất ${limit} phần tử` : `needs at least ${limit} items`;
    case 'tooMany':
      return vi ? `có ${actual} phần tử, vượt giới hạn ${limit}` : `has ${actual} items, over the limit of ${limit}`;
    case 'tooSmall':
      return vi ? `cần giá trị từ ${limit} trở lên${got}` : `expected at least ${limit}${got}`;
    case 'tooBig':
      return vi ? `cần giá trị không quá ${limit}${got}` : `expected at most ${limit}${got}`;
    case 'format':
      return vi ? `cần ${formatName(issue.expected, lang)}${got}` : `expected ${formatName(issue.expected, lang)}${got}`;
    case 'reservedName':
      return vi ? `tên ${r ?? ''} được JavaScript dành riêng, hãy chọn tên khác` : `the name ${r ?? ''} is reserved by JavaScript; choose another`;
    case 'invalid': {
      const wanted = issue.expected === undefined ? '' : vi ? ` (cần ${issue.expected})` : ` (expected ${issue.expected})`;
      return vi ? `giá trị không hợp lệ${wanted}${got}` : `invalid value${wanted}${got}`;
    }
    case 'duplicateId':
      return vi ? `mã ${r ?? ''} đã được dùng ở ${issue.related ?? '?'}` : `the id ${r ?? ''} is already used at ${issue.related ?? '?'}`;
    case 'unknownGroup':
      return vi ? `không có nhóm nào mang mã ${r ?? ''} trong ${issue.expected ?? 'groups'}` : `no group with the id ${r ?? ''} in ${issue.expected ?? 'groups'}`;
    case 'periodicityMismatch':
      return vi
        ? `kỳ ${r ?? ''} không khớp với lịch của kế hoạch, vốn tính ${periodicityName(issue.expected, lang)}`
        : `the period ${r ?? ''} does not match the plan's calendar, which is ${periodicityName(issue.expected, lang)}`;
    case 'endBeforeStart':
      return vi ? `kỳ kết thúc ${r ?? ''} đứng trước kỳ bắt đầu ${issue.expected ?? ''}` : `the end ${r ?? ''} comes before the start ${issue.expected ?? ''}`;
    case 'tooManyPeriods':
      return vi ? `lịch có ${actual} kỳ, vượt giới hạn ${limit} kỳ` : `the calendar has ${actual} periods, over the limit of ${limit}`;
    case 'periodOutsideCalendar':
      return vi ? `kỳ ${r ?? ''} nằm ngoài lịch của kế hoạch (${issue.expected ?? ''})` : `the period ${r ?? ''} is outside the plan's calendar (${issue.expected ?? ''})`;
    case 'rangeOrder':
      return vi ? `khoảng phải có thấp ≤ khả dĩ nhất ≤ cao${got}` : `a range needs low ≤ likely ≤ high${got}`;
    case 'rangeParameter':
      return vi
        ? `cách dự báo ${issue.expected ?? ''} không có tham số ${r ?? ''} để gán khoảng`
        : `the projection method ${issue.expected ?? ''} has no parameter ${r ?? ''} to put a range on`;
    case 'unknownIndicator':
      return vi ? `không có chỉ tiêu nào mang mã ${r ?? ''}` : `no indicator with the id ${r ?? ''}`;
    case 'unknownScenario':
      return vi ? `không có kịch bản nào mang mã ${r ?? ''}` : `no scenario with the id ${r ?? ''}`;
    case 'scenarioCycle':
      return vi ? `kịch bản kế thừa vòng tròn: ${r ?? ''}` : `scenarios inherit from each other in a loop: ${r ?? ''}`;
    case 'hashMismatch':
      return vi
        ? 'mã băm không khớp với nội dung: tệp có thể đã được sửa tay sau khi xuất. Tệp vẫn mở được, nhưng hãy kiểm tra lại nội dung.'
        : 'the hash does not match the content: the file may have been edited by hand after it was exported. It can still be opened; check its contents.';
    case 'moreIssues':
      return vi ? `còn ${actual} vấn đề khác không được liệt kê` : `${actual} more issues not listed`;
    case 'internal':
      return vi ? 'lỗi nội bộ khi đọc tệp; chưa có gì được nhập' : 'internal error while reading the file; nothing was imported';
  }
}

/**
 * One issue as one line of text: `indicators[3].targets[0].value: cần một số, nhận được "abc"`.
 * Issues about the whole file say so (`tệp: …` / `file: …`); issues found in the text add the line
 * and column (`plan.indicators (dòng 40, cột 7): …`).
 */
export function describeIssue(issue: FileIssue, lang: Lang): string {
  const where = issue.path === '' ? (lang === 'vi' ? 'tệp' : 'file') : issue.path;
  const position =
    issue.line === undefined
      ? ''
      : lang === 'vi'
        ? ` (dòng ${integer(issue.line, lang)}, cột ${integer(issue.column ?? 0, lang)})`
        : ` (line ${integer(issue.line, lang)}, column ${integer(issue.column ?? 0, lang)})`;
  return `${where}${position}: ${body(issue, lang)}`;
}
