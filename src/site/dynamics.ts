import { resolve } from 'node:path';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';
import { readDynamicsArtefact } from '../artefacts/io';
import { memoisedByModification } from './memoised';

/** Where the site reads the dynamics artefact, from the project root (as lesson.ts does). */
export const SITE_DYNAMICS_ARTEFACT = resolve(process.cwd(), 'artefacts/dynamics.json');

const read = memoisedByModification(readDynamicsArtefact);

/** The dynamics artefact, read and validated once per build (again when the file changes). */
export function dynamics(path = SITE_DYNAMICS_ARTEFACT): DynamicsArtefact {
  return read(path);
}
