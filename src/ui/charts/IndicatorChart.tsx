import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Indicator } from '../../engine/model/plan.ts';
import type { PlanResult } from '../../engine/projection/result.ts';
import { formatNumber } from '../../i18n/numbers.ts';
import { lang } from '../i18n/index.ts';
import { localized } from '../grid/rows.ts';
import { projectedPart, type ChartLine } from './lines.ts';
import './chart.css';
import { tp } from '../i18n/panel-messages.ts';

/** A P10–P90 band from a simulation. */
export interface ChartBand { low: ArrayLike<number>; high: ArrayLike<number> }

export interface IndicatorChartProps {
  indicator: Indicator;
  /** The shown scenario's result: its actuals are drawn. */
  result: PlanResult;
  /** One projection line per scenario (see lines.ts); the shown one is emphasised. */
  lines: ChartLine[];
  band?: ChartBand | null;
}

const ACTUAL = '#0b6e4f';
const TARGET = '#c8102e';
const BAND = 'rgba(47, 93, 134, 0.35)';

/**
 * The selected indicator over time: actuals (solid), the projection of each scenario (each its
 * own colour and dash pattern, the shown one wider), targets as markers, and the P10–P90 band
 * once a simulation has run. The legend is text beside the canvas, so it is read and zoomed like
 * any text. uPlot loads with this component only, the first time a chart is shown.
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
    const targets = x.map(() => null as number | null);
    for (const target of props.indicator.targets) {
      const t = result.periodKeys.indexOf(target.period);
      if (t >= 0) targets[t] = target.value;
    }
    const series: (number | null)[][] = [actuals, ...props.lines.map(projectedPart), targets];
    if (props.band) {
      series.push(x.map((i) => clean(props.band!.low[i] as number)));
      series.push(x.map((i) => clean(props.band!.high[i] as number)));
    }
    return [x, ...series] as uPlot.AlignedData;
  };

  const options = (width: number): uPlot.Options => {
    const keys = props.result.periodKeys;
    const decimals = props.indicator.decimals;
    const series: uPlot.Series[] = [
      {},
      { label: tp().chartActual, stroke: ACTUAL, width: 2.5, points: { show: true, size: 7 } },
      ...props.lines.map((line): uPlot.Series => ({
        label: line.label,
        stroke: line.look.color,
        width: line.shown ? 3 : 1.6,
        dash: line.look.dash,
        points: { show: line.shown, size: 5 },
      })),
      { label: tp().chartTarget, stroke: TARGET, width: 0, paths: () => null, points: { show: true, size: 12, fill: '#fff', stroke: TARGET, width: 2.5 } },
    ];
    const bands: uPlot.Band[] = [];
    if (props.band) {
      const lowIndex = series.length;
      series.push({ label: 'P10', stroke: BAND, width: 1 });
      series.push({ label: 'P90', stroke: BAND, width: 1 });
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
      legend: { show: false },
      cursor: { show: true, drag: { x: false, y: false } },
    };
  };

  const build = () => {
    chart?.destroy();
    chart = new uPlot(options(Math.max(container.clientWidth, 320)), data(), container);
  };

  onMount(() => {
    builtShape = shape();
    build();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(container.clientWidth, 320), height: 260 }));
    resize.observe(container);
    onCleanup(() => resize.disconnect());
  });

  // New values keep the chart; a new set of series (or their names, or the language) rebuilds it.
  // One effect for both: as two, a signal set elsewhere in the same update could run the new
  // values into the old series before the rebuild (uPlot then reads a series that is not there).
  const shape = () => [lang(), props.indicator.id, !!props.band, ...props.lines.map((l) => `${l.scenario}:${l.label}:${l.shown}`)].join('|');
  let builtShape = '';
  createEffect(on(() => [shape(), props.result, props.indicator, props.band, props.lines] as const, ([next]) => {
    if (next !== builtShape) {
      builtShape = next;
      build();
    } else chart?.setData(data());
  }, { defer: true }));

  onCleanup(() => {
    chart?.destroy();
    chart = null;
  });

  // The numbers behind the lines, as a table for whoever cannot read them off the canvas; built
  // only once opened.
  const [tableOpen, setTableOpen] = createSignal(false);
  const tableColumns = () => {
    const columns = [tp().chartActual, ...props.lines.map((l) => l.label), tp().chartTarget];
    return props.band ? [...columns, 'P10', 'P90'] : columns;
  };

  const summary = () => {
    const name = localized(props.indicator.name, lang());
    const unit = localized(props.indicator.unit, lang());
    return tp().chartSummary(name, unit);
  };

  return (
    <figure class="indicator-chart" data-testid="indicator-chart">
      <div ref={container} role="img" aria-label={summary()} />
      <figcaption>
        <ul class="chart-legend" aria-label={tp().chartLegend} data-testid="chart-legend">
          <li><Sample color={ACTUAL} width={2.5} /> {tp().chartActual}</li>
          <For each={props.lines}>
            {(line) => (
              <li data-testid="chart-legend-line" data-shown={line.shown ? 'true' : 'false'}>
                <Sample color={line.look.color} width={line.shown ? 3 : 1.6} dash={line.look.dash} />
                {' '}
                <Show when={line.shown} fallback={line.label}><strong>{line.label}</strong></Show>
              </li>
            )}
          </For>
          <Show when={props.indicator.targets.length > 0}>
            <li><svg class="chart-sample" width="28" height="12" aria-hidden="true"><circle cx="14" cy="6" r="4.5" fill="#fff" stroke={TARGET} stroke-width="2" /></svg> {tp().chartTarget}</li>
          </Show>
          <Show when={props.band}>
            <li><svg class="chart-sample" width="28" height="12" aria-hidden="true"><rect x="1" y="1" width="26" height="10" fill="rgba(47, 93, 134, 0.15)" stroke={BAND} /></svg> {tp().chartBand}</li>
          </Show>
        </ul>
        <details class="chart-data" data-testid="chart-data" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
          <summary>{tp().chartData}</summary>
          <Show when={tableOpen()}>
            <ChartTable columns={tableColumns()} periods={props.result.periodKeys} data={data()} decimals={props.indicator.decimals} />
          </Show>
        </details>
      </figcaption>
    </figure>
  );
}

function ChartTable(props: { columns: string[]; periods: readonly string[]; data: uPlot.AlignedData; decimals: number }) {
  const cell = (column: number, row: number) => {
    const v = (props.data[column + 1] as (number | null)[] | undefined)?.[row];
    return v === null || v === undefined ? '' : formatNumber(v, lang(), props.decimals);
  };
  return (
    // Scrolls within the panel, so it takes focus: a keyboard can scroll it too.
    <div class="chart-table-wrap" tabIndex={0} role="region" aria-label={tp().chartData}>
      <table class="chart-table">
        <thead>
          <tr>
            <th scope="col">{tp().chartPeriod}</th>
            <For each={props.columns}>{(column) => <th scope="col">{column}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.periods}>
            {(period, row) => (
              <tr data-period={period}>
                <th scope="row">{period}</th>
                <For each={props.columns}>{(_, column) => <td>{cell(column(), row())}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** A short stretch of a line as the chart draws it, for the legend. */
function Sample(props: { color: string; width: number; dash?: number[] }) {
  return (
    <svg class="chart-sample" width="28" height="12" aria-hidden="true">
      <line x1="0" y1="6" x2="28" y2="6" stroke={props.color} stroke-width={props.width} stroke-dasharray={props.dash?.join(' ') ?? 'none'} />
    </svg>
  );
}

export default IndicatorChart;
