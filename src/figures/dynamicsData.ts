import type { DynamicsArtefact, DynamicsRun } from '../artefacts/dynamicsSchema';

/** The first seed's run of each variant, in the order the lesson introduces them. */
export function mainRuns(artefact: DynamicsArtefact): DynamicsRun[] {
  return artefact.runs.filter((r) => r.role === 'main');
}

/** Every run of one variant over all seeds (the first seed's run first). */
export function seedRuns(artefact: DynamicsArtefact, variant: string): DynamicsRun[] {
  return artefact.runs.filter((r) => r.variant === variant && (r.role === 'main' || r.role === 'seed'));
}

/** The sweep's runs, by ascending batch size. */
export function sweepRuns(artefact: DynamicsArtefact): DynamicsRun[] {
  return artefact.runs.filter((r) => r.role === 'sweep').sort((a, b) => a.batchSize - b.batchSize);
}

/** The variants in the artefact, in order of first appearance. */
export function variantIds(artefact: DynamicsArtefact): string[] {
  return [...new Set(mainRuns(artefact).map((r) => r.variant!))];
}

/** Loss of a model that ignores its input and always answers the signal fraction. */
export function baselineLoss(artefact: DynamicsArtefact): number {
  const p = artefact.signalCount / artefact.dataSize;
  return p === 0 || p === 1 ? 0 : -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/** One row per curve point, for Plot: the run's variant and seed with the point's columns. */
export interface CurveRow {
  variant: string;
  seed: number;
  update: number;
  samples: number;
  seconds: number;
  loss: number;
}

/** The curve of `run` as rows, up to `maxSamples` samples seen. */
export function curveRows(run: DynamicsRun, maxSamples = Infinity): CurveRow[] {
  const c = run.curve;
  const rows: CurveRow[] = [];
  for (let i = 0; i < c.update.length && c.samples[i]! <= maxSamples; i++) {
    rows.push({
      variant: run.variant ?? String(run.batchSize),
      seed: run.seed,
      update: c.update[i]!,
      samples: c.samples[i]!,
      seconds: c.ms[i]! / 1000,
      loss: c.loss[i]!,
    });
  }
  return rows;
}
