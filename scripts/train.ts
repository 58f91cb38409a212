/**
 * Trains every variant of src/experiment/config.json one after another on one thread and writes
 * artefacts/lesson.json, which the site is built from. Progress goes to stderr.
 */
import { arch, cpus, platform } from 'node:os';
import { relative } from 'node:path';
import { version as tfjsVersions } from '@tensorflow/tfjs';
import { writeJsonAtomic, LESSON_ARTEFACT } from '../src/artefacts/io';
import { ARTEFACT_SCHEMA_VERSION, lessonArtefactSchema, type LessonArtefact } from '../src/artefacts/schema';
import { loadBackend, THREADS } from '../src/experiment/backend';
import { loadConfig } from '../src/experiment/config';
import { makeDataset } from '../src/experiment/dataset';
import { progressLine } from '../src/experiment/log';
import { trainVariant, type TrainProgress, type VariantRun } from '../src/experiment/train';

/** `--config FILE` and `--out FILE` let tests and fixtures use other settings; both default to the lesson's. */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig(option('--config'));
  const out = option('--out') ?? LESSON_ARTEFACT;
  const backend = await loadBackend();
  console.error(`backend: ${backend.note}`);

  const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
  const runs: VariantRun[] = [];
  const interactive = process.stderr.isTTY;
  for (const variant of config.variants) {
    let last = 0;
    const show = (p: TrainProgress, done = false) => {
      const now = performance.now();
      // Redraw at most ten times a second on a terminal; in logs, print only the finished line.
      if (!done && (!interactive || now - last < 100)) return;
      last = now;
      process.stderr.write(`${interactive ? '\r\x1b[2K' : ''}${progressLine(p)}${done ? '\n' : ''}`);
    };
    let latest: TrainProgress | undefined;
    const run = await trainVariant(backend.tf, dataset, config, variant, (p) => show((latest = p)));
    if (latest) show(latest, true);
    console.error(`  ${variant.id}: final loss ${run.finalLoss.toFixed(4)} on all ${dataset.y.length} points; grid predicted in ${run.predictionMs.toFixed(0)} ms`);
    runs.push(run);
  }

  const artefact: LessonArtefact = lessonArtefactSchema.parse({
    schemaVersion: ARTEFACT_SCHEMA_VERSION,
    config,
    environment: {
      backend: backend.name,
      backendNote: backend.note,
      tfjsVersion: tfjsVersions['tfjs-core'],
      nodeVersion: process.versions.node,
      platform: `${platform()}-${arch()}`,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      threads: THREADS,
      seed: config.seed,
    },
    dataset: {
      seed: dataset.seed,
      signalCount: dataset.signalCount,
      backgroundCount: dataset.backgroundCount,
      x1: Array.from({ length: dataset.y.length }, (_, i) => dataset.x[2 * i]!),
      x2: Array.from({ length: dataset.y.length }, (_, i) => dataset.x[2 * i + 1]!),
      label: Array.from(dataset.y, (v) => (v === 1 ? 1 : 0)),
    },
    variants: runs,
  });
  writeJsonAtomic(out, artefact);
  console.error(`wrote ${relative(process.cwd(), out)}`);
}

main().catch((error: Error) => {
  console.error(`train: ${error.message}`);
  process.exit(1);
});
