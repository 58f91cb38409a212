import { z } from 'zod';
import { experimentConfigSchema } from '../experiment/config';

/** Version of the artefact format; bump it whenever a field changes meaning or shape. */
export const ARTEFACT_SCHEMA_VERSION = 1;

const finite = z.number().finite();

/**
 * The labelled points, in training order. `x1[i]`, `x2[i]` and `label[i]` describe point i;
 * label 1 is signal, 0 is background.
 */
export const datasetSchema = z
  .object({
    seed: z.number().int(),
    signalCount: z.number().int().nonnegative(),
    backgroundCount: z.number().int().nonnegative(),
    x1: z.array(finite),
    x2: z.array(finite),
    label: z.array(z.union([z.literal(0), z.literal(1)])),
  })
  .refine(
    (d) => d.x1.length === d.x2.length && d.x1.length === d.label.length && d.x1.length === d.signalCount + d.backgroundCount,
    'x1, x2 and label must all have signalCount + backgroundCount entries',
  );

/**
 * The model's prediction on a regular grid. Memory order is fixed: `values[j * x1.length + i]`
 * is the prediction at the point (x1[i], x2[j]); x1 varies fastest, both axes ascend, and the
 * first and last coordinates sit on the extent's edges.
 */
export const predictionGridSchema = z
  .object({
    order: z.literal('x2-major'),
    x1: z.array(finite).min(2),
    x2: z.array(finite).min(2),
    values: z.array(z.number().min(0).max(1)),
  })
  .refine((g) => g.values.length === g.x1.length * g.x2.length, 'values must hold x1.length * x2.length entries');

/** The result of training one variant. Times are wall-clock milliseconds on one thread. */
export const variantResultSchema = z.object({
  id: z.string(),
  batchSize: z.number().int().positive(),
  epochs: z.number().int().positive(),
  learningRate: finite.positive(),
  updatesPerEpoch: z.number().int().positive(),
  /** Loss of each update's batch, computed in that update's forward pass (as Keras logs it). */
  updateLosses: z.array(finite),
  /** Mean of each epoch's update losses: the loss Keras prints at the end of an epoch. */
  epochMeanLosses: z.array(finite),
  totalMs: finite.nonnegative(),
  msPerUpdate: finite.nonnegative(),
  /** Loss on the whole data set after training. */
  finalLoss: finite.nonnegative(),
  predictionMs: finite.nonnegative(),
  predictionGrid: predictionGridSchema,
});

/** Where and how the run happened. */
export const environmentSchema = z.object({
  backend: z.enum(['tensorflow', 'wasm', 'cpu']),
  backendNote: z.string(),
  tfjsVersion: z.string(),
  nodeVersion: z.string(),
  platform: z.string(),
  cpu: z.string(),
  threads: z.object({ intraOp: z.literal(1), interOp: z.literal(1), openMp: z.literal(1) }),
  seed: z.number().int(),
});

/** Everything one `npm run train` writes: the single artefact the site reads. */
export const lessonArtefactSchema = z.object({
  schemaVersion: z.literal(ARTEFACT_SCHEMA_VERSION),
  config: experimentConfigSchema,
  environment: environmentSchema,
  dataset: datasetSchema,
  variants: z.array(variantResultSchema).min(1),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type PredictionGrid = z.infer<typeof predictionGridSchema>;
export type VariantResult = z.infer<typeof variantResultSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type LessonArtefact = z.infer<typeof lessonArtefactSchema>;
