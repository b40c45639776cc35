/**
 * What the report says about each indicator, read off a computed plan: the latest figure and the
 * one before it, the targets with their assessment and simulated chance, the projection at the
 * horizon, and the notes that become footnotes. Language-free (names stay LocalizedText), so a
 * switch of language only rewords; text.ts does the wording.
 */
import type { Indicator, LocalizedText, Periodicity, Plan, TargetDirection } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { TargetStatus } from '../../engine/projection/targets.ts';

/** A value at a period (the period's key, such as `2023`, `2024-Q1`, `2024-03`). */
export interface PeriodValue {
  period: string;
  value: number;
}

export interface TargetFacts {
  /** Index of the target in the indicator's `targets` (the key of its probability). */
  index: number;
  period: string;
  value: number;
  direction: TargetDirection;
  /** Compound growth per period needed from the latest actual; NaN when not ahead of it. */
  growthNeeded: number;
  /** The indicator's value at the target period (NaN blank). */
  projected: number;
  attainment: number;
  status: TargetStatus;
  /** The target period has an actual: the target was met or missed, not projected. */
  past: boolean;
  /** Share of simulated trials reaching it; NaN when not simulated. */
  probability: number;
  note: string | null;
}

export type FootnoteKind = 'targetNote' | 'note' | 'source';

export interface Footnote {
  number: number;
  kind: FootnoteKind;
  text: string;
  /** For a target's note: the target's period. */
  period?: string;
}

export interface IndicatorFacts {
  id: string;
  name: LocalizedText;
  unit: LocalizedText;
  decimals: number;
  periodicity: Periodicity;
  /** The formula's text for a formula row, else null. */
  formula: string | null;
  /** Whether the result has the indicator at all (a result from before a structural edit may not). */
  computed: boolean;
  /** A problem leaves the whole row without values (a formula that does not parse, a cycle…). */
  blocked: boolean;
  /**
   * The latest actual; for a formula row, which has none, its value at the report's period (the
   * latest period with any actual in the plan), marked `actual: false`.
   */
  latest: (PeriodValue & { actual: boolean }) | null;
  /** The value of the period just before `latest`, when it has one. */
  previous: PeriodValue | null;
  /** latest ÷ previous ("bằng 102,42 % so với năm 2022"); NaN unless both are positive. */
  change: number;
  /** The target the grid shows first, then the others in the plan's order. */
  targets: TargetFacts[];
  /** The value at the calendar's last period, when it is after `latest`. */
  horizon: PeriodValue | null;
  footnotes: Footnote[];
}

export interface GroupFacts {
  /** null for the indicators outside any group. */
  name: LocalizedText | null;
  indicators: IndicatorFacts[];
}

export interface ReportFacts {
  periodicity: Periodicity;
  /** The latest period with an actual in the plan, or null. */
  actualsThrough: string | null;
  horizon: string;
  groups: GroupFacts[];
  /** Count of the first (shown) target's status over the indicators that have one. */
  statusCounts: Record<TargetStatus, number>;
  targetCount: number;
  /** Whether any target has a simulated chance. */
  simulated: boolean;
  footnotes: Footnote[];
}

/** Probability of reaching each target, by `indicator#index` (as the grid takes it). */
export type TargetProbabilities = ReadonlyMap<string, number>;

