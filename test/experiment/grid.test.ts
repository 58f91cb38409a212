import { beforeAll, describe, expect, it } from 'vitest';
import { loadBackend, type LoadedBackend } from '../../src/experiment/backend';
import { linspace, makeGrid } from '../../src/experiment/grid';
import { buildModel } from '../../src/experiment/model';
import { predictGrid } from '../../src/experiment/train';

let backend: LoadedBackend;
beforeAll(async () => {
  backend = await loadBackend();
});

describe('makeGrid', () => {
  it('spans the extent with both ends included, x1 varying fastest', () => {
    expect(linspace(-5, 5, 3)).toEqual([-5, 0, 5]);
    const grid = makeGrid(4, [-5, 5]);
    expect(grid.x1[0]).toBe(-5);
    expect(grid.x1[3]).toBe(5);
    // Point k = j * 4 + i is (x1[i], x2[j]): the second point moves along x1, the fifth along x2.
    const f = Math.fround;
    expect([grid.points[2], grid.points[3]]).toEqual([f(grid.x1[1]!), f(grid.x2[0]!)]);
    expect([grid.points[8], grid.points[9]]).toEqual([f(grid.x1[0]!), f(grid.x2[1]!)]);
  });
});

describe('predictGrid', () => {
  it('stores the model output at (x1[i], x2[j]) in values[j * n + i], neither transposed nor flipped', async () => {
    const { tf } = backend;
    const model = buildModel(tf, 3);
    const n = 25;
    const grid = makeGrid(n, [-5, 5]);
    const { values } = await predictGrid(tf, model, grid);
    const probes: [number, number][] = [
      [2, 21],
      [21, 2],
      [0, n - 1],
      [n - 1, 0],
      [7, 13],
    ];
    const input = tf.tensor2d(
      probes.flatMap(([i, j]) => [grid.x1[i]!, grid.x2[j]!]),
      [probes.length, 2],
    );
    const direct = Array.from((model.predict(input) as ReturnType<typeof tf.tensor>).dataSync());
    probes.forEach(([i, j], k) => expect(values[j * n + i]).toBeCloseTo(direct[k]!, 6));
    // The probes must tell the orders apart, or the test could not catch a transposed grid.
    const transposed = probes.map(([i, j]) => values[i * n + j]!);
    expect(transposed.some((v, k) => Math.abs(v - direct[k]!) > 1e-4)).toBe(true);
    const flipped = probes.map(([i, j]) => values[(n - 1 - j) * n + i]!);
    expect(flipped.some((v, k) => Math.abs(v - direct[k]!) > 1e-4)).toBe(true);
    model.dispose();
    input.dispose();
  });
});
