import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLessonArtefact } from '../../src/artefacts/io';
import { findVariant, knownRefs, quantity, ratio } from '../../src/artefacts/quantity';

const artefact = readLessonArtefact(fileURLToPath(new URL('../fixtures/lesson.small.json', import.meta.url)));

describe('quantity', () => {
  it('reads variant fields from the artefact', () => {
    expect(quantity(artefact, 'batch.batchSize')).toBe(120);
    expect(quantity(artefact, 'online.updatesPerEpoch')).toBe(120);
    expect(quantity(artefact, 'online.updateCount')).toBe(120);
    expect(quantity(artefact, 'minibatch.updatesPerEpoch')).toBe(12);
    expect(quantity(artefact, 'online.msPerUpdate')).toBeCloseTo(2.631120066666667, 12);
    expect(quantity(artefact, 'online.totalMs')).toBeCloseTo(315.73440800000003, 9);
    expect(quantity(artefact, 'online.totalSeconds')).toBeCloseTo(0.315734408, 12);
    expect(quantity(artefact, 'batch.finalLoss')).toBeCloseTo(0.6753779053688049, 12);
    expect(quantity(artefact, 'online.epochMeanLoss')).toBeCloseTo(0.4799872391546766, 12);
  });

  it('takes the first update loss of the untrained model, before any update', () => {
    // With one update over all points, the batch loss and the epoch mean are the same number.
    expect(quantity(artefact, 'batch.firstUpdateLoss')).toBe(quantity(artefact, 'batch.epochMeanLoss'));
  });

  it('reads the data set, configuration and environment', () => {
    expect(quantity(artefact, 'dataset.signalCount')).toBe(20);
    expect(quantity(artefact, 'dataset.backgroundCount')).toBe(100);
    expect(quantity(artefact, 'dataset.size')).toBe(120);
    expect(quantity(artefact, 'dataset.signalPercent')).toBeCloseTo(100 / 6, 12);
    expect(quantity(artefact, 'config.learningRate')).toBe(0.01);
    expect(quantity(artefact, 'config.epochs')).toBe(1);
    expect(quantity(artefact, 'config.gridSize')).toBe(20);
    expect(quantity(artefact, 'environment.backend')).toBe('wasm');
    expect(quantity(artefact, 'environment.tfjsVersion')).toBe('4.22.0');
    expect(quantity(artefact, 'environment.nodeVersion')).toBe('20.20.2');
  });

  it('computes the loss of always answering the signal fraction', () => {
    const p = 20 / 120;
    expect(quantity(artefact, 'dataset.baselineLoss')).toBeCloseTo(-(p * Math.log(p) + (1 - p) * Math.log(1 - p)), 12);
  });

  it('throws for an unknown ref, naming it, the known refs and the fix', () => {
    for (const ref of ['onlin.msPerUpdate', 'online.msPerupdate', 'online', 'dataset', 'toString', 'online.toString', '']) {
      expect(() => quantity(artefact, ref)).toThrow(`Unknown quantity "${ref}"`);
    }
    expect(() => quantity(artefact, 'onlin.msPerUpdate')).toThrow(/Known refs: .*online\.msPerUpdate.*src\/artefacts\/quantity\.ts/);
  });

  it('lists refs that all resolve', () => {
    const refs = knownRefs(artefact);
    expect(refs).toContain('minibatch.finalLoss');
    for (const ref of refs) expect(['number', 'string']).toContain(typeof quantity(artefact, ref));
  });
});

describe('ratio', () => {
  it('divides one numeric ref by another', () => {
    expect(ratio(artefact, 'online.totalMs', 'online.msPerUpdate')).toBeCloseTo(120, 9);
  });

  it('refuses strings and zero denominators', () => {
    expect(() => ratio(artefact, 'environment.backend', 'online.totalMs')).toThrow(/both must be numbers/);
    const zero = { ...artefact, config: { ...artefact.config, gridSize: 0 } };
    expect(() => ratio(zero, 'online.totalMs', 'config.gridSize')).toThrow(/"config.gridSize" is 0/);
  });
});

describe('findVariant', () => {
  it('finds a variant by id and lists the ids when it cannot', () => {
    expect(findVariant(artefact, 'online').batchSize).toBe(1);
    expect(() => findVariant(artefact, 'stochastic')).toThrow('Unknown variant "stochastic". Known variants: batch, online, minibatch.');
  });
});
