import seedrandom from 'seedrandom';

/** A seeded source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * A generator for one named purpose ("dataset", "weights", "shuffle"), so that drawing more
 * numbers for one purpose never changes the numbers of another.
 */
export function streamRng(seed: number, purpose: string): Rng {
  return seedrandom(`${seed}:${purpose}`);
}

/** A standard normal draw (Box-Muller; 1 - u keeps the logarithm's argument above zero). */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
export function permutation(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * A seed for TensorFlow.js's random ops, in 1..2^31-1: those ops treat a seed of 0 as "no seed"
 * and would then draw from Math.random.
 */
export function tfSeed(rng: Rng): number {
  return 1 + Math.floor(rng() * (2 ** 31 - 2));
}
