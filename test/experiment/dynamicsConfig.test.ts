import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/experiment/config';
import { loadDynamicsConfig, parseDynamicsConfig } from '../../src/experiment/dynamicsConfig';
import { planRuns } from '../../src/experiment/dynamicsPlan';

const lesson = loadConfig();
const valid = JSON.parse(readFileSync(new URL('../../src/experiment/dynamics.json', import.meta.url), 'utf8'));
const parse = (change: (c: typeof valid) => void) => {
  const config = structuredClone(valid);
  change(config);
  return () => parseDynamicsConfig(config, lesson);
};

describe('the dynamics configuration', () => {
  it('accepts the lesson’s own file', () => {
    expect(loadDynamicsConfig(lesson).sweep.batchSizes.at(-1)).toBe(1100);
  });

  it('rejects a batch size larger than the data set, naming its path', () => {
    expect(parse((c) => (c.sweep.batchSizes = [1, 2, 2000]))).toThrow(
      /sweep\.batchSizes\.2: is 2000, larger than the data set \(1100 points\)/,
    );
  });

  it('rejects sizes, epochs and seeds below 1', () => {
    expect(parse((c) => (c.sweep.batchSizes = [0, 2]))).toThrow(/sweep\.batchSizes\.0/);
    expect(parse((c) => (c.epochs = 0))).toThrow(/epochs/);
    expect(parse((c) => (c.seedEpochs = 0))).toThrow(/seedEpochs/);
    expect(parse((c) => (c.seeds = []))).toThrow(/seeds/);
    expect(parse((c) => (c.sweep.timeBudgetMs = 0))).toThrow(/timeBudgetMs/);
  });

  it('rejects repeated seeds, snapshots past the last epoch and an unknown long variant', () => {
    expect(parse((c) => (c.seeds = [1, 1]))).toThrow(/must not repeat a seed/);
    expect(parse((c) => (c.snapshotEpochs = [1, 99]))).toThrow(/snapshotEpochs\.1: is 99, past the 20 epochs trained/);
    expect(parse((c) => (c.long.variant = 'stochastic'))).toThrow(/long\.variant: "stochastic" is not a variant/);
    expect(parse((c) => (c.seedEpochs = 30))).toThrow(/seedEpochs: is 30/);
  });

  it('lists every problem at once and says what to do', () => {
    expect(parse((c) => ((c.epochs = 0), (c.gridSize = 1)))).toThrow(/epochs[\s\S]*gridSize[\s\S]*Fix these values/);
  });
});

describe('planRuns', () => {
  const runs = planRuns(lesson, loadDynamicsConfig(lesson));

  it('times the first seed’s variants and the sweep, and pools the other seeds', () => {
    const config = loadDynamicsConfig(lesson);
    expect(runs.filter((r) => r.role === 'main').map((r) => r.name)).toEqual(['main-batch', 'main-online', 'main-minibatch']);
    expect(runs.filter((r) => r.role === 'seed')).toHaveLength(3 * (config.seeds.length - 1));
    expect(runs.filter((r) => r.role === 'sweep')).toHaveLength(config.sweep.batchSizes.length);
    expect(runs.every((r) => r.timed === (r.role !== 'seed'))).toBe(true);
    expect(new Set(runs.map((r) => r.name)).size).toBe(runs.length);
  });

  it('trains the long variant for longer and snapshots the seed runs’ last epoch in every main run', () => {
    const config = loadDynamicsConfig(lesson);
    const batch = runs.find((r) => r.name === 'main-batch')!;
    expect(batch.spec.epochs).toBe(config.long.epochs);
    for (const run of runs.filter((r) => r.role === 'main')) expect(run.spec.snapshotEpochs).toContain(config.seedEpochs);
  });
});
