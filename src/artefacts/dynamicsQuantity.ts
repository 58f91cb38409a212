import type { DynamicsArtefact, DynamicsRun } from './dynamicsSchema';
import type { Quantity } from './quantity';

type Getter<T> = (from: T) => Quantity;

const minOf = (values: number[]) => Math.min(...values);
const maxOf = (values: number[]) => Math.max(...values);
const baseline = (a: DynamicsArtefact) => {
  const p = a.signalCount / a.dataSize;
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
};
const seedsOf = (a: DynamicsArtefact, variant: string) => a.runs.filter((r) => r.variant === variant && r.role !== 'sweep');
/** Each seed's loss on all points after the seed runs' epochs. */
const seedLosses = (a: DynamicsArtefact, variant: string) => seedsOf(a, variant).map((r) => r.epochLosses[a.config.seedEpochs - 1]!);
/** The curve points of the run's last epoch. */
const lastEpoch = (r: DynamicsRun, size: number) => r.curve.loss.filter((_, i) => r.curve.samples[i]! > (r.epochs - 1) * size);

/** Fields of the first seed's run of a variant, quoted as `dynamics.<variant>.<field>`. */
const runFields: Record<string, (run: DynamicsRun, a: DynamicsArtefact) => Quantity> = {
  epochs: (r) => r.epochs,
  updates: (r) => r.updates,
  samples: (r, a) => r.epochs * a.dataSize,
  finalLoss: (r) => r.epochLosses.at(-1)!,
  msPerUpdate: (r) => r.msPerUpdate,
  msPerEpoch: (r) => r.msPerEpoch,
  trainSeconds: (r) => r.trainMs / 1000,
  /** The first epoch after which the loss is below the constant model's; 0 if never. */
  epochsToBaseline: (r, a) => r.epochLosses.findIndex((l) => l < baseline(a)) + 1,
  /** Highest minus lowest loss on all points among the last epoch's evaluations: how much it still wobbles. */
  lastEpochRange: (r, a) => maxOf(lastEpoch(r, a.dataSize)) - minOf(lastEpoch(r, a.dataSize)),
  /** The lowest loss on all points seen anywhere on the curve. */
  bestLoss: (r) => minOf(r.curve.loss),
};

/** Fields of a variant over all seeds, quoted as `dynamics.<variant>.<field>`. */
const seedFields: Record<string, (a: DynamicsArtefact, variant: string) => Quantity> = {
  seedLossMin: (a, v) => minOf(seedLosses(a, v)),
  seedLossMax: (a, v) => maxOf(seedLosses(a, v)),
  seedLossSpread: (a, v) => maxOf(seedLosses(a, v)) - minOf(seedLosses(a, v)),
};

/** Fields of one sweep point, quoted as `sweep.<batch size>.<field>`. */
const sweepFields: Record<string, (run: DynamicsRun, a: DynamicsArtefact) => Quantity> = {
  batchSize: (r) => r.batchSize,
  msPerUpdate: (r) => r.msPerUpdate,
  msPerEpoch: (r) => r.msPerEpoch,
  lossAfterEpochs: (r) => r.epochLosses.at(-1)!,
  lossAtBudget: (r) => r.budget!.loss,
  updatesAtBudget: (r) => r.budget!.update,
  epochsAtBudget: (r, a) => r.budget!.samples / a.dataSize,
};

const sweep = (a: DynamicsArtefact) => a.runs.filter((r) => r.role === 'sweep');
const argmin = (runs: DynamicsRun[], value: (r: DynamicsRun) => number) => runs.reduce((best, r) => (value(r) < value(best) ? r : best)).batchSize;
/**
 * The largest batch size up to which every sweep update took less than twice as long as an update
 * of the smallest batch size: how far the fixed cost of an update stretched in this build's timings.
 * Read from the data, never assumed monotonic: the first batch size that reaches twice the time ends it.
 */
const cheapUpdatesUpTo = (a: DynamicsArtefact) => {
  const runs = sweep(a).toSorted((x, y) => x.batchSize - y.batchSize);
  const limit = 2 * runs[0]!.msPerUpdate;
  const end = runs.findIndex((r) => r.msPerUpdate >= limit);
  return runs[end === -1 ? runs.length - 1 : end - 1]!.batchSize;
};

