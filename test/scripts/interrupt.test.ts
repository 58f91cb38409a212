import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'minibatch-interrupt-'));
const cache = join(work, 'cache');
const out = join(work, 'lesson.json');
const env = { ...process.env, MINIBATCH_CACHE_DIR: cache, MINIBATCH_RETRAIN: '' };
// Signal the training process itself, as a terminal's Ctrl-C does (tsx's CLI wrapper would sit between).
const args = ['--import', 'tsx', 'scripts/train.ts', '--out', out];

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['SIGINT', 'SIGTERM'] as const)('training interrupted by %s', (signal) => {
  it('leaves the previous artefact and the finished variants, and the next run trains only the rest', async () => {
    rmSync(cache, { recursive: true, force: true });
    writeFileSync(out, 'previous artefact');
    const child = spawn(process.execPath, args, { cwd: root, env });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      // The batch variant has finished and the online one (1100 updates) is under way.
      if (stderr.includes('final loss') && !child.killed) child.kill(signal);
    });
    expect(await exited).toBe(130);
    expect(stderr).toContain(`train: interrupted by ${signal}; finished variants are cached, nothing was half-written`);
    expect(readFileSync(out, 'utf8')).toBe('previous artefact');
    expect(readdirSync(work).sort()).toEqual(['cache', 'lesson.json']);
    expect(readdirSync(cache)).toHaveLength(1);

    const next = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(/^batch: reused cached training/m);
    expect(next.stderr.match(/final loss/g)).toHaveLength(2);
    expect(JSON.parse(readFileSync(out, 'utf8')).variants).toHaveLength(3);
  });
});
