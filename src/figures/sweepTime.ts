import * as Plot from '@observablehq/plot';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { sweepRuns } from './dynamicsData';
import type { DynamicsLabels } from './labels';
import { swatchLegend } from './legends';
import type { FigureSpec } from './render';

/** Size of a sweep figure, in SVG pixels, and the colours of its two series. */
export const defaults = { width: 440, height: 300, colors: ['currentColor', '#009E73'] };

/** Every other power of four among the batch sizes, and the largest: labels that never collide. */
function sweepTicks(sizes: number[]): number[] {
  const largest = Math.max(...sizes);
  return sizes.filter((b) => (Math.log2(b) % 2 === 0 && b * 2 < largest) || b === largest);
}

/** A two-series line chart over the sweep's batch sizes (log x), shared by the sweep figures. */
export function sweepChart(
  artefact: DynamicsArtefact,
  series: { label: string; value: (run: ReturnType<typeof sweepRuns>[number]) => number }[],
  y: Plot.ScaleOptions,
  labels: DynamicsLabels,
): FigureSpec {
  const runs = sweepRuns(artefact);
  const rows = series.flatMap((s) => runs.map((run) => ({ series: s.label, batchSize: run.batchSize, value: s.value(run) })));
  const domain = series.map((s) => s.label);
  return {
    plot: {
      width: defaults.width,
      height: defaults.height,
      marginLeft: 56,
      x: {
        type: 'log',
        label: labels.batchSize,
        labelAnchor: 'center',
        ticks: sweepTicks(runs.map((r) => r.batchSize)),
        tickFormat: (d: number) => String(d),
      },
      y: { labelAnchor: 'center', grid: true, ...y },
      color: { type: 'ordinal', domain, range: defaults.colors },
      symbol: { type: 'ordinal', domain, range: ['circle', 'square'] },
      marks: [
        Plot.line(rows, { x: 'batchSize', y: 'value', z: 'series', stroke: 'series', strokeWidth: 1.5 }),
        Plot.dot(rows, { x: 'batchSize', y: 'value', stroke: 'series', symbol: 'series', fill: 'series', r: 3 }),
      ],
    },
    legend: (_plot, document) =>
      swatchLegend(
        domain.map((label, i) => ({ label, color: defaults.colors[i]! })),
        document,
      ),
  };
}

/** Time per update and per epoch against batch size, both axes logarithmic (timed runs only). */
export function sweepTime(artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  return sweepChart(
    artefact,
    [
      { label: labels.msPerUpdate, value: (r) => r.msPerUpdate },
      { label: labels.msPerEpoch, value: (r) => r.msPerEpoch },
    ],
    { type: 'log', label: 'ms' },
    labels,
  );
}
