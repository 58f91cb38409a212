/**
 * `npm run bench`: times the three variants on every TensorFlow.js backend that loads here and on
 * the hand-written float32 step (the practical limit on one core), all pinned to one core, and
 * prints ms per update, epoch time and grid prediction time with each one's ratio to the limit.
 * Writes the same to .cache/bench/results.json. `--repeats N` (default 5) sets how many timed runs
 * each median is taken over; `--backends wasm,cpu` limits the backends tried; `--baseline` adds the
 * old model.fit trainer for comparison.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { version as tfjsVersions } from '@tensorflow/tfjs';
import { writeJsonAtomic } from '../src/artefacts/io';
import { BACKENDS, loadBackend } from '../src/experiment/backend';
import { loadConfig, type VariantConfig } from '../src/experiment/config';
import { makeDataset } from '../src/experiment/dataset';
import { buildModel } from '../src/experiment/model';
import { trainVariant, warmUp } from '../src/experiment/train';
import { fitVariant } from './fitBaseline';
import { timeHandwritten, type Timing } from './handwrittenTiming';
import { formatTable, TARGETS, type Row } from './table';

/** Where the results go: the git-ignored cache folder. */
const RESULTS = new URL('../.cache/bench/results.json', import.meta.url);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Restricts this process and its threads to CPU 0, so that no backend can use a second core. */
function pinToOneCore(): string {
  try {
    execFileSync('taskset', ['-a', '-c', '-p', '0', String(process.pid)], { stdio: 'ignore' });
    return 'pinned to CPU 0 with taskset';
  } catch {
    return 'not pinned (taskset failed); backends are set to one thread';
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianTiming(runs: Timing[]): Timing {
  return {
    msPerUpdate: median(runs.map((t) => t.msPerUpdate)),
    totalMs: median(runs.map((t) => t.totalMs)),
    predictionMs: median(runs.map((t) => t.predictionMs)),
  };
}

/**
 * Runs the engine and the hand-written limit once each to warm up, then `repeats` times in turn,
 * so that both medians see the same load on the machine.
 */
async function measure(repeats: number, engine: () => Promise<Timing>, limit: () => Timing): Promise<{ timing: Timing; limit: Timing }> {
  await engine();
  limit();
  const engineRuns: Timing[] = [];
  const limitRuns: Timing[] = [];
  for (let r = 0; r < repeats; r++) {
    engineRuns.push(await engine());
    limitRuns.push(limit());
  }
  return { timing: medianTiming(engineRuns), limit: medianTiming(limitRuns) };
}

async function main(): Promise<void> {
  const pinning = pinToOneCore();
  const repeats = Number(option('--repeats') ?? 5);
  const only = option('--backends')?.split(',');
  const config = loadConfig();
  const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
  const started = performance.now();
  console.error(`bench: ${pinning}; median of ${repeats} runs after one warm-up`);

  const rows: Row[] = [];
  const unavailable: { backend: string; reason: string }[] = [];
  for (const name of BACKENDS.filter((b) => !only || only.includes(b))) {
    let tf;
    try {
      ({ tf } = await loadBackend(name));
    } catch (error) {
      unavailable.push({ backend: name, reason: (error as Error).message });
      console.error(`bench: ${name} skipped: ${(error as Error).message.split('. ')[0]}`);
      continue;
    }
    const model = buildModel(tf, config.seed);
    const initial = model.getWeights().map((w) => w.dataSync() as Float32Array);
    model.dispose();
    const engines: [string, (variant: VariantConfig) => Promise<Timing>][] = [
      [name, (variant) => trainVariant(tf, dataset, config, variant)],
    ];
    if (process.argv.includes('--baseline')) engines.push([`${name} model.fit`, (variant) => fitVariant(tf, dataset, config, variant)]);
    // The first runs on a fresh backend are slow (heap growth, kernel set-up, compilation);
    // the first variant timed would pay for them.
    await warmUp(tf, dataset, config);
    for (const [engine, train] of engines) {
      for (const variant of config.variants) {
        const measured = await measure(
          repeats,
          () => train(variant),
          () => timeHandwritten(initial, dataset, config, variant),
        );
        rows.push({ engine, variant, ...measured });
        console.error(`bench: ${engine} ${variant.id} done`);
      }
    }
  }

  console.log(formatTable(rows));
  const seconds = (performance.now() - started) / 1000;
  const targets = Object.entries(TARGETS).map(([k, v]) => `${k} <= ${v}`);
  console.log(
    `\nlimit: the hand-written float32 step, run in turn with each engine. ${pinning}; median of ${repeats} runs; ${seconds.toFixed(0)} s in all.`,
  );
  console.log(`Targets (ratio to the limit): ${targets.join(', ')}; "!" marks a miss.`);
  writeJsonAtomic(RESULTS.pathname, {
    date: new Date().toISOString(),
    node: process.versions.node,
    tfjs: tfjsVersions['tfjs-core'],
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    pinning,
    repeats,
    targets: TARGETS,
    unavailable,
    rows: rows.map(({ engine, variant, timing, limit }) => ({
      engine,
      variant: variant.id,
      batchSize: variant.batchSize,
      ...timing,
      limit,
      ratio: { msPerUpdate: timing.msPerUpdate / limit.msPerUpdate, predictionMs: timing.predictionMs / limit.predictionMs },
    })),
    seconds,
  });
  console.error(`bench: wrote .cache/bench/results.json`);
}

main().catch((error: Error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exit(1);
});
