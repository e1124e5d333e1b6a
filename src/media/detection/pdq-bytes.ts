import { PDQ_HASH_WORDS, type PdqHash } from '../pdq/index.js';

/**
 * Writes the PDQ hash stored as 32 bytes (its 64 hex digits decoded) into `words` at
 * `offset`, as the pdq module's hash words: word w is the big-endian 32-bit number of hex
 * digits 8(7−w)…8(7−w)+7, as `fromHex` reads them.
 */
export function writePdqWords(bytes: Uint8Array, words: Uint32Array, offset: number): void {
  for (let w = 0; w < PDQ_HASH_WORDS; w++) {
    const o = (PDQ_HASH_WORDS - 1 - w) * 4;
    words[offset + w] = ((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) >>> 0;
  }
}

export function pdqOfBytes(bytes: Uint8Array): PdqHash {
  const words = new Uint32Array(PDQ_HASH_WORDS);
  writePdqWords(bytes, words, 0);
  return words as PdqHash;
}
