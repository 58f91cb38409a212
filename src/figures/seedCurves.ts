import * as Plot from '@observablehq/plot';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { baselineLoss, curveRows, seedRuns, variantIds } from './dynamicsData';
import type { DynamicsLabels } from './labels';
import { swatchLegend } from './legends';
import { variantColor } from './palette';
import type { FigureSpec } from './render';

/** Size of the figure, in SVG pixels. */
export const defaults = { width: 440, height: 260 };

/**
 * The loss on all points against samples seen for every seed, one thin line per seed, one panel
 * per variant, over the seed runs' epochs: how far runs that differ only in their initial weights
 * and shuffle end up apart.
 */
export function seedCurves(artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  const ids = variantIds(artefact);
  const maxSamples = artefact.config.seedEpochs * artefact.dataSize;
  const rows = ids.flatMap((id) => seedRuns(artefact, id).flatMap((run) => curveRows(run, maxSamples)));
  const name = (id: string) => labels.variants[id] ?? id;
  return {
    plot: {
      width: defaults.width,
      height: defaults.height,
      marginLeft: 50,
      marginTop: 24,
      x: { label: labels.samples, labelAnchor: 'center', ticks: 2, tickFormat: '~s' },
      y: { label: labels.loss, labelAnchor: 'center', zero: true, grid: true },
      fx: { domain: ids, tickFormat: name, label: null },
      color: { type: 'ordinal', domain: ids, range: ids.map(variantColor) },
      marks: [
        Plot.ruleY([baselineLoss(artefact)], { stroke: 'currentColor', strokeDasharray: '4,3', strokeOpacity: 0.7 }),
        Plot.line(rows, { x: 'samples', y: 'loss', z: 'seed', fx: 'variant', stroke: 'variant', strokeWidth: 1, strokeOpacity: 0.8 }),
        Plot.frame({ strokeOpacity: 0.3 }),
      ],
    },
    legend: (_plot, document) =>
      swatchLegend(
        ids.map((id) => ({ label: name(id), color: variantColor(id) })),
        document,
      ),
  };
}
