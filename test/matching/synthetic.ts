import { PDQ_HASH_WORDS } from '../../src/media/pdq/index.js';
import type { Prng } from './seeded.js';
import { fillRandom, flipBits } from './seeded.js';

/**
 * A synthetic hash list shaped like a real one: most hashes unrelated (uniform bits, as PDQ's
 * median threshold makes them balanced), the rest in clusters of near-duplicates (the same
 * picture re-encoded, resized, cropped: 1 to 24 bits from the cluster's first hash).
 */
export function generateDatabase(prng: Prng, n: number): Uint32Array {
  const words = new Uint32Array(n * PDQ_HASH_WORDS);
  let slot = 0;
  while (slot < n) {
    const base = slot * PDQ_HASH_WORDS;
    fillRandom(prng, words, base);
    slot++;
    // One hash in ten starts a cluster of 2 to 9 near-duplicates: about 35% of the list.
    if (prng.below(10) !== 0) continue;
    const size = Math.min(prng.between(2, 9), n - slot);
    for (let i = 0; i < size; i++, slot++) {
      const at = slot * PDQ_HASH_WORDS;
      words.copyWithin(at, base, base + PDQ_HASH_WORDS);
      flipBits(prng, words, at, prng.between(1, 24));
    }
  }
  return words;
}

/** Queries: half near-duplicates of stored hashes (0 to 40 bits away), half unrelated. */
export function generateQueries(prng: Prng, database: Uint32Array, count: number): Uint32Array {
  const n = database.length / PDQ_HASH_WORDS;
  const words = new Uint32Array(count * PDQ_HASH_WORDS);
  for (let q = 0; q < count; q++) {
    const at = q * PDQ_HASH_WORDS;
    if (q % 2 === 0) {
      const from = prng.below(n) * PDQ_HASH_WORDS;
      words.set(database.subarray(from, from + PDQ_HASH_WORDS), at);
      flipBits(prng, words, at, prng.between(0, 40));
    } else {
      fillRandom(prng, words, at);
    }
  }
  return words;
}
