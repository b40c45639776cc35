/**
 * The report in words: one plain sentence per indicator, the figures of its table, the summary and
 * the date, in Vietnamese or English. Pure functions over the facts of facts.ts, so the sentences
 * are pinned by Node tests (tests/ui/report).
 */
import type { Periodicity } from '../../engine/model/plan.ts';
import type { TargetStatus } from '../../engine/projection/targets.ts';
import { formatPercent, type Lang } from '../../i18n/numbers.ts';
import { localized } from '../grid/rows.ts';
import type { IndicatorFacts, ReportFacts, TargetFacts } from './facts.ts';
import { reportMessages } from './messages.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };

const trimmedFormats = new Map<string, Intl.NumberFormat>();

/**
 * A figure for prose: up to the indicator's decimals, without trailing zeros ("3 triệu thuê bao",
 * not "3,00"), and its unit ("4.900 tỷ đồng", "98 %").
 */
export function figure(value: number, decimals: number, unit: string, lang: Lang): string {
  if (!Number.isFinite(value)) return '';
  const key = `${lang}:${decimals}`;
  let format = trimmedFormats.get(key);
  if (!format) trimmedFormats.set(key, (format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: decimals })));
  // Values that round to zero must not read "-0".
  const number = format.format(Math.abs(value) < 0.5 * Math.pow(10, -decimals) ? 0 : value);
  if (unit === '') return number;
  if (unit === '%') return lang === 'vi' ? `${number} %` : `${number}%`;
  return `${number} ${unit}`;
}

/** A period for a table: `2023`, `quý I/2024` / `Q1 2024`, `tháng 3/2024` / `March 2024`. */
export function periodLabel(key: string, lang: Lang): string {
  const m = reportMessages(lang);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return m.quarter(Number(quarter[2]), quarter[1] as string);
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return m.month(Number(month[2]), month[1] as string);
  return key;
}

/** A period in a sentence: `năm 2023` / `2023`, and the table's form for quarters and months. */
export function periodPhrase(key: string, lang: Lang): string {
  return /^\d{4}$/.test(key) ? reportMessages(lang).year(key) : periodLabel(key, lang);
}

/** The latest figure on the one before, as a share: `102,42 %`. */
export function formatChange(change: number, lang: Lang): string {
  return formatPercent(change, lang, 2);
}

/** Growth per period, signed as in the grid: `+8,16 %/năm`, `+8.16% a year`. */
export function formatGrowth(growth: number, periodicity: Periodicity, lang: Lang): string {
  if (!Number.isFinite(growth)) return '';
  return `${formatPercent(growth, lang, 2, true)}${reportMessages(lang).perPeriod[periodicity]}`;
}

export function formatProbability(probability: number, lang: Lang): string {
  return formatPercent(probability, lang, 0);
}

/** A target's attainment for prose, when it reads as a share of the target ("at most" does not). */
function attainmentOf(target: TargetFacts, lang: Lang): string {
  return target.direction !== 'atMost' && Number.isFinite(target.attainment) ? formatPercent(target.attainment, lang, 1) : '';
}

/** What the sentence says about a target: the growth it needs, and where the projection lands. */
export function targetClauses(facts: IndicatorFacts, target: TargetFacts, lang: Lang): string[] {
  const m = reportMessages(lang);
  const unit = localized(facts.unit, lang);
  const fig = (value: number) => figure(value, facts.decimals, unit, lang);
  const goal = m.target[target.direction](fig(target.value));
  const when = periodPhrase(target.period, lang);
  // The projection is worth saying when it does not read the same as the target.
  const differs = Number.isFinite(target.projected) && fig(target.projected) !== fig(target.value);
  const attainment = differs ? attainmentOf(target, lang) : '';
  const chance = Number.isFinite(target.probability) ? [m.probability(formatProbability(target.probability, lang))] : [];

  if (target.past) {
    return [target.status === 'met' ? m.metPast(goal, when, attainment) : m.missedPast(goal, when, attainment), ...chance];
  }
  if (target.status === 'met') return [m.alreadyMet(goal, when), ...chance];

  const clauses: string[] = [];
  const growth = target.growthNeeded;
  if (!Number.isFinite(growth)) clauses.push(m.targetIs(goal, when));
  else if (growth < 0) clauses.push(m.fall(goal, when, formatPercent(-growth, lang, 2), m.perPeriod[facts.periodicity]));
  else clauses.push(m.rise(goal, when, formatPercent(growth, lang, 2), m.perPeriod[facts.periodicity]));

  if (!Number.isFinite(target.projected)) {
    clauses.push(m.noProjection(when));
  } else {
    const detail = m.projection(fig(target.projected), attainmentOf(target, lang));
    clauses.push(projectionClause(target.status, differs ? detail : '', detail, lang));
  }
  return [...clauses, ...chance];
}

function projectionClause(status: Exclude<TargetStatus, 'met'>, onTrackDetail: string, detail: string, lang: Lang): string {
  const m = reportMessages(lang);
  switch (status) {
    case 'onTrack': return m.willMeet(onTrackDetail);
    case 'atRisk': return m.atRisk(detail);
    case 'offTrack': return m.willMiss(detail);
  }
}

/**
 * The one sentence that says where an indicator stands: its latest figure and its change on the
 * period before, what its first target needs and whether the projection reaches it; without a
 * target, where the projection ends.
 */
export function indicatorSentence(facts: IndicatorFacts, lang: Lang): string {
  const m = reportMessages(lang);
  const name = localized(facts.name, lang);
  if (!facts.computed || facts.blocked) return `${m.notComputed(name)}.`;
  const unit = localized(facts.unit, lang);
  const fig = (value: number) => figure(value, facts.decimals, unit, lang);

  let opening: string;
  if (facts.latest) {
    const when = periodPhrase(facts.latest.period, lang);
    opening = facts.latest.actual ? m.latestActual(name, when, fig(facts.latest.value)) : m.latestComputed(name, when, fig(facts.latest.value));
    if (facts.previous && Number.isFinite(facts.change)) {
      opening += `, ${m.change(formatChange(facts.change, lang), periodPhrase(facts.previous.period, lang))}`;
    }
  } else {
    opening = facts.formula !== null ? m.noFormulaFigures(name) : m.noFigures(name);
  }

  const parts = [opening];
  const target = facts.targets[0];
  if (target) parts.push(...targetClauses(facts, target, lang));
  else if (facts.horizon) parts.push(m.horizon(periodPhrase(facts.horizon.period, lang), fig(facts.horizon.value)));
  return `${parts.join('; ')}.`;
}

/** "Trong 3 chỉ tiêu có mục tiêu: 1 đã đạt, 2 đúng hướng." Statuses with no indicator are left out. */
export function summarySentence(report: ReportFacts, lang: Lang): string {
  const m = reportMessages(lang);
  const order: TargetStatus[] = ['met', 'onTrack', 'atRisk', 'offTrack'];
  const parts = order.filter((status) => report.statusCounts[status] > 0).map((status) => m.summaryPart[status](report.statusCounts[status]));
  return m.summary(report.targetCount, parts);
}

/** The report's date as a department writes it: "ngày 2 tháng 1 năm 2024", "January 2, 2024". */
export function reportDate(date: Date, lang: Lang): string {
  return reportMessages(lang).date(date);
}

/** Group headings are numbered I, II, III… as in a department's report. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) return String(n);
  const symbols: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = n;
  let text = '';
  for (const [value, symbol] of symbols) {
    while (rest >= value) {
      text += symbol;
      rest -= value;
    }
  }
  return text;
}
