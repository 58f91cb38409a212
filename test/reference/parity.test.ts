import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type LoadedBackend } from '../../src/experiment/backend';
import { loadConfig, type ExperimentConfig, type VariantConfig } from '../../src/experiment/config';
import { makeDataset, type Dataset } from '../../src/experiment/dataset';
import { epochOrders } from '../../src/experiment/shuffle';
import { trainVariant } from '../../src/experiment/train';
import { flatWeights, forward, referenceWeights, sgdStep } from './mlp';

/**
 * How far float32 training may drift from the float64 reference. Float32 keeps 24 significant
 * bits, so every stored weight is rounded by up to 2^-24 of its size (6e-8 relative, 2e-8 absolute
 * for |w| < 0.31, the largest Glorot bound here) at each update, and each forward value by about
 * as much per layer. Over 1100 updates those roundings add like a random walk, sqrt(1100) * 2e-8
 * = 7e-7, which is what the online variant measures (largest weight difference 7.1e-7, loss
 * 4.2e-7). The bounds below allow about ten times that, and stay below what a real mistake moves:
 * a learning rate 10% too large moves the batch variant's single update by 3.6e-5 (7 times the
 * weight bound) and the other variants' losses by 1e-2 or more; a sum in place of a mean, or a
 * clipped loss, moves them by thousands of times the bounds.
 */
const WEIGHT_TOLERANCE = { absolute: 5e-6, relative: 0 };
const LOSS_TOLERANCE = { absolute: 2e-6, relative: 1e-5 };

let backend: LoadedBackend;
beforeAll(async () => {
  backend = await loadBackend();
});

const config: ExperimentConfig = loadConfig();
const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);

/** Trains with the TensorFlow.js trainer, then with the float64 reference from the same initial weights over the same batches. */
async function trainBoth(data: Dataset, settings: ExperimentConfig, variant: VariantConfig) {
  const captured: Partial<Record<'initial' | 'final', Float32Array[]>> = {};
  const run = await trainVariant(backend.tf, data, settings, variant, undefined, { onWeights: (when, w) => (captured[when] = w) });
  const reference = referenceWeights(captured.initial!);
  const initial = referenceWeights(captured.initial!);
  const losses: number[] = [];
  const nextOrder = epochOrders(settings.seed, data.y.length);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    const order = nextOrder();
    for (let first = 0; first < order.length; first += variant.batchSize) {
      const batch = Array.from(order.subarray(first, first + variant.batchSize));
      const x = batch.flatMap((i) => [data.x[2 * i]!, data.x[2 * i + 1]!]);
      const y = batch.map((i) => data.y[i]!);
      losses.push(sgdStep(reference, x, y, settings.learningRate));
    }
  }
  return { run, initial, final: captured.final!, reference: { losses, final: flatWeights(reference) } };
}

/** Asserts |actual - expected| <= absolute + relative * |expected| everywhere, naming the worst entry. */
function expectClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: { absolute: number; relative: number },
  what: string,
): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < expected.length; i++) {
    const allowed = tolerance.absolute + tolerance.relative * Math.abs(expected[i]!);
    const excess = Math.abs(actual[i]! - expected[i]!) / allowed;
    // A NaN compares false with everything, so test for it separately.
    if (!(excess <= worstExcess) || Number.isNaN(excess)) [worst, worstExcess] = [i, Number.isNaN(excess) ? Infinity : excess];
  }
  const message =
    worst < 0
      ? ''
      : `${what}[${worst}] is ${actual[worst]}, the reference ${expected[worst]} (${worstExcess.toFixed(2)} times the tolerance)`;
  expect(worstExcess <= 1, message).toBe(true);
}

function expectSameWeights(actual: Float32Array[], expected: Float64Array[], what: string): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((w, i) =>
    expectClose(w, expected[i]!, WEIGHT_TOLERANCE, `${what} ${i % 2 === 0 ? 'kernel' : 'bias'} of layer ${i / 2 + 1 - (i % 2) / 2}`),
  );
}

describe('the TensorFlow.js trainer against the float64 reference', () => {
  for (const variant of config.variants) {
    it(`${variant.id} (batch size ${variant.batchSize}): the loss of every update and every weight after the last`, async () => {
      const { run, final, reference } = await trainBoth(dataset, config, variant);
      expectClose(run.updateLosses, reference.losses, LOSS_TOLERANCE, 'update loss');
      expectSameWeights(final, reference.final, 'final');
    });
  }

  it('minibatch over two epochs, reshuffled in between', async () => {
    const settings = { ...config, epochs: 2 };
    const { run, final, reference } = await trainBoth(dataset, settings, { id: 'minibatch', batchSize: 10 });
    expect(run.updateLosses).toHaveLength(220);
    expectClose(run.updateLosses, reference.losses, LOSS_TOLERANCE, 'update loss');
    expectSameWeights(final, reference.final, 'final');
  });

  it('a last batch smaller than the others is averaged over its own size', async () => {
    const { run, final, reference } = await trainBoth(dataset, config, { id: 'odd', batchSize: 32 });
    expect(run.updateLosses).toHaveLength(35);
    expectClose(run.updateLosses, reference.losses, LOSS_TOLERANCE, 'update loss');
    expectSameWeights(final, reference.final, 'final');
  });

  it('computes the loss from the logits as Keras does, even for confident wrong predictions', async () => {
    // With zero biases the untrained network is positively homogeneous, so scaling the inputs by
    // 100 scales its logits by 100: most of these points get a logit beyond +-16, where
    // TensorFlow.js's clipped binaryCrossentropy would cap the loss near 16 and pass no gradient.
    const count = 40;
    const scaled: Dataset = {
      ...dataset,
      signalCount: 0,
      backgroundCount: count,
      x: dataset.x.slice(0, 2 * count).map((v) => 100 * v),
      y: dataset.y.slice(0, count),
    };
    const settings = { ...config, learningRate: 1e-5 };
    const { run, initial, final, reference } = await trainBoth(scaled, settings, { id: 'confident', batchSize: 10 });
    const logits = forward(initial, scaled.x, count).preActivations.at(-1)!;
    const confidentWrong = Array.from(logits).filter((z, i) => (scaled.y[i] === 1 ? z < -16 : z > 16)).length;
    expect(confidentWrong).toBeGreaterThan(count / 2);
    expectClose(run.updateLosses, reference.losses, LOSS_TOLERANCE, 'update loss');
    expectSameWeights(final, reference.final, 'final');
  });
});
