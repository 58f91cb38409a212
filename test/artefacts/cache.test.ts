import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey, cachePath, readCache } from '../../src/artefacts/cache';
import { loadConfig } from '../../src/experiment/config';

const config = loadConfig();
const inputs = { config, variant: config.variants[0]!, backend: 'wasm', tfjsVersion: '4.22.0' };

describe('cacheKey', () => {
  it('is stable for the same inputs and changes with each input that changes training', () => {
    const key = cacheKey(inputs, 'sources');
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(cacheKey(inputs, 'sources')).toBe(key);
    expect(cacheKey(inputs, 'other sources')).not.toBe(key);
    expect(cacheKey({ ...inputs, backend: 'cpu' }, 'sources')).not.toBe(key);
    expect(cacheKey({ ...inputs, tfjsVersion: '4.21.0' }, 'sources')).not.toBe(key);
    expect(cacheKey({ ...inputs, config: { ...config, seed: 1 } }, 'sources')).not.toBe(key);
    expect(cacheKey({ ...inputs, variant: { id: 'batch', batchSize: 2 } }, 'sources')).not.toBe(key);
  });

  it('ignores the variant id and the other variants', () => {
    const key = cacheKey(inputs, 's');
    expect(cacheKey({ ...inputs, variant: { ...inputs.variant, id: 'renamed' } }, 's')).toBe(key);
    expect(cacheKey({ ...inputs, config: { ...config, variants: [inputs.variant] } }, 's')).toBe(key);
  });
});

describe('readCache', () => {
  it('misses on an absent file and discards an entry that belongs to another key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minibatch-cache-'));
    expect(readCache('abc', dir)).toEqual({ status: 'miss' });
    writeFileSync(cachePath('abc', dir), JSON.stringify({ schemaVersion: 999 }));
    const lookup = readCache('abc', dir);
    expect(lookup.status).toBe('corrupt');
    expect(lookup.status === 'corrupt' && lookup.reason).toMatch(/abc\.json was discarded: it does not match the schema \(schemaVersion/);
    expect(readCache('abc', dir)).toEqual({ status: 'miss' });
  });
});
