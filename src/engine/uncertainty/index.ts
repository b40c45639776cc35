export { RandomStream, hashKey } from './random.ts';
export {
  normalQuantile,
  triangularQuantile,
  sampleGamma,
  samplePert,
  pertShape,
  sampleRange,
  rangeEnds,
  rangeCentre,
  NORMAL_P90,
  PERT_LAMBDA,
} from './distributions.ts';
export { select, percentilesOf } from './select.ts';
export { TrialSampler, type SampledInput } from './sampler.ts';
export { rangedInputs, type RangedInput, type RangeProblem } from './ranges.ts';
export {
  createSimulation,
  simulate,
  SIMULATION_DEFAULTS,
  SIMULATION_LIMITS,
  type Simulation,
  type SimulationOptions,
  type SimulationProblem,
  type SimulationResult,
  type SimulationTarget,
} from './simulation.ts';
export {
  sensitivity,
  sensitivityProgram,
  type SensitivityEffect,
  type SensitivityInput,
  type SensitivityProblem,
  type SensitivityResult,
  type SensitivityTarget,
} from './sensitivity.ts';
