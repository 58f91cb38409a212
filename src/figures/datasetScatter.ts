import type { LessonArtefact } from '../artefacts/schema';
import type { FigureLabels } from './labels';
import { stackLegends, swatchLegend } from './legends';
import { datasetPoints, pointsMarks, pointSwatches, squareAxes } from './points';
import type { FigureSpec } from './render';

/** Size of the data set figure, in SVG pixels. */
export const defaults = { width: 440, r: 2.5 };

/** The data set: signal and background points over the square they were drawn from. */
export function datasetScatter(artefact: LessonArtefact, labels: FigureLabels): FigureSpec {
  return {
    plot: {
      width: defaults.width,
      aspectRatio: 1,
      ...squareAxes(artefact.config.extent, labels),
      marks: [...pointsMarks(datasetPoints(artefact.dataset), { r: defaults.r })],
    },
    legend: (_plot, document) => stackLegends([swatchLegend(pointSwatches(labels), document)], document),
  };
}
