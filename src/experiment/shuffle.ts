import { permutation, streamRng } from './random';

/**
 * The order in which each epoch visits the `size` points: every call draws a fresh permutation
 * from the seed's "shuffle" stream, so epoch k's order depends only on the seed and k.
 */
export function epochOrders(seed: number, size: number): () => Int32Array {
  const rng = streamRng(seed, 'shuffle');
  return () => permutation(size, rng);
}
