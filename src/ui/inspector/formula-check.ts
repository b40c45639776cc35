/**
 * Checks a formula as it is typed, against the plan's names, without running it: the error (with
 * its position) a planner sees before applying. Cycles are found by the engine once applied.
 */
import { compileFormula, FUNCTIONS, parseFormula, type FormulaError } from '../../engine/formula/index.ts';
import type { Plan } from '../../engine/model/plan.ts';

export function checkFormula(text: string, plan: Plan): FormulaError | null {
  const parsed = parseFormula(text);
  if (!parsed.ok) return parsed.error;
  const rows = new Map(plan.indicators.map((indicator, row) => [indicator.id, row]));
  const groups = new Map(plan.groups.map((group) => [group.id, [] as number[]]));
  const compiled = compileFormula(parsed.value, {
    values: new Float64Array(0),
    periods: 0,
    rowOf: (id) => rows.get(id) ?? -1,
    groupRows: (id) => groups.get(id) ?? null,
    targetRow: (id) => (rows.has(id) ? new Float64Array(0) : null),
    report: () => {},
  });
  return compiled.ok ? null : compiled.error;
}

export interface Suggestion {
  insert: string;
  label: string;
  kind: 'indicator' | 'function' | 'group';
}

/** What the word before the caret could complete to: indicator ids, functions, group ids. */
export function suggestNames(text: string, caret: number, plan: Plan, nameOf: (id: string) => string): { from: number; items: Suggestion[] } {
  const before = text.slice(0, caret);
  const match = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before);
  const word = match?.[0] ?? '';
  const from = caret - word.length;
  if (!word) return { from, items: [] };
  const lower = word.toLowerCase();
  const insideSumgroup = /sumgroup\(\s*$/i.test(before.slice(0, from));
  const items: Suggestion[] = [];
  if (insideSumgroup) {
    for (const group of plan.groups) if (group.id.toLowerCase().startsWith(lower)) items.push({ insert: group.id, label: `${group.id} — ${group.name.vi}`, kind: 'group' });
  } else {
    for (const indicator of plan.indicators) {
      const name = nameOf(indicator.id);
      if (indicator.id.toLowerCase().includes(lower) || name.toLowerCase().includes(lower)) {
        items.push({ insert: indicator.id, label: `${indicator.id} — ${name}`, kind: 'indicator' });
      }
    }
    for (const name of FUNCTIONS.keys()) if (name.startsWith(lower)) items.push({ insert: `${name}(`, label: `${name}(…)`, kind: 'function' });
  }
  // The exact word needs no suggestion.
  return { from, items: items.filter((item) => item.insert !== word).slice(0, 8) };
}
