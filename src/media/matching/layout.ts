import { PDQ_HASH_BITS } from '../pdq/index.js';

/** Narrower substrings make tables useless; wider ones no longer fit a 32-bit key. */
export const MIN_SUBSTRING_BITS = 8;
export const MAX_SUBSTRING_BITS = 32;
export const MIN_SUBSTRINGS = Math.ceil(PDQ_HASH_BITS / MAX_SUBSTRING_BITS);
export const MAX_SUBSTRINGS = PDQ_HASH_BITS / MIN_SUBSTRING_BITS;

/** How the 256 bits are cut into m consecutive substrings, one hash table each. */
export interface SubstringLayout {
  readonly count: number;
  /** First bit of each substring. */
  readonly starts: Uint16Array;
  /** Width in bits of each substring (they differ by at most one). */
  readonly widths: Uint8Array;
}

export function createLayout(count: number): SubstringLayout {
  if (!Number.isInteger(count) || count < MIN_SUBSTRINGS || count > MAX_SUBSTRINGS) {
    throw new RangeError(`substrings must be an integer from ${MIN_SUBSTRINGS} to ${MAX_SUBSTRINGS}, got ${count}`);
  }
  const starts = new Uint16Array(count);
  const widths = new Uint8Array(count);
  const base = Math.floor(PDQ_HASH_BITS / count);
  const wider = PDQ_HASH_BITS % count;
  let start = 0;
  for (let t = 0; t < count; t++) {
    const width = base + (t < wider ? 1 : 0);
    starts[t] = start;
    widths[t] = width;
    start += width;
  }
  return { count, starts, widths };
}

/** Bits [start, start + width) of the hash whose eight words begin at words[base]; width ≤ 32. */
export function substringAt(words: Uint32Array, base: number, start: number, width: number): number {
  const w = base + (start >>> 5);
  const shift = start & 31;
  let value = words[w]! >>> shift;
  if (shift + width > 32) value |= words[w + 1]! << (32 - shift);
  return (value << (32 - width)) >>> (32 - width);
}

/** The top `take` bits of a `width`-bit value (0 when take is 0, where a shift by 32 would not). */
export function topBits(value: number, width: number, take: number): number {
  return take === 0 ? 0 : value >>> (width - take);
}
