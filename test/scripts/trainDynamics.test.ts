import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDynamicsArtefact } from '../../src/artefacts/io';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'minibatch-dynamics-train-'));
const cache = join(work, 'cache');
const out = join(work, 'dynamics.json');
const dynamicsConfig = JSON.parse(readFileSync(join(root, 'test/fixtures/dynamics.small.config.json'), 'utf8'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real dynamics trainer on the small configurations with a private cache folder. */
function train(config: object, ...args: string[]) {
  const configPath = join(work, 'dynamics.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      'scripts/trainDynamics.ts',
      '--config',
      'test/fixtures/small.config.json',
      '--dynamics-config',
      configPath,
      '--out',
      out,
      ...args,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, MINIBATCH_CACHE_DIR: cache, MINIBATCH_RETRAIN: '' } },
  );
  return { status: result.status, stderr: result.stderr };
}

const summary = (stderr: string) =>
  stderr
    .match(/(\d+) of (\d+) runs reused from the cache, (\d+) to train/)!
    .slice(1)
    .map(Number);

describe('npm run train:dynamics', () => {
  it('trains every run cold on a pool of two workers, with progress on stderr, and writes a valid artefact', () => {
    const run = train(dynamicsConfig, '--workers', '2');
    expect(run.status, run.stderr).toBe(0);
    expect(summary(run.stderr)).toEqual([0, 14, 14]);
    expect(run.stderr).toMatch(/on 2 worker processes/);
    expect(run.stderr).toMatch(/\[14\/14\] sweep-120/);
    const artefact = readDynamicsArtefact(out);
    expect(artefact.workers).toBe(2);
    expect(artefact.runs.filter((r) => r.role === 'sweep').every((r) => r.timing.startsWith('sequential, one process'))).toBe(true);
    expect(artefact.runs.filter((r) => r.role === 'seed').every((r) => r.timing.startsWith('pool of 2 processes'))).toBe(true);
  }, 60_000);

  it('reuses every run when nothing changed', () => {
    const run = train(dynamicsConfig);
    expect(run.status, run.stderr).toBe(0);
    expect(summary(run.stderr)).toEqual([14, 14, 0]);
  }, 30_000);

  it('retrains only the sweep when only the sweep changed', () => {
    const run = train({ ...dynamicsConfig, sweep: { ...dynamicsConfig.sweep, timeBudgetMs: 25 } });
    expect(run.status, run.stderr).toBe(0);
    expect(summary(run.stderr)).toEqual([9, 14, 5]);
    expect(run.stderr).not.toMatch(/untimed runs/);
  }, 60_000);

  it('fails with the path of an invalid setting and writes nothing', () => {
    rmSync(out, { force: true });
    const run = train({ ...dynamicsConfig, sweep: { ...dynamicsConfig.sweep, batchSizes: [1, 500] } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/sweep\.batchSizes\.1: is 500, larger than the data set \(120 points\)/);
    expect(() => readDynamicsArtefact(out)).toThrow(/missing/);
  }, 30_000);
});
