import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readDynamicsArtefact } from '../artefacts/io';
import type { DynamicsArtefact } from '../artefacts/dynamicsSchema';

/** Where the site reads the dynamics artefact, from the project root (as lesson.ts does). */
export const SITE_DYNAMICS_ARTEFACT = resolve(process.cwd(), 'artefacts/dynamics.json');

let cached: { path: string; modified: number; artefact: DynamicsArtefact } | undefined;

/** The dynamics artefact, read and validated once per build (again when the file changes). */
export function dynamics(path = SITE_DYNAMICS_ARTEFACT): DynamicsArtefact {
  let modified = Number.NaN;
  try {
    modified = statSync(path).mtimeMs;
  } catch {
    // readDynamicsArtefact below explains a missing file and how to make it.
  }
  if (cached && cached.path === path && cached.modified === modified) return cached.artefact;
  const artefact = readDynamicsArtefact(path);
  cached = { path, modified, artefact };
  return artefact;
}
