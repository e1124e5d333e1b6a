import { describe, expect, test } from 'vitest';
import { decimateTo64 } from './decimate.js';
import { jaroszFilter } from './jarosz.js';
import { blurredAndDecimated } from './pipeline.js';

/** A plane of float32 values of mixed magnitudes, so that the running sums round often. */
function plane(rows: number, cols: number, seed: number): Float32Array {
  const out = new Float32Array(rows * cols);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const scale = [255, 1, 1e-3, 4e4][s & 3]!;
    out[i] = ((s >>> 8) / 2 ** 24) * scale;
  }
  return out;
}

// Sides around every change of window (ceil(side/128)) and of the decimation's spacing.
const SIDES = [5, 6, 13, 63, 64, 65, 100, 127, 128, 129, 255, 256, 257, 383, 384, 385, 511, 512];

describe("the kernels' blur equals the plain Jarosz filter followed by decimation", () => {
  test.each(SIDES.map((rows, i) => [rows, SIDES[(i * 7 + 3) % SIDES.length]!] as const))('%i×%i (rows×cols)', (rows, cols) => {
    for (const seed of [1, 2]) {
      const luma = plane(rows, cols, seed * 1000 + rows * 7 + cols);
      const plain = luma.slice();
      jaroszFilter(plain, new Float32Array(rows * cols), rows, cols, 2);
      const expected = decimateTo64(plain, rows, cols);
      const streamed = blurredAndDecimated(luma, rows, cols);
      expect(Buffer.from(streamed.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    }
  });

  test('and on a square plane of every side from 5 to 140', () => {
    for (let side = 5; side <= 140; side++) {
      const luma = plane(side, side, side);
      const plain = luma.slice();
      jaroszFilter(plain, new Float32Array(side * side), side, side, 2);
      const streamed = blurredAndDecimated(luma, side, side);
      expect(Buffer.from(streamed.buffer).equals(Buffer.from(decimateTo64(plain, side, side).buffer)), `side ${side}`).toBe(true);
    }
  });
});
