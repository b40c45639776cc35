import { Worker } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineClient, type EngineClient, type EngineWorker } from '../../src/client/engine-client.ts';
import { computePlan, projectScenarios } from '../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { resolveScenario } from '../../src/engine/scenarios/index.ts';

function spawn(): EngineWorker {
  const worker = new Worker(new URL('./node-engine-worker.mjs', import.meta.url), { workerData: {} });
  return {
    endpoint: nodeEndpoint(worker),
    terminate: () => void worker.terminate(),
    onCrash: (callback) => { worker.on('error', (error) => callback(error.message)); },
  };
}

/**
 * A plan whose `share` reads a formula chain, a group sum and another indicator's target, beside
 * rows it does not depend on (one of them a cycle); scenarios override actuals, a method and a
 * formula, and one inherits from another.
 */
function plan(): Plan {
  return makePlan({
    name: 'lines',
    calendar: { periodicity: 'year', start: '2022', end: '2030' },
    groups: [{ id: 'regions', name: { vi: 'Vùng' } }],
    indicators: [
      makeIndicator({ id: 'north', group: 'regions', actuals: { '2022': 40, '2023': 44 }, projection: { method: 'growth', rate: 0.06 } }),
      makeIndicator({ id: 'south', group: 'regions', actuals: { '2022': 60, '2023': 63 }, projection: { method: 'linear', step: 2 } }),
      makeIndicator({ id: 'total', projection: { method: 'formula', formula: 'sumgroup(regions)' } }),
      makeIndicator({ id: 'goal', actuals: { '2023': 100 }, targets: [{ period: '2030', value: 150, direction: 'atLeast' }] }),
      makeIndicator({ id: 'share', projection: { method: 'formula', formula: 'total / target(goal) * 100' } }),
      makeIndicator({ id: 'loop_a', projection: { method: 'formula', formula: 'loop_b + 1' } }),
      makeIndicator({ id: 'loop_b', projection: { method: 'formula', formula: 'loop_a + 1' } }),
      makeIndicator({ id: 'unrelated', actuals: { '2023': 5 }, projection: { method: 'growth', rate: 0.5 } }),
    ],
    scenarios: [
      { id: 'fast', name: { vi: 'Nhanh' }, overrides: { north: { projection: { method: 'growth', rate: 0.12 } }, unrelated: { actuals: { '2024': 9 } } } },
      { id: 'faster', name: { vi: 'Nhanh hơn' }, parent: 'fast', overrides: { south: { actuals: { '2024': 70 } }, goal: { targets: [{ period: '2030', value: 120, direction: 'atLeast' }] } } },
      { id: 'rewired', name: { vi: 'Đổi công thức' }, overrides: { share: { projection: { method: 'formula', formula: 'north * 2' } } } },
    ],
  });
}

/** The indicator's row in a whole compute of the scenario: what each line must equal. */
function wholeRow(source: Plan, scenario: string | null, indicator: string): { values: number[]; isActual: number[] } {
  const effective = resolveScenario(source, scenario);
  if (!effective.ok) throw new Error('resolve');
  const computed = computePlan(effective.value);
  if (!computed.ok) throw new Error('compute');
  const n = computed.value.periodKeys.length;
  const row = computed.value.ids.indexOf(indicator);
  return {
    values: Array.from(computed.value.values.subarray(row * n, (row + 1) * n)),
    isActual: Array.from(computed.value.isActual.subarray(row * n, (row + 1) * n)),
  };
}

const ALL = [null, 'fast', 'faster', 'rewired'];

describe('projectScenarios (the engine function)', () => {
  it('gives, for every scenario, the values a whole compute of that scenario gives the indicator', () => {
    const source = plan();
    for (const indicator of ['share', 'total', 'north', 'south', 'unrelated', 'loop_a']) {
      const lines = projectScenarios(source, indicator, ALL);
      if (!lines.ok) throw new Error(JSON.stringify(lines.error));
      const n = lines.value.periodKeys.length;
      expect(n).toBe(9);
      expect(lines.value.scenarios).toEqual(ALL);
      ALL.forEach((scenario, s) => {
        const expected = wholeRow(source, scenario, indicator);
        // toEqual treats NaN as equal to NaN: blank cells (the cycle) must stay blank.
        expect(Array.from(lines.value.values.subarray(s * n, (s + 1) * n)), `${indicator} in ${scenario}`).toEqual(expected.values);
        expect(Array.from(lines.value.isActual.subarray(s * n, (s + 1) * n))).toEqual(expected.isActual);
      });
    }
  });

  it('shows how scenarios differ: a faster region, a lower target read by a formula, a formula replaced', () => {
    const lines = projectScenarios(plan(), 'share', ALL);
    if (!lines.ok) throw new Error('lines');
    const at2030 = (s: number) => lines.value.values[s * 9 + 8] as number;
    // base: north 44·1.06^7, south 63 + 2·7 over a target of 150.
    expect(at2030(0)).toBeCloseTo((44 * 1.06 ** 7 + 77) / 150 * 100, 9);
    expect(at2030(1)).toBeCloseTo((44 * 1.12 ** 7 + 77) / 150 * 100, 9);
    // 'faster' inherits the faster north, and sets south's 2024 actual and a lower target.
    expect(at2030(2)).toBeCloseTo((44 * 1.12 ** 7 + 70 + 2 * 6) / 120 * 100, 9);
    expect(at2030(3)).toBeCloseTo(44 * 1.06 ** 7 * 2, 9);
  });

  it('refuses an indicator the plan does not have and a scenario it does not have, saying which', () => {
    expect(projectScenarios(plan(), 'nowhere', [null])).toEqual({ ok: false, error: { code: 'unknownIndicator', indicator: 'nowhere' } });
    expect(projectScenarios(plan(), 'share', [null, 'gone'])).toMatchObject({ ok: false, error: { code: 'unknownScenario', scenario: 'gone' } });
  });
});

let client: EngineClient | null = null;
afterEach(() => { client?.close(); client = null; });

describe('the client’s scenario lines', () => {
  it('come back from the worker as buffers with the in-process values', async () => {
    client = createEngineClient(spawn);
    const lines = await client.projectScenarios(plan(), 'share', ALL);
    if (!lines.ok) throw new Error(JSON.stringify(lines.error));
    expect(lines.value.values).toBeInstanceOf(Float64Array);
    const local = projectScenarios(plan(), 'share', ALL);
    expect(local.ok && Array.from(local.value.values)).toEqual(Array.from(lines.value.values));
  });

  it('neither supersede a compute nor are superseded by one; a newer request of lines supersedes an older one', async () => {
    client = createEngineClient(spawn);
    const source = plan();
    const older = client.projectScenarios(source, 'share', ALL);
    const compute = client.compute(source);
    const newer = client.projectScenarios(source, 'north', ALL);
    const compute2 = client.compute({ ...source, revision: 1 });
    const [o, c, nw, c2] = await Promise.all([older, compute, newer, compute2]);
    expect(o).toEqual({ ok: false, error: { code: 'superseded' } });
    expect(c).toEqual({ ok: false, error: { code: 'superseded' } });
    expect(nw.ok && nw.value.indicator).toBe('north');
    expect(c2.ok && c2.value.revision).toBe(1);
  });

  it('reports an engine refusal as the engine’s problem', async () => {
    client = createEngineClient(spawn);
    expect(await client.projectScenarios(plan(), 'share', ['gone'])).toMatchObject({ ok: false, error: { code: 'engine', problem: { code: 'unknownScenario' } } });
  });
});
