import { describe, expect, it } from 'vitest';
import { permutation, streamRng } from '../../src/experiment/random';
import { epochOrders } from '../../src/experiment/shuffle';

describe('epochOrders', () => {
  const nextOrder = epochOrders(20240607, 1100);
  const orders = [nextOrder(), nextOrder(), nextOrder()];

  it('visits every point exactly once per epoch', () => {
    for (const order of orders) expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from({ length: 1100 }, (_, i) => i));
  });

  it('draws a new order for every epoch', () => {
    expect(Array.from(orders[1]!)).not.toEqual(Array.from(orders[0]!));
    expect(Array.from(orders[2]!)).not.toEqual(Array.from(orders[1]!));
    // A shuffled order leaves about one point in place; a barely moved order would leave many.
    const unmoved = orders[1]!.filter((point, i) => point === orders[0]![i]).length;
    expect(unmoved).toBeLessThan(10);
  });

  it('depends only on the seed: the first epoch is the first permutation of the "shuffle" stream', () => {
    const again = epochOrders(20240607, 1100);
    expect(Array.from(again())).toEqual(Array.from(orders[0]!));
    expect(Array.from(orders[0]!)).toEqual(Array.from(permutation(1100, streamRng(20240607, 'shuffle'))));
    expect(Array.from(epochOrders(20240608, 1100)())).not.toEqual(Array.from(orders[0]!));
  });
});
