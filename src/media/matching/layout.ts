import { PDQ_HASH_BITS } from '../pdq/index.js';

/** Substring widths outside this range make a table either useless or too large to index directly. */
export const MIN_SUBSTRING_BITS = 8;
export const MAX_SUBSTRING_BITS = 24;
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

/** Bits [start, start + width) of the hash whose eight words begin at words[base]; width ≤ 24. */
export function substringAt(words: Uint32Array, base: number, start: number, width: number): number {
  const w = base + (start >>> 5);
  const shift = start & 31;
  let value = words[w]! >>> shift;
  if (shift + width > 32) value |= words[w + 1]! << (32 - shift);
  return (value & ((1 << width) - 1)) >>> 0;
}
