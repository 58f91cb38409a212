import type { VariantConfig } from '../src/experiment/config';
import type { Timing } from './handwrittenTiming';

/** The goals, as ratios to the hand-written step measured in the same run (medians). */
export const TARGETS = { online: 8, minibatch: 2, batch: 0.5, grid: 0.1 } as const;

/** One measured engine and variant, with the hand-written limit measured in turn with it. */
export interface Row {
  engine: string;
  variant: VariantConfig;
  timing: Timing;
  limit: Timing;
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

function ratio(value: number, target: number): string {
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x${value <= target ? ' ' : '!'}`;
}

/**
 * A plain-text table: engine x variant -> ms per update and grid prediction time, each beside the
 * hand-written limit's and their ratio ("!" marks a ratio above its target), and the epoch time.
 */
export function formatTable(rows: Row[]): string {
  const header = ['engine', 'variant', 'batch', 'ms/update', 'limit', 'ratio', 'epoch ms', 'grid ms', 'limit', 'ratio'];
  const lines = rows.map(({ engine, variant, timing, limit }) => [
    engine,
    variant.id,
    String(variant.batchSize),
    ms(timing.msPerUpdate),
    ms(limit.msPerUpdate),
    ratio(timing.msPerUpdate / limit.msPerUpdate, TARGETS[variant.id as keyof typeof TARGETS] ?? Infinity),
    ms(timing.totalMs),
    ms(timing.predictionMs),
    ms(limit.predictionMs),
    ratio(timing.predictionMs / limit.predictionMs, TARGETS.grid),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
