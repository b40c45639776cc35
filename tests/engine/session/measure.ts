/**
 * Times the engine and an engine session on the generated 1,000 × 120 model:
 *
 *   npx tsx tests/engine/session/measure.ts
 *
 * Each figure is the fastest of many rounds (the machine is shared: the minimum is the least
 * disturbed), per call, in milliseconds, with the hand-written floor timed in the same rounds.
 */
import { affectedRows, compileProgram, runProgram } from '../../../src/engine/projection/program.ts';
import { summarize } from '../../../src/engine/projection/result.ts';
import { createEngineSession } from '../../../src/engine/session.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';
import { generateModel, LARGE_MODEL, withIndicator } from './helpers.ts';
import { buildFloor, runFloor } from '../../../bench/floor.ts';

/** Fastest per-call time over `rounds` rounds of `batch` calls, after a warm-up round. */
function fastest(fn: (i: number) => void, rounds: number, batch: number = 1): number {
  let i = 0;
  for (let w = 0; w < batch * 3; w++) fn(i++);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) fn(i++);
    best = Math.min(best, (performance.now() - start) / batch);
  }
  return best;
}

const model = generateModel(LARGE_MODEL);
const compiled = compileProgram(model.plan);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const program = compiled.value;
runProgram(program);
const n = program.periods.count;
const rowOf = (id: string): number => program.rowOf.get(id) as number;
const topCone = affectedRows(program, [rowOf(model.topInput)]);

// The floor agrees with the engine to the bit before it is timed.
const floor = buildFloor(model.model);
runFloor(floor);
for (let i = 0; i < floor.values.length; i++) {
  if (!Object.is(floor.values[i], program.values[i])) throw new Error(`floor and engine differ at ${i}`);
}
const topConeRows = Int32Array.from(topCone);

// Edits as commands make them: the edited indicator is a new object, the others shared.
const rates = [0.011, 0.012];
const topEdits: Plan[] = rates.map((rate) => withIndicator(model.plan, model.topInput, (i) => ({ ...i, projection: { method: 'growth', rate } })));
const leafEdits: Plan[] = rates.map((rate) => withIndicator(model.plan, model.leafInput, (i) => ({ ...i, projection: { method: 'growth', rate } })));
const session = createEngineSession();
session.update(model.plan);
const cloned = topEdits.map((plan) => structuredClone(plan));

const figures = {
  model: `${model.plan.indicators.length} indicators × ${n} periods, chains ${LARGE_MODEL.depth} deep`,
  compileMs: fastest(() => { compileProgram(model.plan); }, 40),
  fullRunMs: fastest(() => runProgram(program), 300),
  floorFullRunMs: fastest(() => runFloor(floor), 300),
  topConeRows: topCone.length,
  topConeRunMs: fastest(() => runProgram(program, topCone), 300),
  floorTopConeMs: fastest(() => runFloor(floor, topConeRows), 300),
  sessionTopEditMs: fastest((i) => { session.update(topEdits[i % 2] as Plan); }, 300),
  sessionLeafEditMs: fastest((i) => { session.update(leafEdits[i % 2] as Plan); }, 300, 100),
  sessionLeafApplyEditMs: fastest((i) => { session.applyEdit(leafEdits[i % 2] as Plan, [model.leafInput]); }, 300, 100),
  sessionClonedPlanMs: fastest((i) => { session.update(cloned[i % 2] as Plan); }, 100),
  sessionClonedApplyEditMs: fastest((i) => { session.applyEdit(cloned[i % 2] as Plan, [model.topInput]); }, 100),
  summarizeMs: fastest(() => { summarize(program); }, 100),
};
const ratios = {
  fullRunOverFloor: figures.fullRunMs / figures.floorFullRunMs,
  topConeOverFloor: figures.topConeRunMs / figures.floorTopConeMs,
  leafEditOverFullRun: figures.sessionLeafEditMs / figures.fullRunMs,
};
console.log(JSON.stringify({ figures, ratios }, null, 2));
