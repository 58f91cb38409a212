import * as Plot from '@observablehq/plot';
import { FONT_SIZE, stackLegends } from './legends';
import { OUTPUT_LEVELS, OUTPUT_SCHEME } from './palette';
import type { FigureSpec } from './render';

/** One small panel: the model output on the grid, placed at a row and column, with a label. */
export interface Panel {
  row: number;
  column: number;
  label: string;
  values: number[];
}

/** Size of one panel and of the gaps, in the figure's own units (one panel is one unit wide). */
export const defaults = { panelPixels: 78, gap: 0.12, labelHeight: 0.25 };

/**
 * Small multiples of the model output, drawn in one plot: each panel is a contour of a grid of
 * `size` × `size` values placed in its own unit square, all on the same ten grey levels as the
 * lesson's prediction figures, with its label above it and each row's name on a line of its own
 * above the row (a column of names on the left would leave too little width on a phone). Plot's
 * facets need data for every mark, which a gridded contour has not, hence the hand-made layout.
 */
export function gridPanels(panels: Panel[], rowNames: string[], size: number, outputLabel: string): FigureSpec {
  const columns = Math.max(...panels.map((p) => p.column)) + 1;
  const rows = rowNames.length;
  const { gap, labelHeight, panelPixels } = defaults;
  const step = 1 + gap;
  const cellHeight = 1 + 2 * labelHeight + gap;
  const width = columns * step - gap;
  const height = rows * cellHeight;
  // A panel's square starts at (left, bottom) in figure units; y grows upwards, first row on top.
  const left = (p: { column: number }) => p.column * step;
  const bottom = (p: { row: number }) => height - (p.row + 1) * cellHeight + gap;
  const half = 0.5 / (size - 1);
  return {
    plot: {
      width: Math.round(width * panelPixels),
      height: Math.round(height * panelPixels),
      margin: 0,
      x: { domain: [0, width], axis: null },
      y: { domain: [0, height], axis: null },
      color: { type: 'threshold', domain: OUTPUT_LEVELS.slice(1), scheme: OUTPUT_SCHEME, label: outputLabel },
      marks: [
        ...panels.map((p) =>
          Plot.contour(p.values, {
            width: size,
            height: size,
            x1: left(p) - half,
            x2: left(p) + 1 + half,
            y1: bottom(p) - half,
            y2: bottom(p) + 1 + half,
            value: Plot.identity,
            fill: 'value',
            thresholds: OUTPUT_LEVELS,
            clip: true,
          }),
        ),
        Plot.rect(panels, {
          x1: (p: Panel) => left(p),
          x2: (p: Panel) => left(p) + 1,
          y1: (p: Panel) => bottom(p),
          y2: (p: Panel) => bottom(p) + 1,
          stroke: 'currentColor',
          fill: 'none',
        }),
        Plot.text(panels, {
          x: (p: Panel) => left(p) + 0.5,
          y: (p: Panel) => bottom(p) + 1 + labelHeight / 2,
          text: 'label',
          fontSize: FONT_SIZE,
          fill: 'currentColor',
        }),
        Plot.text(rowNames, {
          x: 0,
          y: (_: string, i: number) => height - i * cellHeight - labelHeight / 2,
          text: Plot.identity,
          textAnchor: 'start',
          fontSize: FONT_SIZE,
          fontWeight: 'bold',
          fill: 'currentColor',
        }),
      ],
    },
    legend: (plot, document) => {
      const legend = plot.legend('color', { label: outputLabel, width: 300, tickFormat: '.1f' }) as Element;
      legend.setAttribute('font-size', String(FONT_SIZE));
      return stackLegends([legend], document);
    },
  };
}
