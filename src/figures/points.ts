import * as Plot from '@observablehq/plot';
import type { Dataset } from '../artefacts/schema';
import type { FigureLabels } from './labels';
import { BACKGROUND_COLOR, SIGNAL_COLOR } from './palette';

/** One data point as a figure draws it. */
export interface Point {
  x1: number;
  x2: number;
  signal: boolean;
}

/** The data set's points. */
export function datasetPoints(dataset: Dataset): Point[] {
  return dataset.x1.map((x1, i) => ({ x1, x2: dataset.x2[i]!, signal: dataset.label[i] === 1 }));
}

/**
 * Dots for the data: background first so that the rarer signal points are drawn on top. Colours
 * are constants, not a channel, so they stay clear of a colour scale used by other marks.
 */
export function pointsMarks(points: Point[], { r = 2.5 } = {}): Plot.Markish[] {
  const style = { x: 'x1', y: 'x2', r, stroke: 'white', strokeWidth: 0.6 };
  return [
    Plot.dot(
      points.filter((p) => !p.signal),
      { ...style, fill: BACKGROUND_COLOR },
    ),
    Plot.dot(
      points.filter((p) => p.signal),
      { ...style, fill: SIGNAL_COLOR },
    ),
  ];
}

/** The legend entries for the points. */
export function pointSwatches(labels: FigureLabels) {
  return [
    { label: labels.signal, color: SIGNAL_COLOR },
    { label: labels.background, color: BACKGROUND_COLOR },
  ];
}

/** The x1 and x2 axes over the square the data were drawn from, as every map of the plane uses them. */
export function squareAxes([low, high]: readonly [number, number], labels: FigureLabels) {
  return {
    x: { domain: [low, high], label: labels.x1, labelAnchor: 'center' as const },
    y: { domain: [low, high], label: labels.x2, labelAnchor: 'center' as const },
  };
}
