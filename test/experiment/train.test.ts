import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type LoadedBackend } from '../../src/experiment/backend';
import { loadConfig, type ExperimentConfig } from '../../src/experiment/config';
import { buildModel } from '../../src/experiment/model';
import { makeDataset } from '../../src/experiment/dataset';
import { permutation, streamRng } from '../../src/experiment/random';
import { DivergenceError, trainVariant, updatesPerEpoch, warmUp, type VariantRun } from '../../src/experiment/train';

let backend: LoadedBackend;
const config: ExperimentConfig = loadConfig();
const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
const runs = new Map<string, VariantRun>();

beforeAll(async () => {
  backend = await loadBackend();
  for (const variant of config.variants) runs.set(variant.id, await trainVariant(backend.tf, dataset, config, variant));
});

describe('trainVariant on the lesson configuration', () => {
  it('makes 1, 1100 and 110 updates per epoch for batch, online and minibatch', () => {
    expect(config.variants.map((v) => [v.id, v.batchSize])).toEqual([
      ['batch', 1100],
      ['online', 1],
      ['minibatch', 10],
    ]);
    expect(runs.get('batch')!.updatesPerEpoch).toBe(1);
    expect(runs.get('online')!.updatesPerEpoch).toBe(1100);
    expect(runs.get('minibatch')!.updatesPerEpoch).toBe(110);
    for (const run of runs.values()) expect(run.updateLosses).toHaveLength(run.updatesPerEpoch * config.epochs);
  });

  it('records finite losses and times, and one epoch mean per epoch', () => {
    for (const run of runs.values()) {
      expect(run.updateLosses.every(Number.isFinite)).toBe(true);
      expect(Number.isFinite(run.finalLoss)).toBe(true);
      expect(run.epochMeanLosses).toHaveLength(config.epochs);
      const mean = run.updateLosses.reduce((s, v) => s + v, 0) / run.updateLosses.length;
      expect(run.epochMeanLosses[0]).toBeCloseTo(mean, 6);
      expect(run.msPerUpdate).toBeCloseTo(run.totalMs / run.updateLosses.length, 9);
      expect(run.predictionGrid.values).toHaveLength(config.gridSize ** 2);
    }
  });

  it('learns more with more updates in one epoch (the lesson rests on this)', () => {
    // Binary cross-entropy of an uninformed guess at the 1:10 class balance is about 0.30; the
    // single batch update leaves the model far above that, online and minibatch get below it.
    expect(runs.get('batch')!.finalLoss).toBeGreaterThan(0.5);
    expect(runs.get('online')!.finalLoss).toBeLessThan(runs.get('batch')!.finalLoss);
    expect(runs.get('minibatch')!.finalLoss).toBeLessThan(runs.get('batch')!.finalLoss);
  });

  it('gives identical losses, final loss and grid when run again with the same seed', async () => {
    const variant = config.variants.find((v) => v.id === 'minibatch')!;
    const again = await trainVariant(backend.tf, dataset, config, variant);
    const first = runs.get('minibatch')!;
    expect(again.updateLosses).toEqual(first.updateLosses);
    expect(again.finalLoss).toBe(first.finalLoss);
    expect(again.predictionGrid.values).toEqual(first.predictionGrid.values);
  });

  it('starts from the initial weights of buildModel with the same seed', async () => {
    let initial: Float32Array[] = [];
    await trainVariant(backend.tf, dataset, config, { id: 'batch', batchSize: 1100 }, undefined, {
      onWeights: (when, w) => when === 'initial' && (initial = w),
    });
    const model = buildModel(backend.tf, config.seed);
    expect(initial.map((w) => Array.from(w))).toEqual(model.getWeights().map((w) => Array.from(w.dataSync())));
    model.dispose();
  });

  it('changes the result with another seed', async () => {
    const other = { ...config, seed: config.seed + 1 };
    const variant = config.variants.find((v) => v.id === 'minibatch')!;
    const run = await trainVariant(backend.tf, makeDataset(other.seed, 100, 1000), other, variant);
    expect(run.predictionGrid.values).not.toEqual(runs.get('minibatch')!.predictionGrid.values);
  });
});

describe('warmUp', () => {
  it('trains every variant once and leaves no tensor behind', async () => {
    const before = backend.tf.memory().numTensors;
    await warmUp(backend.tf, dataset, config);
    expect(backend.tf.memory().numTensors).toBe(before);
  });
});

describe('updatesPerEpoch', () => {
  it('counts a smaller last batch as an update, as Keras does', () => {
    expect(updatesPerEpoch(1100, 1100)).toBe(1);
    expect(updatesPerEpoch(1100, 1)).toBe(1100);
    expect(updatesPerEpoch(1100, 32)).toBe(35);
  });
});

describe('divergence', () => {
  it('stops at the update whose loss is not finite and names the setting to change', async () => {
    // A NaN label makes the loss NaN at exactly the update that sees it, which pins down where
    // detection must fire (a too-large learning rate diverges too, at an update that is harder to
    // predict).
    const broken = { ...dataset, y: dataset.y.slice() };
    broken.y[5] = Number.NaN;
    const order = permutation(dataset.y.length, streamRng(config.seed, 'shuffle'));
    const expectedUpdate = order.indexOf(5) + 1;
    const error = await trainVariant(backend.tf, broken, config, { id: 'online', batchSize: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    const divergence = error as DivergenceError;
    expect(divergence.variantId).toBe('online');
    expect(divergence.update).toBe(expectedUpdate);
    expect(divergence.message).toMatch(/variant "online".*update \d+.*learningRate \(now 0\.01\).*src\/experiment\/config\.json/);
  });

  it('reports a huge learning rate as divergence: the loss on the logits grows with them instead of saturating', async () => {
    // TensorFlow.js's clipped binaryCrossentropy capped every point's loss near 16 and passed no
    // gradient beyond that, so even a learning rate of 1e30 ended at a finite loss. Keras's loss on
    // the logits keeps growing with them until they overflow.
    const error = await trainVariant(backend.tf, dataset, { ...config, learningRate: 1e30 }, { id: 'online', batchSize: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).update).toBeLessThan(10);
  });
});
