import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/experiment/log';

describe('progressLine', () => {
  it('shows updates done / total, elapsed time, time per update and the epoch mean loss', () => {
    const line = progressLine({ variantId: 'online', update: 550, updatesTotal: 1100, elapsedMs: 660, loss: 0.9, epochMeanLoss: 0.25 });
    expect(line).toBe('online      550/1100 [=========>..........] 0.7s 1.20ms/update - loss: 0.2500');
  });

  it('fills the bar when done', () => {
    const line = progressLine({ variantId: 'batch', update: 1, updatesTotal: 1, elapsedMs: 61.4, loss: 0.8, epochMeanLoss: 0.8 });
    expect(line).toBe('batch      1/1 [====================] 0.1s 61.40ms/update - loss: 0.8000');
  });
});
