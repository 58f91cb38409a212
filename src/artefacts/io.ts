import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { DYNAMICS_SCHEMA_VERSION, dynamicsArtefactSchema, type DynamicsArtefact } from './dynamicsSchema';
import { ARTEFACT_SCHEMA_VERSION, lessonArtefactSchema, type LessonArtefact } from './schema';

/** The git-ignored folder that `npm run train` writes to. */
export const ARTEFACT_DIR = fileURLToPath(new URL('../../artefacts/', import.meta.url));

/** The artefact the site is built from. */
export const LESSON_ARTEFACT = `${ARTEFACT_DIR}lesson.json`;

/** The artefact of the learning-dynamics experiments (`npm run train:dynamics`). */
export const DYNAMICS_ARTEFACT = `${ARTEFACT_DIR}dynamics.json`;

function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** Writes JSON so that the file is either the old one or the complete new one, never half-written. */
export function writeJsonAtomic(path: string, value: unknown): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(value)}\n`);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself is unusable, so no temporary file could have been made in it.
    }
    throw new Error(`Cannot write ${shown(path)}: ${(error as Error).message}. The previous file, if any, is unchanged.`);
  }
}

/** One kind of artefact: its schema and version, the words for its schema, and the command that makes it. */
interface ArtefactKind<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  version: number;
  schemaName: string;
  command: string;
}

const LESSON: ArtefactKind<LessonArtefact> = {
  schema: lessonArtefactSchema,
  version: ARTEFACT_SCHEMA_VERSION,
  schemaName: 'artefact',
  command: 'npm run train',
};

const DYNAMICS: ArtefactKind<DynamicsArtefact> = {
  schema: dynamicsArtefactSchema,
  version: DYNAMICS_SCHEMA_VERSION,
  schemaName: 'dynamics',
  command: 'npm run train:dynamics',
};

/** Validates an artefact of one kind, naming the source and the command that regenerates it. */
function parseArtefact<T>(kind: ArtefactKind<T>, value: unknown, source: string): T {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== kind.version) {
    throw new Error(`${source} has schema version ${String(version)}, this code reads version ${kind.version}; run \`${kind.command}\` to regenerate it.`);
  }
  const result = kind.schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${source} does not match the ${kind.schemaName} schema (${first.join('; ')}); run \`${kind.command}\` to regenerate it.`);
  }
  return result.data;
}

/** Reads and validates an artefact file of one kind; a missing or truncated file says how to make it. */
function readArtefact<T>(kind: ArtefactKind<T>, path: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${shown(path)} is missing; run \`${kind.command}\` (or \`npm run build\`) first.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${shown(path)} is corrupted or truncated (not valid JSON); run \`${kind.command}\` to regenerate it.`);
  }
  return parseArtefact(kind, value, shown(path));
}

/** Validates a lesson artefact, naming the file and how to regenerate it when it does not fit the schema. */
export function parseLessonArtefact(value: unknown, source: string): LessonArtefact {
  return parseArtefact(LESSON, value, source);
}

/** Reads and validates the lesson artefact. */
export function readLessonArtefact(path = LESSON_ARTEFACT): LessonArtefact {
  return readArtefact(LESSON, path);
}

/** Validates the dynamics artefact, naming the file and how to regenerate it when it does not fit. */
export function parseDynamicsArtefact(value: unknown, source: string): DynamicsArtefact {
  return parseArtefact(DYNAMICS, value, source);
}

/** Reads and validates the dynamics artefact. */
export function readDynamicsArtefact(path = DYNAMICS_ARTEFACT): DynamicsArtefact {
  return readArtefact(DYNAMICS, path);
}
