import type { ExperimentConfig, VariantConfig } from '../src/experiment/config';
import type { Dataset } from '../src/experiment/dataset';
import { makeGrid } from '../src/experiment/grid';
import { epochOrders } from '../src/experiment/shuffle';
import { HandwrittenMlp } from './handwritten';

/** What the benchmark measures for one variant on one engine, in milliseconds. */
export interface Timing {
  msPerUpdate: number;
  totalMs: number;
  predictionMs: number;
}

/** Points the hand-written model predicts at once; its buffers are sized for the larger of this and the batch. */
const PREDICTION_CHUNK = 1024;

/**
 * Trains the hand-written float32 model over the same batches as the trainer and times it the way
 * the trainer times itself: from the first epoch's shuffle to the last update's loss. Then times
 * the prediction of the whole grid.
 */
export function timeHandwritten(initial: Float32Array[], dataset: Dataset, config: ExperimentConfig, variant: VariantConfig): Timing {
  const n = dataset.y.length;
  const model = new HandwrittenMlp(initial, Math.max(variant.batchSize, PREDICTION_CHUNK));
  const nextOrder = epochOrders(config.seed, n);
  const x = new Float32Array(2 * variant.batchSize);
  const y = new Float32Array(variant.batchSize);
  const losses = new Float64Array(Math.ceil(n / variant.batchSize) * config.epochs);
  let updates = 0;
  const start = performance.now();
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const order = nextOrder();
    for (let first = 0; first < n; first += variant.batchSize) {
      const count = Math.min(variant.batchSize, n - first);
      for (let b = 0; b < count; b++) {
        const point = order[first + b]!;
        x[2 * b] = dataset.x[2 * point]!;
        x[2 * b + 1] = dataset.x[2 * point + 1]!;
        y[b] = dataset.y[point]!;
      }
      losses[updates++] = model.step(x, y, count, config.learningRate);
    }
  }
  const totalMs = performance.now() - start;
  if (!losses.every(Number.isFinite)) throw new Error(`the hand-written ${variant.id} run diverged`);

  const grid = makeGrid(config.gridSize, config.extent);
  const count = grid.x1.length * grid.x2.length;
  const predictionStart = performance.now();
  const values = model.predict(grid.points, count, new Float32Array(count));
  const predictionMs = performance.now() - predictionStart;
  if (!values.every((v) => v >= 0 && v <= 1)) throw new Error('the hand-written grid prediction is not a probability');
  return { msPerUpdate: totalMs / updates, totalMs, predictionMs };
}
