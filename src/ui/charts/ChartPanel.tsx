import { createMemo, Show } from 'solid-js';
import type { PlanSession } from '../../app/session.ts';
import type { Indicator, Plan } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { lang, t } from '../i18n/index.ts';
import { IndicatorChart, type ChartBand } from './IndicatorChart.tsx';
import { chartLines, otherScenarios } from './lines.ts';
import { createScenarioLines, type ProjectScenarios } from './scenario-lines.ts';
import { TornadoChart } from './TornadoChart.tsx';

export interface ChartPanelProps {
  session: PlanSession;
  /** The stored plan: its base and every scenario. */
  plan: Plan;
  /** The plan as the shown scenario sees it. */
  view: Plan;
  indicator: Indicator;
  result: PlanResult;
  band: ChartBand | null;
  /** Asks the worker for the indicator's values under other scenarios. */
  project: ProjectScenarios;
}

/** The selected indicator's chart (every scenario's projection) and, with targets, its tornado. */
export function ChartPanel(props: ChartPanelProps) {
  const request = createMemo(() => {
    const scenarios = otherScenarios(props.plan, props.session.scenario());
    return scenarios.length > 0 ? { plan: props.plan, indicator: props.indicator.id, scenarios } : null;
  });
  // eslint-disable-next-line solid/reactivity -- the function is the worker's door, fixed for the panel's life
  const fetched = createScenarioLines(request, props.project);
  const lines = () => chartLines({
    plan: props.plan,
    shown: props.session.scenario(),
    indicator: props.indicator.id,
    result: props.result,
    fetched: fetched(),
    lang: lang(),
    messages: t(),
  });
  return (
    <div class="chart-row">
      <IndicatorChart indicator={props.indicator} result={props.result} lines={lines()} band={props.band} />
      <Show when={props.indicator.targets.length > 0}>
        <TornadoChart session={props.session} plan={props.view} indicator={props.indicator} />
      </Show>
    </div>
  );
}

export default ChartPanel;
