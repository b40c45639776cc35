import { createEffect, on, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Indicator } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber } from '../../i18n/numbers.ts';
import { lang, t } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';

/** One line to draw besides the base: a scenario's projection. */
export interface ChartSeries { label: string; values: ArrayLike<number> }

/** A P10–P90 band from a simulation. */
export interface ChartBand { low: ArrayLike<number>; high: ArrayLike<number> }

export interface IndicatorChartProps {
  indicator: Indicator;
  result: PlanResult;
  scenarios?: ChartSeries[];
  band?: ChartBand | null;
}

const COLORS = ['#1d5fa8', '#8a5a00', '#6b3fa0', '#b3261e', '#2f7d5b'];

/**
 * The selected indicator over time: actuals (solid), the projection (dashed), each scenario,
 * targets as markers, and the P10–P90 band once a simulation has run. uPlot loads with this
 * component only, the first time a chart is shown.
 */
export function IndicatorChart(props: IndicatorChartProps) {
  let container!: HTMLDivElement;
  let chart: uPlot | null = null;

  const data = (): uPlot.AlignedData => {
    const result = props.result;
    const n = result.periodKeys.length;
    const row = result.ids.indexOf(props.indicator.id);
    const values = row >= 0 ? result.values.subarray(row * n, (row + 1) * n) : new Float64Array(n).fill(NaN);
    const actual = row >= 0 ? result.isActual.subarray(row * n, (row + 1) * n) : new Uint8Array(n);
    const x = Array.from({ length: n }, (_, i) => i);
    const clean = (v: number) => (Number.isFinite(v) ? v : null);
    const actuals = x.map((i) => (actual[i] ? clean(values[i] as number) : null));
    // The projection line starts at the latest actual so the two lines join.
    const latest = result.indicators[row]?.latest ?? -1;
    const projected = x.map((i) => (i >= latest && !actual[i] ? clean(values[i] as number) : i === latest ? clean(values[i] as number) : null));
    const targets = x.map(() => null as number | null);
    for (const target of props.indicator.targets) {
      const t = result.periodKeys.indexOf(target.period);
      if (t >= 0) targets[t] = target.value;
    }
    const series: (number | null)[][] = [actuals, projected, targets];
    for (const scenario of props.scenarios ?? []) series.push(x.map((i) => clean(scenario.values[i] as number)));
    if (props.band) {
      series.push(x.map((i) => clean(props.band!.low[i] as number)));
      series.push(x.map((i) => clean(props.band!.high[i] as number)));
    }
    return [x, ...series] as uPlot.AlignedData;
  };

  const options = (width: number): uPlot.Options => {
    const m = t();
    const keys = props.result.periodKeys;
    const decimals = props.indicator.decimals;
    const series: uPlot.Series[] = [
      {},
      { label: m.chartActual, stroke: '#0b6e4f', width: 2.5, points: { show: true, size: 7 } },
      { label: m.chartProjected, stroke: '#2f5d86', width: 2, dash: [6, 5], points: { show: true, size: 5 } },
      { label: m.chartTarget, stroke: '#c8102e', width: 0, paths: () => null, points: { show: true, size: 12, fill: '#fff', stroke: '#c8102e', width: 2.5 } },
    ];
    (props.scenarios ?? []).forEach((scenario, i) => series.push({ label: scenario.label, stroke: COLORS[i % COLORS.length] as string, width: 1.8 }));
    const bands: uPlot.Band[] = [];
    if (props.band) {
      const lowIndex = series.length;
      series.push({ label: 'P10', stroke: 'rgba(47, 93, 134, 0.35)', width: 1 });
      series.push({ label: 'P90', stroke: 'rgba(47, 93, 134, 0.35)', width: 1 });
      bands.push({ series: [lowIndex + 1, lowIndex], fill: 'rgba(47, 93, 134, 0.15)' });
    }
    return {
      width,
      height: 260,
      series,
      bands,
      scales: { x: { time: false } },
      axes: [
        { values: (_u, splits) => splits.map((s) => keys[Math.round(s)] ?? ''), incrs: [1, 2, 3, 4, 6, 12, 24] },
        { values: (_u, splits) => splits.map((s) => formatNumber(s, lang(), Math.min(decimals, 2))), size: 70 },
      ],
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
    };
  };

  const build = () => {
    chart?.destroy();
    chart = new uPlot(options(Math.max(container.clientWidth, 320)), data(), container);
  };

  onMount(() => {
    build();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(container.clientWidth, 320), height: 260 }));
    resize.observe(container);
    onCleanup(() => resize.disconnect());
  });

  // New values keep the chart; a new set of series or language rebuilds it.
  createEffect(on(() => [props.result, props.indicator, props.band], () => chart?.setData(data()), { defer: true }));
  createEffect(on(() => [lang(), props.scenarios?.length ?? 0, !!props.band, props.indicator.id], build, { defer: true }));

  onCleanup(() => {
    chart?.destroy();
    chart = null;
  });

  const summary = () => {
    const name = localized(props.indicator.name, lang());
    const unit = localized(props.indicator.unit, lang());
    return t().chartSummary(name, unit);
  };

  return <figure class="indicator-chart" role="img" aria-label={summary()} data-testid="indicator-chart"><div ref={container} /></figure>;
}

export default IndicatorChart;
