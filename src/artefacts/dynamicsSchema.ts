import { z } from 'zod';
import { dynamicsConfigSchema } from '../experiment/dynamicsConfig';
import { environmentSchema } from './schema';

/** Version of the dynamics artefact's format; bump it whenever a field changes meaning or shape. */
export const DYNAMICS_SCHEMA_VERSION = 1;

const finite = z.number().finite();
const count = z.number().int().nonnegative();

/** A point where the loss on the whole data set was evaluated; `ms` is training time, evaluation excluded. */
export const curvePointSchema = z.object({ update: count, samples: count, ms: finite.nonnegative(), loss: finite.nonnegative() });

/** The loss curve, one array per column (a quarter of the bytes of one object per point). */
export const curveSchema = z
  .object({ update: z.array(count), samples: z.array(count), ms: z.array(finite.nonnegative()), loss: z.array(finite.nonnegative()) })
  .refine((c) => [c.samples, c.ms, c.loss].every((a) => a.length === c.update.length), 'every column must have the same length');

/** The model output on the coarse grid after `epoch` epochs, in the lesson's x2-major order. */
export const snapshotSchema = z.object({ epoch: count, values: z.array(z.number().min(0).max(1)) });

/** One training run of the dynamics experiments and what it measured. */
export const dynamicsRunSchema = z.object({
  name: z.string(),
  role: z.enum(['main', 'seed', 'sweep']),
  variant: z.string().optional(),
  batchSize: z.number().int().positive(),
  seed: z.number().int(),
  epochs: z.number().int().positive(),
  /** How the times were taken, e.g. "sequential, one process". */
  timing: z.string(),
  updates: count,
  /** Training time of `epochs` epochs, evaluation excluded. */
  trainMs: finite.nonnegative(),
  msPerUpdate: finite.nonnegative(),
  msPerEpoch: finite.nonnegative(),
  curve: curveSchema,
  /** Loss on all points after each epoch. */
  epochLosses: z.array(finite.nonnegative()),
  snapshots: z.array(snapshotSchema),
  /** Where the sweep's time budget ran out. */
  budget: curvePointSchema.optional(),
});

/** Everything `npm run train:dynamics` writes: artefacts/dynamics.json. */
export const dynamicsArtefactSchema = z.object({
  schemaVersion: z.literal(DYNAMICS_SCHEMA_VERSION),
  config: dynamicsConfigSchema,
  environment: environmentSchema,
  dataSize: z.number().int().positive(),
  signalCount: z.number().int().nonnegative(),
  /** The coarse grid's axes (shared by every snapshot). */
  grid: z.object({ x1: z.array(finite).min(2), x2: z.array(finite).min(2) }),
  /** Worker processes of the pool that ran the untimed runs. */
  workers: z.number().int().positive(),
  runs: z.array(dynamicsRunSchema).min(1),
});

export type CurvePoint = z.infer<typeof curvePointSchema>;
export type DynamicsRun = z.infer<typeof dynamicsRunSchema>;
export type DynamicsArtefact = z.infer<typeof dynamicsArtefactSchema>;
