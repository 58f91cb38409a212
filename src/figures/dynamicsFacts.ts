import { dynamicsQuantity } from '../artefacts/dynamicsQuantity';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import type { FigureFacts } from './facts';

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** The numbers a dynamics figure's title and description quote. */
export function dynamicsFacts(id: string, a: DynamicsArtefact): FigureFacts {
  const q = (ref: string) => dynamicsQuantity(a, ref) as number;
  const { config } = a;
  if (id.startsWith('loss-')) {
    return {
      epochs: config.epochs,
      longEpochs: config.long.epochs,
      batchLoss: round(q('dynamics.batch.finalLoss')),
      onlineLoss: round(q('dynamics.online.finalLoss')),
      minibatchLoss: round(q('dynamics.minibatch.finalLoss')),
    };
  }
  if (id === 'epochs-grid') {
    return { epochs: config.snapshotEpochs.join(', '), longEpochs: config.long.snapshotEpochs.join(', '), gridSize: config.gridSize };
  }
  if (id === 'sweep-time' || id === 'sweep-loss') {
    return {
      smallest: q('sweep.smallest'),
      largest: q('sweep.largest'),
      epochs: config.sweep.epochs,
      seconds: config.sweep.timeBudgetMs / 1000,
      fastestEpoch: q('sweep.fastestEpoch'),
      bestAfterEpochs: q('sweep.bestAfterEpochs'),
      bestAtBudget: q('sweep.bestAtBudget'),
    };
  }
  return {
    seedCount: config.seeds.length,
    seedEpochs: config.seedEpochs,
    gridSize: config.gridSize,
    batchSpread: round(q('dynamics.batch.seedLossSpread')),
    onlineSpread: round(q('dynamics.online.seedLossSpread')),
    minibatchSpread: round(q('dynamics.minibatch.seedLossSpread')),
  };
}
