/**
 * The plan model. Its types are those of the plan file (src/format/schema.ts), so a plan in
 * memory, in IndexedDB and in a file is one shape: nothing to map, nothing to lose on the way.
 */
export type {
  Calendar,
  Group,
  Indicator,
  IndicatorKind,
  LocalizedText,
  PeriodKey,
  Periodicity,
  Plan,
  Projection,
  ProjectionMethod,
  Target,
  TargetDirection,
} from '../../format/schema.ts';
