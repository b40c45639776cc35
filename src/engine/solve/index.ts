export { brent, type BrentOptions, type BrentProblem, type BrentRoot } from './brent.ts';
export { seekValue, LINEAR, EXPONENTIAL, POWER, type SeekOptions, type SeekOutcome, type Space } from './seek.ts';
export { parameterDomain, currentParameter, type Domain } from './domain.ts';
export {
  goalSeek,
  goalSeekProgram,
  GOAL_SEEK_DEFAULTS,
  GOAL_SEEK_MAX_EVALUATIONS,
  type GoalSeekAnswer,
  type GoalSeekProblem,
  type GoalSeekRequest,
} from './goal-seek.ts';
