import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type LoadedBackend } from '../../src/experiment/backend';
import { buildModel } from '../../src/experiment/model';

let backend: LoadedBackend;
beforeAll(async () => {
  backend = await loadBackend();
});

describe('buildModel', () => {
  it('has five Dense(64, relu) layers, a Dense(1, sigmoid) output and 16,897 parameters', () => {
    const model = buildModel(backend.tf, 1);
    const shapes = model.layers.map((layer) => layer.getWeights().map((w) => w.shape));
    expect(shapes).toEqual([
      [[2, 64], [64]],
      [[64, 64], [64]],
      [[64, 64], [64]],
      [[64, 64], [64]],
      [[64, 64], [64]],
      [[64, 1], [1]],
    ]);
    const activations = model.layers.map((layer) => (layer.getConfig() as { activation: string }).activation);
    expect(activations).toEqual(['relu', 'relu', 'relu', 'relu', 'relu', 'sigmoid']);
    expect(model.countParams()).toBe(16_897);
    model.dispose();
  });

  it('starts from Glorot-uniform kernels and zero biases', () => {
    const model = buildModel(backend.tf, 1);
    for (const layer of model.layers) {
      const [kernel, bias] = layer.getWeights();
      const [fanIn, fanOut] = kernel!.shape as [number, number];
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      const values = Array.from(kernel!.dataSync());
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(limit);
      // A uniform draw fills its range; a normal one (TensorFlow.js's default) would not reach
      // this close to the limit with this spread.
      expect(Math.max(...values)).toBeGreaterThan(0.8 * limit);
      const variance = values.reduce((s, v) => s + v * v, 0) / values.length;
      expect(variance).toBeCloseTo(limit ** 2 / 3, 1);
      expect(Array.from(bias!.dataSync()).every((v) => v === 0)).toBe(true);
    }
    model.dispose();
  });

  it('bounds each layer by its own fans: sqrt(6 / (fanIn + fanOut))', () => {
    const model = buildModel(backend.tf, 1);
    const limits = model.layers.map((layer) => {
      const values = Array.from(layer.getWeights()[0]!.dataSync());
      return Math.max(...values.map(Math.abs));
    });
    const expected = [6 / (2 + 64), 6 / 128, 6 / 128, 6 / 128, 6 / 128, 6 / (64 + 1)].map(Math.sqrt);
    limits.forEach((largest, i) => {
      expect(largest).toBeLessThanOrEqual(expected[i]!);
      // A uniform draw fills its bound: the largest of the last layer's 64 stays under 0.9 of it
      // with probability 0.9^64 = 0.001, the largest of a hidden layer's 4096 under 0.99 of it
      // with probability 0.99^4096 = 1e-18. A bound from the wrong fans would miss one or the other.
      expect(largest).toBeGreaterThan((i === 0 || i === 5 ? 0.9 : 0.99) * expected[i]!);
    });
    model.dispose();
  });

  it('draws every layer from its own seed', () => {
    const model = buildModel(backend.tf, 1);
    const firsts = model.layers.slice(1, 5).map((layer) => Array.from(layer.getWeights()[0]!.dataSync().slice(0, 8)));
    expect(new Set(firsts.map((v) => v.join())).size).toBe(4);
    model.dispose();
  });

  it('gives the same initial weights for the same seed and others for another seed', () => {
    const weights = (seed: number) => {
      const model = buildModel(backend.tf, seed);
      const values = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    expect(weights(5)).toEqual(weights(5));
    expect(weights(6)).not.toEqual(weights(5));
  });
});
