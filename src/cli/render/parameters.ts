/** Input parameters and typed numbers, written the user's way. */
import type { Indicator, RangeParameter } from '../../engine/model/plan.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';

/** A parameter value the user's way: a rate as a percentage per period, the others in the indicator's unit. */
export function formatParameter(value: number, parameter: RangeParameter, indicator: Indicator, perPeriod: string, lang: Lang): string {
  switch (parameter) {
    case 'rate':
      return `${formatPercent(value, lang, 3)}${perPeriod}`;
    case 'level':
    case 'step':
    case 'ceiling':
      // Two more decimals than the plan shows: an answer is read to more precision than a projection.
      return formatNumber(value, lang, Math.min(indicator.decimals + 2, 8));
  }
}

/** A number the user typed, the user's way, with as many decimals as it has: 81.55 → `81,55`. */
export function formatExact(value: number, lang: Lang): string {
  const fraction = /\.(\d+)$/.exec(String(value))?.[1] ?? '';
  return formatNumber(value, lang, Math.min(fraction.length, 10));
}
