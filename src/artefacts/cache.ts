import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ExperimentConfig, VariantConfig } from '../experiment/config';
import { writeJsonAtomic } from './io';
import { ARTEFACT_SCHEMA_VERSION, environmentSchema, variantResultSchema, type Environment, type VariantResult } from './schema';

/** The git-ignored folder of cached training results, one file per variant and key. */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/training/', import.meta.url));

/** The environment variable that moves the cache elsewhere (tests use a temporary folder). */
export const CACHE_DIR_ENV = 'MINIBATCH_CACHE_DIR';

/** The cache folder in use. */
export function cacheDir(): string {
  return process.env[CACHE_DIR_ENV] || DEFAULT_CACHE_DIR;
}

/** The environment variable that forces retraining (same as `npm run build -- --retrain`). */
export const RETRAIN_ENV = 'MINIBATCH_RETRAIN';

const EXPERIMENT_DIR = fileURLToPath(new URL('../experiment/', import.meta.url));

/** Everything besides the configuration that changes what training produces. */
export interface CacheInputs {
  config: ExperimentConfig;
  variant: VariantConfig;
  backend: string;
  tfjsVersion: string;
}

const entrySchema = z.object({
  schemaVersion: z.literal(ARTEFACT_SCHEMA_VERSION),
  key: z.string(),
  environment: environmentSchema,
  result: variantResultSchema,
});

/** A cached result and the environment it was trained in. */
export type CacheEntry = z.infer<typeof entrySchema>;

/** The training code itself: every source file of the experiment stage, in a fixed order. */
export function experimentSources(dir = EXPERIMENT_DIR): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(`${name}\0${readFileSync(join(dir, name), 'utf8')}\0`);
  }
  return hash.digest('hex');
}

/**
 * The cache key of one variant: a hash of the settings shared by all variants, this variant's
 * settings, the experiment's source files, the backend and its version, and the artefact format.
 * The variant's id is left out, so renaming a variant does not retrain it.
 */
export function cacheKey(inputs: CacheInputs, sources = experimentSources()): string {
  const { variants: _variants, ...shared } = inputs.config;
  const material = JSON.stringify({
    schemaVersion: ARTEFACT_SCHEMA_VERSION,
    shared,
    batchSize: inputs.variant.batchSize,
    backend: inputs.backend,
    tfjsVersion: inputs.tfjsVersion,
    sources,
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** Where the entry for `key` lives. */
export function cachePath(key: string, dir = cacheDir()): string {
  return join(dir, `${key}.json`);
}

/** What looking up a key found. */
export type Lookup<T> = { status: 'hit'; entry: T } | { status: 'miss' } | { status: 'corrupt'; reason: string };
export type CacheLookup = Lookup<CacheEntry>;

/**
 * Reads the entry for `key`. A file that is not valid JSON, does not fit the schema or belongs to
 * another key is reported as corrupt and removed, so it is rebuilt and never used.
 */
export function readCache(key: string, dir = cacheDir()): CacheLookup {
  return readEntry(key, entrySchema, dir);
}

/** Reads a cache entry of any shape that has a `key` field; see readCache for the rules. */
export function readEntry<T extends { key: string }>(key: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, dir = cacheDir()): Lookup<T> {
  const path = cachePath(key, dir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { status: 'miss' };
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.key === key) return { status: 'hit', entry: parsed.data };
    reason = parsed.success ? `it holds key ${parsed.data.key}` : `it does not match the schema (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`;
  } catch {
    reason = 'it is not valid JSON (truncated?)';
  }
  rmSync(path, { force: true });
  return { status: 'corrupt', reason: `${relative(process.cwd(), path)} was discarded: ${reason}` };
}

/** Stores a trained variant under its key, atomically. */
export function writeCache(key: string, environment: Environment, result: VariantResult, dir = cacheDir()): void {
  writeJsonAtomic(cachePath(key, dir), { schemaVersion: ARTEFACT_SCHEMA_VERSION, key, environment, result } satisfies CacheEntry);
}
