/**
 * An edit's answer as the rows that changed, laid over the result the page holds. The new result
 * is a new object with its own buffers (the one it was made from stays as it was: Solid and the
 * grid may still be reading it), and it remembers which rows differ from that one, so the grid's
 * row builder can keep every other row as it is.
 */
import type { PlanResult } from '../engine/projection/result.ts';
import type { PlanResultDelta } from '../engine/session.ts';

/** Which rows of `result` differ from `from`, the result it was patched from. */
export interface Patched {
  from: PlanResult;
  rows: ReadonlySet<number>;
}

const patches = new WeakMap<PlanResult, Patched>();

/** Copies of a result's buffers, to be written over by a delta (see `copyBuffers`). */
export interface BufferCopies {
  of: PlanResult;
  values: Float64Array;
  isActual: Uint8Array;
}

/**
 * Copy on write: the held result may still be read (Solid, the grid, a chart). About a megabyte
 * for 1,000 × 120 (0.4 ms in Node, a little more in the browser): the client makes it while the
 * worker computes, so it is not on the way from the answer to the frame.
 */
export function copyBuffers(of: PlanResult): BufferCopies {
  return { of, values: of.values.slice(), isActual: of.isActual.slice() };
}

export function applyResultDelta(base: PlanResult, delta: PlanResultDelta, copies?: BufferCopies | null): PlanResult {
  const n = base.periodKeys.length;
  const made = copies?.of === base ? copies : copyBuffers(base);
  const { values, isActual } = made;
  const indicators = base.indicators.slice();
  delta.rows.forEach((row, i) => {
    values.set(delta.values.subarray(i * n, (i + 1) * n), row * n);
    isActual.set(delta.isActual.subarray(i * n, (i + 1) * n), row * n);
    indicators[row] = delta.indicators[i] as PlanResult['indicators'][number];
  });
  const result: PlanResult = { revision: delta.revision, periodKeys: base.periodKeys, ids: base.ids, values, isActual, indicators, problems: delta.problems };
  patches.set(result, { from: base, rows: new Set(delta.rows) });
  return result;
}

/** For a result made by `applyResultDelta`: the result it came from and the rows that changed. */
export function patchOf(result: PlanResult): Patched | undefined {
  return patches.get(result);
}
