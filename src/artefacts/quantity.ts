import type { LessonArtefact, VariantResult } from './schema';

/** A value the page can quote: a measured or configured number, or a string such as a version. */
export type Quantity = number | string;

type Getter<T> = (from: T) => Quantity;

/** Fields every variant offers, quoted as `<variantId>.<field>`. */
const variantFields: Record<string, Getter<VariantResult>> = {
  batchSize: (v) => v.batchSize,
  epochs: (v) => v.epochs,
  learningRate: (v) => v.learningRate,
  updatesPerEpoch: (v) => v.updatesPerEpoch,
  updateCount: (v) => v.updateLosses.length,
  msPerUpdate: (v) => v.msPerUpdate,
  totalMs: (v) => v.totalMs,
  totalSeconds: (v) => v.totalMs / 1000,
  // The loss of the first batch is computed before any update, so it is the untrained model's.
  firstUpdateLoss: (v) => v.updateLosses[0]!,
  epochMeanLoss: (v) => v.epochMeanLosses.at(-1)!,
  finalLoss: (v) => v.finalLoss,
  predictionMs: (v) => v.predictionMs,
};

const size = (a: LessonArtefact) => a.dataset.signalCount + a.dataset.backgroundCount;
const signalFraction = (a: LessonArtefact) => a.dataset.signalCount / size(a);

/**
 * Binary cross-entropy of a model that ignores its input and always answers the signal fraction:
 * the loss a trained model has to beat to have learned anything from where the points lie.
 */
function baselineLoss(a: LessonArtefact): number {
  const p = signalFraction(a);
  return p === 0 || p === 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/** Quantities of the whole artefact, quoted by their full ref. */
const artefactFields: Record<string, Getter<LessonArtefact>> = {
  'dataset.signalCount': (a) => a.dataset.signalCount,
  'dataset.backgroundCount': (a) => a.dataset.backgroundCount,
  'dataset.size': size,
  'dataset.signalPercent': (a) => 100 * signalFraction(a),
  'dataset.baselineLoss': baselineLoss,
  'config.seed': (a) => a.config.seed,
  'config.learningRate': (a) => a.config.learningRate,
  'config.epochs': (a) => a.config.epochs,
  'config.gridSize': (a) => a.config.gridSize,
  'config.extentLow': (a) => a.config.extent[0],
  'config.extentHigh': (a) => a.config.extent[1],
  'environment.backend': (a) => a.environment.backend,
  'environment.tfjsVersion': (a) => a.environment.tfjsVersion,
  'environment.nodeVersion': (a) => a.environment.nodeVersion,
  'environment.platform': (a) => a.environment.platform,
  'environment.intraOpThreads': (a) => a.environment.threads.intraOp,
  'environment.interOpThreads': (a) => a.environment.threads.interOp,
  'environment.openMpThreads': (a) => a.environment.threads.openMp,
};

/** Every ref that `quantity` accepts for this artefact, in a stable order. */
export function knownRefs(artefact: LessonArtefact): string[] {
  const perVariant = artefact.variants.flatMap((v) => Object.keys(variantFields).map((field) => `${v.id}.${field}`));
  return [...Object.keys(artefactFields), ...perVariant];
}

function unknownRef(ref: string, artefact: LessonArtefact): Error {
  return new Error(
    `Unknown quantity "${ref}". Known refs: ${knownRefs(artefact).join(', ')}. ` +
      'Fix the ref in the page, or add the quantity to src/artefacts/quantity.ts.',
  );
}

/** The variant with this id, or an Error that lists the ids the artefact has. */
export function findVariant(artefact: LessonArtefact, id: string): VariantResult {
  const variant = artefact.variants.find((v) => v.id === id);
  if (variant) return variant;
  const ids = artefact.variants.map((v) => v.id).join(', ');
  throw new Error(`Unknown variant "${id}". Known variants: ${ids}. Fix the variant id in the page.`);
}

/** The value behind a ref such as `online.msPerUpdate` or `dataset.size`; throws for an unknown ref. */
export function quantity(artefact: LessonArtefact, ref: string): Quantity {
  const global = Object.hasOwn(artefactFields, ref) ? artefactFields[ref] : undefined;
  if (global) return global(artefact);
  const dot = ref.indexOf('.');
  const variant = artefact.variants.find((v) => v.id === ref.slice(0, dot));
  const field = ref.slice(dot + 1);
  if (dot > 0 && variant && Object.hasOwn(variantFields, field)) return variantFields[field]!(variant);
  throw unknownRef(ref, artefact);
}

/** `of` divided by `per`, both numeric refs: lets a page say "n times as long" from the data. */
export function ratio(artefact: LessonArtefact, of: string, per: string): number {
  const [numerator, denominator] = [quantity(artefact, of), quantity(artefact, per)];
  if (typeof numerator !== 'number' || typeof denominator !== 'number') {
    throw new Error(`Cannot divide "${of}" by "${per}": both must be numbers, not ${typeof numerator} and ${typeof denominator}.`);
  }
  if (denominator === 0) throw new Error(`Cannot divide "${of}" by "${per}": "${per}" is 0 in this artefact.`);
  return numerator / denominator;
}
