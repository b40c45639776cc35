/**
 * The projection as JSON, in a shape documented in docs/cli.md and kept stable: `format` and
 * `version` say what it is, blanks are `null`, numbers are machine numbers and fractions (1 is
 * 100 %), directions and statuses are codes. Only names, units and problem messages follow
 * `--lang`.
 */
import type { TargetAssessment } from '../../engine/projection/targets.ts';
import type { ProjectionView } from './projection-view.ts';

export const PROJECTION_JSON_FORMAT = 'chitieu-projection';
export const PROJECTION_JSON_VERSION = 1;

/** JSON has no NaN: a blank is null, and -0 is 0. */
const num = (value: number): number | null => (Number.isFinite(value) ? (value === 0 ? 0 : value) : null);

function targetJson(view: ProjectionView, target: TargetAssessment) {
  return {
    period: view.periodKeys[target.period] ?? null,
    direction: target.direction,
    value: num(target.value),
    projected: num(target.projected),
    gap: num(target.gap),
    attainment: num(target.attainment),
    growthNeeded: num(target.growthNeeded),
    firstReached: target.firstReached >= 0 ? (view.periodKeys[target.firstReached] ?? null) : null,
    status: target.status,
  };
}

export function projectionJson(view: ProjectionView): string {
  const document = {
    format: PROJECTION_JSON_FORMAT,
    version: PROJECTION_JSON_VERSION,
    plan: { id: view.plan.id, name: view.plan.name, revision: view.plan.revision },
    scenario: view.scenario,
    calendar: { ...view.plan.calendar },
    periods: [...view.periodKeys],
    indicators: view.indicators.map((i) => ({
      id: i.indicator.id,
      name: i.name,
      unit: i.unit,
      group: i.indicator.group ?? null,
      kind: i.indicator.kind,
      decimals: i.indicator.decimals,
      method: i.indicator.projection.method,
      latestActual: i.latest >= 0 ? (view.periodKeys[i.latest] ?? null) : null,
      values: Array.from(i.values, num),
      actual: Array.from(i.isActual, (flag) => flag === 1),
      targets: i.targets.map((target) => targetJson(view, target)),
      problems: i.problems.map((p) => ({
        code: p.code,
        period: p.period >= 0 ? (view.periodKeys[p.period] ?? null) : null,
        path: p.path,
        message: p.message,
      })),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
