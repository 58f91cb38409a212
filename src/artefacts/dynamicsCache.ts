import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RunSpec } from '../experiment/dynamics';
import { cacheDir, cachePath, readEntry, type Lookup } from './cache';
import { DYNAMICS_SCHEMA_VERSION, dynamicsRunSchema, type DynamicsRun } from './dynamicsSchema';
import { writeJsonAtomic } from './io';

/** Everything that changes what one dynamics run produces. */
export interface RunCacheInputs {
  dataset: { seed: number; signalCount: number; backgroundCount: number };
  spec: RunSpec;
  timed: boolean;
  backend: string;
  tfjsVersion: string;
}

const runEntrySchema = z.object({
  schemaVersion: z.literal(DYNAMICS_SCHEMA_VERSION),
  kind: z.literal('dynamics-run'),
  key: z.string(),
  run: dynamicsRunSchema,
});

/**
 * The cache key of one run: a hash of the data set, the run's own settings, whether it is timed,
 * the experiment's sources, the backend and the format. Each run has its own key, so changing the
 * sweep retrains only the sweep, and adding a seed trains only that seed's runs.
 */
export function runCacheKey(inputs: RunCacheInputs, sources: string): string {
  const material = JSON.stringify({ kind: 'dynamics-run', schemaVersion: DYNAMICS_SCHEMA_VERSION, ...inputs, sources });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

/** The cached run for `key`, if there is a valid one. */
export function readRunCache(key: string, dir = cacheDir()): Lookup<z.infer<typeof runEntrySchema>> {
  return readEntry(key, runEntrySchema, dir);
}

/** Stores one finished run under its key, atomically. */
export function writeRunCache(key: string, run: DynamicsRun, dir = cacheDir()): void {
  writeJsonAtomic(cachePath(key, dir), { schemaVersion: DYNAMICS_SCHEMA_VERSION, kind: 'dynamics-run', key, run });
}
