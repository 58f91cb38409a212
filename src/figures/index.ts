import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import type { LessonArtefact } from '../artefacts/schema';
import { dynamicsFigure } from './dynamicsFigures';
import { datasetScatter } from './datasetScatter';
import { unknownFigure } from './facts';
import type { DynamicsLabels, FigureText } from './labels';
import { predictionContour } from './predictionContour';
import { renderFigure as renderSpec } from './render';

export { datasetScatter } from './datasetScatter';
export { DECISION_THRESHOLD, figureFacts, figureIds, gridFacts, type FigureFacts } from './facts';
export { dynamicsFigureIds } from './dynamicsFigures';
export { dynamicsFacts } from './dynamicsFacts';
export type { DynamicsLabels, FigureLabels, FigureText } from './labels';
export { BACKGROUND_COLOR, OUTPUT_LEVELS, SIGNAL_COLOR } from './palette';
export { predictionContour } from './predictionContour';
export { MAX_GROUP_CHILDREN, stableIds, type FigureSpec } from './render';

/** Renders figure `id` of the artefact as one inline SVG string, in the words of `text`. */
export function renderFigure(id: string, artefact: LessonArtefact, text: FigureText): string {
  const meta = { id, title: text.title, description: text.description };
  if (id === 'dataset') return renderSpec(datasetScatter(artefact, text.labels), meta);
  const variant = artefact.variants.find((v) => `prediction-${v.id}` === id);
  if (!variant) throw unknownFigure(id, artefact);
  return renderSpec(predictionContour(artefact, variant, text.labels), meta);
}

/** Renders dynamics figure `id` (see dynamicsFigureIds) as one inline SVG string. */
export function renderDynamicsFigure(
  id: string,
  artefact: DynamicsArtefact,
  text: { title: string; description: string; labels: DynamicsLabels },
): string {
  return renderSpec(dynamicsFigure(id, artefact, text.labels), { id, title: text.title, description: text.description });
}
