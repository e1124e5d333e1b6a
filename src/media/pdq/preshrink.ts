import { MAX_SIDE } from './layout.js';
import type { RawImage } from './raw-image.js';

/**
 * The reference's pre-shrink, in its plain form (hashing reads only the kept
 * pixels instead, luminance.ts; the tests compare the two): when either side exceeds 512, resample to exactly
 * 512×512 by nearest neighbour, ignoring the aspect ratio. Output column x takes
 * source column floor(x·W/512), likewise rows. W/512 is a dyadic fraction, so
 * the double arithmetic here is exact.
 */
export function preshrink(image: RawImage): RawImage {
  const { pixels, width, height, channels } = image;
  if (width <= MAX_SIDE && height <= MAX_SIDE) return image;

  const side = MAX_SIDE;
  const out = new Uint8Array(side * side * channels);
  const sourceColumn = new Int32Array(side);
  for (let x = 0; x < side; x++) sourceColumn[x] = Math.floor((x * width) / side);

  let o = 0;
  for (let y = 0; y < side; y++) {
    const rowStart = Math.floor((y * height) / side) * width;
    for (let x = 0; x < side; x++) {
      let s = (rowStart + (sourceColumn[x] ?? 0)) * channels;
      for (let c = 0; c < channels; c++) out[o++] = pixels[s++] ?? 0;
    }
  }
  return { pixels: out, width: side, height: side, channels };
}
