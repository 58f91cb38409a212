import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { epochGrid } from './epochGrid';
import type { DynamicsLabels } from './labels';
import { lossCurve } from './lossCurve';
import type { FigureSpec } from './render';
import { seedCurves } from './seedCurves';
import { seedGrid } from './seedGrid';
import { sweepLoss } from './sweepLoss';
import { sweepTime } from './sweepTime';

/** Each dynamics figure's id and the function that draws it. */
const figures: Record<string, (artefact: DynamicsArtefact, labels: DynamicsLabels) => FigureSpec> = {
  'loss-updates': (a, l) => lossCurve(a, 'update', l),
  'loss-samples': (a, l) => lossCurve(a, 'samples', l),
  'loss-time': (a, l) => lossCurve(a, 'seconds', l),
  'epochs-grid': epochGrid,
  'sweep-time': sweepTime,
  'sweep-loss': sweepLoss,
  'seeds-loss': seedCurves,
  'seeds-grid': seedGrid,
};

/** The ids of the figures drawn from artefacts/dynamics.json. */
export const dynamicsFigureIds = Object.keys(figures);

/** The spec of dynamics figure `id`; throws for an unknown id. */
export function dynamicsFigure(id: string, artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  const figure = Object.hasOwn(figures, id) ? figures[id] : undefined;
  if (!figure) throw new Error(`Unknown dynamics figure "${id}". Known: ${dynamicsFigureIds.join(', ')}.`);
  return figure(artefact, labels);
}
