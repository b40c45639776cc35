/** Running the command line in-process: arguments in, exit code and captured output out. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.ts';
import { readFileText, STDIN, type CliIo } from '../../src/cli/io.ts';
import { err, ok } from '../../src/engine/result.ts';
import { serializePlanFile, type Plan, type PlanFile } from '../../src/format/index.ts';

export const EXAMPLE = 'public/examples/thanh-hoa-2024.json';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** What standard input holds; reading `-` without it fails as a missing file would. */
  stdin?: string;
  columns?: number;
}

export async function cli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    out: (text) => void out.push(text),
    err: (text) => void errors.push(text),
    readText: async (path) => {
      if (path !== STDIN) return readFileText(path);
      return options.stdin === undefined ? err({ code: 'notFound' }) : ok(options.stdin);
    },
    env: options.env ?? {},
    columns: options.columns,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: errors.join('') };
}

export function exampleText(): string {
  return readFileSync(EXAMPLE, 'utf8');
}

export function exampleFile(): PlanFile {
  return JSON.parse(exampleText()) as PlanFile;
}

let directory: string | undefined;

/** Writes `text` to a fresh file in a temporary directory and returns its path. */
export function tempFile(name: string, text: string | Uint8Array): string {
  directory ??= mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** The example plan changed by `edit`, written as a valid file with its true hash. */
export function planFile(name: string, edit: (plan: Plan) => void): string {
  const file = exampleFile();
  edit(file.plan);
  return tempFile(name, serializePlanFile(file.plan, { app: file.app, exportedAt: file.exportedAt }));
}

/** A strict RFC 4180 reader, to check the writer against the standard rather than against itself. */
export function readCsv(document: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < document.length) {
    const ch = document[i] as string;
    if (ch === '"' && field === '') {
      i += 1;
      for (;;) {
        if (i >= document.length) throw new Error('unterminated quote');
        if (document[i] === '"') {
          if (document[i + 1] === '"') { field += '"'; i += 2; continue; }
          i += 1;
          break;
        }
        field += document[i];
        i += 1;
      }
      if (i < document.length && document[i] !== ',' && document[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (ch === ',') { row.push(field); field = ''; i += 1; continue; }
    if (ch === '\r') {
      if (document[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field); rows.push(row); row = []; field = ''; i += 2; continue;
    }
    if (ch === '\n' || ch === '"') throw new Error(`${JSON.stringify(ch)} outside quotes at ${i}`);
    field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}
