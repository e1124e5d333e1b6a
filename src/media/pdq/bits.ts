import type { PdqHash } from './hash.js';
import { emptyPdqHash, setBit } from './hash.js';
import { torbenMedian } from './torben.js';

/** Bit i·16+j is set when DCT coefficient (i, j) is strictly above the median coefficient. */
export function hashFromDct(dct16: Float32Array): PdqHash {
  const median = torbenMedian(dct16);
  const hash = emptyPdqHash();
  for (let k = 0; k < 256; k++) {
    if ((dct16[k] ?? 0) > median) setBit(hash, k);
  }
  return hash;
}
