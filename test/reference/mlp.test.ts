import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyFromLogits, lossAndGradient, referenceWeights, sigmoid, type ReferenceWeights } from './mlp';

/** A small network of the lesson's shape (2 inputs, relu hidden layers, one output) with seeded weights. */
function smallNetwork(): { weights: ReferenceWeights; x: number[]; y: number[] } {
  let state = 12345;
  // A linear congruential generator is enough for test data and keeps this file dependency-free.
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const sizes = [2, 5, 4, 1];
  const flat: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    flat.push(Float64Array.from({ length: sizes[l]! * sizes[l + 1]! }, next));
    flat.push(Float64Array.from({ length: sizes[l + 1]! }, () => 0.1 * next()));
  }
  const x = Array.from({ length: 2 * 6 }, () => 3 * next());
  const y = [1, 0, 0, 1, 0, 1];
  return { weights: referenceWeights(flat), x, y };
}

describe('the float64 reference', () => {
  it('computes binary cross-entropy from the logits, equal to -[y log p + (1 - y) log(1 - p)]', () => {
    for (const z of [-5, -0.3, 0, 0.7, 4]) {
      for (const y of [0, 1]) {
        const p = sigmoid(z);
        expect(binaryCrossEntropyFromLogits([z], [y])).toBeCloseTo(-(y * Math.log(p) + (1 - y) * Math.log(1 - p)), 12);
      }
    }
    // The mean over the batch, not the sum.
    expect(binaryCrossEntropyFromLogits([0, 0, 0, 0], [1, 0, 1, 0])).toBeCloseTo(Math.LN2, 12);
  });

  it('keeps the loss of confident predictions exact where a clipped probability would cap it', () => {
    // A clip to [1e-7, 1 - 1e-7] would give -log(1e-7) = 16.1 for a logit of 40 and label 0.
    expect(binaryCrossEntropyFromLogits([40], [0])).toBeCloseTo(40, 12);
    expect(binaryCrossEntropyFromLogits([-40], [1])).toBeCloseTo(40, 12);
    expect(binaryCrossEntropyFromLogits([40], [1])).toBeCloseTo(Math.exp(-40), 20);
  });

  it('has the gradient that central differences of its loss give', () => {
    const { weights, x, y } = smallNetwork();
    const { kernels, biases } = lossAndGradient(weights, x, y);
    const h = 1e-6;
    const check = (values: Float64Array, gradient: Float64Array) => {
      values.forEach((value, i) => {
        values[i] = value + h;
        const up = lossAndGradient(weights, x, y).loss;
        values[i] = value - h;
        const down = lossAndGradient(weights, x, y).loss;
        values[i] = value;
        // Central differences are exact to O(h^2) = 1e-12 here, but lose about 1e-16 / h = 1e-10
        // to rounding; relu kinks are far from these random points.
        expect(gradient[i]).toBeCloseTo((up - down) / (2 * h), 8);
      });
    };
    weights.kernels.forEach((kernel, l) => check(kernel, kernels[l]!));
    weights.biases.forEach((bias, l) => check(bias, biases[l]!));
    // Every layer must see some gradient, or this test would prove little about the deeper ones.
    for (const kernel of kernels) expect(kernel.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  });
});
