import type * as tfType from '@tensorflow/tfjs';
import type { ExperimentConfig, VariantConfig } from './config';
import type { Dataset } from './dataset';
import { makeGrid, type Grid } from './grid';
import { buildModel } from './model';
import { permutation, streamRng } from './random';

type Tf = typeof tfType;

/** Reported after every update so that callers can show progress. */
export interface TrainProgress {
  variantId: string;
  update: number;
  updatesTotal: number;
  elapsedMs: number;
  /** This update's batch loss. */
  loss: number;
  /** Mean of the batch losses of the current epoch so far (what Keras's progress bar shows). */
  epochMeanLoss: number;
}

/** What training one variant produced, in plain arrays ready to be written as an artefact. */
export interface VariantRun {
  id: string;
  batchSize: number;
  epochs: number;
  learningRate: number;
  updatesPerEpoch: number;
  updateLosses: number[];
  epochMeanLosses: number[];
  totalMs: number;
  msPerUpdate: number;
  finalLoss: number;
  predictionMs: number;
  predictionGrid: { order: 'x2-major'; x1: number[]; x2: number[]; values: number[] };
}

/** Raised when the loss stops being a finite number. */
export class DivergenceError extends Error {
  constructor(
    readonly variantId: string,
    readonly update: number,
    readonly loss: number,
    learningRate: number,
  ) {
    super(
      `Training diverged: variant "${variantId}" reached a loss of ${loss} at update ${update}. ` +
        `Lower learningRate (now ${learningRate}) in src/experiment/config.json, or change this variant's batchSize.`,
    );
    this.name = 'DivergenceError';
  }
}

/** Updates per epoch: one per batch, the last batch possibly smaller (as Keras does). */
export function updatesPerEpoch(dataSize: number, batchSize: number): number {
  return Math.ceil(dataSize / batchSize);
}

/** The model's output at every grid point, in the grid's order, predicted in one call. */
export async function predictGrid(tf: Tf, model: tfType.LayersModel, grid: Grid): Promise<{ values: number[]; predictionMs: number }> {
  const count = grid.x1.length * grid.x2.length;
  const start = performance.now();
  const input = tf.tensor2d(grid.points, [count, 2]);
  // One batch for the whole grid: Keras's default of 32 would make this several times slower.
  const prediction = model.predict(input, { batchSize: count }) as tfType.Tensor;
  const values = Array.from(await prediction.data());
  const predictionMs = performance.now() - start;
  tf.dispose([input, prediction]);
  return { values, predictionMs };
}

/** The points of `dataset` in the order `order`, as tensors. */
function reorder(tf: Tf, dataset: Dataset, order: Int32Array): [tfType.Tensor2D, tfType.Tensor2D] {
  const n = order.length;
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  order.forEach((from, to) => {
    x[2 * to] = dataset.x[2 * from]!;
    x[2 * to + 1] = dataset.x[2 * from + 1]!;
    y[to] = dataset.y[from]!;
  });
  return [tf.tensor2d(x, [n, 2]), tf.tensor2d(y, [n, 1])];
}

/**
 * Trains a fresh model (the same initial weights for every variant) with one variant's batch
 * size, reshuffling the data before each epoch with the seeded generator, then evaluates the
 * loss on the whole data set and predicts the grid in a single call.
 */
export async function trainVariant(
  tf: Tf,
  dataset: Dataset,
  config: ExperimentConfig,
  variant: VariantConfig,
  onProgress: (progress: TrainProgress) => void = () => {},
): Promise<VariantRun> {
  const n = dataset.y.length;
  const perEpoch = updatesPerEpoch(n, variant.batchSize);
  const updatesTotal = perEpoch * config.epochs;
  const model = buildModel(tf, config.seed, config.learningRate);
  const shuffleRng = streamRng(config.seed, 'shuffle');
  const updateLosses: number[] = [];
  const epochMeanLosses: number[] = [];
  let divergence: DivergenceError | undefined;

  const start = performance.now();
  for (let epoch = 0; epoch < config.epochs && !divergence; epoch++) {
    const [x, y] = reorder(tf, dataset, permutation(n, shuffleRng));
    let epochSum = 0;
    let epochCount = 0;
    await model.fit(x, y, {
      batchSize: variant.batchSize,
      epochs: 1,
      shuffle: false,
      verbose: 0,
      yieldEvery: 'never',
      callbacks: {
        onBatchEnd: async (_batch, logs) => {
          const loss = logs?.loss ?? Number.NaN;
          updateLosses.push(loss);
          epochSum += loss;
          epochCount += 1;
          if (!Number.isFinite(loss)) {
            divergence = new DivergenceError(variant.id, updateLosses.length, loss, config.learningRate);
            model.stopTraining = true;
          }
          onProgress({ variantId: variant.id, update: updateLosses.length, updatesTotal, elapsedMs: performance.now() - start, loss, epochMeanLoss: epochSum / epochCount });
        },
      },
    });
    x.dispose();
    y.dispose();
    epochMeanLosses.push(epochSum / epochCount);
  }
  const totalMs = performance.now() - start;
  if (divergence) {
    model.dispose();
    throw divergence;
  }

  const [allX, allY] = [tf.tensor2d(dataset.x, [n, 2]), tf.tensor2d(dataset.y, [n, 1])];
  const evaluated = model.evaluate(allX, allY, { batchSize: n }) as tfType.Scalar;
  const finalLoss = (await evaluated.data())[0]!;
  tf.dispose([allX, allY, evaluated]);
  if (!Number.isFinite(finalLoss)) {
    model.dispose();
    throw new DivergenceError(variant.id, updateLosses.length, finalLoss, config.learningRate);
  }

  const grid = makeGrid(config.gridSize, config.extent);
  const { values, predictionMs } = await predictGrid(tf, model, grid);
  model.dispose();

  return {
    id: variant.id,
    batchSize: variant.batchSize,
    epochs: config.epochs,
    learningRate: config.learningRate,
    updatesPerEpoch: perEpoch,
    updateLosses,
    epochMeanLosses,
    totalMs,
    msPerUpdate: totalMs / updateLosses.length,
    finalLoss,
    predictionMs,
    predictionGrid: { order: 'x2-major', x1: grid.x1, x2: grid.x2, values },
  };
}
