/**
 * Timings of Monte Carlo and sensitivity on the benchmark-sized plan (100 indicators × 60 months,
 * a range on every input's rate, targets on the last layer), in Node:
 *   npx tsx tests/engine/uncertainty/measure.ts
 * Not a test: figures vary by machine and load. The official comparison lives in bench/.
 */
import { affectedRows, compileProgram, runProgram, setParameter } from '../../../src/engine/projection/program.ts';
import { createSimulation, sensitivity, TrialSampler } from '../../../src/engine/uncertainty/index.ts';
import { syntheticPlan } from './models.ts';

const plan = syntheticPlan({ indicators: 100, periods: 60, ranges: true, targets: true });
const compiled = compileProgram(plan);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const program = compiled.value;
runProgram(program);
const ranged = plan.indicators.flatMap((indicator, row) => (indicator.range ? [{ row, indicator: indicator.id, parameter: indicator.range.of, range: indicator.range }] : []));
const cone = affectedRows(program, ranged.map((input) => input.row));
const best = (repeat: number, work: () => void): number => {
  let fastest = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
};

const trials = 10_000;
// The floor: the same draws and the same runs of the program, recording nothing.
const draws = new Float64Array(ranged.length);
const runsOnly = best(3, () => {
  const sampler = new TrialSampler(ranged, 1);
  for (let t = 0; t < trials; t++) {
    sampler.draw(draws);
    for (let i = 0; i < ranged.length; i++) setParameter(program, (ranged[i] as { row: number }).row, 'rate', draws[i] as number);
    runProgram(program, cone);
  }
});
console.log(`${ranged.length} ranged inputs; cone ${cone.length} rows × ${program.periods.count} periods`);
console.log(`draws + runs only, ${trials} trials: ${runsOnly.toFixed(0)} ms`);

for (const [count, budget] of [[1_000, 128], [10_000, 256], [10_000, 128], [10_000, 64], [10_000, 16]] as const) {
  let phases = { create: 0, trials: 0, percentiles: 0, passes: 0, held: 0 };
  const total = best(3, () => {
    const t0 = performance.now();
    const created = createSimulation(plan, { trials: count, memoryBudgetBytes: budget * 2 ** 20 });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const simulation = created.value;
    const t1 = performance.now();
    // Every pass ends with its percentiles: time the last trial of each pass apart.
    let trialsMs = 0;
    let percentilesMs = 0;
    for (let pass = 0; pass < simulation.passes; pass++) {
      const a = performance.now();
      simulation.runBatch(count - 1);
      const b = performance.now();
      simulation.runBatch(1);
      const c = performance.now();
      trialsMs += b - a;
      percentilesMs += c - b;
    }
    simulation.result();
    phases = { create: t1 - t0, trials: trialsMs, percentiles: percentilesMs, passes: simulation.passes, held: simulation.memoryBytes / 2 ** 20 };
  });
  console.log(`${count} trials, budget ${budget} MiB: ${phases.passes} pass(es), ${phases.held.toFixed(1)} MiB held; total ${total.toFixed(0)} ms `
    + `(create ${phases.create.toFixed(1)}, trials ${phases.trials.toFixed(0)}, percentiles and means ${phases.percentiles.toFixed(0)}); `
    + `${(total / runsOnly * trials / count).toFixed(2)}× the runs alone`);
}

const tornado = best(5, () => { if (!sensitivity(plan).ok) throw new Error('sensitivity'); });
console.log(`sensitivity, ${ranged.length} inputs × 2 ends: ${tornado.toFixed(1)} ms`);
