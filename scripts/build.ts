/**
 * `npm run build`: trains (or reuses cached training) and then builds the site with Astro.
 * Arguments go to the trainer, so `npm run build -- --retrain` forces retraining.
 */
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const started = performance.now();
run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/train.ts', '--dynamics', ...process.argv.slice(2)]);
const trained = performance.now();
run(process.execPath, ['node_modules/astro/astro.js', 'build']);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.error(`build: training ${seconds(trained - started)} s, site ${seconds(performance.now() - trained)} s`);
