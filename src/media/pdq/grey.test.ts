import { describe, expect, test } from 'vitest';
import { allGrey } from './grey.js';

/** The definition, one pixel at a time. */
function naive(pixels: Uint8Array, channels: number): boolean {
  for (let s = 0; s + channels <= pixels.length; s += channels) {
    if (pixels[s] !== pixels[s + 1] || pixels[s] !== pixels[s + 2]) return false;
  }
  return true;
}

describe('allGrey', () => {
  test.each([3, 4])('%i channels, every pixel position and byte offset', (channels) => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    for (const width of [1, 3, 4, 5, 17]) {
      for (const offset of [0, 1, 4]) {
        const backing = new Uint8Array(offset + width * 3 * channels);
        const pixels = backing.subarray(offset);
        for (let p = 0; p < width * 3; p++) {
          const v = random();
          pixels.fill(v, p * channels, p * channels + 3);
          if (channels === 4) pixels[p * channels + 3] = random();
        }
        const image = { pixels, width, height: 3, channels };
        expect(allGrey(image)).toBe(true);
        for (let at = 0; at < pixels.length; at++) {
          const saved = pixels[at]!;
          pixels[at] = saved ^ (1 << (at % 8));
          expect(allGrey(image), `byte ${at}`).toBe(naive(pixels, channels));
          pixels[at] = saved;
        }
      }
    }
  });
});
