import { describe, expect, test } from 'vitest';
import { dct64To16 } from './dct.js';
import { decimateTo64 } from './decimate.js';
import { jaroszFilter } from './jarosz.js';
import { lumaFromGrey, lumaFromRgb } from './luma.js';
import { pdqDctFromPixels } from './pipeline.js';
import { preshrink } from './preshrink.js';
import { pdqQuality } from './quality.js';
import type { RawImage } from './raw-image.js';

function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) out[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

/** The reference's steps one after the other, in their plain JavaScript forms. */
function plainPipeline(image: RawImage, grey: boolean, skipBlurAt64: boolean) {
  const shrunk = preshrink(image);
  const rows = shrunk.height;
  const cols = shrunk.width;
  let buffer = grey ? lumaFromGrey(shrunk) : lumaFromRgb(shrunk);
  if (!(skipBlurAt64 && rows === 64 && cols === 64)) {
    jaroszFilter(buffer, new Float32Array(rows * cols), rows, cols, 2);
    buffer = decimateTo64(buffer, rows, cols);
  }
  return { dct16: dct64To16(buffer), quality: pdqQuality(buffer) };
}

const sameBits = (a: Float32Array, b: Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe("the kernels' pipeline (pre-shrink, luminance, blur, DCT, quality) equals the plain forms bit for bit", () => {
  // Sizes around the window changes (ceil(side/128)), the decimation's spacing and the pre-shrink.
  test.each([
    [5, 5, 3, false],
    [7, 5, 3, false],
    [64, 64, 3, false],
    [64, 64, 1, true],
    [129, 63, 4, false],
    [257, 384, 2, true],
    [512, 512, 3, false],
    [511, 385, 1, true],
    [513, 200, 4, false],
    [300, 513, 3, false],
    [1300, 700, 3, false],
    [40, 901, 1, true],
    [777, 1031, 2, true],
    [600, 600, 3, true],
    [2100, 1500, 3, false],
    [3001, 257, 4, false],
  ] as const)('%i×%i, %i channel(s), grey %s', (width, height, channels, grey) => {
    const image = { pixels: bytes(width * height * channels, width * 7 + height + channels), width, height, channels };
    for (const skipBlurAt64 of [false, true]) {
      const expected = plainPipeline(image, grey, skipBlurAt64);
      const actual = pdqDctFromPixels(image, grey, skipBlurAt64);
      expect(actual?.quality).toBe(expected.quality);
      expect(sameBits(actual!.dct16, expected.dct16)).toBe(true);
    }
  });

  test('pixels in a larger buffer, at an odd offset, as sharp hands them over', () => {
    const width = 700;
    const height = 650;
    const backing = Buffer.from(bytes(width * height * 3 + 5, 99));
    const image = { pixels: backing.subarray(3, 3 + width * height * 3), width, height, channels: 3 };
    expect(sameBits(pdqDctFromPixels(image, false, false)!.dct16, plainPipeline(image, false, false).dct16)).toBe(true);
  });

  test('a side under 5 px gives nothing to hash', () => {
    expect(pdqDctFromPixels({ pixels: new Uint8Array(4 * 100 * 3), width: 4, height: 100, channels: 3 }, false, false)).toBeUndefined();
  });
});
