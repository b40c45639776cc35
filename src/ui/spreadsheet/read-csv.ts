/** Reads a CSV file in whatever encoding Excel wrote it (see format/spreadsheet/encoding.ts). */
import { sniffEncoding, type CsvEncoding } from '../../format/spreadsheet/encoding.ts';
import { CSV_LIMITS } from '../../format/spreadsheet/issues.ts';

export type ReadCsv =
  | { ok: true; text: string; encoding: CsvEncoding }
  /** The file is larger than any CSV the import accepts (checked before reading it). */
  | { ok: false; reason: 'size'; bytes: number }
  | { ok: false; reason: 'unreadable' };

// At most 4 bytes per character in UTF-8: a larger file cannot be within the character limit.
const MAX_BYTES = CSV_LIMITS.characters * 4;

export async function readCsvFile(file: Blob): Promise<ReadCsv> {
  if (file.size > MAX_BYTES) return { ok: false, reason: 'size', bytes: file.size };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const encoding = sniffEncoding(bytes);
    // TextDecoder drops the byte order mark; the import would drop it too.
    return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
