/**
 * A difference between the local plan and an imported one, in words: "Doanh thu 2024: 5.300 →
 * 5.500". Values are written the way the grid writes them, with the indicator's decimals; when
 * those make two different values read the same, both are written with every digit they have
 * (an indicator shown without decimals whose 5.300,2 became 5.300,25 reads "5.300,2 → 5.300,25",
 * not "5.300 → 5.300").
 */
import type { Indicator, LocalizedText, Plan, Projection, Range, Target } from '../../engine/model/plan.ts';
import type { PlanDifference, PlanList } from '../../engine/scenarios/preview.ts';
import { formatNumber, formatPercent, type Lang } from '../../i18n/numbers.ts';
import { localized } from '../grid/rows.ts';
import { importMessages, type ImportMessages } from './messages.ts';

export interface WordContext {
  lang: Lang;
  local: Plan;
  incoming: Plan;
}

export interface DifferenceWords {
  /** What differs, on its own: "Doanh thu 2024", "Doanh thu: mục tiêu". */
  subject: string;
  /** The subject within its section (the section names the indicator or scenario): "2024", "mục tiêu". */
  detail: string;
  /** The value in this browser and in the file. */
  local: string;
  incoming: string;
  /** The whole change: "Doanh thu 2024: 5.300 → 5.500", "Thêm chỉ tiêu “Dân số”". */
  line: string;
  /** The change within its section: "2024: 5.300 → 5.500". */
  short: string;
}

/** Where a difference is listed: the plan, its groups, one indicator, or one scenario. */
export interface Section {
  key: string;
  title: string;
}

/** Most decimals added to tell two different values apart. */
const MAX_EXTRA_DECIMALS = 12;
/** Periods listed in a manual or interpolated projection before "…". */
const MAX_LISTED_PERIODS = 4;
/** Characters of a text (a note, a formula) shown before "…". */
const MAX_TEXT = 80;

export function sectionOf(difference: PlanDifference, ctx: WordContext): Section {
  const m = importMessages(ctx.lang);
  switch (difference.kind) {
    case 'planField':
    case 'order':
      return difference.kind === 'order' && difference.list === 'groups' ? { key: 'groups', title: m.sections.groups } : { key: 'plan', title: m.sections.plan };
    case 'group':
    case 'groupName':
      return { key: 'groups', title: m.sections.groups };
    case 'indicator':
    case 'indicatorField':
    case 'actual':
      return { key: `indicator:${difference.indicator}`, title: indicatorName(difference.indicator, ctx) };
    case 'scenario':
    case 'scenarioField':
    case 'overrideField':
    case 'overrideActual':
      return { key: `scenario:${difference.scenario}`, title: m.sections.scenario(scenarioName(difference.scenario, ctx)) };
  }
}

/** Items in sections, in the order their first item comes; items keep their order within a section. */
export function inSections<T>(items: readonly T[], differenceOf: (item: T) => PlanDifference, ctx: WordContext): { section: Section; items: T[] }[] {
  const sections = new Map<string, { section: Section; items: T[] }>();
  for (const item of items) {
    const section = sectionOf(differenceOf(item), ctx);
    let entry = sections.get(section.key);
    if (!entry) sections.set(section.key, (entry = { section, items: [] }));
    entry.items.push(item);
  }
  return [...sections.values()];
}

