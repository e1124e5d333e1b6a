import { hashFromDct } from './bits.js';
import { DIHEDRAL_VARIANTS, dihedralDct } from './dihedral.js';
import type { DihedralVariant } from './dihedral.js';
import { pdqDctFromLuma } from './float-pipeline.js';
import { emptyPdqHash } from './hash.js';
import type { PdqHash } from './hash.js';
import { lumaFromGrey, lumaFromRgb } from './luma.js';
import { preshrink } from './preshrink.js';
import { assertRawImage } from './raw-image.js';
import type { RawImage } from './raw-image.js';

export interface PdqResult {
  readonly hash: PdqHash;
  /** 0..100; below 50 the hash is unreliable. */
  readonly quality: number;
}

export interface PdqDihedralResult {
  readonly hashes: Readonly<Record<DihedralVariant, PdqHash>>;
  readonly quality: number;
}

type LumaOf = (image: RawImage) => Float32Array;

/*
 * All entry points take decoded 8-bit interleaved pixels and apply the
 * reference's pre-shrink (nearest neighbour to 512×512 when a side exceeds
 * 512) before hashing, so they agree with the reference hasher on the same
 * decoded pixels.
 */

/** PDQ of an RGB image; `channels` ≥ 3 (a 4th channel, alpha, is ignored). */
export function pdqFromRgb(pixels: Uint8Array, width: number, height: number, channels = 3): PdqResult {
  return single({ pixels, width, height, channels }, 3, lumaFromRgb);
}

/** PDQ of a grey image; the first of `channels` samples per pixel is the grey value. */
export function pdqFromGrey(pixels: Uint8Array, width: number, height: number, channels = 1): PdqResult {
  return single({ pixels, width, height, channels }, 1, lumaFromGrey);
}

/** The eight dihedral PDQ hashes of an RGB image, from one DCT. */
export function pdqDihedralFromRgb(pixels: Uint8Array, width: number, height: number, channels = 3): PdqDihedralResult {
  return dihedral({ pixels, width, height, channels }, 3, lumaFromRgb);
}

/** The eight dihedral PDQ hashes of a grey image. */
export function pdqDihedralFromGrey(pixels: Uint8Array, width: number, height: number, channels = 1): PdqDihedralResult {
  return dihedral({ pixels, width, height, channels }, 1, lumaFromGrey);
}

interface Luma {
  readonly luma: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

function lumaOf(image: RawImage, minChannels: number, luma: LumaOf): Luma {
  assertRawImage(image, minChannels);
  const shrunk = preshrink(image);
  return { luma: luma(shrunk), rows: shrunk.height, cols: shrunk.width };
}

function single(image: RawImage, minChannels: number, luma: LumaOf): PdqResult {
  const l = lumaOf(image, minChannels, luma);
  const result = pdqDctFromLuma(l.luma, l.rows, l.cols, true);
  if (!result) return { hash: emptyPdqHash(), quality: 0 };
  return { hash: hashFromDct(result.dct16), quality: result.quality };
}

function dihedral(image: RawImage, minChannels: number, luma: LumaOf): PdqDihedralResult {
  const l = lumaOf(image, minChannels, luma);
  const result = pdqDctFromLuma(l.luma, l.rows, l.cols, false);
  const hashes = {} as Record<DihedralVariant, PdqHash>;
  for (const variant of DIHEDRAL_VARIANTS) {
    hashes[variant] = result ? hashFromDct(dihedralDct(result.dct16, variant)) : emptyPdqHash();
  }
  return { hashes, quality: result ? result.quality : 0 };
}
