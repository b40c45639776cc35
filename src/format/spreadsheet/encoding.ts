/**
 * Which text encoding a CSV file is in, from its bytes. Excel writes UTF-8 with a byte order mark
 * ("CSV UTF-8"), UTF-16 ("Unicode Text", tab-separated), or the Windows code page — Windows-1258 on
 * Vietnamese Windows ("CSV (Comma delimited)"). A file that is valid UTF-8 is UTF-8: text in any
 * single-byte code page with a letter beyond ASCII almost never is.
 */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let follow: number;
    let codePoint: number;
    let least: number;
    if (lead >= 0xc2 && lead <= 0xdf) [follow, codePoint, least] = [1, lead & 0x1f, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [follow, codePoint, least] = [2, lead & 0x0f, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [follow, codePoint, least] = [3, lead & 0x07, 0x10000];
    else return false;
    if (i + follow >= n) return false;
    for (let k = 1; k <= follow; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return false;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if (codePoint < least || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
    i += follow + 1;
  }
  return true;
}

/** UTF-16 without a byte order mark: most ASCII characters have a zero byte on one side. */
function utf16Without(bytes: Uint8Array): CsvEncoding | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export function sniffEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const wide = utf16Without(bytes);
  if (wide) return wide;
  return isUtf8(bytes) ? 'utf-8' : 'windows-1258';
}
