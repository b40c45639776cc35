/**
 * Monte Carlo over a whole plan: every trial draws each ranged input's parameter once (the whole
 * projection path uses that draw), reruns the compiled program over the rows downstream of the
 * ranged inputs, and records those rows' cells. At the end: percentiles (P10/P50/P90 by default)
 * and the mean of every indicator and period, and the probability of reaching each target.
 *
 * Memory (see docs/decisions/0005): every trial of every cell of a 100 × 60 model over 10,000
 * trials is 60 M numbers, too many for a browser worker. Only cells downstream of a ranged input
 * vary, so only those are stored, as 32-bit deviations from the first trial's value (exact for
 * cells that do not move; within 6e-8 of the spread for those that do) or, on request, as the
 * 64-bit values themselves. When even that exceeds the memory budget, the cells are split into
 * chunks and the trials are rerun once per chunk, each pass running only the rows that chunk
 * needs: the draws are regenerated from the seed, so every pass sees the same trials.
 *
 * A simulation runs in batches (`runBatch`) so that a worker can report progress between them
 * and stop when cancelled. Trial i draws the same numbers whatever the number of trials, so a
 * 1,000-trial preview runs exactly the first 1,000 trials of the full run.
 */
import type { Plan, RangeParameter, TargetDirection } from '../model/plan.ts';
import { affectedRows, compileProgram, runProgram, setParameter, type PlanProblem, type Program } from '../projection/program.ts';
import { satisfies } from '../projection/targets.ts';
import { err, ok, type Result } from '../result.ts';
import { TrialSampler } from './sampler.ts';
import { rangedInputs, type RangedInput, type RangeProblem } from './ranges.ts';
import { PercentileSelector } from './select.ts';

export interface SimulationOptions {
  /** Default 10,000; at most SIMULATION_LIMITS.trials. */
  trials?: number;
  /** A safe integer; default SIMULATION_DEFAULTS.seed. */
  seed?: number;
  /** Fractions in [0, 1]; default [0.1, 0.5, 0.9]. */
  percentiles?: number[];
  /** What the simulation's buffers may take, in bytes; default 128 MiB. */
  memoryBudgetBytes?: number;
  /**
   * How a trial's value is stored: 'float32' (default) as a 32-bit deviation from trial 0, within
   * 2^-23 of the cell's spread; 'float64' as the value itself, exactly, at twice the memory (or
   * twice the passes): percentiles then equal, bit for bit, those of the sorted values.
   */
  storage?: 'float32' | 'float64';
}

export const SIMULATION_DEFAULTS = {
  trials: 10_000,
  seed: 1,
  percentiles: [0.1, 0.5, 0.9] as readonly number[],
  memoryBudgetBytes: 128 * 1024 * 1024,
} as const;

export const SIMULATION_LIMITS = {
  trials: 100_000,
  /** Cells computed over all trials and passes (about 5–15 s of work in a worker). */
  work: 2_000_000_000,
  percentiles: 99,
} as const;

export type SimulationProblem =
  | { code: 'plan'; problem: PlanProblem }
  | RangeProblem
  | { code: 'invalidOption'; option: 'trials' | 'seed' | 'percentiles' | 'memoryBudgetBytes' | 'storage' }
  | { code: 'tooManyTrials'; trials: number; limit: number }
  | { code: 'tooMuchWork'; cells: number; limit: number }
  | { code: 'memoryBudgetTooSmall'; needed: number; budget: number };

export interface SimulationTarget {
  indicator: string;
  /** Index of the target in the indicator's `targets`. */
  index: number;
  period: string;
  /** Share of the trials in which the indicator satisfies the target at its period. */
  probability: number;
}

export interface SimulationResult {
  trials: number;
  seed: number;
  periodKeys: string[];
  ids: string[];
  percentiles: number[];
  /** percentiles.length × rows × periods: values[(p · rows + row) · periods + t]. NaN: blank in every trial. */
  values: Float64Array;
  targets: SimulationTarget[];
  /** rows × periods: the mean over the trials (blank trials left out). */
  mean: Float64Array;
}

