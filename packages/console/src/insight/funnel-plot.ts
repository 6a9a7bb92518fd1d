/**
 * The funnel drawn by uPlot: its own chunk, loaded only when an Analytics screen opens, so the console's
 * main bundle stays small. uPlot (MIT, maintained, ~20 KB gzip, canvas) was chosen over Chart.js (about
 * three times larger) and Chartist (SVG, but its plugins for accessibility and legends are unmaintained):
 * the chart is decoration over the table beside it, which is the text alternative.
 */
import uPlot from 'uplot';

export interface FunnelLine {
  label: string;
  /** Share of the segment's started journeys that completed each step, in the flow's order. */
  rates: readonly number[];
}

/** Draws one line per segment over the flow's steps into `target`; answers the teardown. */
export function drawFunnel(
  target: HTMLElement,
  steps: readonly string[],
  lines: readonly FunnelLine[],
  width: number,
): () => void {
  // Colours from the console's own theme, read at draw time: light or dark as the page is now.
  const css = getComputedStyle(document.documentElement);
  const color = (name: string) => css.getPropertyValue(name).trim();
  const palette = [color('--accent'), color('--danger'), color('--ok-fg'), color('--muted'), color('--fg')];
  const axis = {
    stroke: color('--fg'),
    grid: { stroke: color('--line') },
    ticks: { stroke: color('--line') },
  };
  const xs = steps.map((_, i) => i);
  const plot = new uPlot(
    {
      width,
      height: 260,
      cursor: { show: false },
      legend: { show: lines.length > 1, live: false },
      scales: {
        x: { time: false, range: [-0.3, Math.max(steps.length - 0.7, 0.3)] },
        y: { range: [0, 100] },
      },
      axes: [
        { ...axis, splits: () => xs, values: (_u, splits) => splits.map((i) => steps[i] ?? '') },
        { ...axis, values: (_u, splits) => splits.map((v) => `${v} %`) },
      ],
      series: [
        {},
        ...lines.map((line, i) => ({
          label: line.label,
          stroke: palette[i % palette.length],
          width: 2,
          points: { show: true, size: 8 },
        })),
      ],
    },
    [xs, ...lines.map((line) => line.rates.map((r) => r * 100))],
    target,
  );
  return () => plot.destroy();
}
