/**
 * Build and recompute on the main model: Chitieu against HyperFormula and against the floor.
 * Every edit alternates a growth rate between two values, so each timed call does real work.
 */
import { affectedRows, compileProgram, runProgram, setParameter, type Program } from '../src/engine/projection/program.ts';
import type { Plan } from '../src/engine/model/plan.ts';
import { createEngineSession } from '../src/engine/session.ts';
import { runFloor, type Floor } from './floor.ts';
import { buildSheet, type SheetModel } from './hyperformula.ts';
import type { BenchModel } from './model.ts';
import { ms, times, type Line } from './report.ts';
import { collectGarbage, time, timeInTurns, type Timing } from './timing.ts';

export function compileOrThrow(plan: Plan): Program {
  const compiled = compileProgram(plan);
  if (!compiled.ok) throw new Error(`the benchmark plan does not compile: ${JSON.stringify(compiled.error)}`);
  if (compiled.value.compileProblems.length > 0) throw new Error(`the benchmark plan has problems: ${JSON.stringify(compiled.value.compileProblems[0])}`);
  return compiled.value;
}

/** The growth rate an edit sets on call i: the plan's rate, nudged up and down in turn. */
export function editedRate(base: number, i: number): number {
  return base + (i % 2 === 0 ? 0.001 : -0.001);
}

/**
 * The three evaluators must compute the same model before their times mean anything: Chitieu and
 * the floor do the same arithmetic (equal to the last bit), HyperFormula rounds its output a little.
 */
export function checkAgreement(model: BenchModel, program: Program, floor: Floor, sheet: SheetModel | null): { floor: number; hyperformula: number } {
  const n = model.spec.periods;
  let floorDiff = 0;
  let sheetDiff = 0;
  for (let r = 0; r < model.rows.length; r++) {
    for (let t = 0; t < n; t++) {
      const v = program.values[r * n + t] as number;
      if (!Number.isFinite(v)) throw new Error(`Chitieu has no value at row ${r}, period ${t}`);
      floorDiff = Math.max(floorDiff, Math.abs((floor.values[r * n + t] as number) - v) / Math.abs(v));
      if (sheet) sheetDiff = Math.max(sheetDiff, Math.abs(sheet.value(r, t) - v) / Math.abs(v));
    }
  }
  if (!(floorDiff <= 1e-12)) throw new Error(`Chitieu and the floor disagree (relative ${floorDiff})`);
  if (!(sheetDiff <= 1e-9)) throw new Error(`Chitieu and HyperFormula disagree (relative ${sheetDiff})`);
  return { floor: floorDiff, hyperformula: sheetDiff };
}

export interface BuildFigures {
  chitieuCompile: Timing;
  chitieuCompileAndRun: Timing;
  hyperformulaBuild: Timing;
  ratios: Record<string, number>;
}

export function measureBuild(model: BenchModel, plan: Plan): { figures: BuildFigures; lines: Line[] } {
  const chitieuCompile = time(() => compileOrThrow(plan), { warmup: 5, samples: 21 });
  // Timed apart (no target rests on this ratio): in turns, each would pay for the other's garbage.
  const chitieuCompileAndRun = time(() => runProgram(compileOrThrow(plan)), { warmup: 5, samples: 21 });
  const hyperformulaBuild = time(() => buildSheet(model).destroy(), { warmup: 1, samples: 5 });
  const ratio = hyperformulaBuild.medianMs / chitieuCompileAndRun.medianMs;
  return {
    figures: { chitieuCompile, chitieuCompileAndRun, hyperformulaBuild, ratios: { hyperformulaOverChitieu: ratio } },
    lines: [{
      id: 'build',
      work: 'build: compile + first full run',
      chitieu: `${ms(chitieuCompileAndRun.medianMs)} (compile ${ms(chitieuCompile.medianMs)})`,
      comparator: `HyperFormula buildFromArray ${ms(hyperformulaBuild.medianMs)}`,
      ratio: `${times(ratio)} faster`,
      target: '— (no target)',
      status: 'info',
    }],
  };
}

export interface RecomputeFigures {
  coneRows: number;
  coneCells: number;
  /** setParameter + affectedRows + runProgram(cone). */
  chitieuEdit: Timing;
  /** runProgram(cone) with the cone already known. */
  chitieuConeRun: Timing;
  /** setParameter + runProgram (every row). */
  chitieuFull: Timing;
  floorCone: Timing;
  floorFull: Timing;
  hyperformulaEdit: Timing;
  /** Chitieu's edit and full run timed in the same rounds as HyperFormula's edit. */
  pairedWithHyperFormula: { chitieuEdit: Timing; chitieuFull: Timing };
  ratios: Record<string, number>;
}

