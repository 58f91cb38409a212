import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunCache, runCacheKey, writeRunCache } from '../../src/artefacts/dynamicsCache';
import { dynamicsQuantity, isDynamicsRef, knownDynamicsRefs } from '../../src/artefacts/dynamicsQuantity';
import { parseDynamicsArtefact, readDynamicsArtefact } from '../../src/artefacts/io';

const path = new URL('../fixtures/dynamics.small.json', import.meta.url).pathname;
const fixture = readDynamicsArtefact(path);
const work = mkdtempSync(join(tmpdir(), 'minibatch-dynamics-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reading artefacts/dynamics.json', () => {
  it('says how to make a missing file', () => {
    expect(() => readDynamicsArtefact(join(work, 'dynamics.json'))).toThrow(/is missing; run `npm run train:dynamics` \(or `npm run build`\) first/);
  });

  it('names a truncated file, an old version and a field that does not fit', () => {
    const file = join(work, 'broken.json');
    writeFileSync(file, readFileSync(path, 'utf8').slice(0, 100));
    expect(() => readDynamicsArtefact(file)).toThrow(/corrupted or truncated/);
    const value = JSON.parse(readFileSync(path, 'utf8'));
    expect(() => parseDynamicsArtefact({ ...value, schemaVersion: 0 }, 'x.json')).toThrow(/schema version 0, this code reads version 1/);
    expect(() => parseDynamicsArtefact({ ...value, workers: 0 }, 'x.json')).toThrow(/workers/);
  });
});

describe('dynamicsQuantity', () => {
  it('answers every ref it lists', () => {
    for (const ref of knownDynamicsRefs(fixture).filter((r) => !r.includes('<'))) {
      const value = dynamicsQuantity(fixture, ref);
      if (typeof value === 'number') expect(Number.isFinite(value), ref).toBe(true);
    }
  });

  it('reads losses after an epoch and at an update from the first seed’s runs', () => {
    const online = fixture.runs.find((r) => r.name === 'main-online')!;
    expect(dynamicsQuantity(fixture, 'dynamics.online.lossAfter.2')).toBe(online.epochLosses[1]);
    expect(dynamicsQuantity(fixture, 'dynamics.online.lossAtUpdate.1')).toBe(online.curve.loss[0]);
    expect(dynamicsQuantity(fixture, 'sweep.4.batchSize')).toBe(4);
  });

  it('finds how far updates stayed under twice the smallest batch’s time, from the data whatever its order', () => {
    const timed = (ms: Record<number, number>) => ({
      ...fixture,
      runs: fixture.runs.map((r) => (r.role === 'sweep' ? { ...r, msPerUpdate: ms[r.batchSize]! } : r)),
    });
    expect(dynamicsQuantity(fixture, 'sweep.cheapUpdatesUpTo')).toBe(64);
    // A noisy build: 16 dips back under the limit after 4 crossed it, and still does not count.
    expect(dynamicsQuantity(timed({ 1: 0.5, 4: 1.2, 16: 0.6, 64: 0.7, 120: 2 }), 'sweep.cheapUpdatesUpTo')).toBe(1);
    expect(dynamicsQuantity(timed({ 1: 0.5, 4: 0.5, 16: 0.9, 64: 1, 120: 1.1 }), 'sweep.cheapUpdatesUpTo')).toBe(16);
    expect(dynamicsQuantity(timed({ 1: 0.5, 4: 0.4, 16: 0.3, 64: 0.6, 120: 0.9 }), 'sweep.cheapUpdatesUpTo')).toBe(120);
  });

  it('rejects an unknown ref, naming the known ones', () => {
    expect(() => dynamicsQuantity(fixture, 'dynamics.online.lossAfter.99')).toThrow(/Unknown quantity "dynamics\.online\.lossAfter\.99"\. Known dynamics refs: dynamics\.epochs/);
    expect(() => dynamicsQuantity(fixture, 'sweep.3.msPerUpdate')).toThrow(/Unknown quantity/);
  });

  it('tells dynamics refs from lesson refs', () => {
    expect(isDynamicsRef('sweep.32.msPerUpdate')).toBe(true);
    expect(isDynamicsRef('online.msPerUpdate')).toBe(false);
  });
});

describe('the dynamics run cache', () => {
  const inputs = {
    dataset: { seed: 7, signalCount: 20, backgroundCount: 100 },
    spec: { batchSize: 4, seed: 7, epochs: 2, learningRate: 0.01, evaluateEvery: 120, snapshotEpochs: [], gridSize: 8, extent: [-5, 5] as const },
    timed: true,
    backend: 'wasm',
    tfjsVersion: '4.22.0',
  };

  it('keys each run by its own settings', () => {
    const key = runCacheKey(inputs, 'sources');
    expect(runCacheKey(inputs, 'sources')).toBe(key);
    expect(runCacheKey({ ...inputs, spec: { ...inputs.spec, batchSize: 8 } }, 'sources')).not.toBe(key);
    expect(runCacheKey({ ...inputs, timed: false }, 'sources')).not.toBe(key);
    expect(runCacheKey(inputs, 'other sources')).not.toBe(key);
  });

  it('round-trips a run and discards a corrupt entry', () => {
    const run = fixture.runs[0]!;
    writeRunCache('abc', run, work);
    const hit = readRunCache('abc', work);
    expect(hit.status === 'hit' && hit.entry.run).toEqual(run);
    writeFileSync(join(work, 'abd.json'), '{"schemaVersion":1');
    expect(readRunCache('abd', work).status).toBe('corrupt');
    expect(readRunCache('abd', work).status).toBe('miss');
  });
});
