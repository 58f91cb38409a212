import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

/**
 * Normalises SVG markup so that a snapshot changes only when the drawing does: numbers rounded to
 * one decimal (sub-pixel noise across platforms) and ids renumbered in order of appearance.
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(id!)) ids.set(id!, `id-${ids.size + 1}`);
  let result = svg.replace(/-?\d+\.\d+/g, (n) => String(Number(Number(n).toFixed(1)) + 0));
  for (const [id, replacement] of ids) result = result.split(id).join(replacement);
  return result.replace(/></g, '>\n<');
}

/**
 * Compares markup with the committed snapshot `path`. A mismatch writes `<name>-changed.svg`
 * beside it for review and fails. A missing snapshot is created, except under CI=true, where it
 * fails. UPDATE_SNAPSHOTS=1 (npm run test:update-snapshots) rewrites it deliberately.
 */
export function expectSvgSnapshot(svg: string, path: string): void {
  const actual = normaliseSvg(svg);
  const changed = path.replace(/\.svg$/, '-changed.svg');
  const shown = relative(process.cwd(), path);
  if (process.env.UPDATE_SNAPSHOTS === '1' || (!existsSync(path) && process.env.CI !== 'true')) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(path)) throw new Error(`missing snapshot ${shown}; run \`npm run test:update-snapshots\` locally and commit it`);
  const expected = readFileSync(path, 'utf8');
  if (actual === expected) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(
    `${shown} changed: compare it with ${relative(process.cwd(), changed)}; if the change is intended, run \`npm run test:update-snapshots\``,
  );
}