export function measureTopEdit(model: BenchModel, program: Program, floor: Floor, sheet: SheetModel): { figures: RecomputeFigures; lines: Line[] } {
  const row = model.topInput;
  const base = floor.rates[row] as number;
  const cone = affectedRows(program, [row]);
  const coneRows = Int32Array.from(cone);
  const { chitieuEdit, chitieuConeRun, chitieuFull, floorCone, floorFull } = timeInTurns({
    chitieuEdit: (i) => {
      setParameter(program, row, 'rate', editedRate(base, i));
      runProgram(program, affectedRows(program, [row]));
    },
    chitieuConeRun: (i) => {
      setParameter(program, row, 'rate', editedRate(base, i));
      runProgram(program, cone);
    },
    chitieuFull: (i) => {
      setParameter(program, row, 'rate', editedRate(base, i));
      runProgram(program);
    },
    floorCone: (i) => {
      floor.rates[row] = editedRate(base, i);
      runFloor(floor, coneRows);
    },
    floorFull: (i) => {
      floor.rates[row] = editedRate(base, i);
      runFloor(floor);
    },
  }, { warmup: 20, samples: 41, batch: 10 });
  // HyperFormula in turns with Chitieu's edit and full run: a busy machine slows HyperFormula's
  // allocation-heavy recompute more than Chitieu's, so only a ratio taken in the same rounds is
  // fair. Before each batch, untimed: a full GC (no one pays for another's garbage) and, for
  // Chitieu, one run over its rows (its data back in cache after HyperFormula's sweep).
  const paired = timeInTurns({
    hyperformulaEdit: { run: (i) => sheet.setRate(row, editedRate(base, i)), batch: 1, prepare: collectGarbage },
    chitieuEdit: {
      run: (i) => {
        setParameter(program, row, 'rate', editedRate(base, i));
        runProgram(program, affectedRows(program, [row]));
      },
      batch: 10,
      prepare: () => { collectGarbage(); runProgram(program); },
    },
    chitieuFull: {
      run: (i) => {
        setParameter(program, row, 'rate', editedRate(base, i));
        runProgram(program);
      },
      batch: 10,
      prepare: () => { collectGarbage(); runProgram(program); },
    },
  }, { warmup: 3, samples: 15 });
  const hyperformulaEdit = paired.hyperformulaEdit;

  // Leave all three at the plan's rate, computed, for whoever measures next.
  setParameter(program, row, 'rate', NaN);
  runProgram(program);
  floor.rates[row] = base;
  runFloor(floor);
  sheet.setRate(row, base);

  const vsSheet = hyperformulaEdit.medianMs / paired.chitieuEdit.medianMs;
  const fullVsSheet = hyperformulaEdit.medianMs / paired.chitieuFull.medianMs;
  const vsFloor = chitieuEdit.medianMs / floorCone.medianMs;
  const cells = cone.length * model.spec.periods;
  const work = `recompute after the rate of ${model.rows[row]?.id} changes (cone ${cone.length} rows, ${cells.toLocaleString('en-US')} cells)`;
  return {
    figures: {
      coneRows: cone.length, coneCells: cells, chitieuEdit, chitieuConeRun, chitieuFull, floorCone, floorFull, hyperformulaEdit,
      pairedWithHyperFormula: { chitieuEdit: paired.chitieuEdit, chitieuFull: paired.chitieuFull },
      ratios: {
        hyperformulaOverChitieuEdit: vsSheet,
        chitieuEditOverFloorCone: vsFloor,
        chitieuConeRunOverFloorCone: chitieuConeRun.medianMs / floorCone.medianMs,
        chitieuFullOverFloorFull: chitieuFull.medianMs / floorFull.medianMs,
        hyperformulaOverChitieuFull: fullVsSheet,
      },
    },
    lines: [
      {
        id: 'recompute.vsHyperFormula', work, chitieu: `${ms(paired.chitieuEdit.medianMs)} (edit + cone, in turns with HyperFormula)`,
        comparator: `HyperFormula setCellContents ${ms(hyperformulaEdit.medianMs)}`,
        ratio: `${times(vsSheet)} faster`, target: '≥ 1,000× faster', status: vsSheet >= 1000 ? 'PASS' : 'MISS',
      },
      {
        id: 'recompute.vsFloor', work, chitieu: `${ms(chitieuEdit.medianMs)} (run only ${ms(chitieuConeRun.medianMs)})`,
        comparator: `floor: one plain-JS pass over the cone ${ms(floorCone.medianMs)}`,
        ratio: `${times(vsFloor)} the floor`, target: '≤ 2× the floor', status: vsFloor <= 2 ? 'PASS' : 'MISS',
      },
      {
        id: 'recompute.full', work: 'the same edit, then a full recompute (every row)', chitieu: ms(chitieuFull.medianMs),
        comparator: `floor over every row ${ms(floorFull.medianMs)}; HyperFormula's edit ${ms(hyperformulaEdit.medianMs)}`,
        ratio: `${times(chitieuFull.medianMs / floorFull.medianMs)} the floor; ${times(fullVsSheet)} faster than HyperFormula`,
        target: '— (no target)', status: 'info',
      },
    ],
  };
}

