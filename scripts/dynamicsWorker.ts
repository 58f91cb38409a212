/**
 * One worker process of the dynamics pool: loads the backend once (one thread), then trains each
 * run the parent sends and answers with its result. Timed runs are preceded, once, by an untimed
 * warm-up, so that no timed run pays for the backend's first compilations.
 */
import type { DynamicsRun } from '../src/artefacts/dynamicsSchema';
import { loadBackend } from '../src/experiment/backend';
import { makeDataset } from '../src/experiment/dataset';
import { trainRun } from '../src/experiment/dynamics';
import type { PlannedRun } from '../src/experiment/dynamicsPlan';

/** What the parent sends: one run to train, on the lesson's data set. */
export interface WorkerRequest {
  run: PlannedRun;
  dataset: { seed: number; signalCount: number; backgroundCount: number };
  timing: string;
}

/** What the worker answers. */
export type WorkerReply = { ok: true; run: DynamicsRun } | { ok: false; error: string };

const round = (v: number, digits: number) => Number(v.toPrecision(digits));
const backend = loadBackend();
let warm = false;

async function handle({ run, dataset: d, timing }: WorkerRequest): Promise<DynamicsRun> {
  const { tf } = await backend;
  const dataset = makeDataset(d.seed, d.signalCount, d.backgroundCount);
  if (run.timed && !warm) {
    for (const batchSize of [dataset.y.length, 32, 1])
      trainRun(tf, dataset, { ...run.spec, batchSize, epochs: 1, snapshotEpochs: [], timeBudgetMs: undefined });
    warm = true;
  }
  const result = trainRun(tf, dataset, run.spec);
  const { curve } = result;
  return {
    name: run.name,
    role: run.role,
    ...(run.variant ? { variant: run.variant } : {}),
    batchSize: run.spec.batchSize,
    seed: run.spec.seed,
    epochs: run.spec.epochs,
    timing,
    updates: result.updates,
    trainMs: result.trainMs,
    msPerUpdate: result.trainMs / result.updates,
    msPerEpoch: result.trainMs / run.spec.epochs,
    curve: {
      update: curve.map((p) => p.update),
      samples: curve.map((p) => p.samples),
      ms: curve.map((p) => round(p.ms, 4)),
      loss: curve.map((p) => round(p.loss, 5)),
    },
    epochLosses: result.epochLosses.map((l) => round(l, 6)),
    snapshots: result.snapshots,
    ...(result.budget ? { budget: result.budget } : {}),
  };
}

process.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (run) => process.send!({ ok: true, run } satisfies WorkerReply),
    (error: Error) => process.send!({ ok: false, error: error.message } satisfies WorkerReply),
  );
});
