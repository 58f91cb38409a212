import { describe, expect, it } from 'vitest';
import { makeDataset } from '../../src/experiment/dataset';

const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('makeDataset', () => {
  const data = makeDataset(42, 100, 1000);

  it('has 100 signal and 1000 background points with labels 1 and 0', () => {
    expect(data.x).toHaveLength(2200);
    expect(data.y).toHaveLength(1100);
    expect(data.y.filter((v) => v === 1)).toHaveLength(100);
    expect(data.y.filter((v) => v === 0)).toHaveLength(1000);
  });

  it('draws background uniformly from (-5, 5)^2 and signal around (1, 0)', () => {
    const signal: number[][] = [];
    const background: number[][] = [];
    data.y.forEach((label, i) => (label === 1 ? signal : background).push([data.x[2 * i]!, data.x[2 * i + 1]!]));
    for (const [a, b] of background) {
      expect(a).toBeGreaterThanOrEqual(-5);
      expect(a).toBeLessThan(5);
      expect(b).toBeGreaterThanOrEqual(-5);
      expect(b).toBeLessThan(5);
    }
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    // The mean of 100 unit-variance draws has a standard error of 0.1; 0.4 is four of them.
    expect(mean(signal.map((p) => p[0]!))).toBeCloseTo(1, 0);
    expect(Math.abs(mean(signal.map((p) => p[0]!)) - 1)).toBeLessThan(0.4);
    expect(Math.abs(mean(signal.map((p) => p[1]!)))).toBeLessThan(0.4);
    const variance = mean(signal.map((p) => (p[1]! - mean(signal.map((q) => q[1]!))) ** 2));
    expect(variance).toBeGreaterThan(0.6);
    expect(variance).toBeLessThan(1.5);
    // Background fills the square: its mean sits near the centre and it reaches the corners.
    expect(Math.abs(mean(background.map((p) => p[0]!)))).toBeLessThan(0.4);
    expect(Math.max(...background.map((p) => p[0]!))).toBeGreaterThan(4.9);
  });

  it('shuffles signal and background together', () => {
    const firstHundred = Array.from(data.y.slice(0, 100)).filter((v) => v === 1).length;
    expect(firstHundred).toBeGreaterThan(0);
    expect(firstHundred).toBeLessThan(100);
  });

  it('gives the same bytes for the same seed and different ones for another', () => {
    const again = makeDataset(42, 100, 1000);
    expect(bytes(again.x).equals(bytes(data.x))).toBe(true);
    expect(bytes(again.y).equals(bytes(data.y))).toBe(true);
    expect(bytes(makeDataset(43, 100, 1000).x).equals(bytes(data.x))).toBe(false);
  });
});