export interface LeafFigures {
  chitieuEdit: Timing;
  chitieuFull: Timing;
  hyperformulaEdit: Timing;
  ratios: Record<string, number>;
}

export function measureLeafEdit(model: BenchModel, program: Program, sheet: SheetModel): { figures: LeafFigures; lines: Line[] } {
  const row = model.leafInput;
  const base = model.rows[row]?.kind === 'growth' ? model.rows[row].rate : NaN;
  const cone = affectedRows(program, [row]);
  if (cone.length !== 1) throw new Error(`the leaf input ${row} has ${cone.length - 1} dependents`);
  const { chitieuEdit, chitieuFull } = timeInTurns({
    chitieuEdit: (i) => {
      setParameter(program, row, 'rate', editedRate(base, i));
      runProgram(program, affectedRows(program, [row]));
    },
    chitieuFull: {
      run: (i) => {
        setParameter(program, row, 'rate', editedRate(base, i));
        runProgram(program);
      },
      batch: 5,
    },
  }, { warmup: 10, samples: 41, batch: 1_000 });
  const hyperformulaEdit = time((i) => sheet.setRate(row, editedRate(base, i)), { warmup: 10, samples: 31, batch: 10 });
  setParameter(program, row, 'rate', NaN);
  runProgram(program);
  sheet.setRate(row, base);
  const ratio = chitieuEdit.medianMs / chitieuFull.medianMs;
  return {
    figures: { chitieuEdit, chitieuFull, hyperformulaEdit, ratios: { chitieuEditOverChitieuFull: ratio, hyperformulaOverChitieuEdit: hyperformulaEdit.medianMs / chitieuEdit.medianMs } },
    lines: [{
      id: 'leaf', work: `change an input nothing depends on (${model.rows[row]?.id})`,
      chitieu: `${ms(chitieuEdit.medianMs)} (edit + cone of 1 row)`,
      comparator: `Chitieu full recompute ${ms(chitieuFull.medianMs)}; HyperFormula ${ms(hyperformulaEdit.medianMs)}`,
      ratio: `${times(ratio)} of full`, target: '≤ 1/100 of full', status: ratio <= 0.01 ? 'PASS' : 'MISS',
    }],
  };
}

/** The plan with one growth row's rate set, every other indicator the same object (as a command leaves them). */
function withRate(plan: Plan, row: number, rate: number): Plan {
  const indicators = [...plan.indicators];
  const indicator = indicators[row];
  if (!indicator || indicator.projection.method !== 'growth') throw new Error(`row ${row} is not a growth row`);
  indicators[row] = { ...indicator, projection: { method: 'growth', rate } };
  return { ...plan, indicators };
}

export interface SessionFigures {
  /** `session.update(plan)`: find the edited row by identity, update it in place, run its cone. */
  topUpdate: Timing;
  /** `session.compute(plan)`: the same, then the whole PlanResult (values copied, targets assessed). */
  topCompute: Timing;
  leafUpdate: Timing;
  leafCompute: Timing;
  /** `session.applyEdit(plan, [id])`: the caller names the edited indicator (no search). */
  leafApplyEdit: Timing;
  /** Timed in the same rounds: the program-level edit, a full run, and the floor over the cone. */
  programEdit: Timing;
  programFull: Timing;
  floorCone: Timing;
  ratios: Record<string, number>;
}

/**
 * The same edits through the engine session, the way the app makes them: a new plan in which
 * only the edited indicator is a new object (alternating two prepared plans per input), in turns
 * with the program-level edit, a full run and the floor, for fair ratios. `compute`, which also
 * builds the whole result, is timed before them, apart.
 */
