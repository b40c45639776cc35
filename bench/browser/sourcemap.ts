/**
 * Just enough of source maps (v3) to say which source a byte of a built chunk came from: for the
 * bundle's size by package, and for naming the functions of a CPU profile taken on minified code.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Segment {
  /** Generated column (0-based). */
  column: number;
  source: number;
  line: number;
  sourceColumn: number;
  name: number;
}

export interface SourceMap {
  sources: string[];
  names: string[];
  /** Per generated line, segments in column order (segments without a source are dropped). */
  lines: Segment[][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

export function parseSourceMap(json: string): SourceMap {
  const raw = JSON.parse(json) as { sources: string[]; names?: string[]; mappings: string };
  const mappings = raw.mappings;
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  let column = 0;
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  const flushSegment = () => {
    if (fields.length === 0) return;
    column += fields[0] as number;
    if (fields.length >= 4) {
      source += fields[1] as number;
      sourceLine += fields[2] as number;
      sourceColumn += fields[3] as number;
      if (fields.length >= 5) name += fields[4] as number;
      line.push({ column, source, line: sourceLine, sourceColumn, name: fields.length >= 5 ? name : -1 });
    }
    fields.length = 0;
  };
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 59 /* ; */) {
      flushSegment();
      lines.push(line);
      line = [];
      column = 0;
      continue;
    }
    if (c === 44 /* , */) {
      flushSegment();
      continue;
    }
    const digit = DIGIT[c] as number;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      const negative = value & 1;
      value >>>= 1;
      fields.push(negative ? -value : value);
      value = 0;
      shift = 0;
    }
  }
  flushSegment();
  lines.push(line);
  return { sources: raw.sources, names: raw.names ?? [], lines };
}

export function readSourceMap(jsPath: string): SourceMap | null {
  const path = `${jsPath}.map`;
  return existsSync(path) ? parseSourceMap(readFileSync(path, 'utf8')) : null;
}

/** The segment covering a generated position (0-based line and column). */
export function lookup(map: SourceMap, line: number, column: number): Segment | null {
  const segments = map.lines[line];
  if (!segments || segments.length === 0) return null;
  let lo = 0;
  let hi = segments.length - 1;
  if ((segments[0] as Segment).column > column) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((segments[mid] as Segment).column <= column) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo] as Segment;
}

/** Bytes of generated code per source, from each segment to the next (or the line's end). */
export function bytesBySource(map: SourceMap, code: string): Map<string, number> {
  const out = new Map<string, number>();
  const codeLines = code.split('\n');
  map.lines.forEach((segments, index) => {
    const length = codeLines[index]?.length ?? 0;
    segments.forEach((segment, k) => {
      const end = k + 1 < segments.length ? (segments[k + 1] as Segment).column : length;
      const name = map.sources[segment.source] ?? '?';
      out.set(name, (out.get(name) ?? 0) + Math.max(0, end - segment.column));
    });
  });
  return out;
}

/** `../../node_modules/ag-grid-community/dist/…` → `ag-grid-community`; `../../src/ui/grid/x.ts` → `src/ui`. */
export function packageOf(source: string): string {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1] as string;
  const local = source.match(/(?:^|\/)(src|workers)\/([^/]+)/);
  if (local) return local[1] === 'workers' ? 'workers' : `src/${local[2] as string}`;
  return source.replace(/^(\.\.\/)+/, '');
}

/** `../../src/ui/grid/PlanGrid.tsx` → `src/ui/grid/PlanGrid.tsx`. */
export function shortSource(source: string): string {
  const pkg = source.match(/node_modules\/(.*)$/);
  if (pkg) return pkg[1] as string;
  return source.replace(/^(\.\.\/)+/, '');
}
