import type { RawImage } from './raw-image.js';

const f = Math.fround;
const R_COEFF = f(0.299);
const G_COEFF = f(0.587);
const B_COEFF = f(0.114);

/*
 * The plain form of the luminance, over a whole (already pre-shrunk) image.
 * Hashing computes the same values in the WebAssembly kernels, reading only
 * the pixels the pre-shrink keeps (luminance.ts); these remain for tests and
 * as the reference.
 */

/** Y = 0.299 R + 0.587 G + 0.114 B evaluated in float32, left to right, as the reference does. */
export function lumaFromRgb(image: RawImage): Float32Array {
  const { pixels, width, height, channels } = image;
  const n = width * height;
  const luma = new Float32Array(n);
  for (let p = 0, s = 0; p < n; p++, s += channels) {
    const r = f(R_COEFF * (pixels[s] ?? 0));
    const g = f(G_COEFF * (pixels[s + 1] ?? 0));
    const b = f(B_COEFF * (pixels[s + 2] ?? 0));
    luma[p] = f(f(r + g) + b);
  }
  return luma;
}

/** A grey image's luminance is its grey value, not the weighted sum of three equal channels. */
export function lumaFromGrey(image: RawImage): Float32Array {
  const { pixels, width, height, channels } = image;
  const n = width * height;
  const luma = new Float32Array(n);
  for (let p = 0, s = 0; p < n; p++, s += channels) luma[p] = pixels[s] ?? 0;
  return luma;
}
