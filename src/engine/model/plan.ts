/**
 * The plan model. Its types are those of the plan file (src/format/schema.ts), so a plan in
 * memory, in IndexedDB and in a file is one shape: nothing to map, nothing to lose on the way.
 */
export type {
  Calendar,
  Group,
  Indicator,
  IndicatorKind,
  IndicatorOverride,
  LocalizedText,
  PeriodKey,
  Periodicity,
  Plan,
  Projection,
  ProjectionMethod,
  Range,
  RangeParameter,
  Scenario,
  Target,
  TargetDirection,
} from '../../format/schema.ts';