export function reportFacts(plan: Plan, result: PlanResult, probabilities: TargetProbabilities): ReportFacts {
  const n = result.periodKeys.length;
  const rowOf = new Map(result.ids.map((id, row) => [id, row]));
  let reportPeriod = -1;
  for (const summary of result.indicators) reportPeriod = Math.max(reportPeriod, summary.latest);
  // Rows where some problem leaves every cell blank.
  const blockedRows = new Set(result.problems.filter((p) => p.period === -1 && p.code !== 'method').map((p) => p.row));

  let nextFootnote = 1;
  const footnotes: Footnote[] = [];
  // The same source quoted under several indicators is one footnote.
  const byText = new Map<string, Footnote>();
  const addFootnote = (kind: FootnoteKind, text: string | undefined, period?: string): Footnote[] => {
    if (!text || !text.trim()) return [];
    const key = `${kind}\u0000${period ?? ''}\u0000${text.trim()}`;
    const known = byText.get(key);
    if (known) return [known];
    const footnote: Footnote = { number: nextFootnote++, kind, text: text.trim(), ...(period ? { period } : {}) };
    footnotes.push(footnote);
    byText.set(key, footnote);
    return [footnote];
  };

  const indicatorFacts = (indicator: Indicator): IndicatorFacts => {
    const row = rowOf.get(indicator.id);
    const summary = row === undefined ? undefined : result.indicators[row];
    const isFormula = indicator.projection.method === 'formula';
    const values = row === undefined ? null : result.values.subarray(row * n, (row + 1) * n);
    const isActual = row === undefined ? null : result.isActual.subarray(row * n, (row + 1) * n);
    const at = (period: number): PeriodValue | null => {
      const value = values && period >= 0 && period < n ? (values[period] as number) : NaN;
      return Number.isFinite(value) ? { period: result.periodKeys[period] as string, value } : null;
    };
    const hasActual = summary !== undefined && summary.latest >= 0;
    const latestIndex = hasActual ? summary.latest : isFormula ? reportPeriod : -1;
    const latestValue = latestIndex >= 0 ? at(latestIndex) : null;
    const latest = latestValue ? { ...latestValue, actual: hasActual } : null;
    const previous = latest ? at(latestIndex - 1) : null;
    const change = latest && previous && latest.value >= 0 && previous.value > 0 ? latest.value / previous.value : NaN;

    const targets: TargetFacts[] = [];
    if (summary) {
      const others = summary.targets.map((_, i) => i).filter((i) => i !== summary.primary);
      for (const i of summary.primary >= 0 ? [summary.primary, ...others] : others) {
        const t = summary.targets[i];
        if (!t) continue;
        targets.push({
          index: t.index,
          period: result.periodKeys[t.period] as string,
          value: t.value,
          direction: t.direction,
          growthNeeded: t.growthNeeded,
          projected: t.projected,
          attainment: t.attainment,
          status: t.status,
          past: isActual?.[t.period] === 1,
          probability: probabilities.get(`${indicator.id}#${t.index}`) ?? NaN,
          note: indicator.targets[t.index]?.note?.trim() || null,
        });
      }
    }
    const horizon = n > 0 && (!latest || latestIndex < n - 1) ? at(n - 1) : null;

    const notes = [
      ...targets.flatMap((t) => addFootnote('targetNote', t.note ?? undefined, t.period)),
      ...addFootnote('note', indicator.note),
      ...addFootnote('source', indicator.source),
    ];
    return {
      id: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      decimals: indicator.decimals,
      periodicity: plan.calendar.periodicity,
      formula: indicator.projection.method === 'formula' ? indicator.projection.formula : null,
      computed: summary !== undefined,
      blocked: row !== undefined && blockedRows.has(row),
      latest,
      previous,
      change,
      targets,
      horizon,
      footnotes: notes,
    };
  };

  // The grid's order: each group's members in the plan's order, then the indicators of no group.
  const groups: GroupFacts[] = [];
  const placed = new Set<string>();
  for (const group of plan.groups) {
    const members = plan.indicators.filter((i) => i.group === group.id);
    if (members.length === 0) continue;
    members.forEach((i) => placed.add(i.id));
    groups.push({ name: group.name, indicators: members.map(indicatorFacts) });
  }
  const rest = plan.indicators.filter((i) => !placed.has(i.id));
  if (rest.length > 0) groups.push({ name: null, indicators: rest.map(indicatorFacts) });

  const statusCounts: Record<TargetStatus, number> = { met: 0, onTrack: 0, atRisk: 0, offTrack: 0 };
  let targetCount = 0;
  let simulated = false;
  for (const group of groups) {
    for (const facts of group.indicators) {
      const first = facts.targets[0];
      if (first) {
        statusCounts[first.status] += 1;
        targetCount += 1;
      }
      if (facts.targets.some((t) => Number.isFinite(t.probability))) simulated = true;
    }
  }

  return {
    periodicity: plan.calendar.periodicity,
    actualsThrough: reportPeriod >= 0 ? (result.periodKeys[reportPeriod] ?? null) : null,
    horizon: result.periodKeys[n - 1] ?? plan.calendar.end,
    groups,
    statusCounts,
    targetCount,
    simulated,
    footnotes,
  };
}
