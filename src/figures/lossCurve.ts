import * as Plot from '@observablehq/plot';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { baselineLoss, curveRows, mainRuns } from './dynamicsData';
import type { DynamicsLabels } from './labels';
import { swatchLegend } from './legends';
import { variantColor } from './palette';
import type { FigureSpec } from './render';

/** Size of a loss-curve figure, in SVG pixels. */
export const defaults = { width: 440, height: 300 };

/** What the x axis counts: updates, samples seen or training time. */
export type LossAxis = 'update' | 'samples' | 'seconds';

/**
 * The loss on all points while the first seed's variants train, against updates, samples seen or
 * training time, on a logarithmic x axis (the variants differ by orders of magnitude along each).
 * The start, at zero, has no place on a log axis; it is the same untrained model for all three.
 * A dashed rule marks the loss of a model that always answers the signal fraction (the caption says so).
 */
export function lossCurve(artefact: DynamicsArtefact, axis: LossAxis, labels: DynamicsLabels): FigureSpec {
  const runs = mainRuns(artefact);
  const rows = runs.flatMap((run) => curveRows(run)).filter((row) => row[axis] > 0);
  const ids = runs.map((r) => r.variant!);
  const label = { update: labels.updates, samples: labels.samples, seconds: labels.seconds }[axis];
  return {
    plot: {
      width: defaults.width,
      height: defaults.height,
      marginLeft: 50,
      x: { type: 'log', label, labelAnchor: 'center' },
      y: { label: labels.loss, labelAnchor: 'center', zero: true, grid: true },
      color: { type: 'ordinal', domain: ids, range: ids.map(variantColor) },
      marks: [
        Plot.ruleY([baselineLoss(artefact)], { stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.7 }),
        Plot.line(rows, { x: axis, y: 'loss', z: 'variant', stroke: 'variant', strokeWidth: 1.5 }),
      ],
    },
    legend: (_plot, document) =>
      swatchLegend(
        ids.map((id) => ({ label: labels.variants[id] ?? id, color: variantColor(id) })),
        document,
      ),
  };
}
