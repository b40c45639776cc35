/**
 * What the benchmark prints and writes: one line per figure with its comparator, the ratio, the
 * target from QUALITY.md and an honest PASS or MISS; and the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';

/** `info` lines have no target; `not measured` lines say why in `reason`. */
export type Status = 'PASS' | 'MISS' | 'info' | 'not measured';

export interface Line {
  id: string;
  work: string;
  /** Chitieu's figure, as printed (e.g. "0.21 ms"). */
  chitieu: string;
  /** The comparator and its figure (e.g. "HyperFormula 102 ms"). */
  comparator: string;
  ratio: string;
  target: string;
  status: Status;
  reason?: string;
}

export interface Machine {
  node: string;
  v8: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  commit: string;
  /** Engine files that differed from `commit` when the run was made (uncommitted work measured too). */
  uncommittedEngineFiles: string[];
  /**
   * 1-minute load average when the run started and ended. Above `cores`, other processes were
   * competing for the CPU and every figure is noisier (ratios less so: variants run in turns).
   */
  loadAverage: { start: number; end: number };
}

export function machine(loadAtStart: number): Machine {
  const cpu = cpus();
  let commit = 'unknown';
  let uncommittedEngineFiles: string[] = [];
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src/engine', 'src/format'], { encoding: 'utf8' });
    uncommittedEngineFiles = status.split('\n').filter((line) => line.trim() !== '').map((line) => line.slice(3));
  } catch {
    // Not a git checkout: the figure still stands, only its provenance is vaguer.
  }
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osType()} ${release()}`,
    commit,
    uncommittedEngineFiles,
    loadAverage: { start: round2(loadAtStart), end: round2(loadavg()[0] ?? NaN) },
  };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The 1-minute load average now. */
export function currentLoad(): number {
  return loadavg()[0] ?? NaN;
}

/** Milliseconds with three significant digits (0.00213 ms, 0.213 ms, 21.3 ms, 1,020 ms). */
export function ms(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')} ms`;
  return `${Number(x.toPrecision(3))} ms`;
}

export function times(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x >= 100) return `${Math.round(x).toLocaleString('en-US')}×`;
  if (x >= 0.01) return `${Number(x.toPrecision(3))}×`;
  return `1/${Math.round(1 / x).toLocaleString('en-US')}`;
}

export function printTable(lines: readonly Line[]): string {
  const header: Line = { id: '', work: 'work', chitieu: 'Chitieu', comparator: 'comparator', ratio: 'ratio', target: 'target', status: 'info' };
  const cells = (l: Line): string[] => [l.work, l.chitieu, l.comparator, l.ratio, l.target, l === header ? 'status' : l.status === 'info' ? '' : l.status];
  const rows = [header, ...lines].map(cells);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] as string).length)));
  const format = (r: string[]): string => r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  ').trimEnd();
  const out = [format(rows[0] as string[]), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(format(r));
  for (const l of lines) if (l.reason) out.push(`${l.status === 'not measured' ? 'not measured' : 'note'}: ${l.work}: ${l.reason}`);
  return out.join('\n');
}
