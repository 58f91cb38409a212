import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type LoadedBackend } from '../../src/experiment/backend';
import { makeDataset } from '../../src/experiment/dataset';
import { trainRun, type RunSpec } from '../../src/experiment/dynamics';

let backend: LoadedBackend;
const dataset = makeDataset(7, 20, 100);
const spec: RunSpec = {
  batchSize: 10,
  seed: 3,
  epochs: 3,
  learningRate: 0.01,
  evaluateEvery: 30,
  snapshotEpochs: [1, 3],
  gridSize: 6,
  extent: [-5, 5],
};

beforeAll(async () => {
  backend = await loadBackend();
});

describe('trainRun', () => {
  it('gives the same losses and grids for the same seed', () => {
    const a = trainRun(backend.tf, dataset, spec);
    const b = trainRun(backend.tf, dataset, spec);
    expect(b.curve.map((p) => p.loss)).toEqual(a.curve.map((p) => p.loss));
    expect(b.epochLosses).toEqual(a.epochLosses);
    expect(b.snapshots).toEqual(a.snapshots);
  });

  it('gives other losses for another seed (other initial weights and shuffle)', () => {
    const a = trainRun(backend.tf, dataset, spec);
    const b = trainRun(backend.tf, dataset, { ...spec, seed: 4 });
    expect(b.epochLosses).not.toEqual(a.epochLosses);
  });

  it('evaluates at the start, every evaluateEvery samples and at each epoch’s end', () => {
    const run = trainRun(backend.tf, dataset, spec);
    expect(run.curve[0]).toMatchObject({ update: 0, samples: 0, ms: 0 });
    const samples = run.curve.map((p) => p.samples);
    for (const s of [30, 60, 90, 120, 240, 360]) expect(samples).toContain(s);
    expect(run.epochLosses).toHaveLength(3);
    expect(run.updates).toBe(36);
    expect(run.snapshots.map((s) => s.epoch)).toEqual([1, 3]);
    expect(run.snapshots[0]!.values).toHaveLength(36);
    // Times only grow, and the epochs' time is the clock at the last epoch's end.
    expect(run.curve.every((p, i) => i === 0 || p.ms >= run.curve[i - 1]!.ms)).toBe(true);
    expect(run.trainMs).toBeGreaterThanOrEqual(run.curve.at(-1)!.ms - 1e-9);
  });

  it('goes on past its epochs until the time budget is spent, then records where it stopped', () => {
    const run = trainRun(backend.tf, dataset, { ...spec, epochs: 1, timeBudgetMs: 30 });
    expect(run.budget).toBeDefined();
    expect(run.budget!.ms).toBeGreaterThanOrEqual(30);
    expect(run.epochLosses).toHaveLength(1);
  });
});
