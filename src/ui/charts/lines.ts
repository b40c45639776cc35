/**
 * Which projection lines the chart of one indicator draws, and how each looks: one per scenario
 * of the plan (the base first), the shown scenario's taken from the main result so it follows
 * typing at once, the others from the latest scenario lines the worker sent.
 */
import type { ScenarioLines } from '../../engine/api.ts';
import type { Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import type { Lang } from '../../i18n/numbers.ts';
import type { Messages } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';

export interface ChartLine {
  /** The scenario id, or null for the plan's base. */
  scenario: string | null;
  label: string;
  values: ArrayLike<number>;
  isActual: ArrayLike<number>;
  /** The scenario the grid shows: drawn emphasised. */
  shown: boolean;
  look: LineLook;
}

export interface LineLook { color: string; dash: number[] }

/**
 * Colour and dash pattern together, so lines differ without colour. A scenario keeps its look
 * while another is shown: it is chosen by the scenario's place in the plan.
 */
const LOOKS: LineLook[] = [
  { color: '#2f5d86', dash: [6, 5] },
  { color: '#8a5a00', dash: [2, 3] },
  { color: '#6b3fa0', dash: [12, 4] },
  { color: '#b3261e', dash: [8, 3, 2, 3] },
  { color: '#00676b', dash: [1, 5] },
  { color: '#5c5c5c', dash: [14, 3, 3, 3, 3, 3] },
];

export function lookOf(place: number): LineLook {
  return LOOKS[place % LOOKS.length] as LineLook;
}

/** The scenarios other than the shown one, base first: what to ask the worker for. */
export function otherScenarios(plan: Plan, shown: string | null): (string | null)[] {
  const scenarios = plan.scenarios ?? [];
  if (scenarios.length === 0) return [];
  return [null, ...scenarios.map((s) => s.id)].filter((id) => id !== shown);
}

export interface LinesInput {
  /** The stored plan (base and scenarios), for the scenarios' names and order. */
  plan: Plan;
  shown: string | null;
  indicator: string;
  /** The shown scenario's computed plan. */
  result: PlanResult;
  /** The other scenarios' lines, possibly a little older than `result`. */
  fetched: ScenarioLines | null;
  lang: Lang;
  messages: Messages;
}

export function chartLines(input: LinesInput): ChartLine[] {
  const { plan, shown, indicator, result, fetched, lang, messages: m } = input;
  const n = result.periodKeys.length;
  const row = result.ids.indexOf(indicator);
  const own = row >= 0
    ? { values: result.values.subarray(row * n, (row + 1) * n), isActual: result.isActual.subarray(row * n, (row + 1) * n) }
    : { values: new Float64Array(n).fill(NaN), isActual: new Uint8Array(n) };
  const scenarios = plan.scenarios ?? [];
  if (scenarios.length === 0) return [{ scenario: null, label: m.chartProjected, ...own, shown: true, look: lookOf(0) }];

  // Lines of another indicator or another calendar are not this chart's.
  const usable = fetched && fetched.indicator === indicator && fetched.periodKeys.length === n ? fetched : null;
  const lines: ChartLine[] = [];
  const all: { id: string | null; label: string }[] = [
    { id: null, label: m.baseScenario },
    ...scenarios.map((s) => ({ id: s.id, label: localized(s.name, lang) })),
  ];
  all.forEach(({ id, label }, place) => {
    const look = lookOf(place);
    if (id === shown) {
      lines.push({ scenario: id, label: `${label} ${m.chartShownScenario}`, ...own, shown: true, look });
      return;
    }
    const at = usable ? usable.scenarios.indexOf(id) : -1;
    if (!usable || at < 0) return;
    lines.push({
      scenario: id,
      label,
      values: usable.values.subarray(at * n, (at + 1) * n),
      isActual: usable.isActual.subarray(at * n, (at + 1) * n),
      shown: false,
      look,
    });
  });
  return lines;
}

/**
 * The part of a line a chart draws as projection: from the latest actual on (so it joins the
 * actuals), blank where the scenario has actuals.
 */
export function projectedPart(line: Pick<ChartLine, 'values' | 'isActual'>): (number | null)[] {
  const n = line.values.length;
  let latest = -1;
  for (let i = 0; i < n; i++) if (line.isActual[i]) latest = i;
  const out: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const v = line.values[i] as number;
    out.push((i === latest || (i > latest && !line.isActual[i])) && Number.isFinite(v) ? v : null);
  }
  return out;
}
