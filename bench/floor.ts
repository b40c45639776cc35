/**
 * The floor: the benchmark model evaluated by a hand-written loop over one Float64Array laid out
 * as Chitieu's (rows × periods, row-major). Each row is one tight loop over its periods with the
 * arithmetic written out and the template chosen once per row, so it touches the same bytes as the
 * engine and does the same arithmetic, with nothing else: no closures, no blank or error checks,
 * no bookkeeping. No engine can beat it by much; the target is to stay within 2× of it.
 */
import { operands, type BenchModel, type Row } from './model.ts';

const KIND = { growth: 0, sum: 1, weighted: 2, ratio: 3, scale: 4, product: 5, min: 6, max: 7, choose: 8 } as const;

export interface Floor {
  periods: number;
  values: Float64Array;
  /** Per row: the growth rate (growth rows), editable like Chitieu's parameters. */
  rates: Float64Array;
  kind: Uint8Array;
  start: Float64Array;
  /** Operand row offsets (row × periods) a, b, c; -1 when unused. */
  a: Int32Array;
  b: Int32Array;
  c: Int32Array;
  /** Template constants (k; w and v for the weighted mean). */
  k: Float64Array;
  w: Float64Array;
  v: Float64Array;
  /** Every row in an order where operands come first (the model's own row order is one). */
  order: Int32Array;
}

export function buildFloor(model: BenchModel): Floor {
  const count = model.rows.length;
  const n = model.spec.periods;
  const floor: Floor = {
    periods: n,
    values: new Float64Array(count * n),
    rates: new Float64Array(count),
    kind: new Uint8Array(count),
    start: new Float64Array(count),
    a: new Int32Array(count).fill(-1),
    b: new Int32Array(count).fill(-1),
    c: new Int32Array(count).fill(-1),
    k: new Float64Array(count),
    w: new Float64Array(count),
    v: new Float64Array(count),
    // The generator only lets a formula read earlier rows.
    order: Int32Array.from(model.rows, (row) => row.row),
  };
  for (const row of model.rows) fill(floor, row, n);
  return floor;
}

function fill(floor: Floor, row: Row, n: number): void {
  const r = row.row;
  if (row.kind === 'growth') {
    floor.kind[r] = KIND.growth;
    floor.rates[r] = row.rate;
    floor.start[r] = row.start;
    return;
  }
  const t = row.template;
  floor.kind[r] = KIND[t.kind];
  const [a, b, c] = operands(t);
  floor.a[r] = a === undefined ? -1 : a * n;
  floor.b[r] = b === undefined ? -1 : b * n;
  floor.c[r] = c === undefined ? -1 : c * n;
  switch (t.kind) {
    case 'weighted': floor.w[r] = t.w; floor.v[r] = t.v; break;
    case 'ratio':
    case 'scale':
    case 'choose': floor.k[r] = t.k; break;
    case 'sum':
    case 'product':
    case 'min':
    case 'max': break;
  }
}

/** Evaluates `rows` (operands first) in one pass each. */
export function runFloor(floor: Floor, rows: Int32Array = floor.order): void {
  const n = floor.periods;
  const x = floor.values;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const o = r * n;
    const a = floor.a[r] as number;
    const b = floor.b[r] as number;
    const k = floor.k[r] as number;
    switch (floor.kind[r]) {
      case KIND.growth: {
        const f = 1 + (floor.rates[r] as number);
        let prev = floor.start[r] as number;
        x[o] = prev;
        for (let t = 1; t < n; t++) { prev *= f; x[o + t] = prev; }
        break;
      }
      case KIND.sum:
        for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) + (x[b + t] as number);
        break;
      case KIND.weighted: {
        const w = floor.w[r] as number;
        const v = floor.v[r] as number;
        for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) * w + (x[b + t] as number) * v;
        break;
      }
      case KIND.ratio:
        for (let t = 0; t < n; t++) x[o + t] = ((x[a + t] as number) / (x[b + t] as number)) * k;
        break;
      case KIND.scale:
        for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) * k;
        break;
      case KIND.product: {
        const c = floor.c[r] as number;
        for (let t = 0; t < n; t++) x[o + t] = ((x[a + t] as number) * (x[b + t] as number)) / (x[c + t] as number);
        break;
      }
      case KIND.min:
        for (let t = 0; t < n; t++) x[o + t] = Math.min(x[a + t] as number, x[b + t] as number);
        break;
      case KIND.max:
        for (let t = 0; t < n; t++) x[o + t] = Math.max(x[a + t] as number, x[b + t] as number);
        break;
      case KIND.choose:
        for (let t = 0; t < n; t++) {
          const va = x[a + t] as number;
          const vb = x[b + t] as number;
          x[o + t] = va > vb ? va * k : vb;
        }
        break;
    }
  }
}
