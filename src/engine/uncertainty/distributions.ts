/**
 * Sampling the ranges planners give: triangular and PERT (low / likely / high) and normal.
 *
 * - Normal: the inverse CDF (Wichura's AS 241, accurate to about 1e-16) of one uniform.
 * - Triangular: its inverse CDF, one uniform.
 * - PERT: low + (high − low) · Beta(α, β) with α = 1 + λ(likely − low)/(high − low),
 *   β = 1 + λ(high − likely)/(high − low), λ = 4 (the classic PERT weights: mean
 *   (low + 4·likely + high)/6). Beta is X/(X + Y) of two Gamma draws by Marsaglia & Tsang's
 *   method (2000), which α, β ≥ 1 always satisfy.
 * A range of zero width returns its value exactly, drawing nothing.
 */
import type { Range } from '../model/plan.ts';
import type { RandomStream } from './random.ts';

export const PERT_LAMBDA = 4;

/**
 * Φ⁻¹(p) for 0 < p < 1 (AS 241, PPND16). The coefficients are the published ones, written as the
 * doubles they round to (the shortest decimal that reads back as the same double).
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * (((((((2509.0809287301227 * r + 33430.57558358813) * r + 67265.7709270087) * r
      + 45921.95393154987) * r + 13731.69376550946) * r + 1971.5909503065513) * r + 133.14166789178438) * r
      + 3.3871328727963665))
      / (((((((5226.495278852854 * r + 28729.085735721943) * r + 39307.89580009271) * r
        + 21213.794301586597) * r + 5394.196021424751) * r + 687.1870074920579) * r + 42.31333070160091) * r + 1);
  }
  let r = q < 0 ? p : 1 - p;
  if (!(r > 0)) return q < 0 ? -Infinity : Infinity;
  r = Math.sqrt(-Math.log(r));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = (((((((0.0007745450142783414 * r + 0.022723844989269184) * r + 0.2417807251774506) * r
      + 1.2704582524523684) * r + 3.6478483247632045) * r + 5.769497221460691) * r + 4.630337846156546) * r
      + 1.4234371107496835)
      / (((((((1.0507500716444169e-9 * r + 0.0005475938084995345) * r + 0.015198666563616457) * r
        + 0.14810397642748008) * r + 0.6897673349851) * r + 1.6763848301838038) * r + 2.053191626637759) * r + 1);
  } else {
    r -= 5;
    z = (((((((2.0103343992922881e-7 * r + 0.000027115555687434876) * r + 0.0012426609473880784) * r
      + 0.026532189526576124) * r + 0.29656057182850487) * r + 1.7848265399172913) * r + 5.463784911164114) * r
      + 6.657904643501103)
      / (((((((2.0442631033899397e-15 * r + 1.421511758316446e-7) * r + 0.000018463183175100548) * r
        + 0.0007868691311456133) * r + 0.014875361290850615) * r + 0.1369298809227358) * r + 0.599832206555888) * r + 1);
  }
  return q < 0 ? -z : z;
}

/** Inverse CDF of the triangular distribution on [low, high] with its mode at likely. */
export function triangularQuantile(u: number, low: number, likely: number, high: number): number {
  const width = high - low;
  if (!(width > 0)) return low;
  const split = (likely - low) / width;
  return u < split
    ? low + Math.sqrt(u * width * (likely - low))
    : high - Math.sqrt((1 - u) * width * (high - likely));
}

/** Gamma(shape ≥ 1, scale 1) by Marsaglia & Tsang's squeeze-and-reject method. */
export function sampleGamma(stream: RandomStream, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalQuantile(stream.uniform());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = stream.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** The α and β of the PERT distribution of a range. */
export function pertShape(low: number, likely: number, high: number): { alpha: number; beta: number } {
  const width = high - low;
  return { alpha: 1 + (PERT_LAMBDA * (likely - low)) / width, beta: 1 + (PERT_LAMBDA * (high - likely)) / width };
}

export function samplePert(stream: RandomStream, low: number, likely: number, high: number): number {
  const width = high - low;
  if (!(width > 0)) return low;
  // α and β as in pertShape, without the object: this runs once per input per trial.
  const x = sampleGamma(stream, 1 + (PERT_LAMBDA * (likely - low)) / width);
  const y = sampleGamma(stream, 1 + (PERT_LAMBDA * (high - likely)) / width);
  return low + (width * x) / (x + y);
}

/** One draw of a range's parameter from a stream. */
export function sampleRange(range: Range, stream: RandomStream): number {
  switch (range.distribution) {
    case 'triangular':
      return range.high > range.low ? triangularQuantile(stream.uniform(), range.low, range.likely, range.high) : range.low;
    case 'pert':
      return samplePert(stream, range.low, range.likely, range.high);
    case 'normal':
      return range.sd > 0 ? range.mean + range.sd * normalQuantile(stream.uniform()) : range.mean;
  }
}

/** Φ⁻¹(0.9): a normal range's P10 and P90 lie this many sds either side of its mean. */
export const NORMAL_P90 = 1.2815515655446004;

/**
 * The low and high ends a range's input is tested at for sensitivity: low and high for
 * triangular and PERT, the P10 and P90 (mean ∓ 1.2816 sd) for a normal.
 */
export function rangeEnds(range: Range): { low: number; high: number } {
  switch (range.distribution) {
    case 'triangular':
    case 'pert':
      return { low: range.low, high: range.high };
    case 'normal':
      return { low: range.mean - NORMAL_P90 * range.sd, high: range.mean + NORMAL_P90 * range.sd };
  }
}

/** The value a range centres on: its likely value or its mean. */
export function rangeCentre(range: Range): number {
  return range.distribution === 'normal' ? range.mean : range.likely;
}
