/**
 * The size check of issue 6, on the built files: gzip (zlib's default level, as a static server
 * sends them) of
 * - the initial JavaScript: the entry script `index.html` loads, the chunks it preloads, and
 *   everything those import statically (a dynamic `import()` is a lazy chunk, not counted);
 * - the engine worker: its entry and its static imports;
 * - the lazy chunks holding charts, spreadsheet export, CSV import and the report, found by the
 *   sources their source maps name, and a check that none of those sources is in the initial set.
 * 1 KB = 1,000 bytes, as Vite reports sizes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bytesBySource, packageOf, readSourceMap, shortSource } from './sourcemap.ts';

export interface ChunkSize { file: string; bytes: number; gzipBytes: number }

export interface LazyFeature {
  /** Chunks whose sources include the feature's modules. */
  chunks: ChunkSize[];
  /** Those chunks plus what they import statically that the initial load does not already have. */
  gzipBytes: number;
  /** No initial chunk holds any of the feature's sources. */
  lazy: boolean;
  /** Initial chunks that hold some of them (empty when lazy). */
  inInitial: string[];
}

export interface Share { name: string; bytes: number; gzipBytesEstimate: number }

export interface BundleReport {
  initial: { chunks: ChunkSize[]; gzipBytes: number; bytes: number; css: ChunkSize[] };
  worker: { chunks: ChunkSize[]; gzipBytes: number; bytes: number };
  lazy: Record<'charts' | 'spreadsheetExport' | 'csvImport' | 'report', LazyFeature>;
  /** Gzip bytes of the initial JavaScript by package, estimated from each source's share of the code. */
  initialByPackage: Share[];
  /** The worker's by module (its own sources, packages whole). */
  workerByModule: Share[];
  otherLazy: ChunkSize[];
}

/** Which sources make a feature: a package and our own modules. */
const FEATURES: Record<keyof BundleReport['lazy'], RegExp> = {
  charts: /node_modules\/uplot\/|src\/ui\/charts\//,
  spreadsheetExport: /node_modules\/write-excel-file\/|src\/format\/spreadsheet\/xlsx-export/,
  csvImport: /node_modules\/papaparse\/|src\/format\/spreadsheet\/csv-import/,
  report: /src\/ui\/report\//,
};

const STATIC_IMPORT = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

/** Static imports of a chunk (relative specifiers), resolved against its folder. */
function staticImports(file: string, code: string): string[] {
  const dir = posix.dirname(file);
  return [...code.matchAll(STATIC_IMPORT)].map((m) => posix.normalize(posix.join(dir, m[1] as string)));
}

