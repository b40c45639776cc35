/** Input parameters and typed numbers, written the user's way. */
import type { Indicator, RangeParameter } from '../../engine/model/plan.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';

/** From here on, a number is written as `2,29 × 10¹²`: a search's outer ends can be that far. */
const HUGE = 1e12;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function formatScientific(value: number, lang: Lang): string {
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = value / Math.pow(10, exponent);
  const power = String(exponent).replace(/-/g, '⁻').replace(/\d/g, (d) => SUPERSCRIPT[Number(d)] ?? d);
  return `${formatNumber(mantissa, lang, 2)} × 10${power}`;
}

/** A number with `decimals`, or in scientific form when it is huge. */
export function formatLarge(value: number, lang: Lang, decimals: number): string {
  return Number.isFinite(value) && Math.abs(value) >= HUGE ? formatScientific(value, lang) : formatNumber(value, lang, decimals);
}

/** A parameter value the user's way: a rate as a percentage per period, the others in the indicator's unit. */
export function formatParameter(value: number, parameter: RangeParameter, indicator: Indicator, perPeriod: string, lang: Lang): string {
  switch (parameter) {
    case 'rate':
      if (Math.abs(value * 100) >= HUGE) return `${formatScientific(value * 100, lang)}${lang === 'vi' ? ' ' : ''}%${perPeriod}`;
      return `${formatPercent(value, lang, 3)}${perPeriod}`;
    case 'level':
    case 'step':
    case 'ceiling':
      // Two more decimals than the plan shows: an answer is read to more precision than a projection.
      return formatLarge(value, lang, Math.min(indicator.decimals + 2, 8));
  }
}

/** A number the user typed, the user's way, with as many decimals as it has: 81.55 → `81,55`. */
export function formatExact(value: number, lang: Lang): string {
  const fraction = /\.(\d+)$/.exec(String(value))?.[1] ?? '';
  return formatNumber(value, lang, Math.min(fraction.length, 10));
}
