import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/experiment/config';

const valid = loadConfig();
const problems = (value: unknown) => {
  try {
    parseConfig(value, 'test.json');
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};
const withVariant = (variant: object) => ({ ...valid, variants: [variant] });

describe('experiment configuration', () => {
  it('accepts the lesson configuration with its three variants', () => {
    expect(valid.variants.map((v) => v.id)).toEqual(['batch', 'online', 'minibatch']);
    expect(valid.signalCount + valid.backgroundCount).toBe(1100);
  });

  it.each([
    [0, 'variants.0.batchSize: Number must be greater than 0'],
    [-3, 'variants.0.batchSize: Number must be greater than 0'],
    [2.5, 'variants.0.batchSize: Expected integer, received float'],
    [1101, 'variants.0.batchSize: is 1101, larger than the data set (1100 points)'],
  ])('rejects batch size %s', (batchSize, message) => {
    expect(problems(withVariant({ id: 'x', batchSize }))).toContain(message);
  });

  it.each([
    [0, 'learningRate: Number must be greater than 0'],
    [-0.1, 'learningRate: Number must be greater than 0'],
    [Number.NaN, 'learningRate: Expected number, received nan'],
    [Number.POSITIVE_INFINITY, 'learningRate: Number must be finite'],
  ])('rejects learning rate %s', (learningRate, message) => {
    expect(problems({ ...valid, learningRate })).toContain(message);
  });

  it('rejects zero epochs, a grid under 2 points and a reversed extent', () => {
    const message = problems({ ...valid, epochs: 0, gridSize: 1, extent: [5, -5] });
    expect(message).toContain('epochs: Number must be greater than 0');
    expect(message).toContain('gridSize: Number must be greater than or equal to 2');
    expect(message).toContain('extent: must be [low, high] with low < high');
  });

  it('rejects duplicated and malformed variant ids and an empty variant list', () => {
    const message = problems({
      ...valid,
      variants: [
        { id: 'online', batchSize: 1 },
        { id: 'online', batchSize: 2 },
        { id: 'Mini Batch', batchSize: 3 },
      ],
    });
    expect(message).toContain('variants.1.id: duplicate variant id "online"');
    expect(message).toContain('variants.2.id: use lower-case letters, digits and dashes');
    expect(problems({ ...valid, variants: [] })).toContain('variants: Array must contain at least 1 element(s)');
  });

  it('reports every problem at once, names the file and says what to do', () => {
    const message = problems({ ...valid, learningRate: 0, epochs: 0, variants: [{ id: 'x', batchSize: 0 }] });
    expect(message.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(3);
    expect(message).toMatch(/^Invalid experiment settings in test\.json:/);
    expect(message).toMatch(/Fix these values and run again\.$/);
  });

  it('names the file when it is not valid JSON', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'minibatch-config-')), 'config.json');
    writeFileSync(path, '{"seed": 1,');
    expect(() => loadConfig(path)).toThrow(new RegExp(`${path} is not valid JSON .*fix the syntax`));
  });
});
