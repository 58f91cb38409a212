import type { TrainProgress } from './train';

/**
 * A Keras-like log line: "online 1100/1100 [====] 1.2s 1.06ms/update - loss: 0.2412", where the
 * loss is the mean of this epoch's update losses so far, as Keras prints it.
 */
export function progressLine(p: TrainProgress, width = 20): string {
  const filled = Math.round((width * p.update) / p.updatesTotal);
  const bar =
    '='.repeat(Math.max(0, filled - 1)) + (filled > 0 ? (p.update === p.updatesTotal ? '=' : '>') : '') + '.'.repeat(width - filled);
  const digits = String(p.updatesTotal).length;
  const msPerUpdate = p.elapsedMs / p.update;
  return (
    `${p.variantId.padEnd(10)} ${String(p.update).padStart(digits)}/${p.updatesTotal} [${bar}] ` +
    `${(p.elapsedMs / 1000).toFixed(1)}s ${msPerUpdate.toFixed(2)}ms/update - loss: ${p.epochMeanLoss.toFixed(4)}`
  );
}
