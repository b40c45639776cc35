/**
 * Monte Carlo: 10,000 trials of the 100 × 60 plan (every growth rate uncertain), with P10/P50/P90
 * and the mean of every cell and the probability of every target, by Chitieu (`simulate`) and by
 * a hand-written reference loop doing the same job.
 *
 * The reference draws the same numbers (the engine's own seeded streams and sampler, one stream
 * per input keyed by its name, as `simulate` does), so both compute the same trials; the
 * comparison is about evaluating, storing and summarising them. Per trial it runs the floor over
 * the whole model; blocks of 64 trials are written out per cell as 32-bit deviations from trial 0
 * (as the engine stores them, which keeps the numbers identical and the memory comparable; it
 * holds all cells at once, with no memory budget, where the engine keeps within 64 MiB by
 * default and may rerun trials per chunk). Then, per cell, Floyd–Rivest selection for each
 * percentile, interpolated between order statistics as the engine defines them, and the mean.
 */
import type { Plan, Range } from '../src/engine/model/plan.ts';
import { runProgram } from '../src/engine/projection/program.ts';
import { createSimulation, hashKey, RandomStream, sampleRange, simulate, type SimulationResult } from '../src/engine/uncertainty/index.ts';
import { buildFloor, runFloor } from './floor.ts';
import { toPlan, type BenchModel } from './model.ts';
import { compileOrThrow } from './recompute.ts';
import { ms, times, type Line } from './report.ts';
import { timeInTurns, type Timing } from './timing.ts';

export const TRIALS = 10_000;
export const PREVIEW_TRIALS = 1_000;
export const SEED = 20240917;
const PERCENTILES = [0.1, 0.5, 0.9] as const;
/** The engine's slack on a target: a value within 1e-9 relative of it counts as reaching it. */
const TARGET_SLACK = 1e-9;
/** Trials the reference keeps before writing them out per cell. */
const BLOCK = 64;
/**
 * A memory budget that holds every cell's trials at once (6,000 cells × 10,000 × 4 bytes is 240 MB):
 * the engine then runs the trials once instead of once per chunk. Shown to tell the chunking's
 * cost from the rest; the default budget (64 MiB, what a browser worker can afford) is the figure.
 */
const ONE_PASS_BUDGET = 512 * 2 ** 20;

/**
 * The simulation plan: ranges on every growth rate, and a target at the last month on every
 * formula row nothing reads, set at the plan's own projection so its probability is far from 0 and 1.
 */
export function simulationPlan(model: BenchModel): Plan {
  const plan = toPlan(model, { ranges: true, targets: true });
  const program = compileOrThrow(plan);
  runProgram(program);
  const n = program.periods.count;
  return {
    ...plan,
    indicators: plan.indicators.map((indicator, row) => ({
      ...indicator,
      targets: indicator.targets.map((target) => ({ ...target, value: Number((program.values[row * n + n - 1] as number).toPrecision(6)) })),
    })),
  };
}

export interface ReferenceResult {
  /** PERCENTILES.length × rows × periods, as SimulationResult.values. */
  values: Float64Array;
  mean: Float64Array;
  probabilities: number[];
  /** Time spent running the trials and storing them, and summarising them. */
  trialsMs: number;
  summaryMs: number;
}

