/**
 * `npm run bench`: Chitieu's engine against HyperFormula, the plain-JS floor and a reference
 * Monte Carlo loop, on the generated models of `model.ts`. Prints a table of figures, ratios and
 * the targets of QUALITY.md, and writes every figure to bench/results/latest.json.
 * Not a test: it asserts nothing about time, only that the evaluators agree on the numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildFloor, runFloor } from './floor.ts';
import { buildSheet } from './hyperformula.ts';
import { generateModel, MAIN_SPEC, SIMULATION_SPEC, toPlan } from './model.ts';
import { measureMonteCarlo } from './monte-carlo.ts';
import { checkAgreement, compileOrThrow, measureBuild, measureLeafEdit, measureSession, measureTopEdit } from './recompute.ts';
import { goalProblem, measureBisection, measureChitieuGoalSeek } from './goal-seek.ts';
import { measureRoundTrip } from './round-trip.ts';
import { currentLoad, machine, printTable, type Line } from './report.ts';
import { cpus } from 'node:os';
import { runProgram } from '../src/engine/projection/program.ts';

const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = currentLoad();
  const cores = cpus().length;
  if (loadAtStart > cores / 2) log(`note: load average ${loadAtStart.toFixed(1)} on ${cores} cores: other work competes with the benchmark; figures will be noisier.`);
  const model = generateModel(MAIN_SPEC);
  const plan = toPlan(model);
  const program = compileOrThrow(plan);
  runProgram(program);
  const floor = buildFloor(model);
  runFloor(floor);
  log('building HyperFormula…');
  const sheet = buildSheet(model);
  const agreement = checkAgreement(model, program, floor, sheet);
  const lines: Line[] = [];
  const figures: Record<string, unknown> = {};

  log('1/6 build');
  const build = measureBuild(model, plan);
  lines.push(...build.lines);
  figures.build = build.figures;

  log('2/6 recompute after a rate near the top changes');
  const top = measureTopEdit(model, program, floor, sheet);
  lines.push(...top.lines);
  figures.recompute = top.figures;

  const session = measureSession(model, plan, program, floor);
  lines.push(...session.lines);
  figures.session = session.figures;

  log('3/6 an input nothing depends on');
  const leaf = measureLeafEdit(model, program, sheet);
  lines.push(...leaf.lines);
  figures.leafEdit = leaf.figures;
  // The edits must have left every value as a fresh compute gives it.
  checkAgreement(model, program, floor, null);

  log('4/6 goal seek');
  const problem = goalProblem(model, program);
  const bisection = measureBisection(program, sheet, problem);
  lines.push(...bisection.lines);
  const seek = measureChitieuGoalSeek(model, program, problem, bisection.figures.chitieuRoot);
  lines.push(...seek.lines);
  figures.goalSeek = { problem, bisection: bisection.figures, chitieu: seek.figures };
  checkAgreement(model, program, floor, null);

  sheet.destroy();

  log('5/6 Monte Carlo');
  const simulationModel = generateModel(SIMULATION_SPEC);
  const monteCarlo = measureMonteCarlo(simulationModel);
  lines.push(...monteCarlo.lines);
  figures.monteCarlo = monteCarlo.figures;

  log('6/6 worker round trip');
  const trip = await measureRoundTrip(model);
  lines.push(...trip.lines);
  figures.workerRoundTrip = trip.figures;

  const table = printTable(lines);
  const info = machine(loadAtStart);
  process.stdout.write(`\n${table}\n\nNode ${info.node}, ${info.cpu}, ${info.cores} cores; load average ${info.loadAverage.start} at start, ${info.loadAverage.end} at end; commit ${info.commit}.\n`);
  if (info.uncommittedEngineFiles.length > 0) process.stdout.write(`Measured with uncommitted engine changes: ${info.uncommittedEngineFiles.join(', ')}.\n`);
  const nonFormula = model.rows.filter((r) => r.kind === 'growth').length;
  const result = {
    generatedAt: new Date().toISOString(),
    command: 'npm run bench',
    durationS: Math.round((Date.now() - started) / 100) / 10,
    machine: info,
    model: {
      ...MAIN_SPEC,
      growthRows: nonFormula,
      formulaRows: model.rows.length - nonFormula,
      topInput: model.rows[model.topInput]?.id,
      leafInput: model.rows[model.leafInput]?.id,
      deepest: model.rows[model.deepest]?.id,
    },
    simulationModel: { ...SIMULATION_SPEC, formulaRows: SIMULATION_SPEC.indicators - SIMULATION_SPEC.growthRows },
    agreement,
    lines,
    figures,
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
  log(`\nwritten to bench/results/latest.json in ${result.durationS} s`);
}

await main();
