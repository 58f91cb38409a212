import type * as tfType from '@tensorflow/tfjs';
import type { ExperimentConfig, VariantConfig } from './config';
import type { Dataset } from './dataset';
import { makeGrid, type Grid } from './grid';
import { binaryCrossEntropyFromLogits } from './loss';
import { buildModel } from './model';
import { disposeWeights, logits, readWeights, sgdStep, weightList } from './sgd';
import { epochOrders } from './shuffle';

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

/** The points of `dataset` in the order `order` (shared with dynamics.ts). */
export function reorder(dataset: Dataset, order: Int32Array): { x: Float32Array; y: Float32Array } {
  const n = order.length;
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  order.forEach((from, to) => {
    x[2 * to] = dataset.x[2 * from]!;
    x[2 * to + 1] = dataset.x[2 * from + 1]!;
    y[to] = dataset.y[from]!;
  });
  return { x, y };
}

/** Lets tests see the weights the trainer starts from and ends with; costs nothing when unset. */
export interface TrainHooks {
  /** Receives the weights in Keras's order (kernel, bias, kernel, bias, ...). */
  onWeights?: (when: 'initial' | 'final', weights: Float32Array[]) => void;
}

/** Losses are read back from the backend in groups of this many updates (one read per group). */
const LOSS_READ_EVERY = 100;

/**
 * The loop hands control to the event loop this often (ms), so that Ctrl-C and SIGTERM handlers
 * can run during a long epoch; one setImmediate per 100 ms costs well under 0.1% of the time.
 */
const YIELD_EVERY_MS = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains a fresh model (the same initial weights for every variant) with one variant's batch
 * size, reshuffling the data before each epoch with the seeded generator: plain SGD on Keras's
 * binary cross-entropy, one sgdStep per batch. Then evaluates the loss on the whole data set and
 * predicts the grid in a single call.
 */
export async function trainVariant(
  tf: Tf,
  dataset: Dataset,
  config: ExperimentConfig,
  variant: VariantConfig,
  onProgress: (progress: TrainProgress) => void = () => {},
  hooks: TrainHooks = {},
): Promise<VariantRun> {
  const n = dataset.y.length;
  const perEpoch = updatesPerEpoch(n, variant.batchSize);
  const updatesTotal = perEpoch * config.epochs;
  const model = buildModel(tf, config.seed);
  let weights = readWeights(tf, model);
  hooks.onWeights?.(
    'initial',
    weightList(weights).map((w) => w.dataSync() as Float32Array),
  );
  const nextOrder = epochOrders(config.seed, n);
  const updateLosses: number[] = [];
  const epochMeanLosses: number[] = [];
  const finishedAt = new Float64Array(updatesTotal);
  let divergence: DivergenceError | undefined;

  const start = performance.now();
  let lastYield = start;
  let epochSum = 0;
  let epochCount = 0;
  let pending: tfType.Scalar[] = [];
  // Reads the pending losses in one call and reports their updates, which ran before the read.
  const readLosses = () => {
    const stacked = tf.stack(pending);
    const values = stacked.dataSync();
    tf.dispose([stacked, ...pending]);
    pending = [];
    for (const loss of values) {
      updateLosses.push(loss);
      epochSum += loss;
      epochCount += 1;
      const update = updateLosses.length;
      if (!Number.isFinite(loss)) {
        divergence = new DivergenceError(variant.id, update, loss, config.learningRate);
        return;
      }
      onProgress({
        variantId: variant.id,
        update,
        updatesTotal,
        elapsedMs: finishedAt[update - 1]! - start,
        loss,
        epochMeanLoss: epochSum / epochCount,
      });
    }
  };
  for (let epoch = 0; epoch < config.epochs && !divergence; epoch++) {
    const { x, y } = reorder(dataset, nextOrder());
    epochSum = 0;
    epochCount = 0;
    for (let first = 0; first < n && !divergence; first += variant.batchSize) {
      const last = Math.min(first + variant.batchSize, n);
      const xBatch = tf.tensor2d(x.subarray(2 * first, 2 * last), [last - first, 2]);
      const yBatch = tf.tensor2d(y.subarray(first, last), [last - first, 1]);
      const step = sgdStep(tf, weights, xBatch, yBatch, config.learningRate);
      tf.dispose([xBatch, yBatch]);
      disposeWeights(tf, weights);
      weights = step.weights;
      pending.push(step.loss);
      const now = performance.now();
      finishedAt[updateLosses.length + pending.length - 1] = now;
      if (pending.length === LOSS_READ_EVERY || last === n) readLosses();
      if (now - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    if (!divergence) epochMeanLosses.push(epochSum / epochCount);
  }
  const totalMs = performance.now() - start;
  if (divergence) {
    disposeWeights(tf, weights);
    model.dispose();
    throw divergence;
  }
  hooks.onWeights?.(
    'final',
    weightList(weights).map((w) => w.dataSync() as Float32Array),
  );

  const finalLoss = tf.tidy(() => {
    const z = logits(tf, weights, tf.tensor2d(dataset.x, [n, 2]));
    return binaryCrossEntropyFromLogits(tf, tf.tensor2d(dataset.y, [n, 1]), z).dataSync()[0]!;
  });
  if (!Number.isFinite(finalLoss)) {
    disposeWeights(tf, weights);
    model.dispose();
    throw new DivergenceError(variant.id, updateLosses.length, finalLoss, config.learningRate);
  }

  model.setWeights(weightList(weights));
  disposeWeights(tf, weights);
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

/**
 * Trains every variant once and discards the results, so that the runs that are timed find the
 * backend warm. On a fresh wasm backend the first variant trained (batch) otherwise measured
 * about 44 ms per update instead of 6 to 8; fewer warm-up updates (10 per batch size) left it at
 * 11 to 14. Costs about 1.2 s here.
 */
export async function warmUp(tf: Tf, dataset: Dataset, config: ExperimentConfig): Promise<void> {
  for (const variant of config.variants) await trainVariant(tf, dataset, config, variant);
}
