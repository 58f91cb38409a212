/**
 * `npm run build`: checks the content, trains (or reuses cached training), checks that the two
 * artefacts belong together, and builds the site with Astro into a temporary folder that replaces
 * dist/ only when the build succeeded, so a failed build leaves the last good site in place.
 * Arguments go to the trainer, so `npm run build -- --retrain` forces retraining.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { disagreements } from '../src/artefacts/agree';
import { readDynamicsArtefact, readLessonArtefact } from '../src/artefacts/io';
import { checkContent } from './checkContent';

const DIST = 'dist';
const NEXT = '.cache/dist-next';
const PREVIOUS = '.cache/dist-previous';

function fail(message: string): never {
  console.error(`build: ${message}`);
  process.exit(1);
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    rmSync(NEXT, { recursive: true, force: true });
    if (existsSync(DIST)) console.error(`build: failed; ${DIST}/ still holds the previous site`);
    process.exit(result.status ?? 1);
  }
}

const started = performance.now();

// The content check takes milliseconds: fail before minutes of training, and never build a page
// that Starlight would silently fill with the other language's text.
const problems = checkContent('content');
if (problems.length) {
  for (const p of problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  fail(`${problems.length} content problem(s); fix them and build again (\`npm run check:content\` shows them alone)`);
}

run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/train.ts', '--dynamics', ...process.argv.slice(2)]);
const trained = performance.now();

try {
  const mismatches = disagreements(readLessonArtefact(), readDynamicsArtefact());
  if (mismatches.length) fail(`the artefacts come from different runs (${mismatches.join('; ')}); run \`npm run train\` to make both`);
} catch (error) {
  fail((error as Error).message);
}

rmSync(NEXT, { recursive: true, force: true });
run(process.execPath, ['node_modules/astro/astro.js', 'build', '--outDir', NEXT]);
rmSync(PREVIOUS, { recursive: true, force: true });
if (existsSync(DIST)) renameSync(DIST, PREVIOUS);
renameSync(NEXT, DIST);
rmSync(PREVIOUS, { recursive: true, force: true });

const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.error(`build: training ${seconds(trained - started)} s, site ${seconds(performance.now() - trained)} s`);
