/**
 * A trainee's progression as a uPlot line chart: one line per competency, one point per attempt. uPlot draws
 * on a canvas, so it is fast on long series and small; it and this module load on their own only when a
 * trainee's page shows a chart. The table beside the chart carries the same numbers for anyone who cannot see it.
 * The UI layer imports no package: the composition root (main.ts) loads uPlot and hands its constructor in.
 */
import type { ProgressionSeries } from './results-screen.ts';

/** What this chart uses of uPlot: `new uPlot(options, data, target)`, `setSize` and `destroy`. */
export type ChartLibrary = new (options: ChartOptions, data: (readonly (number | null)[])[], target: HTMLElement) => { setSize(size: { width: number; height: number }): void; destroy(): void };

/** The part of uPlot's options this chart sets. */
export interface ChartOptions {
  readonly width: number;
  readonly height: number;
  readonly [option: string]: unknown;
}

/** Okabe–Ito colours, told apart with every kind of colour vision; each line also has its own dash. */
const LINES: readonly { readonly stroke: string; readonly dash: number[] }[] = [
  { stroke: '#e69f00', dash: [] },
  { stroke: '#56b4e9', dash: [10, 5] },
  { stroke: '#009e73', dash: [2, 4] },
  { stroke: '#f0e442', dash: [12, 4, 2, 4] },
  { stroke: '#cc79a7', dash: [6, 6] },
];

const AXIS = { stroke: '#a9b5cc', grid: { stroke: 'rgba(169, 181, 204, 0.15)', width: 1 }, ticks: { stroke: 'rgba(169, 181, 204, 0.3)', width: 1 } };

const HEIGHT = 280;

export function drawProgressChart(Chart: ChartLibrary, container: HTMLElement, data: ProgressionSeries): () => void {
  const width = () => Math.max(280, Math.floor(container.clientWidth || 640));
  const options: ChartOptions = {
    width: width(),
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [
      { ...AXIS },
      { ...AXIS, values: (_chart: unknown, ticks: readonly number[]) => ticks.map((tick) => `${tick}%`), size: 50 },
    ],
    // The legend names the lines and shows each one's dash; the numbers are in the table.
    legend: { live: false },
    cursor: { drag: { x: true, y: false } },
    series: [
      { label: 'Finished' },
      ...data.series.map((series, index) => ({
        label: series.label,
        stroke: LINES[index % LINES.length]!.stroke,
        dash: LINES[index % LINES.length]!.dash,
        width: 2,
        spanGaps: true,
        points: { show: true, size: 5 },
        value: (_chart: unknown, value: number | null) => (value === null ? '–' : `${Math.round(value)}%`),
      })),
    ],
  };
  const chart = new Chart(options, [data.x, ...data.series.map((series) => series.values)], container);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT })) : null;
  observer?.observe(container);
  return () => {
    observer?.disconnect();
    chart.destroy();
  };
}
