import type { PdqHash } from '../../src/media/pdq/index.js';
import { PDQ_HASH_BITS, PDQ_HASH_WORDS, pdqHashFromWords } from '../../src/media/pdq/index.js';

/**
 * A small seeded generator (a Weyl sequence through a 32-bit avalanche mix): the same seed gives
 * the same hashes on every run and machine, so a failing case can be replayed.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }

  /** Uniform integer in [0, n), n ≤ 2^32. */
  below(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }
}

/** Writes eight random words at words[offset]. */
export function fillRandom(prng: Prng, words: Uint32Array, offset: number): void {
  for (let w = 0; w < PDQ_HASH_WORDS; w++) words[offset + w] = prng.u32();
}

const flippedAt = new Uint32Array(PDQ_HASH_BITS);
let flipRound = 0;

/** Flips k distinct random bits of the hash at words[offset]. */
export function flipBits(prng: Prng, words: Uint32Array, offset: number, k: number): void {
  if (++flipRound === 2 ** 32) {
    flippedAt.fill(0);
    flipRound = 1;
  }
  for (let done = 0; done < k;) {
    const bit = prng.below(PDQ_HASH_BITS);
    if (flippedAt[bit] === flipRound) continue;
    flippedAt[bit] = flipRound;
    words[offset + (bit >>> 5)] = (words[offset + (bit >>> 5)]! ^ (1 << (bit & 31))) >>> 0;
    done++;
  }
}

export function randomHash(prng: Prng): PdqHash {
  const words = new Uint32Array(PDQ_HASH_WORDS);
  fillRandom(prng, words, 0);
  return pdqHashFromWords(words);
}

/** A copy of `base` with exactly k bits flipped. */
export function nearHash(prng: Prng, base: Uint32Array, k: number): PdqHash {
  const words = Uint32Array.from(base);
  flipBits(prng, words, 0, k);
  return pdqHashFromWords(words);
}
