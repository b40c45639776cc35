/**
 * The built app, served the way the end-to-end suite serves it (`vite preview`, with the
 * production CSP header), on a free port of 127.0.0.1.
 *
 * The benchmark serves a private copy of `dist/`: several people build into `dist/` on this
 * checkout, and a rebuild in the middle of a run would swap the files under the browser (new
 * hashed names, a half-emptied folder). The copy is taken once, checked complete, and removed at
 * the end.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

/** What the build reads: a change to any of these makes `dist/` stale. */
const SOURCES = ['src', 'workers', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export interface BuildInfo {
  built: boolean;
  reason: string;
  buildMs: number | null;
}

/** Builds the app when `dist/` is missing or older than what it is built from. */
export function ensureBuild(): BuildInfo {
  const index = join(DIST, 'index.html');
  const reason = !existsSync(index)
    ? 'dist/ is missing'
    : statSync(index).mtimeMs < Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))))
      ? 'dist/ is older than the sources'
      : null;
  if (reason === null) return { built: false, reason: 'dist/ is newer than the sources', buildMs: null };
  console.log(`Building the app (${reason}) …`);
  const started = performance.now();
  const build = spawnSync(process.execPath, [VITE, 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`vite build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  return { built: true, reason, buildMs: Math.round(performance.now() - started) };
}

/** Every file `index.html` names exists: the build is complete (not half-written by another run). */
function complete(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const html = readFileSync(index, 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1] as string);
  return named.every((file) => existsSync(join(dir, file)));
}

/** A private copy of `dist/` (or of `from`), checked complete (retried while another build is writing it). */
export async function snapshotDist(from: string = DIST): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-dist-'));
    if (complete(from)) {
      cpSync(from, dir, { recursive: true });
      if (complete(dir)) return dir;
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  throw new Error('dist/ stayed incomplete (another build running?); try again');
}

export interface RefBuild {
  /** The commit built. */
  commit: string;
  /** The source tree (`git archive` of the commit, with this checkout's node_modules linked in). */
  root: string;
  dist: string;
  buildMs: number;
  remove(): void;
}

/**
 * Builds a commit exactly as committed, apart from anyone's uncommitted work in this checkout:
 * `git archive` into a temporary folder, this checkout's `node_modules` linked in, `vite build`.
 */
export function buildRef(ref: string): RefBuild {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const root = mkdtempSync(join(tmpdir(), 'chitieu-bench-ref-'));
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C "${root}"`], { cwd: ROOT, encoding: 'utf8' });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr}`);
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  console.log(`Building ${commit.slice(0, 10)} in ${root} …`);
  const started = performance.now();
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build of ${commit} failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  return {
    commit,
    root,
    dist: join(root, 'dist'),
    buildMs: Math.round(performance.now() - started),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PreviewServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `vite preview` over `outDir` on a free port (with the config of `root`); resolves once it answers. */
export async function startPreview(outDir: string, root: string = ROOT): Promise<PreviewServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`vite preview did not answer on ${url} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Only the process this run started, by its own handle.
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
