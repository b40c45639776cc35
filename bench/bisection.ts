/**
 * The goal-seek comparator: plain bisection, a fixed number of halvings of a bracket, the way a
 * spreadsheet user (or a naive solver) would drive any engine. One evaluation per step; the sign
 * at the low end is known from checking the bracket once, beforehand.
 */
export function bisect(f: (x: number) => number, low: number, high: number, signAtLow: number, steps: number): number {
  let a = low;
  let b = high;
  for (let i = 0; i < steps; i++) {
    const mid = (a + b) / 2;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === signAtLow) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
