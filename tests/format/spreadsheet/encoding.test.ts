import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUtf8, sniffEncoding } from '../../../src/format/spreadsheet/encoding.ts';

const utf16 = (text: string, littleEndian: boolean): Uint8Array => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * i + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
};

describe('sniffEncoding', () => {
  it('follows a byte order mark', () => {
    expect(sniffEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
  });

  it('recognises UTF-16 without a byte order mark', () => {
    const text = 'Tên\tĐơn vị\t2022\r\nThuê bao\ttriệu\t2,98\r\n';
    expect(sniffEncoding(utf16(text, true))).toBe('utf-16le');
    expect(sniffEncoding(utf16(text, false))).toBe('utf-16be');
  });

  it('takes valid UTF-8 for UTF-8 and anything else for Windows-1258', () => {
    expect(sniffEncoding(new TextEncoder().encode('Chỉ tiêu;Đơn vị\nThuê bao;triệu'))).toBe('utf-8');
    // "Ð" (0xD0) and "Thuê" with "ê" as 0xEA: Windows-1258 bytes, invalid as UTF-8.
    expect(sniffEncoding(new Uint8Array([0xd0, 0x6f, 0x6e, 0x20, 0x76, 0x69, 0x3b, 0x54, 0x68, 0x75, 0xea]))).toBe('windows-1258');
  });

  it('agrees with the platform on what is valid UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (bytes: Uint8Array) => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s))), (bytes) => {
        expect(isUtf8(bytes)).toBe(valid(bytes));
      }),
      { numRuns: 5_000 },
    );
  });
});
