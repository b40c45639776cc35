/** Summaries of repeated samples: the median for the figure, the tail for the 95th-percentile targets. */

export interface Summary {
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  samples: number;
}

/** The q-quantile (0..1) by linear interpolation between order statistics. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (at - lo);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function summarize(xs: readonly number[]): Summary {
  return {
    medianMs: round(median(xs)),
    p95Ms: round(quantile(xs, 0.95)),
    minMs: round(xs.length ? Math.min(...xs) : NaN),
    maxMs: round(xs.length ? Math.max(...xs) : NaN),
    samples: xs.length,
  };
}

/** Three decimals: page timers are coarsened to 5–100 µs anyway. */
export function round(x: number, digits = 3): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