export function measureBundle(distDir: string): BundleReport {
  const code = new Map<string, string>();
  const read = (file: string): string => {
    let text = code.get(file);
    if (text === undefined) {
      text = readFileSync(join(distDir, file), 'utf8');
      code.set(file, text);
    }
    return text;
  };
  const size = (file: string): ChunkSize => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  };
  const closure = (roots: string[], stop: ReadonlySet<string> = new Set()): string[] => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file) || stop.has(file) || !existsSync(join(distDir, file))) return;
      seen.add(file);
      for (const next of staticImports(file, read(file))) visit(next);
    };
    roots.forEach(visit);
    return [...seen];
  };
  const sum = (chunks: ChunkSize[], key: 'bytes' | 'gzipBytes') => chunks.reduce((s, c) => s + c[key], 0);

  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const local = (ref: string) => posix.normalize(ref.replace(/^\.\//, ''));
  const entries = [...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => local(m[1] as string));
  const preloads = [...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => local(m[1] as string));
  const styles = [...html.matchAll(/<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => local(m[1] as string));
  const initialFiles = closure([...entries, ...preloads]);
  const initialSet = new Set(initialFiles);
  const initialChunks = initialFiles.map(size);

  const assets = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const workerEntries = assets.filter((f) => /engine\.worker[-.]/.test(f));
  const workerFiles = closure(workerEntries);
  const workerChunks = workerFiles.map(size);
  const workerSet = new Set(workerFiles);

  const sourcesOf = (file: string): string[] => readSourceMap(join(distDir, file))?.sources ?? [];
  const lazyFiles = assets.filter((f) => !initialSet.has(f) && !workerSet.has(f));
  const lazy = {} as BundleReport['lazy'];
  const claimed = new Set<string>();
  for (const [feature, pattern] of Object.entries(FEATURES) as [keyof BundleReport['lazy'], RegExp][]) {
    const holders = lazyFiles.filter((f) => sourcesOf(f).some((s) => pattern.test(s)));
    holders.forEach((f) => claimed.add(f));
    const withDeps = closure(holders, initialSet);
    const inInitial = initialFiles.filter((f) => sourcesOf(f).some((s) => pattern.test(s)));
    lazy[feature] = {
      chunks: holders.map(size),
      gzipBytes: sum(withDeps.map(size), 'gzipBytes'),
      lazy: holders.length > 0 && inInitial.length === 0,
      inInitial,
    };
  }

  // Sizes by package (or module): each source's share of a chunk's characters, times its gzip size.
  const shares = (chunks: ChunkSize[], nameOf: (source: string) => string): Share[] => {
    const by = new Map<string, { bytes: number; gzip: number }>();
    for (const chunk of chunks) {
      const map = readSourceMap(join(distDir, chunk.file));
      if (!map) continue;
      const bySource = bytesBySource(map, read(chunk.file));
      const total = [...bySource.values()].reduce((sum, n) => sum + n, 0) || 1;
      for (const [source, bytes] of bySource) {
        const name = nameOf(source);
        const entry = by.get(name) ?? { bytes: 0, gzip: 0 };
        entry.bytes += bytes;
        entry.gzip += (chunk.gzipBytes * bytes) / total;
        by.set(name, entry);
      }
    }
    return [...by.entries()]
      .map(([name, v]) => ({ name, bytes: v.bytes, gzipBytesEstimate: Math.round(v.gzip) }))
      .sort((a, b) => b.gzipBytesEstimate - a.gzipBytesEstimate);
  };

  return {
    initial: { chunks: initialChunks, gzipBytes: sum(initialChunks, 'gzipBytes'), bytes: sum(initialChunks, 'bytes'), css: styles.map(size) },
    worker: { chunks: workerChunks, gzipBytes: sum(workerChunks, 'gzipBytes'), bytes: sum(workerChunks, 'bytes') },
    lazy,
    initialByPackage: shares(initialChunks, packageOf),
    workerByModule: shares(workerChunks, (source) => (source.includes('node_modules/') ? packageOf(source) : shortSource(source))),
    otherLazy: lazyFiles.filter((f) => !claimed.has(f)).map(size),
  };
}

/** The weight budget of issue 6 (QUALITY): gzip bytes, 1 KB = 1,000 bytes. */
export const BUDGET = { initialGzipBytes: 300_000, workerGzipBytes: 25_000 } as const;

/** Each way the build breaks the budget, in words; empty when it keeps it. */
export function overBudget(report: BundleReport): string[] {
  const problems: string[] = [];
  if (report.initial.gzipBytes > BUDGET.initialGzipBytes) {
    const biggest = report.initialByPackage.slice(0, 5).map((s) => `${s.name} ${(s.gzipBytesEstimate / 1000).toFixed(1)}`).join(', ');
    problems.push(`initial JavaScript ${(report.initial.gzipBytes / 1000).toFixed(1)} KB gzip > ${BUDGET.initialGzipBytes / 1000} KB (largest, KB: ${biggest})`);
  }
  if (report.worker.gzipBytes > BUDGET.workerGzipBytes) {
    problems.push(`engine worker ${(report.worker.gzipBytes / 1000).toFixed(1)} KB gzip > ${BUDGET.workerGzipBytes / 1000} KB`);
  }
  for (const [feature, found] of Object.entries(report.lazy)) {
    if (!found.lazy) problems.push(`${feature} is not in lazy chunks (${found.inInitial.join(', ') || 'no chunk found'})`);
  }
  return problems;
}

/**
 * `npx tsx bench/browser/bundle.ts [DIST] [--record]` (DIST defaults to `dist`): the size check
 * alone, on a build already made, in about a second. Prints the figures and exits 1 when over
 * budget, so a build or bench script that runs it fails loudly. `--record` also writes the figures
 * into `bench/results/browser-latest.json` as `bundle`, with `bundleMeasured` saying when, of which
 * commit and how (the rest of that file is left as the last full run wrote it).
 */
async function main(args: string[]): Promise<number> {
  const distDir = args.find((a) => !a.startsWith('--')) ?? 'dist';
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`[size] no build in ${distDir}: run \`npx vite build\` first`);
    return 2;
  }
  // A folder built into twice (vite leaves an outDir outside the project unemptied) holds two
  // workers and would be measured as both: refuse rather than report a wrong size.
  const workers = readdirSync(join(distDir, 'assets')).filter((f) => /^engine\.worker[-.].*\.js$/.test(f));
  if (workers.length > 1) {
    console.error(`[size] ${distDir} holds ${workers.length} engine workers (several builds): build again with --emptyOutDir`);
    return 2;
  }
  const report = measureBundle(distDir);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  console.log(`[size] initial JavaScript ${kb(report.initial.gzipBytes)} gzip (budget ${kb(BUDGET.initialGzipBytes)}), engine worker ${kb(report.worker.gzipBytes)} gzip (budget ${kb(BUDGET.workerGzipBytes)})`);
  console.log(`[size] lazy: ${Object.entries(report.lazy).map(([feature, found]) => `${feature} ${found.lazy ? kb(found.gzipBytes) : 'NOT LAZY'}`).join(', ')}`);
  const problems = overBudget(report);
  for (const problem of problems) console.error(`[size] OVER BUDGET: ${problem}`);
  if (args.includes('--record')) {
    const { execFileSync } = await import('node:child_process');
    const { readFileSync: read, writeFileSync } = await import('node:fs');
    const file = join(import.meta.dirname, '..', 'results', 'browser-latest.json');
    const results = JSON.parse(read(file, 'utf8')) as Record<string, unknown>;
    const commitOf = (dir: string) => {
      try {
        return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown (not a git checkout)';
      }
    };
    results.bundle = report;
    results.bundleMeasured = {
      at: new Date().toISOString(),
      command: `npx tsx bench/browser/bundle.ts ${args.join(' ')}`,
      dist: distDir,
      commit: process.env.BUNDLE_COMMIT ?? commitOf(distDir),
      withinBudget: problems.length === 0,
      problems,
    };
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`[size] recorded in ${file}`);
  }
  return problems.length > 0 ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (invoked && import.meta.url === pathToFileURL(invoked).href) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
