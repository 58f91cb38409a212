import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { colourStats, decodePng } from './png';

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  // The decoder does not check CRCs, so four zero bytes stand in for them.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

/** Encodes RGBA rows, filtering row y with filter `filters[y]`, as an encoder may choose. */
function encodePng(width: number, rows: number[][], filters: number[], colourType = 6): Buffer {
  const channels = colourType === 6 ? 4 : 3;
  const stride = width * channels;
  const pixels = rows.map((row) => row.filter((_, i) => channels === 4 || i % 4 !== 3));
  const lines = pixels.map((row, y) => {
    const filter = filters[y]!;
    const up = (x: number) => (y > 0 ? pixels[y - 1]![x]! : 0);
    const left = (x: number) => (x >= channels ? row[x - channels]! : 0);
    const upLeft = (x: number) => (y > 0 && x >= channels ? pixels[y - 1]![x - channels]! : 0);
    const paeth = (x: number) => {
      const [a, b, c] = [left(x), up(x), upLeft(x)];
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    const predict = [() => 0, left, up, (x: number) => (left(x) + up(x)) >> 1, paeth][filter]!;
    return Buffer.from([filter, ...Array.from({ length: stride }, (_, x) => (row[x]! - predict(x) + 256) & 0xff)]);
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(rows.length, 4);
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(lines))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Five rows of three RGBA pixels, one row per filter type.
const rows = [
  [255, 255, 255, 255, 10, 20, 30, 255, 200, 100, 50, 255],
  [0, 0, 0, 255, 255, 255, 255, 255, 13, 14, 15, 255],
  [128, 64, 32, 255, 1, 2, 3, 255, 250, 251, 252, 255],
  [90, 91, 92, 255, 255, 255, 255, 255, 255, 255, 255, 255],
  [255, 255, 255, 255, 255, 255, 255, 255, 7, 8, 9, 255],
];

describe('decodePng', () => {
  it('undoes every filter type', () => {
    const image = decodePng(encodePng(3, rows, [0, 1, 2, 3, 4]));
    expect([image.width, image.height]).toEqual([3, 5]);
    expect([...image.data]).toEqual(rows.flat());
  });

  it('reads RGB without alpha as opaque', () => {
    const image = decodePng(encodePng(3, rows, [4, 3, 2, 1, 0], 2));
    expect([...image.data]).toEqual(rows.flat());
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow(/not a PNG/);
  });
});

describe('colourStats', () => {
  it('counts colours and the pixels that differ from the most common one', () => {
    const stats = colourStats(decodePng(encodePng(3, rows, [0, 0, 0, 0, 0])));
    expect(stats.notBackground).toBe(15 - 6);
    expect(stats.distinctColours).toBe(10);
  });
});
