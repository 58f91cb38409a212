import { beforeAll, describe, expect, it } from 'vitest';
import { HandwrittenMlp } from '../../bench/handwritten';
import { loadBackend } from '../../src/experiment/backend';
import { loadConfig } from '../../src/experiment/config';
import { makeDataset } from '../../src/experiment/dataset';
import { buildModel } from '../../src/experiment/model';
import { epochOrders } from '../../src/experiment/shuffle';
import { flatWeights, referenceWeights, sgdStep } from './mlp';

// The benchmark's ratios mean something only if its hand-written float32 step computes what the
// trainer does; the float64 reference is the judge here too, at the same float32 tolerances.
const config = loadConfig();
const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
let initial: Float32Array[] = [];
beforeAll(async () => {
  const { tf } = await loadBackend();
  const model = buildModel(tf, config.seed);
  initial = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
});

describe('the benchmark hand-written float32 step', () => {
  for (const variant of config.variants) {
    it(`${variant.id}: agrees with the float64 reference`, () => {
      const handwritten = new HandwrittenMlp(initial, variant.batchSize);
      const reference = referenceWeights(initial);
      const order = epochOrders(config.seed, dataset.y.length)();
      const x = new Float32Array(2 * variant.batchSize);
      const y = new Float32Array(variant.batchSize);
      let worstLoss = 0;
      for (let first = 0; first < order.length; first += variant.batchSize) {
        const batch = Array.from(order.subarray(first, first + variant.batchSize));
        batch.forEach((point, b) => {
          x[2 * b] = dataset.x[2 * point]!;
          x[2 * b + 1] = dataset.x[2 * point + 1]!;
          y[b] = dataset.y[point]!;
        });
        const loss = handwritten.step(x, y, batch.length, config.learningRate);
        const expected = sgdStep(reference, x.subarray(0, 2 * batch.length), y.subarray(0, batch.length), config.learningRate);
        worstLoss = Math.max(worstLoss, Math.abs(loss - expected) / (2e-6 + 1e-5 * Math.abs(expected)));
      }
      expect(worstLoss).toBeLessThanOrEqual(1);
      const expected = flatWeights(reference);
      handwritten.weights().forEach((w, i) => w.forEach((v, k) => expect(Math.abs(v - expected[i]![k]!)).toBeLessThanOrEqual(5e-6)));
    });
  }

  it('predicts sigmoid probabilities for a set larger than its buffers, chunk by chunk', () => {
    const handwritten = new HandwrittenMlp(initial, 64);
    const count = 150;
    const out = handwritten.predict(dataset.x, count, new Float32Array(count));
    const whole = new HandwrittenMlp(initial, count).predict(dataset.x, count, new Float32Array(count));
    expect(Array.from(out)).toEqual(Array.from(whole));
    expect(out.every((p) => p > 0 && p < 1)).toBe(true);
  });
});
