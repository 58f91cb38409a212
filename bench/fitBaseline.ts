/**
 * The trainer as it was before the hand-derived SGD step (commit 7519cb4): TensorFlow.js's
 * model.fit with its own binaryCrossentropy (a clipped probability, not Keras's logits). Kept only
 * so that `npm run bench -- --baseline` can show what the change bought, measured the same way.
 */
import type * as tfType from '@tensorflow/tfjs';
import type { ExperimentConfig, VariantConfig } from '../src/experiment/config';
import type { Dataset } from '../src/experiment/dataset';
import { makeGrid } from '../src/experiment/grid';
import { buildModel } from '../src/experiment/model';
import { epochOrders } from '../src/experiment/shuffle';
import { predictGrid } from '../src/experiment/train';

/** Times one variant trained with model.fit, as the old trainer did. */
export async function fitVariant(
  tf: typeof tfType,
  dataset: Dataset,
  config: ExperimentConfig,
  variant: VariantConfig,
): Promise<{ msPerUpdate: number; totalMs: number; predictionMs: number }> {
  const n = dataset.y.length;
  const model = buildModel(tf, config.seed);
  model.compile({ optimizer: tf.train.sgd(config.learningRate), loss: 'binaryCrossentropy' });
  const nextOrder = epochOrders(config.seed, n);
  let updates = 0;
  let lastLoss = Number.NaN;
  const start = performance.now();
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const order = nextOrder();
    const x = tf.tensor2d(
      Array.from(order).flatMap((i) => [dataset.x[2 * i]!, dataset.x[2 * i + 1]!]),
      [n, 2],
    );
    const y = tf.tensor2d(
      Array.from(order, (i) => dataset.y[i]!),
      [n, 1],
    );
    await model.fit(x, y, {
      batchSize: variant.batchSize,
      epochs: 1,
      shuffle: false,
      verbose: 0,
      yieldEvery: 'never',
      callbacks: {
        // Reading each batch's loss, as the old trainer did for its progress line.
        onBatchEnd: async (_batch, logs) => {
          lastLoss = logs?.loss ?? Number.NaN;
          updates += 1;
        },
      },
    });
    tf.dispose([x, y]);
  }
  const totalMs = performance.now() - start;
  const { predictionMs } = await predictGrid(tf, model, makeGrid(config.gridSize, config.extent));
  model.dispose();
  if (!Number.isFinite(lastLoss)) throw new Error(`model.fit ended at a loss of ${lastLoss}`);
  return { msPerUpdate: totalMs / updates, totalMs, predictionMs };
}
