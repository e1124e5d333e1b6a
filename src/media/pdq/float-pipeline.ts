import { blurAndDecimate } from './blur.js';
import { dct64To16 } from './dct.js';
import { pdqQuality } from './quality.js';
import { planeSource, type LumaSource } from './shrunk-luma.js';

/** Images with a side shorter than this hash to all zeros with quality 0. */
export const MIN_HASHABLE_SIDE = 5;

export interface PdqDct {
  /** 16×16 DCT coefficients (frequencies 1..16), row-major. */
  readonly dct16: Float32Array;
  readonly quality: number;
}

const buffer64 = new Float32Array(64 * 64);

/**
 * Luminance (rows×cols, float32) → blur (two Jarosz passes), 64×64
 * decimation, quality and DCT. Returns undefined when the image is too small
 * to hash.
 *
 * `skipBlurAt64`: the reference's single-hash path takes an input of exactly
 * 64×64 as already downsampled and skips the blur; its dihedral path does not.
 */
export function pdqDctFromLuma(luma: Float32Array, rows: number, cols: number, skipBlurAt64: boolean): PdqDct | undefined {
  return pdqDctFromSource(planeSource(luma, rows, cols), skipBlurAt64);
}

/** The same from luminance produced a few rows at a time (see shrunk-luma.ts). */
export function pdqDctFromSource(source: LumaSource, skipBlurAt64: boolean): PdqDct | undefined {
  const { rows, cols } = source;
  if (rows < MIN_HASHABLE_SIDE || cols < MIN_HASHABLE_SIDE) return undefined;
  let small: Float32Array;
  if (skipBlurAt64 && rows === 64 && cols === 64) {
    source.fill(0, 64, buffer64);
    small = buffer64;
  } else {
    small = blurAndDecimate(source, buffer64);
  }
  return { dct16: dct64To16(small), quality: pdqQuality(small) };
}
