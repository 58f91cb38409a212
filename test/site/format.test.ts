import { describe, expect, it } from 'vitest';
import { formatFacts, formatQuantity } from '../../src/site/format';

describe('formatQuantity', () => {
  it('writes numbers the way each language does', () => {
    expect(formatQuantity(1100, 'ja')).toBe('1,100');
    expect(formatQuantity(1100, 'en')).toBe('1,100');
    expect(formatQuantity(1234.5, 'de', { digits: 2 })).toBe('1.234,50');
  });

  it('prints exactly `digits` decimals', () => {
    expect(formatQuantity(1.17270875, 'en', { digits: 2 })).toBe('1.17');
    expect(formatQuantity(0.8, 'en', { digits: 3 })).toBe('0.800');
    expect(formatQuantity(59.78, 'en', { digits: 0 })).toBe('60');
  });

  it('defaults to no decimals for whole numbers and three significant digits otherwise', () => {
    expect(formatQuantity(110, 'en')).toBe('110');
    expect(formatQuantity(0.17762912, 'en')).toBe('0.178');
    expect(formatQuantity(0.005, 'en')).toBe('0.005');
    expect(formatQuantity(1289.98, 'en')).toBe('1,290');
  });

  it('writes a true minus sign, as the figures do', () => {
    expect(formatQuantity(-5, 'ja')).toBe('\u22125');
    expect(formatQuantity(-0.25, 'en', { digits: 2 })).toBe('\u22120.25');
  });

  it('leaves identifiers such as a seed ungrouped when asked', () => {
    expect(formatQuantity(20240607, 'ja', { grouping: false })).toBe('20240607');
  });

  it('passes strings through and refuses numbers that are not finite', () => {
    expect(formatQuantity('4.22.0', 'ja')).toBe('4.22.0');
    expect(() => formatQuantity(Number.NaN, 'en')).toThrow(/Cannot print NaN/);
    expect(() => formatQuantity(Number.POSITIVE_INFINITY, 'en')).toThrow(/Cannot print Infinity/);
  });
});

describe('formatFacts', () => {
  it('formats numbers with at most two decimals and keeps strings', () => {
    expect(formatFacts({ variant: 'online', signalShare: 12.3, centreX1: -0.5, count: 1000 }, 'en')).toEqual({
      variant: 'online',
      signalShare: '12.3',
      centreX1: '\u22120.5',
      count: '1,000',
    });
  });

  it('names the fact that is not finite', () => {
    expect(() => formatFacts({ maxOutput: Number.NaN }, 'ja')).toThrow(/maxOutput = NaN/);
  });
});