export interface Simulation {
  /** Trial runs to do in all: trials × passes. */
  readonly total: number;
  /** Trial runs done so far. */
  readonly done: number;
  readonly trials: number;
  /** How many times the trials are run (1 unless the stored cells exceed the memory budget). */
  readonly passes: number;
  /** Bytes of the buffers the simulation holds, result included. */
  readonly memoryBytes: number;
  /** The ranged inputs, in plan order. */
  readonly inputs: readonly { indicator: string; parameter: RangeParameter }[];
  /** Runs up to `maxTrials` more trial runs; returns how many it ran (0 when finished). */
  runBatch(maxTrials: number): number;
  /** The result; finishes the remaining trials first if there are any. */
  result(): SimulationResult;
}

export function createSimulation(plan: Plan, options: SimulationOptions = {}): Result<Simulation, SimulationProblem> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  const { trials, seed, percentiles, budget, storage } = checked.value;
  const compiled = compileProgram(plan);
  if (!compiled.ok) return err({ code: 'plan', problem: compiled.error });
  const program = compiled.value;
  const inputs = rangedInputs(program);
  if (!inputs.ok) return err(inputs.error);
  runProgram(program);
  return MonteCarlo.create(program, inputs.value, { trials, seed, percentiles, budget, storage });
}

/** Runs a whole simulation at once. */
export function simulate(plan: Plan, options: SimulationOptions = {}): Result<SimulationResult, SimulationProblem> {
  const simulation = createSimulation(plan, options);
  if (!simulation.ok) return simulation;
  return ok(simulation.value.result());
}

interface Checked { trials: number; seed: number; percentiles: number[]; budget: number; storage: 'float32' | 'float64' }

function checkOptions(options: SimulationOptions): Result<Checked, SimulationProblem> {
  const trials = options.trials ?? SIMULATION_DEFAULTS.trials;
  if (!Number.isInteger(trials) || trials < 1) return err({ code: 'invalidOption', option: 'trials' });
  if (trials > SIMULATION_LIMITS.trials) return err({ code: 'tooManyTrials', trials, limit: SIMULATION_LIMITS.trials });
  const seed = options.seed ?? SIMULATION_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) return err({ code: 'invalidOption', option: 'seed' });
  const percentiles = [...(options.percentiles ?? SIMULATION_DEFAULTS.percentiles)];
  if (percentiles.length < 1 || percentiles.length > SIMULATION_LIMITS.percentiles || !percentiles.every((p) => p >= 0 && p <= 1)) {
    return err({ code: 'invalidOption', option: 'percentiles' });
  }
  const budget = options.memoryBudgetBytes ?? SIMULATION_DEFAULTS.memoryBudgetBytes;
  if (!(budget > 0) || !Number.isFinite(budget)) return err({ code: 'invalidOption', option: 'memoryBudgetBytes' });
  const storage = options.storage ?? 'float32';
  if (storage !== 'float32' && storage !== 'float64') return err({ code: 'invalidOption', option: 'storage' });
  return ok({ trials, seed, percentiles, budget, storage });
}

/** A chunk of the stored cells and what one pass over it runs. */
interface Chunk {
  /** Offsets into the program's matrix of the chunk's cells. */
  cells: Int32Array;
  /** The rows to run per trial: the chunk's rows and the cone rows they read, in order. */
  rows: number[];
  /** Targets whose cell lies in the chunk: indices into the target list. */
  targets: number[];
}

interface TargetCell {
  indicator: string;
  index: number;
  period: string;
  cell: number;
  value: number;
  direction: TargetDirection;
  hits: number;
}

/** Bytes stored per cell kept: a deviation per trial, its reference and its offset. */
const bytesPerCell = (trials: number, storage: 'float32' | 'float64'): number => trials * (storage === 'float32' ? 4 : 8) + 8 + 4;

class MonteCarlo implements Simulation {
  readonly total: number;
  readonly passes: number;
  readonly memoryBytes: number;
  readonly inputs: readonly { indicator: string; parameter: RangeParameter }[];

  private runs = 0;
  private pass = 0;
  private trial = 0;
  private readonly sampler: TrialSampler;
  private readonly draws: Float64Array;
  private readonly store: Float32Array | Float64Array;
  private readonly deviations: boolean;
  private readonly reference: Float64Array;
  private readonly selector: PercentileSelector;
  private readonly scratch: Float64Array;

