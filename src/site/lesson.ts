import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readLessonArtefact } from '../artefacts/io';
import type { LessonArtefact } from '../artefacts/schema';

/**
 * Where the site reads the artefact. Resolved from the project root (Astro runs there) rather than
 * from this file, because the build bundles this module into another folder.
 */
export const SITE_ARTEFACT = resolve(process.cwd(), 'artefacts/lesson.json');

let cached: { path: string; modified: number; artefact: LessonArtefact } | undefined;

/**
 * The lesson artefact, read and validated once per build: every <Value> on a page asks for it,
 * and parsing the full artefact each time would be slow. A newer file (`npm run train` during
 * `astro dev`) is read again.
 */
export function lesson(path = SITE_ARTEFACT): LessonArtefact {
  let modified = Number.NaN;
  try {
    modified = statSync(path).mtimeMs;
  } catch {
    // readLessonArtefact below explains a missing file and how to make it.
  }
  if (cached && cached.path === path && cached.modified === modified) return cached.artefact;
  const artefact = readLessonArtefact(path);
  cached = { path, modified, artefact };
  return artefact;
}
