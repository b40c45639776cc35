/**
 * Percentiles by selection, not sorting: Floyd & Rivest's SELECT (CACM 18(3), 1975) puts the k-th
 * smallest value at index k with smaller ones before it and larger ones after, in about
 * n + min(k, n − k) comparisons. Several percentiles of one column are selected in increasing
 * order, each in the part of the column the previous one left above it.
 */

type Column = Float32Array | Float64Array;

/** Rearranges a[left..right] so that a[k] is its (k − left)-th smallest and it is partitioned around it. No NaN allowed. */
export function select(a: Column, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a sample whose order statistics bracket k with high probability, so the
      // partition below splits close to k.
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Column, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** Moves the NaNs of a[from..to) to its end; returns how many values are not NaN. */
export function partitionBlanks(a: Column, from: number, to: number): number {
  let end = to;
  let i = from;
  while (i < end) {
    if (Number.isNaN(a[i] as number)) {
      end--;
      a[i] = a[end] as number;
      a[end] = NaN;
    } else {
      i++;
    }
  }
  return end - from;
}

/**
 * Percentiles of a[from..to) (NaNs ignored), linearly interpolated between order statistics (the
 * definition of Excel's PERCENTILE.INC and NumPy's default): with m values sorted, p falls at
 * h = (m − 1)p, between the ⌊h⌋-th and the next. `order` lists the indices of `percentiles` in
 * increasing order of p. Writes out[outAt + i · outStride] for each percentile i; NaN when every
 * value is NaN. Reorders the slice.
 */
export function percentilesOf(
  a: Column,
  from: number,
  to: number,
  percentiles: readonly number[],
  order: readonly number[],
  out: Float64Array,
  outAt: number,
  outStride: number,
): void {
  const m = partitionBlanks(a, from, to);
  const last = from + m - 1;
  let left = from;
  let selected = -1;
  for (const index of order) {
    if (m === 0) {
      out[outAt + index * outStride] = NaN;
      continue;
    }
    const h = (m - 1) * (percentiles[index] as number);
    const below = Math.floor(h);
    const k = from + below;
    if (k > selected) {
      select(a, k, left, last);
      selected = k;
      left = k + 1;
    }
    let value = a[k] as number;
    const fraction = h - below;
    if (fraction > 0 && k < last) {
      // Everything after k is at least a[k]: the next order statistic is their minimum, found by
      // a scan (cheaper than a selection, and it leaves the order alone).
      let next = Infinity;
      for (let i = k + 1; i <= last; i++) {
        const x = a[i] as number;
        if (x < next) next = x;
      }
      value += fraction * (next - value);
    }
    out[outAt + index * outStride] = value;
  }
}
