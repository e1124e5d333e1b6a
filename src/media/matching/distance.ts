/**
 * Hamming distance between the query words q0..q7 and the hash at words[o..o+7]. Stops after
 * four words when those already exceed `limit` (a random hash differs in ~64 bits there) and
 * then returns a value above `limit`, not the distance.
 */
export function distanceWithin(
  words: Uint32Array,
  o: number,
  q0: number,
  q1: number,
  q2: number,
  q3: number,
  q4: number,
  q5: number,
  q6: number,
  q7: number,
  limit: number,
): number {
  const d = popcount4(words[o]! ^ q0, words[o + 1]! ^ q1, words[o + 2]! ^ q2, words[o + 3]! ^ q3);
  if (d > limit) return d;
  return d + popcount4(words[o + 4]! ^ q4, words[o + 5]! ^ q5, words[o + 6]! ^ q6, words[o + 7]! ^ q7);
}

/**
 * Bits set in four words, written out so the JIT inlines it into the hot loops: per-byte counts
 * (≤ 8 each) of the four words are summed before the one multiply (≤ 32 per byte, no carry).
 */
export function popcount4(a: number, b: number, c: number, d: number): number {
  a -= (a >>> 1) & 0x55555555;
  b -= (b >>> 1) & 0x55555555;
  c -= (c >>> 1) & 0x55555555;
  d -= (d >>> 1) & 0x55555555;
  a = (a & 0x33333333) + ((a >>> 2) & 0x33333333);
  b = (b & 0x33333333) + ((b >>> 2) & 0x33333333);
  c = (c & 0x33333333) + ((c >>> 2) & 0x33333333);
  d = (d & 0x33333333) + ((d >>> 2) & 0x33333333);
  const bytes =
    ((a + (a >>> 4)) & 0x0f0f0f0f) + ((b + (b >>> 4)) & 0x0f0f0f0f) + ((c + (c >>> 4)) & 0x0f0f0f0f) + ((d + (d >>> 4)) & 0x0f0f0f0f);
  return Math.imul(bytes, 0x01010101) >>> 24;
}