/** Quantities of the whole dynamics artefact. */
const artefactFields: Record<string, Getter<DynamicsArtefact>> = {
  'dynamics.epochs': (a) => a.config.epochs,
  'dynamics.seedEpochs': (a) => a.config.seedEpochs,
  'dynamics.seedCount': (a) => a.config.seeds.length,
  'dynamics.firstSeed': (a) => a.config.seeds[0]!,
  'dynamics.gridSize': (a) => a.config.gridSize,
  'dynamics.evaluationsPerEpoch': (a) => a.config.evaluationsPerEpoch,
  'dynamics.longEpochs': (a) => a.config.long.epochs,
  'dynamics.workers': (a) => a.workers,
  'dynamics.timing': (a) => a.runs.find((r) => r.role === 'sweep')?.timing ?? '',
  'sweep.epochs': (a) => a.config.sweep.epochs,
  'sweep.budgetSeconds': (a) => a.config.sweep.timeBudgetMs / 1000,
  'sweep.smallest': (a) => minOf(a.config.sweep.batchSizes),
  'sweep.largest': (a) => maxOf(a.config.sweep.batchSizes),
  'sweep.bestAtBudget': (a) => argmin(sweep(a), (r) => r.budget!.loss),
  'sweep.bestAfterEpochs': (a) => argmin(sweep(a), (r) => r.epochLosses.at(-1)!),
  'sweep.fastestEpoch': (a) => argmin(sweep(a), (r) => r.msPerEpoch),
  'sweep.cheapUpdatesUpTo': cheapUpdatesUpTo,
};

/** Every ref that `dynamicsQuantity` accepts for this artefact. */
export function knownDynamicsRefs(a: DynamicsArtefact): string[] {
  const variants = a.runs.filter((r) => r.role === 'main').map((r) => r.variant!);
  return [
    ...Object.keys(artefactFields),
    ...variants.flatMap((v) => [...Object.keys(runFields), ...Object.keys(seedFields)].map((f) => `dynamics.${v}.${f}`)),
    ...variants.flatMap((v) => [`dynamics.${v}.lossAfter.<epoch>`, `dynamics.${v}.lossAtUpdate.<update>`]),
    ...sweep(a).flatMap((r) => Object.keys(sweepFields).map((f) => `sweep.${r.batchSize}.${f}`)),
  ];
}

/**
 * The value behind a dynamics ref such as `dynamics.online.lastEpochRange`,
 * `dynamics.batch.lossAfter.100` or `sweep.32.msPerUpdate`; throws for an unknown ref.
 */
export function dynamicsQuantity(a: DynamicsArtefact, ref: string): Quantity {
  const global = Object.hasOwn(artefactFields, ref) ? artefactFields[ref] : undefined;
  if (global) return global(a);
  const [stage, name, field, extra] = ref.split('.');
  if (stage === 'dynamics' && name && field) {
    const run = a.runs.find((r) => r.role === 'main' && r.variant === name);
    if (run && field === 'lossAfter' && extra && Number(extra) >= 1 && Number(extra) <= run.epochs) return run.epochLosses[Number(extra) - 1]!;
    // The last evaluation at or before update n (the curve is evaluated every few samples, not every update).
    if (run && field === 'lossAtUpdate' && extra && Number(extra) >= 1 && Number(extra) <= run.updates) {
      const i = run.curve.update.findLastIndex((u) => u <= Number(extra));
      return run.curve.loss[i]!;
    }
    if (run && extra === undefined && Object.hasOwn(runFields, field)) return runFields[field]!(run, a);
    if (run && extra === undefined && Object.hasOwn(seedFields, field)) return seedFields[field]!(a, name);
  }
  if (stage === 'sweep' && name && field && extra === undefined) {
    const run = sweep(a).find((r) => String(r.batchSize) === name);
    if (run && Object.hasOwn(sweepFields, field)) return sweepFields[field]!(run, a);
  }
  throw new Error(
    `Unknown quantity "${ref}". Known dynamics refs: ${knownDynamicsRefs(a).join(', ')}. ` +
      'Fix the ref in the page, or add the quantity to src/artefacts/dynamicsQuantity.ts.',
  );
}

/** Whether a ref names a quantity of the dynamics artefact rather than the lesson artefact. */
export const isDynamicsRef = (ref: string) => ref.startsWith('dynamics.') || ref.startsWith('sweep.');
