import { describe, expect, test } from 'vitest';
import { lumaFromGrey, lumaFromRgb } from './luma.js';
import { preshrink } from './preshrink.js';
import { imageSource } from './shrunk-luma.js';

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) out[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

describe('pre-shrink and luminance fused, row by row, equal the two steps one after the other', () => {
  test.each([
    [7, 5, 3, false],
    [512, 512, 3, false],
    [513, 200, 4, false],
    [1300, 700, 3, false],
    [40, 901, 1, true],
    [777, 1031, 2, true],
    [600, 600, 3, true],
  ] as const)('%i×%i, %i channel(s), grey %s', (width, height, channels, grey) => {
    const image = { pixels: bytes(width * height * channels, width + height), width, height, channels };
    const shrunk = preshrink(image);
    const expected = grey ? lumaFromGrey(shrunk) : lumaFromRgb(shrunk);
    const source = imageSource(image, grey);
    expect([source.rows, source.cols]).toEqual([shrunk.height, shrunk.width]);
    const actual = new Float32Array(source.rows * source.cols);
    const rows = new Float32Array(3 * source.cols);
    for (let first = 0; first < source.rows; first += 3) {
      const count = Math.min(3, source.rows - first);
      source.fill(first, count, rows);
      actual.set(rows.subarray(0, count * source.cols), first * source.cols);
    }
    expect(Buffer.from(actual.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
  });
});
