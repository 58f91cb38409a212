import type { DynamicsArtefact } from './dynamicsSchema';
import type { LessonArtefact } from './schema';

/**
 * Where the two artefacts a site is built from disagree: they must come from the same backend,
 * TensorFlow.js version, seed and data set, or the pages would compare runs that are not
 * comparable. Each entry names the field and both values.
 */
export function disagreements(lesson: LessonArtefact, dynamics: DynamicsArtefact): string[] {
  const pairs: [string, unknown, unknown][] = [
    ['environment.backend', lesson.environment.backend, dynamics.environment.backend],
    ['environment.tfjsVersion', lesson.environment.tfjsVersion, dynamics.environment.tfjsVersion],
    ['environment.seed', lesson.environment.seed, dynamics.environment.seed],
    ['data set size', lesson.dataset.x1.length, dynamics.dataSize],
    ['signal count', lesson.dataset.signalCount, dynamics.signalCount],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field, a, b]) => `${field}: lesson.json has ${String(a)}, dynamics.json has ${String(b)}`);
}
