import * as Plot from '@observablehq/plot';
import type { LessonArtefact, VariantResult } from '../artefacts/schema';
import type { FigureLabels } from './labels';
import { FONT_SIZE, stackLegends, swatchLegend } from './legends';
import { OUTPUT_LEVELS, OUTPUT_SCHEME } from './palette';
import { datasetPoints, pointsMarks, pointSwatches, squareAxes } from './points';
import type { FigureSpec } from './render';

/** Size of a prediction figure, in SVG pixels, and of its points. */
export const defaults = { width: 440, r: 2.2, legendWidth: 300 };

/**
 * One variant's prediction: filled contours of the model output over the grid at ten levels,
 * a threshold colour legend (plain SVG, unlike a continuous ramp that needs a canvas) and the
 * data points on top.
 */
export function predictionContour(artefact: LessonArtefact, variant: VariantResult, labels: FigureLabels): FigureSpec {
  const grid = variant.predictionGrid;
  const nx = grid.x1.length;
  const ny = grid.x2.length;
  // Plot samples a grid at cell centres; the grid's first and last points sit on the edges of the
  // extent, so widen the extent by half a cell on each side to draw each value where it belongs.
  const hx = (grid.x1[nx - 1]! - grid.x1[0]!) / (nx - 1) / 2;
  const hy = (grid.x2[ny - 1]! - grid.x2[0]!) / (ny - 1) / 2;
  return {
    plot: {
      width: defaults.width,
      aspectRatio: 1,
      ...squareAxes(artefact.config.extent, labels),
      color: { type: 'threshold', domain: OUTPUT_LEVELS.slice(1), scheme: OUTPUT_SCHEME, label: labels.output },
      marks: [
        // The grid's memory order (x1 fastest, x2 ascending) is the order Plot reads a grid in.
        Plot.contour(grid.values, {
          width: nx,
          height: ny,
          x1: grid.x1[0]! - hx,
          x2: grid.x1[nx - 1]! + hx,
          y1: grid.x2[0]! - hy,
          y2: grid.x2[ny - 1]! + hy,
          value: Plot.identity,
          fill: 'value',
          thresholds: OUTPUT_LEVELS,
        }),
        ...pointsMarks(datasetPoints(artefact.dataset), { r: defaults.r }),
        Plot.frame(),
      ],
    },
    legend: (plot, document) =>
      stackLegends(
        [
          swatchLegend(pointSwatches(labels), document),
          withFontSize(plot.legend('color', { label: labels.output, width: defaults.legendWidth, tickFormat: '.1f' }) as Element),
        ],
        document,
      ),
  };
}

/** Plot's colour legend, with the figures' text size instead of its own 10 pixels. */
function withFontSize(legend: Element): Element {
  legend.setAttribute('font-size', String(FONT_SIZE));
  return legend;
}
