/**
 * A PDQ hash: 256 bits held as eight 32-bit words.
 *
 * Bit k of the hash (k = i*16 + j for DCT row i, column j) is bit (k & 31) of
 * word (k >> 5). The reference stores sixteen 16-bit words; word32[m] is
 * word16[2m] | word16[2m+1] << 16, so both layouts agree bit for bit and
 * Hamming distance is eight 32-bit popcounts.
 */
declare const pdqHashBrand: unique symbol;
export type PdqHash = Uint32Array & { readonly [pdqHashBrand]: true };

export const PDQ_HASH_BITS = 256;
export const PDQ_HASH_WORDS = 8;
const HEX_DIGITS = 64;
const HEX_PATTERN = /^[0-9a-fA-F]{64}$/;

export function emptyPdqHash(): PdqHash {
  return new Uint32Array(PDQ_HASH_WORDS) as PdqHash;
}

/** Wraps eight 32-bit words (copied) as a hash. */
export function pdqHashFromWords(words: ArrayLike<number>): PdqHash {
  if (words.length !== PDQ_HASH_WORDS) {
    throw new RangeError(`A PDQ hash has ${PDQ_HASH_WORDS} 32-bit words, got ${words.length}`);
  }
  return Uint32Array.from(words) as PdqHash;
}

export function setBit(hash: PdqHash, bit: number): void {
  hash[bit >>> 5] = (hash[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

export function getBit(hash: PdqHash, bit: number): boolean {
  return (((hash[bit >>> 5] ?? 0) >>> (bit & 31)) & 1) === 1;
}

/** The reference's text form: sixteen 16-bit words, word 15 first, lower-case. */
export function toHex(hash: PdqHash): string {
  let out = '';
  for (let w = PDQ_HASH_WORDS - 1; w >= 0; w--) {
    out += (hash[w] ?? 0).toString(16).padStart(8, '0');
  }
  return out;
}

export function fromHex(text: string): PdqHash {
  if (!HEX_PATTERN.test(text)) {
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new SyntaxError(`A PDQ hash must be exactly ${HEX_DIGITS} hexadecimal digits; got ${text.length} characters: "${shown}"`);
  }
  const hash = emptyPdqHash();
  for (let w = 0; w < PDQ_HASH_WORDS; w++) {
    const start = (PDQ_HASH_WORDS - 1 - w) * 8;
    hash[w] = Number.parseInt(text.slice(start, start + 8), 16);
  }
  return hash;
}

export function pdqHashEquals(a: PdqHash, b: PdqHash): boolean {
  for (let w = 0; w < PDQ_HASH_WORDS; w++) {
    if (a[w] !== b[w]) return false;
  }
  return true;
}
