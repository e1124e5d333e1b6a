/**
 * Unsigned integers of `width` bits (1 to 32) packed end to end in a Uint32Array: a slot number
 * of a 10-million-hash index takes 24 bits, not 32. Thirty-two values fill exactly `width`
 * words, which keeps the word arithmetic within 32 bits for any length a typed array can have.
 * The array has one spare word, so a read never needs to test for the end.
 */
export interface PackedArray {
  readonly width: number;
  readonly length: number;
  readonly words: Uint32Array;
}

export function packedArray(width: number, length: number): PackedArray {
  if (!Number.isInteger(width) || width < 1 || width > 32) throw new RangeError(`A packed width is 1 to 32 bits, got ${width}`);
  return { width, length, words: new Uint32Array(Math.ceil(length / 32) * width + 1) };
}

/** Value i of the packed words (width bits each); inlined by the JIT in the probe loops. */
export function readPacked(words: Uint32Array, width: number, i: number): number {
  const inGroup = (i & 31) * width;
  const w = (i >>> 5) * width + (inGroup >>> 5);
  const shift = inGroup & 31;
  // Two shifts, so that a shift of 0 brings in nothing from the next word (x << 32 is x << 0).
  const value = (words[w]! >>> shift) | ((words[w + 1]! << (31 - shift)) << 1);
  return width === 32 ? value >>> 0 : value & ((1 << width) - 1);
}

/** Writes value i (< 2^width); the words must still be zero there (arrays are filled once). */
export function writePacked(array: PackedArray, i: number, value: number): void {
  const { words, width } = array;
  const inGroup = (i & 31) * width;
  const w = (i >>> 5) * width + (inGroup >>> 5);
  const shift = inGroup & 31;
  words[w] = words[w]! | (value << shift);
  if (shift + width > 32) words[w + 1] = words[w + 1]! | (value >>> (32 - shift));
}

export function packedBytes(array: PackedArray): number {
  return array.words.byteLength;
}

/** The `width`-bit field (1 to 32 bits) at bit position `at` of a bit array (bit i is bit i & 31 of word i >>> 5). */
export function readBits(words: Uint32Array, at: number, width: number): number {
  const w = at >>> 5;
  const shift = at & 31;
  const value = (words[w]! >>> shift) | ((words[w + 1]! << (31 - shift)) << 1);
  return width === 32 ? value >>> 0 : value & ((1 << width) - 1);
}

/** Writes a `width`-bit field at bit `at`, where the words must still be zero. */
export function writeBits(words: Uint32Array, at: number, width: number, value: number): void {
  const w = at >>> 5;
  const shift = at & 31;
  words[w] = words[w]! | (value << shift);
  if (shift + width > 32) words[w + 1] = words[w + 1]! | (value >>> (32 - shift));
}