  static create(program: Program, inputs: RangedInput[], options: Checked): Result<Simulation, SimulationProblem> {
    const { trials, seed, percentiles, budget, storage } = options;
    const n = program.periods.count;
    const rowCount = program.ids.length;
    const cone = affectedRows(program, inputs.map((input) => input.row));
    const coneCells = cone.length * n;
    const fixed = (percentiles.length + 1) * rowCount * n * 8;
    const perCell = bytesPerCell(trials, storage);
    const chunkCells = Math.min(coneCells, Math.floor((budget - fixed) / perCell));
    if (coneCells > 0 && chunkCells < 1) return err({ code: 'memoryBudgetTooSmall', needed: fixed + perCell, budget });

    const targets = targetCells(program);
    const chunks = planChunks(program, cone, chunkCells, targets);
    let work = 0;
    for (const chunk of chunks) work += chunk.rows.length * n * trials;
    if (work > SIMULATION_LIMITS.work) return err({ code: 'tooMuchWork', cells: work, limit: SIMULATION_LIMITS.work });
    // Targets on rows no range reaches are decided by the plan's own values.
    const inCone = new Uint8Array(rowCount);
    for (const row of cone) inCone[row] = 1;
    for (const target of targets) {
      if (!inCone[Math.floor(target.cell / n)]) target.hits = satisfies(program.values[target.cell] as number, target.value, target.direction) ? trials : 0;
    }
    return ok(new MonteCarlo(program, inputs, trials, seed, percentiles, chunks, targets, Math.max(chunkCells, 0), fixed, storage));
  }

  private readonly values: Float64Array;
  private readonly mean: Float64Array;

  private constructor(
    private readonly program: Program,
    private readonly ranged: RangedInput[],
    readonly trials: number,
    private readonly seed: number,
    private readonly percentiles: number[],
    private readonly chunks: Chunk[],
    private readonly targets: TargetCell[],
    chunkCells: number,
    fixed: number,
    storage: 'float32' | 'float64',
  ) {
    const cells = program.values.length;
    const p = percentiles.length;
    this.passes = chunks.length;
    this.total = trials * chunks.length;
    this.inputs = ranged.map(({ indicator, parameter }) => ({ indicator, parameter }));
    this.sampler = new TrialSampler(ranged, seed);
    this.draws = new Float64Array(ranged.length);
    this.deviations = storage === 'float32';
    this.store = this.deviations ? new Float32Array(chunkCells * trials) : new Float64Array(chunkCells * trials);
    this.reference = new Float64Array(chunkCells);
    this.memoryBytes = fixed + chunkCells * bytesPerCell(trials, storage);
    this.selector = new PercentileSelector(percentiles);
    this.scratch = new Float64Array(p);
    // Cells no range reaches keep the plan's values, in every percentile and the mean.
    this.values = new Float64Array(p * cells);
    for (let i = 0; i < p; i++) this.values.set(program.values, i * cells);
    this.mean = program.values.slice();
  }

  get done(): number {
    return this.runs;
  }

  runBatch(maxTrials: number): number {
    let ran = 0;
    while (ran < maxTrials && this.runs < this.total) {
      const chunk = this.chunks[this.pass] as Chunk;
      if (this.trial === 0) this.sampler.reset();
      this.runTrial(chunk, this.trial);
      this.trial++;
      this.runs++;
      ran++;
      if (this.trial === this.trials) {
        this.finishPass(chunk);
        this.pass++;
        this.trial = 0;
      }
    }
    return ran;
  }

  result(): SimulationResult {
    while (this.runBatch(this.trials) > 0) { /* finish what is left */ }
    const program = this.program;
    return {
      trials: this.trials,
      seed: this.seed,
      periodKeys: [...program.periods.keys],
      ids: [...program.ids],
      percentiles: [...this.percentiles],
      values: this.values,
      targets: this.targets.map(({ indicator, index, period, hits }) => ({ indicator, index, period, probability: hits / this.trials })),
      mean: this.mean,
    };
  }

