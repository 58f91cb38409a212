import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLessonArtefact } from '../../src/artefacts/io';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'minibatch-train-'));
const cache = join(work, 'cache');
const out = join(work, 'lesson.json');
const smallConfig = JSON.parse(readFileSync(join(root, 'test/fixtures/small.config.json'), 'utf8'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real training script on the small configuration with a private cache folder. */
function train(config: object, ...args: string[]) {
  const configPath = join(work, 'config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const result = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/train.ts', '--config', configPath, '--out', out, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, MINIBATCH_CACHE_DIR: cache, MINIBATCH_RETRAIN: '' },
    },
  );
  return { status: result.status, stderr: result.stderr };
}

const reused = (stderr: string) => stderr.match(/reused cached training/g)?.length ?? 0;
const trained = (stderr: string) => stderr.match(/final loss/g)?.length ?? 0;

describe('npm run train with its cache', () => {
  it('trains on a cold cache and reuses every variant on a warm one, with the same artefact', () => {
    const cold = train(smallConfig);
    expect(cold.status).toBe(0);
    expect([trained(cold.stderr), reused(cold.stderr)]).toEqual([3, 0]);
    const first = readFileSync(out, 'utf8');
    expect(readdirSync(cache)).toHaveLength(3);

    const warm = train(smallConfig);
    expect(warm.status).toBe(0);
    expect([trained(warm.stderr), reused(warm.stderr)]).toEqual([0, 3]);
    expect(warm.stderr).toMatch(/batch: reused cached training \(key [0-9a-f]{16}\)/);
    expect(JSON.parse(readFileSync(out, 'utf8')).variants).toEqual(JSON.parse(first).variants);
    expect(() => readLessonArtefact(out)).not.toThrow();
  });

  it('retrains only the variant whose settings changed', () => {
    const changed = {
      ...smallConfig,
      variants: smallConfig.variants.map((v: { id: string }) => (v.id === 'minibatch' ? { ...v, batchSize: 20 } : v)),
    };
    const run = train(changed);
    expect(run.status).toBe(0);
    expect([trained(run.stderr), reused(run.stderr)]).toEqual([1, 2]);
    expect(run.stderr).toMatch(/^minibatch\s+6\/6 /m);
  });

  it('retrains everything after a shared setting changes', () => {
    const run = train({ ...smallConfig, learningRate: 0.02 });
    expect([trained(run.stderr), reused(run.stderr)]).toEqual([3, 0]);
  });

  it('retrains when forced with --retrain or MINIBATCH_RETRAIN=1', () => {
    const run = train(smallConfig, '--retrain');
    expect(run.status).toBe(0);
    expect([trained(run.stderr), reused(run.stderr)]).toEqual([3, 0]);
  });

  it('reports a corrupted or truncated cache file in one line, discards it and retrains', () => {
    const files = readdirSync(cache).map((f) => join(cache, f));
    const entry = files.find((f) => {
      const { result } = JSON.parse(readFileSync(f, 'utf8'));
      return result.batchSize === 1 && result.learningRate === smallConfig.learningRate;
    })!;
    const text = readFileSync(entry, 'utf8');
    writeFileSync(entry, text.slice(0, text.length / 2));
    const run = train(smallConfig);
    expect(run.status).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.includes('was discarded'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^online: .*\.json was discarded: it is not valid JSON \(truncated\?\); retraining$/);
    expect([trained(run.stderr), reused(run.stderr)]).toEqual([1, 2]);
    // The rebuilt entry is whole again and is used next time.
    expect(reused(train(smallConfig).stderr)).toBe(3);
  });

  it('rejects invalid settings before training, listing every problem', () => {
    const run = train({
      ...smallConfig,
      learningRate: 0,
      variants: [
        { id: 'a', batchSize: 0 },
        { id: 'a', batchSize: 999 },
      ],
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('learningRate: Number must be greater than 0');
    expect(run.stderr).toContain('variants.0.batchSize: Number must be greater than 0');
    expect(run.stderr).toContain('variants.1.id: duplicate variant id "a"');
    expect(run.stderr).toContain('variants.1.batchSize: is 999, larger than the data set (120 points)');
    expect(run.stderr).not.toContain('final loss');
  });
});
