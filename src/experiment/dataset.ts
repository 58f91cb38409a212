import { gaussian, permutation, streamRng } from './random';

/** Labelled points in training order: point i is (x[2i], x[2i + 1]) with label y[i] (1 signal, 0 background). */
export interface Dataset {
  seed: number;
  signalCount: number;
  backgroundCount: number;
  x: Float32Array;
  y: Float32Array;
}

/** Where the points come from: the signal's mean and the background's square. */
export const SIGNAL_MEAN: readonly [number, number] = [1, 0];
export const BACKGROUND_RANGE: readonly [number, number] = [-5, 5];

/**
 * Draws `signalCount` points from a unit Gaussian around SIGNAL_MEAN (label 1) and
 * `backgroundCount` points uniformly from the BACKGROUND_RANGE square (label 0), then shuffles
 * them together. The same seed gives the same bytes.
 */
export function makeDataset(seed: number, signalCount: number, backgroundCount: number): Dataset {
  const rng = streamRng(seed, 'dataset');
  const n = signalCount + backgroundCount;
  const points = new Float32Array(2 * n);
  for (let i = 0; i < signalCount; i++) {
    points[2 * i] = SIGNAL_MEAN[0] + gaussian(rng);
    points[2 * i + 1] = SIGNAL_MEAN[1] + gaussian(rng);
  }
  const [low, high] = BACKGROUND_RANGE;
  for (let i = signalCount; i < n; i++) {
    points[2 * i] = low + (high - low) * rng();
    points[2 * i + 1] = low + (high - low) * rng();
  }
  const order = permutation(n, rng);
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  order.forEach((from, to) => {
    x[2 * to] = points[2 * from]!;
    x[2 * to + 1] = points[2 * from + 1]!;
    y[to] = from < signalCount ? 1 : 0;
  });
  return { seed, signalCount, backgroundCount, x, y };
}