  /** One trial: draw, run, record. Allocates nothing. */
  private runTrial(chunk: Chunk, trial: number): void {
    const program = this.program;
    const ranged = this.ranged;
    const draws = this.draws;
    this.sampler.draw(draws);
    for (let i = 0; i < ranged.length; i++) {
      const input = ranged[i] as RangedInput;
      setParameter(program, input.row, input.parameter, draws[i] as number);
    }
    runProgram(program, chunk.rows);
    const values = program.values;
    const cells = chunk.cells;
    const store = this.store;
    const reference = this.reference;
    const trials = this.trials;
    // 32-bit storage keeps deviations from trial 0; 64-bit keeps the values (reference 0).
    if (trial === 0 && this.deviations) for (let c = 0; c < cells.length; c++) reference[c] = values[cells[c] as number] as number;
    for (let c = 0, at = trial; c < cells.length; c++, at += trials) store[at] = (values[cells[c] as number] as number) - (reference[c] as number);
    const targets = this.targets;
    for (const t of chunk.targets) {
      const target = targets[t] as TargetCell;
      if (satisfies(values[target.cell] as number, target.value, target.direction)) target.hits++;
    }
  }

  /** Percentiles and means of the chunk's cells, from their stored trials. */
  private finishPass(chunk: Chunk): void {
    const trials = this.trials;
    const store = this.store;
    const plane = this.program.values.length;
    const scratch = this.scratch;
    for (let c = 0; c < chunk.cells.length; c++) {
      const cell = chunk.cells[c] as number;
      const from = c * trials;
      const to = from + trials;
      const reference = this.reference[c] as number;
      let sum = 0;
      let count = 0;
      for (let i = from; i < to; i++) {
        const d = store[i] as number;
        if (d === d) { sum += d; count++; }
      }
      // A deviation of zero adds nothing: cells that never move come out exactly as computed.
      this.mean[cell] = count > 0 ? reference + sum / count : NaN;
      this.selector.compute(store, from, to, scratch, 0, 1);
      for (let p = 0; p < scratch.length; p++) this.values[p * plane + cell] = reference + (scratch[p] as number);
    }
  }
}

/** Every target inside the calendar, with its cell. */
function targetCells(program: Program): TargetCell[] {
  const n = program.periods.count;
  const targets: TargetCell[] = [];
  program.plan.indicators.forEach((indicator, row) => {
    indicator.targets.forEach((target, index) => {
      const t = program.periods.indexOf(target.period);
      if (t < 0) return;
      targets.push({ indicator: indicator.id, index, period: target.period, cell: row * n + t, value: target.value, direction: target.direction, hits: 0 });
    });
  });
  return targets;
}

/**
 * Splits the cone's cells (rows in topological order, periods in order) into chunks of at most
 * `size` cells; each chunk runs its rows and, among the cone's rows, those they read.
 */
function planChunks(program: Program, cone: readonly number[], size: number, targets: readonly TargetCell[]): Chunk[] {
  const n = program.periods.count;
  const rowCount = program.ids.length;
  const coneCells = cone.length * n;
  if (coneCells === 0) return [{ cells: new Int32Array(0), rows: [], targets: [] }];
  const inCone = new Uint8Array(rowCount);
  for (const row of cone) inCone[row] = 1;
  const reads: number[][] = Array.from({ length: rowCount }, () => []);
  program.graph.dependents.forEach((readers, row) => {
    for (const reader of readers) (reads[reader] as number[]).push(row);
  });
  const chunkOfCell = new Int32Array(rowCount * n).fill(-1);
  const chunks: Chunk[] = [];
  for (let start = 0; start < coneCells; start += size) {
    const end = Math.min(coneCells, start + size);
    const cells = new Int32Array(end - start);
    const needed = new Uint8Array(rowCount);
    const stack: number[] = [];
    for (let i = start; i < end; i++) {
      const row = cone[Math.floor(i / n)] as number;
      const cell = row * n + (i % n);
      cells[i - start] = cell;
      chunkOfCell[cell] = chunks.length;
      if (!needed[row]) { needed[row] = 1; stack.push(row); }
    }
    for (let row = stack.pop(); row !== undefined; row = stack.pop()) {
      for (const read of reads[row] as number[]) {
        if (inCone[read] && !needed[read]) { needed[read] = 1; stack.push(read); }
      }
    }
    chunks.push({ cells, rows: cone.filter((row) => needed[row]), targets: [] });
  }
  targets.forEach((target, i) => {
    const chunk = chunkOfCell[target.cell] as number;
    if (chunk >= 0) (chunks[chunk] as Chunk).targets.push(i);
  });
  return chunks;
}
