import type { VariantConfig } from '../src/experiment/config';
import type { Timing } from './handwrittenTiming';

/** The goals, as ratios to the hand-written step measured in the same run (medians). */
export const TARGETS = { online: 8, minibatch: 2, batch: 0.5, grid: 0.1 } as const;

/** One measured engine and variant. */
export interface Row {
  engine: string;
  variant: VariantConfig;
  timing: Timing;
}

function ms(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

function ratio(value: number, target?: number): string {
  const mark = target === undefined ? ' ' : value <= target ? ' ' : '!';
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x${mark}`;
}

/**
 * A plain-text table: engine x variant -> ms per update, epoch time and grid prediction time, each
 * with its ratio to the hand-written limit; "!" marks a ratio above its target.
 */
export function formatTable(rows: Row[], limits: Record<string, Timing>): string {
  const header = ['engine', 'variant', 'batch', 'ms/update', 'x limit', 'epoch ms', 'grid ms', 'x limit'];
  const lines = rows.map(({ engine, variant, timing }) => {
    const limit = limits[variant.id]!;
    const hand = engine === 'hand-written';
    const target = hand ? undefined : TARGETS[variant.id as keyof typeof TARGETS];
    return [
      engine,
      variant.id,
      String(variant.batchSize),
      ms(timing.msPerUpdate),
      ratio(timing.msPerUpdate / limit.msPerUpdate, target),
      ms(timing.totalMs),
      ms(timing.predictionMs),
      ratio(timing.predictionMs / limit.predictionMs, hand ? undefined : TARGETS.grid),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
