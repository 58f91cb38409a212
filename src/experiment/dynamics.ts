import type * as tfType from '@tensorflow/tfjs';
import type { Dataset } from './dataset';
import { makeGrid } from './grid';
import { binaryCrossEntropyFromLogits } from './loss';
import { buildModel } from './model';
import { disposeWeights, logits, readWeights, sgdStep, type Weights } from './sgd';
import { epochOrders } from './shuffle';
import { reorder } from './train';

type Tf = typeof tfType;

/** One independent training run of the dynamics experiments: a batch size, a seed and a schedule. */
export interface RunSpec {
  batchSize: number;
  /** Seeds the initial weights and the shuffle; the data set stays the lesson's. */
  seed: number;
  epochs: number;
  learningRate: number;
  /** The loss on the whole data set is evaluated each time this many more samples have been seen. */
  evaluateEvery: number;
  /** Epochs after which the model's output on the grid is kept. */
  snapshotEpochs: number[];
  gridSize: number;
  extent: readonly [number, number];
  /** When set, training goes on past `epochs` until this much training time has passed. */
  timeBudgetMs?: number;
}

/** A point of the loss curve: the loss on all points after `update` updates and `samples` samples. */
export interface CurvePoint {
  update: number;
  samples: number;
  /** Training time so far, without the time spent evaluating. */
  ms: number;
  loss: number;
}

/** What one run measured. */
export interface RunResult {
  curve: CurvePoint[];
  /** Loss on all points at the end of each epoch. */
  epochLosses: number[];
  /** Training time of the first `epochs` epochs (evaluations excluded). */
  trainMs: number;
  updates: number;
  snapshots: { epoch: number; values: number[] }[];
  /** Where the time budget ran out, if one was set. */
  budget?: CurvePoint;
}

/** The model output, rounded to 4 decimals: enough for ten contour levels, a third of the bytes. */
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * Trains one run with plain SGD (the lesson's sgdStep) and records its learning dynamics: the
 * loss on the whole data set every `evaluateEvery` samples, at each epoch's end and when the time
 * budget runs out, and the grid prediction at the snapshot epochs. The clock stops while it
 * evaluates, so the times are training time only.
 */
export function trainRun(tf: Tf, dataset: Dataset, spec: RunSpec): RunResult {
  const n = dataset.y.length;
  const model = buildModel(tf, spec.seed);
  let weights: Weights = readWeights(tf, model);
  model.dispose();
  const nextOrder = epochOrders(spec.seed, n);
  const xAll = tf.tensor2d(dataset.x, [n, 2]);
  const yAll = tf.tensor2d(dataset.y, [n, 1]);
  const grid = makeGrid(spec.gridSize, spec.extent);
  const gridPoints = tf.tensor2d(grid.points, [grid.points.length / 2, 2]);
  const snapshotAt = new Set(spec.snapshotEpochs);

  let paused = 0;
  let update = 0;
  let samples = 0;
  let start = performance.now();
  const clock = () => performance.now() - start - paused;
  // Evaluates with the clock stopped: the loss on all points is not part of training.
  const evaluate = (): CurvePoint => {
    const ms = clock();
    const from = performance.now();
    const loss = tf.tidy(() => binaryCrossEntropyFromLogits(tf, yAll, logits(tf, weights, xAll)).dataSync()[0]!);
    paused += performance.now() - from;
    if (!Number.isFinite(loss))
      throw new Error(`Training diverged: batch size ${spec.batchSize}, seed ${spec.seed}, loss ${loss} after ${update} updates`);
    return { update, samples, ms, loss };
  };

  const curve: CurvePoint[] = [{ ...evaluate(), ms: 0 }];
  // The clock starts with the first update, after the untrained model's evaluation.
  start = performance.now();
  paused = 0;
  const epochLosses: number[] = [];
  const snapshots: RunResult['snapshots'] = [];
  let trainMs = 0;
  let budget: CurvePoint | undefined;
  let nextEvaluation = spec.evaluateEvery;
  const wantsMore = (epoch: number) => epoch < spec.epochs || (spec.timeBudgetMs !== undefined && !budget);
  for (let epoch = 0; wantsMore(epoch); epoch++) {
    const { x, y } = reorder(dataset, nextOrder());
    for (let first = 0; first < n && wantsMore(epoch); first += spec.batchSize) {
      const last = Math.min(first + spec.batchSize, n);
      const xBatch = tf.tensor2d(x.subarray(2 * first, 2 * last), [last - first, 2]);
      const yBatch = tf.tensor2d(y.subarray(first, last), [last - first, 1]);
      const step = sgdStep(tf, weights, xBatch, yBatch, spec.learningRate);
      tf.dispose([xBatch, yBatch, step.loss]);
      disposeWeights(tf, weights);
      weights = step.weights;
      update += 1;
      samples += last - first;
      if (spec.timeBudgetMs !== undefined && !budget && clock() >= spec.timeBudgetMs) budget = evaluate();
      if (epoch < spec.epochs && samples >= nextEvaluation) {
        curve.push(evaluate());
        while (nextEvaluation <= samples) nextEvaluation += spec.evaluateEvery;
      }
    }
    if (epoch >= spec.epochs) continue;
    if (epoch + 1 === spec.epochs) trainMs = clock();
    const end = curve.at(-1)!.samples === samples ? curve.at(-1)! : evaluate();
    epochLosses.push(end.loss);
    if (snapshotAt.has(epoch + 1)) {
      const from = performance.now();
      const values = tf.tidy(() => Array.from(tf.sigmoid(logits(tf, weights, gridPoints)).dataSync(), round4));
      paused += performance.now() - from;
      snapshots.push({ epoch: epoch + 1, values });
    }
  }
  disposeWeights(tf, weights);
  tf.dispose([xAll, yAll, gridPoints]);
  return { curve, epochLosses, trainMs, updates: Math.ceil(n / spec.batchSize) * spec.epochs, snapshots, ...(budget ? { budget } : {}) };
}