export function wordDifference(difference: PlanDifference, ctx: WordContext): DifferenceWords {
  const m = importMessages(ctx.lang);
  const change = (subject: string, detail: string, [local, incoming]: [string, string]): DifferenceWords => ({
    subject,
    detail,
    local,
    incoming,
    line: `${subject}: ${local} → ${incoming}`,
    short: `${detail}: ${local} → ${incoming}`,
  });
  const row = (what: string, name: string, present: (side: 'local' | 'incoming') => string, local: unknown, incoming: unknown, inSection: boolean): DifferenceWords => {
    const line = local === undefined ? m.added(what, name) : incoming === undefined ? m.removed(what, name) : m.replaced(what, name);
    return {
      subject: `${what} “${name}”`,
      detail: inSection ? what : `${what} “${name}”`,
      local: local === undefined ? m.none : present('local'),
      incoming: incoming === undefined ? m.none : present('incoming'),
      line,
      short: line,
    };
  };
  switch (difference.kind) {
    case 'planField': {
      const subject = m.planField[difference.field];
      const words = ((): [string, string] => {
        switch (difference.field) {
          case 'name': return [quote(difference.local), quote(difference.incoming)];
          case 'description': return [quote(difference.local, m.none), quote(difference.incoming, m.none)];
          case 'calendar': return [calendarWords(difference.local, ctx), calendarWords(difference.incoming, ctx)];
        }
      })();
      return change(subject, subject, words);
    }
    case 'order': {
      const subject = m.order[difference.list];
      const line = m.orderChanged(subject);
      return { subject, detail: subject, local: m.orderLocal, incoming: m.orderIncoming, line, short: line };
    }
    case 'group': {
      const side = (s: 'local' | 'incoming') => text(difference[s]?.name, ctx.lang);
      return row(m.row.group, groupName(difference.group, ctx), side, difference.local, difference.incoming, false);
    }
    case 'groupName': {
      const subject = `${m.row.group} “${groupName(difference.group, ctx)}”: ${m.indicatorField.name}`;
      return change(subject, subject, [texts(difference.local, m.none), texts(difference.incoming, m.none)]);
    }
    case 'indicator': {
      const summary = (side: 'local' | 'incoming') => indicatorSummary(difference[side] as Indicator, ctx);
      return row(m.row.indicator, indicatorName(difference.indicator, ctx), summary, difference.local, difference.incoming, true);
    }
    case 'indicatorField': {
      const name = indicatorName(difference.indicator, ctx);
      const detail = m.indicatorField[difference.field];
      const base = decimalsOf(difference.indicator, ctx);
      const words = ((): [string, string] => {
        switch (difference.field) {
          case 'name':
          case 'unit':
            return [texts(difference.local, m.none), texts(difference.incoming, m.none)];
          case 'group':
            return [difference.local === undefined ? m.noGroup : groupName(difference.local, ctx), difference.incoming === undefined ? m.noGroup : groupName(difference.incoming, ctx)];
          case 'kind':
            return [difference.local === undefined ? m.none : m.kind[difference.local], difference.incoming === undefined ? m.none : m.kind[difference.incoming]];
          case 'decimals':
            return [String(difference.local ?? m.none), String(difference.incoming ?? m.none)];
          case 'projection':
            return distinct(base, (d) => [projectionWords(difference.local, difference.incoming, d, ctx), projectionWords(difference.incoming, difference.local, d, ctx)]);
          case 'targets':
            return distinct(base, (d) => [targetWords(difference.local, d, ctx), targetWords(difference.incoming, d, ctx)]);
          case 'range':
            return distinct(base, (d) => [rangeWords(difference.local, d, ctx), rangeWords(difference.incoming, d, ctx)]);
          case 'note':
          case 'source':
            return [quote(difference.local, m.none), quote(difference.incoming, m.none)];
        }
      })();
      return change(`${name}: ${detail}`, detail, words);
    }
    case 'actual': {
      const name = indicatorName(difference.indicator, ctx);
      const base = decimalsOf(difference.indicator, ctx);
      return change(`${name} ${difference.period}`, difference.period, distinct(base, (d) => [value(difference.local, d, ctx, m.blank), value(difference.incoming, d, ctx, m.blank)]));
    }
    case 'scenario': {
      const summary = (side: 'local' | 'incoming') => m.scenarioSummary(count(Object.keys(difference[side]?.overrides ?? {}).length, ctx));
      return row(m.row.scenario, scenarioName(difference.scenario, ctx), summary, difference.local, difference.incoming, true);
    }
    case 'scenarioField': {
      const detail = m.scenarioField[difference.field];
      const subject = `${m.sections.scenario(scenarioName(difference.scenario, ctx))}: ${detail}`;
      const parent = (id: string | undefined) => (id === undefined ? m.baseScenario : `“${scenarioName(id, ctx)}”`);
      const words = ((): [string, string] => {
        switch (difference.field) {
          case 'name': return [texts(difference.local, m.none), texts(difference.incoming, m.none)];
          case 'parent': return [parent(difference.local), parent(difference.incoming)];
          case 'description': return [quote(difference.local, m.none), quote(difference.incoming, m.none)];
        }
      })();
      return change(subject, detail, words);
    }
    case 'overrideField': {
      const name = indicatorName(difference.indicator, ctx);
      const detail = `${name}: ${m.overrideField[difference.field]}`;
      const subject = `${m.sections.scenario(scenarioName(difference.scenario, ctx))} — ${detail}`;
      const base = decimalsOf(difference.indicator, ctx);
      const words = ((): [string, string] => {
        switch (difference.field) {
          case 'projection':
            return distinct(base, (d) => [
              difference.local === undefined ? m.inherited : projectionWords(difference.local, difference.incoming, d, ctx),
              difference.incoming === undefined ? m.inherited : projectionWords(difference.incoming, difference.local, d, ctx),
            ]);
          case 'targets':
            return distinct(base, (d) => [
              difference.local === undefined ? m.inherited : targetWords(difference.local, d, ctx),
              difference.incoming === undefined ? m.inherited : targetWords(difference.incoming, d, ctx),
            ]);
          case 'range': {
            const range = (r: Range | null | undefined, d: Digits) => (r === undefined ? m.inherited : r === null ? m.rangeRemoved : rangeWords(r, d, ctx));
            return distinct(base, (d) => [range(difference.local, d), range(difference.incoming, d)]);
          }
        }
      })();
      return change(subject, detail, words);
    }
    case 'overrideActual': {
      const detail = `${indicatorName(difference.indicator, ctx)} ${difference.period}`;
      const subject = `${m.sections.scenario(scenarioName(difference.scenario, ctx))} — ${detail}`;
      const base = decimalsOf(difference.indicator, ctx);
      return change(subject, detail, distinct(base, (d) => [value(difference.local, d, ctx, m.inherited), value(difference.incoming, d, ctx, m.inherited)]));
    }
  }
}

