/**
 * What a typed cell means: the grid hands over the text, this turns it into a command (or says
 * why it cannot). The grid never changes the plan itself.
 */
import type { Command } from '../../engine/commands/index.ts';
import type { Plan, Target } from '../../engine/model/plan.ts';
import { formatNumber, parseNumber, type Lang, type NumberParseError } from '../../i18n/numbers.ts';
import type { Result } from '../../engine/result.ts';
import type { Messages } from '../i18n/index.ts';
import type { IndicatorRow } from './rows.ts';

export type EditOutcome =
  | { kind: 'command'; command: Command; label: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'unchanged' };

export interface EditContext {
  plan: Plan;
  periodKeys: readonly string[];
  lang: Lang;
  messages: Messages;
  /** How typed text becomes a number; the UI language's format unless a paste says otherwise. */
  readNumber?: (text: string, unit: string) => Result<number, NumberParseError>;
}

export function editCell(row: IndicatorRow, colId: string, input: unknown, ctx: EditContext): EditOutcome {
  const text = input === null || input === undefined ? '' : String(input);
  const indicator = row.indicator;
  const { lang, messages: m } = ctx;
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '∅' : formatNumber(v, lang, indicator.decimals));
  const number = (): { ok: true; value: number | null } | { ok: false; message: string } => {
    if (text.trim() === '') return { ok: true, value: null };
    const parsed = ctx.readNumber ? ctx.readNumber(text, indicator.unit.vi) : parseNumber(text, lang);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: m.notANumber(text.trim()) };
  };

  if (colId === 'name' || colId === 'unit') {
    const value = text.trim();
    const current = indicator[colId];
    const next = lang === 'en' ? { ...current, en: value } : { ...current, vi: value };
    if (colId === 'name' && !next.vi.trim()) return { kind: 'unchanged' };
    if ((lang === 'en' ? current.en : current.vi) === value) return { kind: 'unchanged' };
    return { kind: 'command', command: { type: 'setIndicatorText', indicator: indicator.id, field: colId, value: next }, label: `${row.name}: ${value}` };
  }

  if (colId.startsWith('p:')) {
    if (row.isFormula) return { kind: 'invalid', message: m.cannotEditFormula };
    const period = Number(colId.slice(2));
    const key = ctx.periodKeys[period];
    if (key === undefined) return { kind: 'unchanged' };
    const parsed = number();
    if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
    const projection = indicator.projection;
    // Past the latest actual, a manual row takes typed projections and an interpolated row takes
    // anchors; everywhere else a typed value is a known (actual) value.
    if ((projection.method === 'manual' || projection.method === 'interpolate') && period > row.latestPeriod && !Object.hasOwn(indicator.actuals, key)) {
      const field = projection.method === 'manual' ? projection.values : projection.anchors;
      const previous = Object.hasOwn(field, key) ? (field[key] as number) : null;
      if (previous === parsed.value) return { kind: 'unchanged' };
      const next = { ...field };
      if (parsed.value === null) delete next[key];
      else next[key] = parsed.value;
      return {
        kind: 'command',
        command: { type: 'setProjection', indicator: indicator.id, projection: projection.method === 'manual' ? { ...projection, values: next } : { ...projection, anchors: next } },
        label: `${row.name} ${key}: ${fmt(previous)} → ${fmt(parsed.value)}`,
      };
    }
    const previous = Object.hasOwn(indicator.actuals, key) ? (indicator.actuals[key] as number) : null;
    if (previous === parsed.value) return { kind: 'unchanged' };
    return {
      kind: 'command',
      command: { type: 'setActual', indicator: indicator.id, period: key, value: parsed.value },
      label: `${row.name} ${key}: ${fmt(previous)} → ${fmt(parsed.value)}`,
    };
  }

  if (colId === 'target') {
    const parsed = number();
    if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
    const current = row.target;
    if (parsed.value === null) {
      if (!current) return { kind: 'unchanged' };
      return {
        kind: 'command',
        command: { type: 'removeTarget', indicator: indicator.id, index: current.index },
        label: `${row.name} ${ctx.periodKeys[current.period] ?? ''}: ${fmt(current.value)} → ∅`,
      };
    }
    if (current) {
      const existing = indicator.targets[current.index] as Target;
      if (existing.value === parsed.value) return { kind: 'unchanged' };
      return {
        kind: 'command',
        command: { type: 'setTarget', indicator: indicator.id, index: current.index, target: { ...existing, value: parsed.value } },
        label: `${row.name} ${existing.period}: ${fmt(existing.value)} → ${fmt(parsed.value)}`,
      };
    }
    // A first target goes to the period after the latest actual (or the last period).
    const period = ctx.periodKeys[Math.min(row.latestPeriod + 1, ctx.periodKeys.length - 1)] ?? ctx.plan.calendar.end;
    return {
      kind: 'command',
      command: { type: 'insertTarget', indicator: indicator.id, index: indicator.targets.length, target: { period, value: parsed.value, direction: 'atLeast' } },
      label: `${row.name} ${period}: ∅ → ${fmt(parsed.value)}`,
    };
  }

  if (colId === 'targetPeriod') {
    const current = row.target;
    if (!current) return { kind: 'unchanged' };
    const key = text.trim();
    if (!ctx.periodKeys.includes(key)) {
      return { kind: 'invalid', message: `${key}: ${ctx.periodKeys[0] ?? ''}–${ctx.periodKeys.at(-1) ?? ''}` };
    }
    const existing = indicator.targets[current.index] as Target;
    if (existing.period === key) return { kind: 'unchanged' };
    return {
      kind: 'command',
      command: { type: 'setTarget', indicator: indicator.id, index: current.index, target: { ...existing, period: key } },
      label: `${row.name}: ${existing.period} → ${key}`,
    };
  }

  if (colId === 'growthRate') {
    if (row.isFormula) return { kind: 'invalid', message: m.cannotEditFormula };
    const parsed = number();
    if (!parsed.ok) return { kind: 'invalid', message: parsed.message };
    if (parsed.value === null) return { kind: 'unchanged' };
    // Typed as a percentage: 6,33 means +6.33 % per period.
    const rate = parsed.value / 100;
    const before = indicator.projection.method === 'growth' ? indicator.projection.rate : null;
    if (before === rate) return { kind: 'unchanged' };
    return {
      kind: 'command',
      command: { type: 'setProjection', indicator: indicator.id, projection: { method: 'growth', rate } },
      label: `${row.name}: ${before === null ? m.method[indicator.projection.method] : `${formatNumber(before * 100, lang, 2)} %`} → ${formatNumber(parsed.value, lang, 2)} %`,
    };
  }
  return { kind: 'unchanged' };
}
