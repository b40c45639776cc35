/**
 * The floor: the generated model evaluated by one hand-written loop per row over a Float64Array
 * laid out as the engine's (rows × periods), with the arithmetic written out and no closures,
 * blank checks or bookkeeping. It touches the same bytes as the engine; nothing can be much faster.
 */
import type { FloorRow } from './helpers.ts';

export function runFloor(rows: readonly FloorRow[], n: number, x: Float64Array, order: Int32Array): void {
  for (let i = 0; i < order.length; i++) {
    const r = order[i] as number;
    const row = rows[r] as FloorRow;
    const o = r * n;
    const a = row.a * n;
    const b = row.b * n;
    const c = row.c * n;
    const k = row.k;
    switch (row.kind) {
      case 0: {
        const f = 1 + row.rate;
        let prev = row.start;
        x[o] = prev;
        for (let t = 1; t < n; t++) { prev *= f; x[o + t] = prev; }
        break;
      }
      case 1: for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) + (x[b + t] as number); break;
      case 2: for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) * k + (x[b + t] as number) * (k / 2); break;
      case 3: for (let t = 0; t < n; t++) x[o + t] = ((x[a + t] as number) / (x[b + t] as number)) * 100; break;
      case 4: for (let t = 0; t < n; t++) x[o + t] = (x[a + t] as number) * k; break;
      case 5: for (let t = 0; t < n; t++) x[o + t] = ((x[a + t] as number) * (x[b + t] as number)) / (x[c + t] as number); break;
      case 6: for (let t = 0; t < n; t++) x[o + t] = Math.min(x[a + t] as number, x[b + t] as number); break;
      case 7: for (let t = 0; t < n; t++) x[o + t] = Math.max(x[a + t] as number, x[b + t] as number); break;
      default:
        for (let t = 0; t < n; t++) {
          const va = x[a + t] as number;
          const vb = x[b + t] as number;
          x[o + t] = va > vb ? va * k : vb;
        }
    }
  }
}
