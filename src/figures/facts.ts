import type { LessonArtefact, PredictionGrid } from '../artefacts/schema';

/** Numbers that a figure's description quotes, for the page to put into words. */
export type FigureFacts = Record<string, string | number>;

/** The model output above which a point counts as classified as signal. */
export const DECISION_THRESHOLD = 0.5;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * What a prediction grid shows: the share of the square (in %) that the model calls signal, the
 * centre of that region (absent when there is none), and the range of its output.
 */
export function gridFacts(grid: PredictionGrid): FigureFacts {
  let count = 0;
  let sumX1 = 0;
  let sumX2 = 0;
  grid.values.forEach((value, k) => {
    if (value <= DECISION_THRESHOLD) return;
    count += 1;
    sumX1 += grid.x1[k % grid.x1.length]!;
    sumX2 += grid.x2[Math.floor(k / grid.x1.length)]!;
  });
  const range = { minOutput: round(Math.min(...grid.values), 2), maxOutput: round(Math.max(...grid.values), 2) };
  // Without a signal region there is no centre to state; leave it out rather than write NaN.
  if (count === 0) return { signalShare: 0, ...range };
  return {
    signalShare: round((100 * count) / grid.values.length, 1),
    centreX1: round(sumX1 / count, 1) + 0,
    centreX2: round(sumX2 / count, 1) + 0,
    ...range,
  };
}

/** The facts behind figure `id` ('dataset' or 'prediction-<variant id>'). */
export function figureFacts(id: string, artefact: LessonArtefact): FigureFacts {
  if (id === 'dataset') {
    const { signalCount, backgroundCount } = artefact.dataset;
    const [low, high] = artefact.config.extent;
    return { signalCount, backgroundCount, low, high };
  }
  const variant = artefact.variants.find((v) => `prediction-${v.id}` === id);
  if (!variant) throw unknownFigure(id, artefact);
  return { variant: variant.id, ...gridFacts(variant.predictionGrid) };
}

/** The ids of every figure the artefact can draw. */
export function figureIds(artefact: LessonArtefact): string[] {
  return ['dataset', ...artefact.variants.map((v) => `prediction-${v.id}`)];
}

/** An error that names the unknown figure and the ones that exist. */
export function unknownFigure(id: string, artefact: LessonArtefact): Error {
  return new Error(
    `Unknown figure id "${id}". Known figures: ${figureIds(artefact).join(', ')}. Fix the id in the page's <Figure id="…">.`,
  );
}
