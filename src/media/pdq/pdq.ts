import { hashFromDct } from './bits.js';
import { DIHEDRAL_VARIANTS, dihedralDct } from './dihedral.js';
import type { DihedralVariant } from './dihedral.js';
import { emptyPdqHash } from './hash.js';
import type { PdqHash } from './hash.js';
import { pdqDctFromPixels } from './pipeline.js';
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

/*
 * All entry points take decoded 8-bit interleaved pixels and apply the
 * reference's pre-shrink (nearest neighbour to 512×512 when a side exceeds
 * 512) before hashing, so they agree with the reference hasher on the same
 * decoded pixels.
 */

/** PDQ of an RGB image; `channels` ≥ 3 (a 4th channel, alpha, is ignored). */
export function pdqFromRgb(pixels: Uint8Array, width: number, height: number, channels = 3): PdqResult {
  return single({ pixels, width, height, channels }, false);
}

/** PDQ of a grey image; the first of `channels` samples per pixel is the grey value. */
export function pdqFromGrey(pixels: Uint8Array, width: number, height: number, channels = 1): PdqResult {
  return single({ pixels, width, height, channels }, true);
}

/** The eight dihedral PDQ hashes of an RGB image, from one DCT. */
export function pdqDihedralFromRgb(pixels: Uint8Array, width: number, height: number, channels = 3): PdqDihedralResult {
  return dihedral({ pixels, width, height, channels }, false);
}

/** The eight dihedral PDQ hashes of a grey image. */
export function pdqDihedralFromGrey(pixels: Uint8Array, width: number, height: number, channels = 1): PdqDihedralResult {
  return dihedral({ pixels, width, height, channels }, true);
}

function single(image: RawImage, grey: boolean): PdqResult {
  assertRawImage(image, grey ? 1 : 3);
  const result = pdqDctFromPixels(image, grey, true);
  if (!result) return { hash: emptyPdqHash(), quality: 0 };
  return { hash: hashFromDct(result.dct16), quality: result.quality };
}

function dihedral(image: RawImage, grey: boolean): PdqDihedralResult {
  assertRawImage(image, grey ? 1 : 3);
  const result = pdqDctFromPixels(image, grey, false);
  const hashes = {} as Record<DihedralVariant, PdqHash>;
  for (const variant of DIHEDRAL_VARIANTS) {
    hashes[variant] = result ? hashFromDct(dihedralDct(result.dct16, variant)) : emptyPdqHash();
  }
  return { hashes, quality: result ? result.quality : 0 };
}
