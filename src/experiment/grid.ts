/** Evenly spaced coordinates from `low` to `high` inclusive. */
export function linspace(low: number, high: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
}

/** A square grid over [low, high]^2: its axes and its points in x2-major order (x1 varies fastest). */
export interface Grid {
  x1: number[];
  x2: number[];
  /** Point k = j * x1.length + i is (points[2k], points[2k + 1]) = (x1[i], x2[j]). */
  points: Float32Array;
}

/** The evaluation grid for the prediction figures. */
export function makeGrid(size: number, [low, high]: readonly [number, number]): Grid {
  const x1 = linspace(low, high, size);
  const x2 = linspace(low, high, size);
  const points = new Float32Array(2 * size * size);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const k = j * size + i;
      points[2 * k] = x1[i]!;
      points[2 * k + 1] = x2[j]!;
    }
  }
  return { x1, x2, points };
}
