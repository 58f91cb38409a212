/**
 * Compares two versions of the SGD step in one process, in turn, over the same batches and with
 * the trainer's loop (one step per batch, losses read back every 100 updates), so that machine
 * load hits both alike. Each module must export sgdStep, readWeights and disposeWeights as
 * src/experiment/sgd.ts does. Used for the attempts in bench/NOTES.md:
 *
 *   npx tsx bench/compareSteps.ts A.ts B.ts [--backend wasm] [--rounds 9] [--batch-sizes 1,10,1100]
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as tfType from '@tensorflow/tfjs';
import { loadBackend } from '../src/experiment/backend';
import { loadConfig } from '../src/experiment/config';
import { makeDataset } from '../src/experiment/dataset';
import { buildModel } from '../src/experiment/model';
import { epochOrders } from '../src/experiment/shuffle';
import { reorder } from '../src/experiment/train';
import type * as Sgd from '../src/experiment/sgd';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const [pathA, pathB] = process.argv.slice(2, 4);
  if (!pathA || !pathB) throw new Error('usage: compareSteps.ts A.ts B.ts [--backend wasm] [--rounds 9] [--batch-sizes 1,10,1100]');
  execFileSync('taskset', ['-a', '-c', '-p', '0', String(process.pid)], { stdio: 'ignore' });
  const a = (await import(pathToFileURL(resolve(pathA)).href)) as typeof Sgd;
  const b = (await import(pathToFileURL(resolve(pathB)).href)) as typeof Sgd;
  const backend = option('--backend', 'wasm');
  const rounds = Number(option('--rounds', '9'));
  const { tf } = await loadBackend(backend);
  const config = loadConfig();
  const dataset = makeDataset(config.seed, config.signalCount, config.backgroundCount);
  const n = dataset.y.length;
  const order = epochOrders(config.seed, n)();
  const { x, y } = reorder(dataset, order);

  const epoch = (sgd: typeof Sgd, batchSize: number): { ms: number; losses: number[] } => {
    const model = buildModel(tf, config.seed);
    let weights = sgd.readWeights(tf, model);
    model.dispose();
    const losses: number[] = [];
    let pending: tfType.Scalar[] = [];
    const start = performance.now();
    for (let first = 0; first < n; first += batchSize) {
      const last = Math.min(first + batchSize, n);
      const xBatch = tf.tensor2d(x.subarray(2 * first, 2 * last), [last - first, 2]);
      const yBatch = tf.tensor2d(y.subarray(first, last), [last - first, 1]);
      const step = sgd.sgdStep(tf, weights, xBatch, yBatch, config.learningRate);
      tf.dispose([xBatch, yBatch]);
      sgd.disposeWeights(tf, weights);
      weights = step.weights;
      pending.push(step.loss);
      if (pending.length === 100 || last === n) {
        const stacked = tf.stack(pending);
        losses.push(...stacked.dataSync());
        tf.dispose([stacked, ...pending]);
        pending = [];
      }
    }
    const ms = performance.now() - start;
    sgd.disposeWeights(tf, weights);
    return { ms, losses };
  };

  for (const batchSize of option('--batch-sizes', '1,10,1100').split(',').map(Number)) {
    epoch(a, batchSize);
    epoch(b, batchSize);
    const times: [number[], number[]] = [[], []];
    let largestLossDifference = 0;
    // A single-update epoch is short, so it gets more rounds.
    for (let r = 0; r < (batchSize >= n ? 4 * rounds : rounds); r++) {
      const runA = epoch(a, batchSize);
      const runB = epoch(b, batchSize);
      times[0].push(runA.ms);
      times[1].push(runB.ms);
      runA.losses.forEach((loss, i) => (largestLossDifference = Math.max(largestLossDifference, Math.abs(loss - runB.losses[i]!))));
    }
    const updates = Math.ceil(n / batchSize);
    const [msA, msB] = times.map((t) => median(t) / updates) as [number, number];
    console.log(
      `${backend} batch ${String(batchSize).padStart(4)}: A ${msA.toFixed(3)} ms/update, B ${msB.toFixed(3)} ms/update, ` +
        `B/A ${(msB / msA).toFixed(2)}; largest loss difference ${largestLossDifference.toExponential(1)}; ${tf.memory().numTensors} tensors left`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`compareSteps: ${error.stack ?? error.message}`);
  process.exit(1);
});
