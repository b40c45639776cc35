/**
 * What a chart's scenario lines cost on the benchmark's 1,000 × 120 model with four scenarios
 * (each overriding growth rates): `npx tsx tests/client/measure-lines.ts`. Lines for the deepest
 * indicator and for an input nothing reads, beside a whole compute of the same five scenarios
 * (what the lines would cost without cutting each plan to the indicator's upstream rows), and a
 * structured clone of the plan (about what the page pays to post it to the worker). Medians,
 * three rounds; the lines are first checked against the whole computes.
 */
import { createEngineApi, projectScenarios } from '../../src/engine/api.ts';
import { generateModel, MAIN_SPEC, toPlan } from '../../bench/model.ts';
import type { Plan } from '../../src/engine/model/plan.ts';

const model = generateModel(MAIN_SPEC);
const base = toPlan(model);
const growth = model.rows.filter((r) => r.kind === 'growth').map((r) => r.id);
const plan: Plan = {
  ...base,
  scenarios: [1, 2, 3, 4].map((k) => ({
    id: `s${k}`, name: { vi: `S${k}` },
    overrides: Object.fromEntries(growth.slice(0, 40 * k).filter((_, i) => i % k === 0).map((id) => [id, { projection: { method: 'growth' as const, rate: 0.002 * k } }])),
  })),
};
const deepest = model.rows[model.deepest]!.id;
const leaf = model.rows[model.leafInput]!.id;
const ids = [null, 's1', 's2', 's3', 's4'];
const api = createEngineApi();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = (f: () => unknown, n = 15) => { const t: number[] = []; for (let i = 0; i < n; i++) { const s = performance.now(); f(); t.push(performance.now() - s); } return median(t); };
// Check they agree first.
const lines = projectScenarios(plan, deepest, ids);
const whole = api.computeScenarios(plan, ids);
if (!lines.ok || !whole.ok) throw new Error('compute failed');
const n = 120; const row = whole.value[0]!.ids.indexOf(deepest);
for (let s = 0; s < ids.length; s++) for (let t = 0; t < n; t++) if (lines.value.values[s * n + t] !== whole.value[s]!.values[row * n + t]) throw new Error(`differ ${s} ${t}`);
for (let round = 0; round < 3; round++) {
  console.log(JSON.stringify({
    round,
    linesDeepestMs: time(() => projectScenarios(plan, deepest, ids)).toFixed(2),
    linesLeafMs: time(() => projectScenarios(plan, leaf, ids)).toFixed(2),
    computeScenariosMs: time(() => api.computeScenarios(plan, ids), 7).toFixed(2),
    structuredCloneMs: time(() => structuredClone(plan)).toFixed(2),
  }));
}
