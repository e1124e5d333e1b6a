import { decimateTo64 } from './decimate.js';
import { dct64To16 } from './dct.js';
import { jaroszFilter } from './jarosz.js';
import { pdqQuality } from './quality.js';

/** Images with a side shorter than this hash to all zeros with quality 0. */
export const MIN_HASHABLE_SIDE = 5;
const JAROSZ_PASSES = 2;

export interface PdqDct {
  /** 16×16 DCT coefficients (frequencies 1..16), row-major. */
  readonly dct16: Float32Array;
  readonly quality: number;
}

/**
 * Luminance (rows×cols, float32, consumed) → blur, 64×64 decimation, quality
 * and DCT. Returns undefined when the image is too small to hash.
 *
 * `skipBlurAt64`: the reference's single-hash path takes an input of exactly
 * 64×64 as already downsampled and skips the blur; its dihedral path does not.
 */
export function pdqDctFromLuma(luma: Float32Array, rows: number, cols: number, skipBlurAt64: boolean): PdqDct | undefined {
  if (rows < MIN_HASHABLE_SIDE || cols < MIN_HASHABLE_SIDE) return undefined;

  let buffer64: Float32Array;
  if (skipBlurAt64 && rows === 64 && cols === 64) {
    buffer64 = luma;
  } else {
    jaroszFilter(luma, new Float32Array(rows * cols), rows, cols, JAROSZ_PASSES);
    buffer64 = decimateTo64(luma, rows, cols);
  }
  return { dct16: dct64To16(buffer64), quality: pdqQuality(buffer64) };
}
