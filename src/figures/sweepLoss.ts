import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import type { DynamicsLabels } from './labels';
import type { FigureSpec } from './render';
import { sweepChart } from './sweepTime';

/** The loss on all points after the sweep's fixed epochs and after its fixed training time. */
export function sweepLoss(artefact: DynamicsArtefact, labels: DynamicsLabels): FigureSpec {
  return sweepChart(
    artefact,
    [
      { label: labels.afterEpochs, value: (r) => r.epochLosses.at(-1)! },
      { label: labels.afterBudget, value: (r) => r.budget?.loss ?? Number.NaN },
    ],
    { label: labels.loss, zero: true },
    labels,
  );
}
