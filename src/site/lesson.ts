import { resolve } from 'node:path';
import { readLessonArtefact } from '../artefacts/io';
import type { LessonArtefact } from '../artefacts/schema';
import { memoisedByModification } from './memoised';

/**
 * Where the site reads the artefact. Resolved from the project root (Astro runs there) rather than
 * from this file, because the build bundles this module into another folder.
 */
export const SITE_ARTEFACT = resolve(process.cwd(), 'artefacts/lesson.json');

const read = memoisedByModification(readLessonArtefact);

/** The lesson artefact, read and validated once per build (again when the file changes). */
export function lesson(path = SITE_ARTEFACT): LessonArtefact {
  return read(path);
}