/** A list's row name, as this browser knows it (the file's name for a row only it has). */
function rowName(list: PlanList, id: string, ctx: WordContext): string {
  const find = (plan: Plan) => (list === 'scenarios' ? plan.scenarios ?? [] : plan[list]).find((row) => row.id === id);
  const row = find(ctx.local) ?? find(ctx.incoming);
  return row ? localized(row.name, ctx.lang) : id;
}

export function indicatorName(id: string, ctx: WordContext): string {
  return rowName('indicators', id, ctx);
}

function groupName(id: string, ctx: WordContext): string {
  return rowName('groups', id, ctx);
}

function scenarioName(id: string, ctx: WordContext): string {
  return rowName('scenarios', id, ctx);
}

function decimalsOf(id: string, ctx: WordContext): number {
  const find = (plan: Plan) => plan.indicators.find((i) => i.id === id);
  return (find(ctx.incoming) ?? find(ctx.local))?.decimals ?? 0;
}

/**
 * Both sides written with the fewest decimals (from the indicator's own) that tell them apart;
 * equal texts for different values would make a difference read as none.
 */
function distinct(base: number, words: (digits: Digits) => [string, string]): [string, string] {
  let shown = base;
  let pair = words({ base, shown });
  while (pair[0] === pair[1] && shown < base + MAX_EXTRA_DECIMALS) pair = words({ base, shown: ++shown });
  if (shown === base) return pair;
  // Told apart only with more decimals: then both exactly, not one rounded up to look different
  // (5.300,2 → 5.300,25, not 5.300,2 → 5.300,3). Trailing zeros are trimmed, so the words stop
  // changing once every digit is shown.
  while (shown < base + MAX_EXTRA_DECIMALS) {
    const next = words({ base, shown: shown + 1 });
    if (next[0] === pair[0] && next[1] === pair[1]) break;
    pair = next;
    shown++;
  }
  return pair;
}

/** Decimals to show: at least `base` (the indicator's), up to `shown`, trailing zeros past `base` trimmed. */
interface Digits {
  base: number;
  shown: number;
}

/** Percentages and rates keep at least two decimals. */
function rateDigits(d: Digits): Digits {
  const base = Math.max(2, d.base);
  return { base, shown: base + d.shown - d.base };
}

