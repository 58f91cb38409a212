import type { ExperimentConfig } from './config';
import type { DynamicsConfig } from './dynamicsConfig';
import type { RunSpec } from './dynamics';

/** Why a run is made: the first seed's variants, the other seeds' variants, or a batch-size sweep point. */
export type RunRole = 'main' | 'seed' | 'sweep';

/** One planned run: its role, the variant it repeats (none for the sweep) and what to train. */
export interface PlannedRun {
  /** Stable name, e.g. `main-online`, `seed-online-3`, `sweep-32`. */
  name: string;
  role: RunRole;
  variant?: string;
  /** Timed runs run one at a time in one process, so that their times are not shared with another run. */
  timed: boolean;
  spec: RunSpec;
}

/**
 * Every run the dynamics experiments need. The first seed's runs and the sweep are timed; the
 * other seeds' runs only give losses and grids, so they may share the machine.
 */
export function planRuns(lesson: ExperimentConfig, config: DynamicsConfig): PlannedRun[] {
  const size = lesson.signalCount + lesson.backgroundCount;
  const evaluateEvery = Math.max(1, Math.round(size / config.evaluationsPerEpoch));
  const base = { learningRate: lesson.learningRate, gridSize: config.gridSize, extent: lesson.extent };
  const [first, ...others] = config.seeds;
  const runs: PlannedRun[] = [];
  for (const variant of lesson.variants) {
    const long = variant.id === config.long.variant;
    const epochs = long ? config.long.epochs : config.epochs;
    runs.push({
      name: `main-${variant.id}`,
      role: 'main',
      variant: variant.id,
      timed: true,
      spec: {
        ...base,
        batchSize: variant.batchSize,
        seed: first!,
        epochs,
        // A long run keeps about as many curve points as the others.
        evaluateEvery: long ? Math.round((evaluateEvery * config.long.epochs) / config.epochs) : evaluateEvery,
        snapshotEpochs: [...new Set([...config.snapshotEpochs, config.seedEpochs, ...(long ? config.long.snapshotEpochs : [])])].sort(
          (a, b) => a - b,
        ),
      },
    });
  }
  for (const seed of others) {
    for (const variant of lesson.variants) {
      runs.push({
        name: `seed-${variant.id}-${seed}`,
        role: 'seed',
        variant: variant.id,
        timed: false,
        spec: {
          ...base,
          batchSize: variant.batchSize,
          seed,
          epochs: config.seedEpochs,
          evaluateEvery,
          snapshotEpochs: [config.seedEpochs],
        },
      });
    }
  }
  for (const batchSize of config.sweep.batchSizes) {
    runs.push({
      name: `sweep-${batchSize}`,
      role: 'sweep',
      timed: true,
      spec: {
        ...base,
        batchSize,
        seed: first!,
        epochs: config.sweep.epochs,
        evaluateEvery: size,
        snapshotEpochs: [],
        timeBudgetMs: config.sweep.timeBudgetMs,
      },
    });
  }
  return runs;
}
