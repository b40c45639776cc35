/**
 * Timings of goal seek on the benchmark-sized chain (1,000 indicators × 120 months), in Node:
 *   npx tsx tests/engine/solve/measure.ts
 * Not a test: figures vary by machine. The official comparison lives in bench/.
 */
import { affectedRows, compileProgram, runProgram, setParameter } from '../../../src/engine/projection/program.ts';
import { goalSeekProgram } from '../../../src/engine/solve/index.ts';
import { syntheticPlan } from '../uncertainty/models.ts';

const plan = syntheticPlan({ indicators: 1000, periods: 120, inputShare: 0.304, depth: 14 });
const compiled = compileProgram(plan);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const program = compiled.value;
runProgram(program);
const input = program.rowOf.get('in_0') as number;
const cone = affectedRows(program, [input]);
const target = cone[cone.length - 1] as number;
const n = program.periods.count;
const lastKey = program.periods.keys[n - 1] as string;
const current = program.values[target * n + n - 1] as number;

const time = (label: string, repeat: number, work: () => void): number => {
  for (let i = 0; i < Math.min(repeat, 20); i++) work();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) work();
  const ms = (performance.now() - start) / repeat;
  console.log(`${label}: ${ms.toFixed(3)} ms`);
  return ms;
};

console.log(`cone of in_0: ${cone.length} rows; target ${program.ids[target]} at ${lastKey} = ${current}`);
const full = time('full recompute', 200, () => runProgram(program));
const baseRate = (plan.indicators[input]?.projection as { rate: number }).rate;
let flip = 0;
const coneRun = time('one evaluation (set the rate, rerun the cone)', 200, () => {
  setParameter(program, input, 'rate', baseRate + (flip++ % 7) * 0.0005);
  runProgram(program, cone);
});
setParameter(program, input, 'rate', NaN);
runProgram(program, cone);
// The benchmark's ask: the value the plan reaches with the rate 0.2 points higher.
{
  const row = program.rowOf.get('in_0') as number;
  const rate = (plan.indicators[row]?.projection as { rate: number }).rate;
  setParameter(program, row, 'rate', rate + 0.002);
  runProgram(program, cone);
  const value = program.values[target * n + n - 1] as number;
  setParameter(program, row, 'rate', NaN);
  runProgram(program, cone);
  const request = { vary: { indicator: 'in_0', parameter: 'rate' as const }, indicator: program.ids[target] as string, period: lastKey, value };
  let evaluations = 0;
  const ms = time('goal seek rate → the value at rate + 0.002', 50, () => {
    const answer = goalSeekProgram(program, request);
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    evaluations = answer.value.evaluations;
  });
  console.log(`   ${evaluations} evaluations; ${(ms / full).toFixed(1)}× a full recompute, ${(ms / coneRun).toFixed(1)}× one cone run`);
}
for (const factor of [1.05, 1.5, 3]) {
  for (const parameter of ['rate', 'level'] as const) {
    const request = { vary: { indicator: 'in_0', parameter }, indicator: program.ids[target] as string, period: lastKey, value: current * factor };
    let evaluations = 0;
    const ms = time(`goal seek ${parameter} → ×${factor}`, 50, () => {
      const answer = goalSeekProgram(program, request);
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      evaluations = answer.value.evaluations;
    });
    console.log(`   ${evaluations} evaluations; ${(ms / full).toFixed(1)}× a full recompute, ${(ms / coneRun).toFixed(1)}× one cone run`);
  }
}
