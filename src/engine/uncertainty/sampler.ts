/**
 * The draws of a simulation, trial by trial: one number per ranged input, each input from its own
 * stream (keyed by seed, indicator and parameter). Trial i's draws depend on nothing but the seed
 * and the inputs, never on how many trials are run: a 1,000-trial preview draws exactly the first
 * 1,000 trials of a 10,000-trial run.
 */
import type { Range, RangeParameter } from '../model/plan.ts';
import { sampleRange } from './distributions.ts';
import { hashKey, RandomStream } from './random.ts';

export interface SampledInput {
  indicator: string;
  parameter: RangeParameter;
  range: Range;
}

export class TrialSampler {
  private readonly streams: RandomStream[];
  private readonly keys: number[];

  constructor(private readonly inputs: readonly SampledInput[], private readonly seed: number) {
    this.keys = inputs.map(({ indicator, parameter }) => hashKey(`${indicator}.${parameter}`));
    this.streams = this.keys.map((key) => new RandomStream(seed, key));
  }

  /** Back to trial 0. */
  reset(): void {
    for (let i = 0; i < this.streams.length; i++) (this.streams[i] as RandomStream).reseed(this.seed, this.keys[i] as number);
  }

  /** The next trial's draws into out[0 .. inputs.length). */
  draw(out: Float64Array): void {
    const inputs = this.inputs;
    for (let i = 0; i < inputs.length; i++) out[i] = sampleRange((inputs[i] as SampledInput).range, this.streams[i] as RandomStream);
  }
}