/** The hand-written reference: every cell of every row varies in this plan (all inputs are ranged). */
export function referenceSimulation(model: BenchModel, plan: Plan, trials: number, seed: number): ReferenceResult {
  const started = process.hrtime.bigint();
  const floor = buildFloor(model);
  const n = model.spec.periods;
  const cells = model.rows.length * n;
  const inputs: { row: number; range: Range; stream: RandomStream }[] = [];
  plan.indicators.forEach((indicator, row) => {
    if (indicator.range) inputs.push({ row, range: indicator.range, stream: new RandomStream(seed, hashKey(`${indicator.id}.${indicator.range.of}`)) });
  });
  const targets: { cell: number; value: number }[] = [];
  plan.indicators.forEach((indicator, row) => {
    for (const target of indicator.targets) targets.push({ cell: row * n + n - 1, value: target.value });
  });
  const hits = new Int32Array(targets.length);
  const store = new Float32Array(cells * trials);
  const base = new Float64Array(cells);
  const x = floor.values;
  // Trials are kept a block at a time, then written cell by cell: contiguous writes instead of
  // one scattered write per cell per trial.
  const block = new Float64Array(BLOCK * cells);
  for (let first = 0; first < trials; first += BLOCK) {
    const count = Math.min(BLOCK, trials - first);
    for (let j = 0; j < count; j++) {
      for (const input of inputs) floor.rates[input.row] = sampleRange(input.range, input.stream);
      runFloor(floor);
      if (first + j === 0) base.set(x);
      block.set(x, j * cells);
      for (let i = 0; i < targets.length; i++) {
        const target = targets[i] as { cell: number; value: number };
        if ((x[target.cell] as number) >= target.value - Math.abs(target.value) * TARGET_SLACK) hits[i] = (hits[i] as number) + 1;
      }
    }
    for (let c = 0; c < cells; c++) {
      const at = c * trials + first;
      const b = base[c] as number;
      for (let j = 0; j < count; j++) store[at + j] = (block[j * cells + c] as number) - b;
    }
  }
  const trialsDone = process.hrtime.bigint();

  const values = new Float64Array(PERCENTILES.length * cells);
  const mean = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    const from = c * trials;
    const last = from + trials - 1;
    let sum = 0;
    for (let i = from; i <= last; i++) sum += store[i] as number;
    mean[c] = (base[c] as number) + sum / trials;
    let left = from;
    PERCENTILES.forEach((p, index) => {
      const h = (trials - 1) * p;
      const below = Math.floor(h);
      const k = from + below;
      quickselect(store, k, left, last);
      let value = store[k] as number;
      const fraction = h - below;
      if (fraction > 0 && k < last) value += fraction * (minimum(store, k + 1, last) - value);
      values[index * cells + c] = (base[c] as number) + value;
      left = k + 1;
    });
  }
  const finished = process.hrtime.bigint();
  return {
    values,
    mean,
    probabilities: Array.from(hits, (h) => h / trials),
    trialsMs: Number(trialsDone - started) / 1e6,
    summaryMs: Number(finished - trialsDone) / 1e6,
  };
}

/**
 * Floyd & Rivest's SELECT (CACM 18(3), 1975), written from the paper: afterwards a[k] is the
 * (k − left)-th smallest of a[left..right], nothing larger before it, nothing smaller after. On a
 * large range it first selects within a small sample whose order statistics bracket k, so the
 * partition lands close to k: about n + min(k − left, right − k) comparisons.
 */
function quickselect(a: Float32Array, k: number, left: number, right: number): void {
  let l = left;
  let r = right;
  while (r > l) {
    if (r - l > 600) {
      const n = r - l + 1;
      const i = k - l + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * Math.sign(i - n / 2);
      quickselect(a, k, Math.max(l, Math.floor(k - (i * s) / n + sd)), Math.min(r, Math.floor(k + ((n - i) * s) / n + sd)));
    }
    const t = a[k] as number;
    let i = l;
    let j = r;
    swap(a, l, k);
    if ((a[r] as number) > t) swap(a, r, l);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[l] === t) swap(a, l, j);
    else {
      j++;
      swap(a, j, r);
    }
    if (j <= k) l = j + 1;
    if (k <= j) r = j - 1;
  }
}

function swap(a: Float32Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/** The smallest of a[from..to]: the next order statistic once a select has put k before from. */
function minimum(a: Float32Array, from: number, to: number): number {
  let m = a[from] as number;
  for (let i = from + 1; i <= to; i++) if ((a[i] as number) < m) m = a[i] as number;
  return m;
}

/** Chitieu and the reference must agree before their times are compared. */
function checkSame(chitieu: SimulationResult, reference: ReferenceResult): number {
  let worst = 0;
  const compare = (a: Float64Array, b: Float64Array, what: string): void => {
    if (a.length !== b.length) throw new Error(`Monte Carlo ${what}: ${a.length} values against ${b.length}`);
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number;
      const d = Math.abs(x - (b[i] as number)) / Math.max(Math.abs(x), 1e-300);
      if (!(d <= 1e-9)) throw new Error(`Monte Carlo ${what} differ at ${i}: Chitieu ${x}, reference ${b[i]}`);
      worst = Math.max(worst, d);
    }
  };
  compare(chitieu.values, reference.values, 'percentiles');
  compare(chitieu.mean, reference.mean, 'means');
  chitieu.targets.forEach((target, i) => {
    if (target.probability !== reference.probabilities[i]) throw new Error(`Monte Carlo target ${target.indicator}: Chitieu ${target.probability}, reference ${reference.probabilities[i]}`);
  });
  return worst;
}

