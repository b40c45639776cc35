/** Scenarios: inheritance and overrides, comparison of results, commands, and the merge of plans. */
export {
  applyOverrides,
  overriddenCells,
  overridesOf,
  resolveScenario,
  scenarioChain,
  type IndicatorOverrideOrigins,
  type OverrideOrigin,
  type ScenarioProblem,
} from './resolve.ts';
export { diffResults, type ResultDiff, type TargetComparison, type TargetSide } from './diff.ts';
export {
  applyScenarioCommand,
  scenarioCommands,
  type OverrideChange,
  type ScenarioApplied,
  type ScenarioCommand,
  type ScenarioCommandError,
} from './commands.ts';
export { chooseSide, mergePlans, type MergeConflict, type MergePath, type MergeResult } from './merge.ts';
