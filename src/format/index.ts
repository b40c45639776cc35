/**
 * The plan file: what a plan is (schema), how it is read (parse), written (serialize), upgraded
 * (migrations) and explained (messages). Pure: no DOM, no Node, usable from the worker, the CLI,
 * storage and tests. See docs/file-format.md.
 */
export {
  FILE_FORMAT,
  FILE_VERSION,
  HashSchema,
  LIMITS,
  RESERVED_NAMES,
  CalendarSchema,
  GroupSchema,
  IdentifierSchema,
  IndicatorKindSchema,
  IndicatorOverrideSchema,
  IndicatorSchema,
  LocalizedTextSchema,
  PeriodKeySchema,
  PlanFileSchema,
  PlanSchema,
  ProjectionSchema,
  RangeParameterSchema,
  RangeSchema,
  ScenarioSchema,
  TargetDirectionSchema,
  TargetSchema,
} from './schema.ts';
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
  PlanFile,
  Projection,
  ProjectionMethod,
  Range,
  RangeParameter,
  Scenario,
  Target,
  TargetDirection,
} from './schema.ts';
export { parsePlan, parsePlanFile, type ParsedPlanFile } from './parse.ts';
export { hashPlan, serializePlan, serializePlanFile, toPlanFile, type ExportMeta } from './serialize.ts';
export { compareLineages, extendLineage, joinLineages, revisionHash, type IncomingLineage, type Lineage, type LineageRelation, type LocalLineage } from './lineage.ts';
export { describeIssue, type Lang } from './messages.ts';
export { FILE_ISSUE_CODES, MAX_ISSUES, type FileIssue, type FileIssueCode } from './issues.ts';
export { MIGRATIONS, migratePlan, type MigrationStep } from './migrations.ts';
export type { Json, JsonObject } from './clean.ts';
