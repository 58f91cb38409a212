import { statSync } from 'node:fs';

/**
 * Wraps a file reader so that a file is read and validated once per build: every <Value> and
 * <Figure> on a page asks for the artefacts, and parsing them each time would be slow. A newer
 * file (`npm run train` during `astro dev`) is read again.
 */
export function memoisedByModification<T>(read: (path: string) => T): (path: string) => T {
  let cached: { path: string; modified: number; value: T } | undefined;
  return (path) => {
    let modified = Number.NaN;
    try {
      modified = statSync(path).mtimeMs;
    } catch {
      // The reader explains a missing file and how to make it.
    }
    if (cached && cached.path === path && cached.modified === modified) return cached.value;
    const value = read(path);
    cached = { path, modified, value };
    return value;
  };
}