export function measureSession(model: BenchModel, plan: Plan, program: Program, floor: Floor): { figures: SessionFigures; lines: Line[] } {
  const top = model.topInput;
  const rate = (row: number): number => {
    const r = model.rows[row];
    return r?.kind === 'growth' ? r.rate : NaN;
  };
  const plans = (row: number): [Plan, Plan] => [withRate(plan, row, editedRate(rate(row), 0)), withRate(plan, row, editedRate(rate(row), 1))];
  const topPlans = plans(top);
  const leafPlans = plans(model.leafInput);
  const coneRows = Int32Array.from(affectedRows(program, [top]));
  const session = createEngineSession();
  const check = (result: { ok: boolean }): void => {
    if (!result.ok) throw new Error('the engine session refused the benchmark plan');
  };
  check(session.update(plan));
  const leafId = model.rows[model.leafInput]?.id ?? '';
  // `compute` (no target) apart: each call copies every value into a new PlanResult, a megabyte
  // of garbage whose collection would otherwise fall on the variants timed after it.
  const { topCompute, leafCompute } = timeInTurns({
    topCompute: (i) => check(session.compute(topPlans[i % 2] as Plan)),
    leafCompute: (i) => check(session.compute(leafPlans[i % 2] as Plan)),
  }, { warmup: 5, samples: 21, batch: 10 });
  collectGarbage();
  // Before each batch, untimed, every variant brings its own data back into the caches with one
  // call of its own work at a third rate (so that the batch's first call still changes something).
  // Without it, each batch opened on data the other variants' megabytes had pushed out, and a
  // figure depended on the order the variants ran in: the session's edit, which ran first after
  // the program's full run and the floor, read 20–40 % slower than the same work as a
  // program-level edit run later in the round.
  const warmRate = (row: number): number => rate(row) + 0.002;
  const topWarm = withRate(plan, top, warmRate(top));
  const leafWarm = withRate(plan, model.leafInput, warmRate(model.leafInput));
  const timings = timeInTurns({
    topUpdate: { run: (i) => check(session.update(topPlans[i % 2] as Plan)), batch: 10, prepare: () => check(session.update(topWarm)) },
    leafUpdate: { run: (i) => check(session.update(leafPlans[i % 2] as Plan)), batch: 200, prepare: () => check(session.update(leafWarm)) },
    leafApplyEdit: { run: (i) => check(session.applyEdit(leafPlans[i % 2] as Plan, [leafId])), batch: 200, prepare: () => check(session.update(leafWarm)) },
    programEdit: {
      run: (i) => {
        setParameter(program, top, 'rate', editedRate(rate(top), i));
        runProgram(program, affectedRows(program, [top]));
      },
      batch: 10,
      prepare: () => {
        setParameter(program, top, 'rate', warmRate(top));
        runProgram(program, affectedRows(program, [top]));
      },
    },
    programFull: {
      run: (i) => {
        setParameter(program, top, 'rate', editedRate(rate(top), i));
        runProgram(program);
      },
      batch: 10,
      prepare: () => {
        setParameter(program, top, 'rate', warmRate(top));
        runProgram(program);
      },
    },
    floorCone: {
      run: (i) => {
        floor.rates[top] = editedRate(rate(top), i);
        runFloor(floor, coneRows);
      },
      batch: 10,
      prepare: () => {
        floor.rates[top] = warmRate(top);
        runFloor(floor, coneRows);
      },
    },
  }, { warmup: 20, samples: 41 });
  const { topUpdate, leafUpdate, leafApplyEdit, programEdit, programFull, floorCone } = timings;
  setParameter(program, top, 'rate', NaN);
  runProgram(program);
  floor.rates[top] = rate(top);
  runFloor(floor);
  // Back at the plan itself, the session must hold what a fresh compute gives.
  check(session.update(plan));
  const sessionProgram = session.program();
  if (!sessionProgram) throw new Error('the engine session has no program');
  checkAgreement(model, sessionProgram, floor, null);
  const vsFloor = topUpdate.medianMs / floorCone.medianMs;
  const leafRatio = leafUpdate.medianMs / programFull.medianMs;
  return {
    figures: {
      topUpdate, topCompute, leafUpdate, leafCompute, leafApplyEdit, programEdit, programFull, floorCone,
      ratios: {
        topUpdateOverFloorCone: vsFloor,
        topUpdateOverProgramEdit: topUpdate.medianMs / programEdit.medianMs,
        leafUpdateOverProgramFull: leafRatio,
        leafApplyEditOverProgramFull: leafApplyEdit.medianMs / programFull.medianMs,
      },
    },
    lines: [
      {
        id: 'session.top', work: `the same edit through the engine session (session.update of a new plan)`,
        chitieu: `${ms(topUpdate.medianMs)} (compute, with the whole result: ${ms(topCompute.medianMs)})`,
        comparator: `floor ${ms(floorCone.medianMs)}; program-level edit ${ms(programEdit.medianMs)}`,
        ratio: `${times(vsFloor)} the floor`, target: '≤ 2× the floor', status: vsFloor <= 2 ? 'PASS' : 'MISS',
      },
      {
        id: 'session.leaf', work: `the leaf edit through the engine session (session.update)`,
        chitieu: `${ms(leafUpdate.medianMs)} (applyEdit ${ms(leafApplyEdit.medianMs)}; compute ${ms(leafCompute.medianMs)})`,
        comparator: `full recompute ${ms(programFull.medianMs)}`,
        ratio: `${times(leafRatio)} of full`, target: '≤ 1/100 of full', status: leafRatio <= 0.01 ? 'PASS' : 'MISS',
      },
    ],
  };
}
