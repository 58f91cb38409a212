/**
 * Trains every variant of src/experiment/config.json one after another on one thread and writes
 * artefacts/lesson.json, which the site is built from. A variant whose inputs have not changed
 * since it was last trained is taken from the cache in .cache/training/ instead. Progress goes to
 * stderr; on failure nothing is half-written and the exit code is 1.
 *
 *   npm run train [-- --retrain] [-- --config FILE --out FILE] [-- --dynamics]
 *
 * With --dynamics it goes on to the learning-dynamics experiments (scripts/trainDynamics.ts).
 */
import { relative } from 'node:path';
import { cacheKey, experimentSources, readCache, RETRAIN_ENV, writeCache } from '../src/artefacts/cache';
import { LESSON_ARTEFACT, writeJsonAtomic } from '../src/artefacts/io';
import { ARTEFACT_SCHEMA_VERSION, lessonArtefactSchema, type VariantResult } from '../src/artefacts/schema';
import { loadBackend, type LoadedBackend } from '../src/experiment/backend';
import { loadConfig, type ExperimentConfig, type VariantConfig } from '../src/experiment/config';
import { makeDataset, type Dataset } from '../src/experiment/dataset';
import { progressLine } from '../src/experiment/log';
import { trainVariant, warmUp, type TrainProgress } from '../src/experiment/train';
import { describeEnvironment, option } from './environment';
import { stopWorkers } from './pool';
import { trainDynamics } from './trainDynamics';

/** Trains one variant, redrawing a Keras-like progress line on a terminal and printing the last one. */
async function trainWithProgress(backend: LoadedBackend, dataset: Dataset, config: ExperimentConfig, variant: VariantConfig) {
  const interactive = process.stderr.isTTY;
  let lastDraw = 0;
  let latest: TrainProgress | undefined;
  const run = await trainVariant(backend.tf, dataset, config, variant, (progress) => {
    latest = progress;
    const now = performance.now();
    // Redraw at most ten times a second on a terminal; a log file gets only the finished line.
    if (!interactive || now - lastDraw < 100) return;
    lastDraw = now;
    process.stderr.write(`\r\x1b[2K${progressLine(progress)}`);
  });
  if (latest) process.stderr.write(`${interactive ? '\r\x1b[2K' : ''}${progressLine(latest)}\n`);
  return run;
}

async function main(): Promise<void> {
  const config = loadConfig(option('--config'));
  const out = option('--out') ?? LESSON_ARTEFACT;
  const retrain = process.argv.includes('--retrain') || process.env[RETRAIN_ENV] === '1';
  const backend = await loadBackend();
  console.error(`backend: ${backend.note}`);
  const environment = describeEnvironment(backend, config.seed);

  const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
  const sources = experimentSources();
  const results: VariantResult[] = [];
  let warm = false;
  for (const variant of config.variants) {
    const key = cacheKey({ config, variant, backend: backend.name, tfjsVersion: environment.tfjsVersion }, sources);
    const cached = retrain ? { status: 'miss' as const } : readCache(key);
    if (cached.status === 'hit') {
      console.error(`${variant.id}: reused cached training (key ${key})`);
      results.push({ ...cached.entry.result, id: variant.id });
      continue;
    }
    if (cached.status === 'corrupt') console.error(`${variant.id}: ${cached.reason}; retraining`);
    // A cold backend compiles and allocates during its first updates; a first variant timed cold
    // would report several times its real time per update. Warm up once, untimed, before any.
    if (!warm) {
      console.error('warming up the backend (untimed)…');
      await warmUp(backend.tf, dataset, config);
      warm = true;
    }
    const run = await trainWithProgress(backend, dataset, config, variant);
    console.error(
      `  final loss ${run.finalLoss.toFixed(4)} on all ${dataset.y.length} points; grid predicted in ${run.predictionMs.toFixed(0)} ms`,
    );
    // Cache each variant as soon as it is done, so an interrupted build keeps the finished ones.
    writeCache(key, environment, run);
    results.push(run);
  }

  const artefact = lessonArtefactSchema.parse({
    schemaVersion: ARTEFACT_SCHEMA_VERSION,
    config,
    environment,
    dataset: {
      seed: dataset.seed,
      signalCount: dataset.signalCount,
      backgroundCount: dataset.backgroundCount,
      x1: Array.from({ length: dataset.y.length }, (_, i) => dataset.x[2 * i]!),
      x2: Array.from({ length: dataset.y.length }, (_, i) => dataset.x[2 * i + 1]!),
      label: Array.from(dataset.y, (v) => (v === 1 ? 1 : 0)),
    },
    variants: results,
  });
  writeJsonAtomic(out, artefact);
  console.error(`wrote ${relative(process.cwd(), out)}`);
  // The dynamics experiments share this process's backend, so a warm build loads it only once.
  if (process.argv.includes('--dynamics')) await trainDynamics(backend, config);
}

// Writes are synchronous and atomic, so a signal can only arrive between them: exiting at once
// leaves the previous artefact and every finished cache entry intact.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopWorkers();
    console.error(`\ntrain: interrupted by ${signal}; finished variants are cached, nothing was half-written`);
    process.exit(130);
  });
}

main().catch((error: Error) => {
  stopWorkers();
  console.error(`train: ${error.message}`);
  process.exit(1);
});
