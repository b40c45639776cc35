/** The printed table: one line per figure, its target, and PASS or MISS (or — where there is no target). */

export type Verdict = 'PASS' | 'MISS' | '—';

export interface Line {
  line: string;
  figure: string;
  target: string;
  verdict: Verdict;
}

export const ms = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || Number.isNaN(x) ? 'not measured' : `${x.toFixed(digits)} ms`;

export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

export const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)}×` : 'not measured');

export function verdict(ok: boolean | null): Verdict {
  return ok === null ? '—' : ok ? 'PASS' : 'MISS';
}

export function table(lines: Line[]): string {
  const widths = [
    Math.max(4, ...lines.map((l) => l.line.length)),
    Math.max(6, ...lines.map((l) => l.figure.length)),
    Math.max(6, ...lines.map((l) => l.target.length)),
  ];
  const row = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c)).join('  ');
  const out = [row(['line', 'figure', 'target', 'verdict']), row(widths.map((w) => '-'.repeat(w)).concat('-------'))];
  for (const l of lines) out.push(row([l.line, l.figure, l.target, l.verdict]));
  return out.join('\n');
}
