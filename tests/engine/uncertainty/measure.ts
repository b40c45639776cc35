/**
 * Timings of Monte Carlo on the benchmark-sized plan (100 indicators × 60 months, a range on every
 * input's rate), in Node:
 *   npx tsx tests/engine/uncertainty/measure.ts
 * Not a test: figures vary by machine. The official comparison lives in bench/.
 */
import { compileProgram, runProgram } from '../../../src/engine/projection/program.ts';
import { createSimulation } from '../../../src/engine/uncertainty/index.ts';
import { syntheticPlan } from './models.ts';

const plan = syntheticPlan({ indicators: 100, periods: 60, ranges: true, targets: true });
const compiled = compileProgram(plan);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const program = compiled.value;
const runs = 2000;
runProgram(program);
let start = performance.now();
for (let i = 0; i < runs; i++) runProgram(program);
const full = (performance.now() - start) / runs;
console.log(`one full recompute of 100 × 60: ${(full * 1000).toFixed(1)} µs (10,000 of them: ${(full * 10_000).toFixed(0)} ms)`);

const budgets = [256, 64, 16].map((mb) => mb * 1024 * 1024);
for (const trials of [1_000, 10_000]) {
  for (const memoryBudgetBytes of budgets) {
    for (let repeat = 0; repeat < 2; repeat++) {
      start = performance.now();
      const created = createSimulation(plan, { trials, memoryBudgetBytes });
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      const simulation = created.value;
      const made = performance.now() - start;
      let batches = 0;
      while (simulation.runBatch(500) > 0) batches++;
      const ran = performance.now() - start;
      const result = simulation.result();
      const total = performance.now() - start;
      if (repeat === 1) {
        console.log(`${trials} trials, budget ${memoryBudgetBytes / 2 ** 20} MiB: ${simulation.passes} pass(es), ${(simulation.memoryBytes / 2 ** 20).toFixed(1)} MiB held; `
          + `create ${made.toFixed(1)} ms, trials + percentiles ${(ran - made).toFixed(0)} ms in ${batches} batches, total ${total.toFixed(0)} ms; `
          + `${result.targets.length} targets`);
      }
    }
  }
}
