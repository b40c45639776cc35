/**
 * What the command line touches outside itself: two writers, a way to read a plan file's text,
 * the environment and the terminal's width. `run` takes these as a value, so tests drive the
 * commands in-process and capture their output; `nodeIo` binds them to the real process.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { LIMITS } from '../format/index.ts';
import { err, ok, type Result } from '../engine/result.ts';

export type ReadProblem =
  | { code: 'notFound' }
  | { code: 'isDirectory' }
  | { code: 'notPermitted' }
  | { code: 'notUtf8' }
  /** More than the plan file's size limit; `bytes` is how many were seen before stopping. */
  | { code: 'tooLarge'; bytes: number }
  | { code: 'failed'; reason: string };

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The text of a file, or of standard input for `-`. */
  readText(path: string): Promise<Result<string, ReadProblem>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The terminal's width when standard output is one; undefined for a file or a pipe. */
  readonly columns: number | undefined;
}

/** The standard input's name on the command line. */
export const STDIN = '-';

// A UTF-8 byte-order mark may precede a file of the largest size the format accepts.
const BYTE_LIMIT = LIMITS.fileBytes + 3;

/** UTF-8 text, strictly: a file in another encoding is refused, not read as replacement characters. */
export function decodeUtf8(bytes: Uint8Array): Result<string, ReadProblem> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err({ code: 'notUtf8' });
  }
}

/** Reads a stream up to `limit` bytes; beyond that it stops reading and says how far it got. */
export async function readCapped(stream: Readable | AsyncIterable<Uint8Array | string>, limit: number): Promise<Result<Uint8Array, ReadProblem>> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.byteLength;
    if (total > limit) return err({ code: 'tooLarge', bytes: total });
    chunks.push(bytes);
  }
  return ok(Buffer.concat(chunks, total));
}

function systemProblem(error: unknown): ReadProblem {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'notFound' };
    case 'EISDIR':
      return { code: 'isDirectory' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'notPermitted' };
    default:
      return { code: 'failed', reason: typeof code === 'string' ? code : String(error) };
  }
}

export async function readFileText(path: string): Promise<Result<string, ReadProblem>> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return err(systemProblem(error));
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return err({ code: 'isDirectory' });
    // Refuse a huge regular file before reading any of it; pipes and devices report no size
    // and are capped while they are read.
    if (stat.isFile() && stat.size > BYTE_LIMIT) return err({ code: 'tooLarge', bytes: stat.size });
    const bytes = await readCapped(handle.createReadStream({ autoClose: false }), BYTE_LIMIT);
    return bytes.ok ? decodeUtf8(bytes.value) : bytes;
  } catch (error) {
    return err(systemProblem(error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function nodeIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    async readText(path) {
      if (path !== STDIN) return readFileText(path);
      try {
        const bytes = await readCapped(process.stdin, BYTE_LIMIT);
        return bytes.ok ? decodeUtf8(bytes.value) : bytes;
      } catch (error) {
        return err(systemProblem(error));
      }
    },
    env: process.env,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}