function trimmed(text: string, lang: Lang, keep: number): string {
  const mark = lang === 'vi' ? ',' : '.';
  const at = text.lastIndexOf(mark);
  if (at < 0) return text;
  let end = at + 1;
  while (end < text.length && text[end] !== undefined && /[0-9]/.test(text[end] as string)) end++;
  let fraction = text.slice(at + 1, end);
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${text.slice(0, at)}${fraction.length > 0 ? mark + fraction : ''}${text.slice(end)}`;
}

function percent(x: number, digits: Digits, ctx: WordContext, signed = false): string {
  const d = rateDigits(digits);
  return trimmed(formatPercent(x, ctx.lang, d.shown, signed), ctx.lang, d.base);
}

export function count(n: number, ctx: WordContext): string {
  return formatNumber(n, ctx.lang, 0);
}

function number(v: number, digits: Digits, ctx: WordContext): string {
  // Far beyond a plan's figures, digit by digit would fill the line: scientific form instead.
  if (Math.abs(v) >= 1e15) {
    const text = v.toExponential(Math.min(digits.shown + 2, 15));
    return ctx.lang === 'vi' ? text.replace('.', ',') : text;
  }
  return trimmed(formatNumber(v, ctx.lang, digits.shown), ctx.lang, digits.base);
}

function value(v: number | undefined, digits: Digits, ctx: WordContext, absent: string): string {
  return v === undefined ? absent : number(v, digits, ctx);
}

function quote(text: string | undefined, absent: string = ''): string {
  if (text === undefined) return absent;
  return `“${text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text}”`;
}

function text(name: LocalizedText | undefined, lang: Lang): string {
  return name ? quote(localized(name, lang)) : '';
}

/** Both languages: a change to the English name alone must show. */
function texts(name: LocalizedText | undefined, absent: string): string {
  if (!name) return absent;
  return name.en === undefined ? quote(name.vi) : `${quote(name.vi)} / ${quote(name.en)}`;
}

function calendarWords(calendar: Plan['calendar'] | undefined, ctx: WordContext): string {
  const m = importMessages(ctx.lang);
  if (!calendar) return m.none;
  return `${m.periodicity[calendar.periodicity]}, ${calendar.start}–${calendar.end}`;
}

function indicatorSummary(indicator: Indicator, ctx: WordContext): string {
  const m = importMessages(ctx.lang);
  return m.indicatorSummary(count(Object.keys(indicator.actuals).length, ctx), count(indicator.targets.length, ctx), projectionWords(indicator.projection, undefined, { base: indicator.decimals, shown: indicator.decimals }, ctx));
}

function targetWords(targets: readonly Target[] | undefined, digits: Digits, ctx: WordContext): string {
  const m = importMessages(ctx.lang);
  if (!targets || targets.length === 0) return m.none;
  return targets
    .map((t) => `${m.direction[t.direction]} ${number(t.value, digits, ctx)} (${t.period}${t.note ? `, ${quote(t.note)}` : ''})`)
    .join('; ');
}

/**
 * A projection in words. Manual values and interpolation anchors list the periods that differ
 * from `other` when both use the same method (else the first few), so two projections that
 * differ in one period out of forty read differently.
 */
function projectionWords(p: Projection | undefined, other: Projection | undefined, digits: Digits, ctx: WordContext): string {
  const m = importMessages(ctx.lang);
  if (!p) return m.none;
  const periods = (values: Readonly<Record<string, number>>, others: Readonly<Record<string, number>> | undefined) => {
    let keys = Object.keys(values).sort();
    if (others) {
      const differing = [...new Set([...keys, ...Object.keys(others)])].sort().filter((k) => values[k] !== others[k]);
      if (differing.length > 0) keys = differing;
    }
    if (keys.length === 0) return m.noValues;
    const listed = keys.slice(0, MAX_LISTED_PERIODS).map((k) => `${k} = ${value(Object.hasOwn(values, k) ? values[k] : undefined, digits, ctx, m.blank)}`);
    return keys.length > MAX_LISTED_PERIODS ? `${listed.join('; ')}; …` : listed.join('; ');
  };
  switch (p.method) {
    case 'constant': return m.projection.constant;
    case 'linear': return m.projection.linear(number(p.step, digits, ctx));
    case 'growth': return m.projection.growth(percent(p.rate, digits, ctx, true));
    case 'reachTarget': return m.projection.reachTarget;
    case 'logistic': return m.projection.logistic(number(p.ceiling, digits, ctx), number(p.rate, rateDigits(digits), ctx));
    case 'interpolate':
      return m.projection.interpolate(m.mode[p.mode], periods(p.anchors, other?.method === 'interpolate' ? other.anchors : undefined));
    case 'manual': return m.projection.manual(periods(p.values, other?.method === 'manual' ? other.values : undefined));
    case 'formula': return m.projection.formula(p.formula.length > MAX_TEXT ? `${p.formula.slice(0, MAX_TEXT)}…` : p.formula);
  }
}

function rangeWords(range: Range | undefined, digits: Digits, ctx: WordContext): string {
  const m = importMessages(ctx.lang);
  if (!range) return m.none;
  // A range of a rate is a fraction: read as a percentage, like the inspector shows it.
  const at = (x: number) => (range.of === 'rate' ? percent(x, digits, ctx) : number(x, digits, ctx));
  const values = range.distribution === 'normal' ? `${at(range.mean)} ± ${at(range.sd)}` : `${at(range.low)} / ${at(range.likely)} / ${at(range.high)}`;
  return m.range(m.distribution[range.distribution], m.rangeOf[range.of], values);
}

export type { ImportMessages };