export interface MonteCarloFigures {
  trials: number;
  seed: number;
  rows: number;
  periods: number;
  rangedInputs: number;
  targets: number;
  chitieu: Timing;
  chitieuPreview: Timing;
  /** The same run with a memory budget that holds every cell (one pass over the trials). */
  chitieuOnePass: Timing;
  /** Passes over the trials with the default budget, and with the large one. */
  passes: { defaultBudget: number; onePassBudget: number };
  reference: Timing;
  /** Medians of the reference's two phases. */
  referenceTrialsMs: number;
  referenceSummaryMs: number;
  /** Largest relative difference between Chitieu's and the reference's percentiles and means. */
  agreement: number;
  ratios: Record<string, number>;
}

export function measureMonteCarlo(model: BenchModel): { figures: MonteCarloFigures; lines: Line[] } {
  const plan = simulationPlan(model);
  const run = (trials: number, memoryBudgetBytes?: number): SimulationResult => {
    const result = simulate(plan, { trials, seed: SEED, ...(memoryBudgetBytes ? { memoryBudgetBytes } : {}) });
    if (!result.ok) throw new Error(`simulate failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const passes = (memoryBudgetBytes?: number): number => {
    const simulation = createSimulation(plan, { trials: TRIALS, seed: SEED, ...(memoryBudgetBytes ? { memoryBudgetBytes } : {}) });
    if (!simulation.ok) throw new Error(`createSimulation failed: ${JSON.stringify(simulation.error)}`);
    return simulation.value.passes;
  };
  const defaultPasses = passes();
  const agreement = checkSame(run(TRIALS), referenceSimulation(model, plan, TRIALS, SEED));
  const trialsMs: number[] = [];
  const summaryMs: number[] = [];
  const timings = timeInTurns({
    chitieu: () => { run(TRIALS); },
    reference: () => {
      const r = referenceSimulation(model, plan, TRIALS, SEED);
      trialsMs.push(r.trialsMs);
      summaryMs.push(r.summaryMs);
    },
    chitieuPreview: () => { run(PREVIEW_TRIALS); },
    chitieuOnePass: () => { run(TRIALS, ONE_PASS_BUDGET); },
  }, { warmup: 1, samples: 7 });
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
  const ratio = timings.chitieu.medianMs / timings.reference.medianMs;
  const ranged = plan.indicators.filter((i) => i.range).length;
  const targets = plan.indicators.reduce((s, i) => s + i.targets.length, 0);
  const referenceTrialsMs = median(trialsMs.slice(-7));
  const referenceSummaryMs = median(summaryMs.slice(-7));
  return {
    figures: {
      trials: TRIALS, seed: SEED, rows: model.rows.length, periods: model.spec.periods, rangedInputs: ranged, targets,
      chitieu: timings.chitieu, chitieuPreview: timings.chitieuPreview, chitieuOnePass: timings.chitieuOnePass,
      passes: { defaultBudget: defaultPasses, onePassBudget: passes(ONE_PASS_BUDGET) },
      reference: timings.reference,
      referenceTrialsMs, referenceSummaryMs, agreement,
      ratios: { chitieuOverReference: ratio, chitieuOnePassOverReference: timings.chitieuOnePass.medianMs / timings.reference.medianMs },
    },
    lines: [
      {
        id: 'monteCarlo',
        work: `Monte Carlo ${TRIALS.toLocaleString('en-US')} trials of ${model.rows.length} × ${model.spec.periods}, P10/P50/P90 + mean of every cell, ${targets} target probabilities`,
        chitieu: `${ms(timings.chitieu.medianMs)} (${defaultPasses} passes; in one pass ${ms(timings.chitieuOnePass.medianMs)})`,
        comparator: `reference loop ${ms(timings.reference.medianMs)} (${ms(referenceTrialsMs)} trials + ${ms(referenceSummaryMs)} quickselect)`,
        ratio: `${times(ratio)} the reference`, target: '≤ 1.5× the reference loop', status: ratio <= 1.5 ? 'PASS' : 'MISS',
      },
      {
        id: 'monteCarlo.preview', work: `Monte Carlo preview: the first ${PREVIEW_TRIALS.toLocaleString('en-US')} trials`,
        chitieu: ms(timings.chitieuPreview.medianMs), comparator: '—', ratio: '—', target: '— (no target)', status: 'info',
      },
    ],
  };
}
