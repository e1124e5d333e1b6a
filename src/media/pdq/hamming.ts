import type { PdqHash } from './hash.js';

/** Number of set bits in a 32-bit integer (SWAR). */
export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

/** Number of differing bits between two PDQ hashes (0..256). */
export function hamming(a: PdqHash, b: PdqHash): number {
  return (
    popcount32((a[0] ?? 0) ^ (b[0] ?? 0)) +
    popcount32((a[1] ?? 0) ^ (b[1] ?? 0)) +
    popcount32((a[2] ?? 0) ^ (b[2] ?? 0)) +
    popcount32((a[3] ?? 0) ^ (b[3] ?? 0)) +
    popcount32((a[4] ?? 0) ^ (b[4] ?? 0)) +
    popcount32((a[5] ?? 0) ^ (b[5] ?? 0)) +
    popcount32((a[6] ?? 0) ^ (b[6] ?? 0)) +
    popcount32((a[7] ?? 0) ^ (b[7] ?? 0))
  );
}
