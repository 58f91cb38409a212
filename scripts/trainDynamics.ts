/**
 * Trains the learning-dynamics experiments of src/experiment/dynamics.json and writes
 * artefacts/dynamics.json. The untimed runs (the other seeds) go to a pool of worker processes, one
 * per core, each on one thread; the timed runs (the first seed's variants and the batch-size sweep)
 * then run one after another in a single worker, so that no timed run shares the machine with
 * another. Each run is cached under its own key. Progress goes to stderr.
 *
 *   npm run train:dynamics [-- --retrain] [-- --workers N] [-- --config FILE --dynamics-config FILE --out FILE]
 *   npm run train -- --dynamics   (the lesson's variants, then these runs, in one process)
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { experimentSources, RETRAIN_ENV } from '../src/artefacts/cache';
import { readRunCache, runCacheKey, writeRunCache } from '../src/artefacts/dynamicsCache';
import { DYNAMICS_SCHEMA_VERSION, dynamicsArtefactSchema, type DynamicsRun } from '../src/artefacts/dynamicsSchema';
import { DYNAMICS_ARTEFACT, writeJsonAtomic } from '../src/artefacts/io';
import { BACKEND_ENV, loadBackend, type LoadedBackend } from '../src/experiment/backend';
import { loadConfig, type ExperimentConfig } from '../src/experiment/config';
import { loadDynamicsConfig } from '../src/experiment/dynamicsConfig';
import { planRuns, type PlannedRun } from '../src/experiment/dynamicsPlan';
import { linspace } from '../src/experiment/grid';
import type { WorkerReply, WorkerRequest } from './dynamicsWorker';
import { describeEnvironment, option } from './environment';
import { runPool, stopWorkers } from './pool';

/** How each kind of run was timed, recorded with it. */
export const TIMING = {
  timed: 'sequential, one process with one thread, no other training running',
  pooled: (workers: number) => `pool of ${workers} processes with one thread each; times shared the machine and are not quoted`,
};

/**
 * Trains (or takes from the cache) every dynamics run and writes the artefact. `npm run train`
 * calls it after the lesson's variants with the backend already loaded, so that a warm build
 * loads TensorFlow.js once; the options come from the command line.
 */
export async function trainDynamics(backend: LoadedBackend, lesson: ExperimentConfig): Promise<void> {
  const started = performance.now();
  const config = loadDynamicsConfig(lesson, option('--dynamics-config'));
  const out =
    option('--dynamics-out') ?? (process.argv[1]?.endsWith('trainDynamics.ts') ? option('--out') : undefined) ?? DYNAMICS_ARTEFACT;
  const retrain = process.argv.includes('--retrain') || process.env[RETRAIN_ENV] === '1';
  const workers = Number(option('--workers') ?? process.env.MINIBATCH_WORKERS ?? availableParallelism());
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a whole number of at least 1, not ${workers}`);
  const environment = describeEnvironment(backend, config.seeds[0]!);
  // Workers must train on the backend the keys name, never fall back to another one.
  process.env[BACKEND_ENV] = backend.name;

  const dataset = { seed: lesson.seed, signalCount: lesson.signalCount, backgroundCount: lesson.backgroundCount };
  const sources = experimentSources();
  const planned = planRuns(lesson, config);
  const results = new Map<string, DynamicsRun>();
  const missing: { run: PlannedRun; key: string }[] = [];
  for (const run of planned) {
    const key = runCacheKey(
      { dataset, spec: run.spec, timed: run.timed, backend: backend.name, tfjsVersion: environment.tfjsVersion },
      sources,
    );
    const cached = retrain ? { status: 'miss' as const } : readRunCache(key);
    if (cached.status === 'hit') results.set(run.name, cached.entry.run);
    else {
      if (cached.status === 'corrupt') console.error(`${run.name}: ${cached.reason}; retraining`);
      missing.push({ run, key });
    }
  }
  console.error(`dynamics: ${planned.length - missing.length} of ${planned.length} runs reused from the cache, ${missing.length} to train`);

  let finished = 0;
  const keys = new Map(missing.map(({ run, key }) => [run.name, key]));
  const record = (request: WorkerRequest, reply: WorkerReply, worker: number) => {
    if (!reply.ok) return;
    finished += 1;
    writeRunCache(keys.get(request.run.name)!, reply.run);
    results.set(request.run.name, reply.run);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const loss = reply.run.epochLosses.at(-1)!.toFixed(4);
    console.error(
      `[${finished}/${missing.length}] ${request.run.name}: loss ${loss}, ${reply.run.trainMs.toFixed(0)} ms training (worker ${worker + 1}, ${seconds} s so far)`,
    );
  };
  const request = (run: PlannedRun, timing: string): WorkerRequest => ({ run, dataset, timing });
  const untimed = missing.filter((m) => !m.run.timed).map((m) => request(m.run, TIMING.pooled(workers)));
  const timed = missing.filter((m) => m.run.timed).map((m) => request(m.run, TIMING.timed));
  if (untimed.length) console.error(`dynamics: ${untimed.length} untimed runs on ${workers} worker processes`);
  await runPool(untimed, workers, record);
  if (timed.length) console.error(`dynamics: ${timed.length} timed runs, one at a time in one process`);
  await runPool(timed, 1, record);

  const artefact = dynamicsArtefactSchema.parse({
    schemaVersion: DYNAMICS_SCHEMA_VERSION,
    config,
    environment,
    dataSize: lesson.signalCount + lesson.backgroundCount,
    signalCount: lesson.signalCount,
    grid: { x1: linspace(...lesson.extent, config.gridSize), x2: linspace(...lesson.extent, config.gridSize) },
    workers,
    runs: planned.map((run) => results.get(run.name)!),
  });
  writeJsonAtomic(out, artefact);
  console.error(`wrote ${relative(process.cwd(), out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopWorkers();
      console.error(`\ntrain:dynamics: interrupted by ${signal}; finished runs are cached, nothing was half-written`);
      process.exit(130);
    });
  }
  const run = async () => trainDynamics(await loadBackend(), loadConfig(option('--config')));
  run().catch((error: Error) => {
    stopWorkers();
    console.error(`train:dynamics: ${error.message}`);
    process.exit(1);
  });
}
