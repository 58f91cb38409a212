import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ExperimentConfig } from './config';

/** The file that sets the learning-dynamics experiments: seeds, epochs, snapshots and the sweep. */
export const DYNAMICS_CONFIG_PATH = fileURLToPath(new URL('./dynamics.json', import.meta.url));

const count = z.number().int().positive();
const seed = count.max(2 ** 31 - 1);
const ascending = (list: number[]) => list.every((v, i) => i === 0 || v > list[i - 1]!);

/** The settings of the dynamics experiments; sizes are checked against the lesson's data set by `parseDynamicsConfig`. */
export const dynamicsConfigSchema = z
  .object({
    /** The first seed's runs are the ones timed and drawn alone; every seed is drawn for the spread. */
    seeds: z.array(seed).min(1),
    epochs: count,
    /** Epochs of the other seeds' runs (fewer, to keep the build short). */
    seedEpochs: count,
    snapshotEpochs: z.array(count).min(1).refine(ascending, 'must ascend'),
    evaluationsPerEpoch: count,
    gridSize: z.number().int().min(2).max(200),
    /** One variant, trained for longer with the first seed, with its own snapshots. */
    long: z.object({ variant: z.string(), epochs: count, snapshotEpochs: z.array(count).min(1).refine(ascending, 'must ascend') }),
    sweep: z.object({
      batchSizes: z.array(count).min(1).refine(ascending, 'must ascend'),
      epochs: count,
      timeBudgetMs: z.number().finite().positive(),
    }),
  })
  .superRefine((config, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (config.seedEpochs > config.epochs) issue(['seedEpochs'], `is ${config.seedEpochs}, more than epochs (${config.epochs})`);
    if (config.long.epochs < config.epochs) issue(['long', 'epochs'], `is ${config.long.epochs}, fewer than epochs (${config.epochs})`);
    if (new Set(config.seeds).size !== config.seeds.length) issue(['seeds'], 'must not repeat a seed');
    config.snapshotEpochs.forEach(
      (e, i) => e > config.epochs && issue(['snapshotEpochs', i], `is ${e}, past the ${config.epochs} epochs trained`),
    );
    config.long.snapshotEpochs.forEach(
      (e, i) => e > config.long.epochs && issue(['long', 'snapshotEpochs', i], `is ${e}, past the ${config.long.epochs} epochs trained`),
    );
  });

export type DynamicsConfig = z.infer<typeof dynamicsConfigSchema>;

/**
 * Validates the dynamics settings against the lesson's: batch sizes within 1..data size and a long
 * variant that exists. Throws one error listing every problem with its path.
 */
export function parseDynamicsConfig(value: unknown, lesson: ExperimentConfig, source = 'dynamics configuration'): DynamicsConfig {
  const size = lesson.signalCount + lesson.backgroundCount;
  const result = dynamicsConfigSchema
    .superRefine((config, ctx) => {
      config.sweep.batchSizes.forEach(
        (b, i) =>
          b > size &&
          ctx.addIssue({ code: 'custom', path: ['sweep', 'batchSizes', i], message: `is ${b}, larger than the data set (${size} points)` }),
      );
      if (!lesson.variants.some((v) => v.id === config.long.variant)) {
        const ids = lesson.variants.map((v) => v.id).join(', ');
        ctx.addIssue({ code: 'custom', path: ['long', 'variant'], message: `"${config.long.variant}" is not a variant (${ids})` });
      }
    })
    .safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Invalid dynamics settings in ${source}:\n${problems.join('\n')}\nFix these values and run again.`);
}

/** Reads and validates the dynamics configuration file. */
export function loadDynamicsConfig(lesson: ExperimentConfig, path = DYNAMICS_CONFIG_PATH): DynamicsConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the dynamics configuration ${path}: ${(error as Error).message}`);
  }
  return parseDynamicsConfig(value, lesson, path);
}
