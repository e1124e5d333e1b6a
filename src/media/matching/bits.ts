/** Bits set in a 32-bit word. */
export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Index of the lowest set bit of a non-zero word. */
export function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/**
 * Position of the k-th (0-based) zero bit at or after bit `from` in a bit array (bit i is bit
 * i & 31 of word i >>> 5). The caller guarantees that such a zero exists.
 */
export function selectZero(bits: Uint32Array, from: number, k: number): number {
  let w = from >>> 5;
  let zeros = ~bits[w]! & (-1 << (from & 31));
  if (k === 0 && zeros !== 0) return w * 32 + lowestBit(zeros);
  for (let count = popcount32(zeros); k >= count; count = popcount32(zeros)) {
    k -= count;
    zeros = ~bits[++w]!;
  }
  return w * 32 + selectInWord(zeros, k);
}

/** A bit array of `size` bits, all clear. */
export function bitArray(size: number): Uint32Array {
  return new Uint32Array(Math.ceil(size / 32) + 1);
}

export function getBit(bits: Uint32Array, i: number): boolean {
  return ((bits[i >>> 5]! >>> (i & 31)) & 1) !== 0;
}

export function setBit(bits: Uint32Array, i: number, on: boolean): void {
  const w = i >>> 5;
  const mask = 1 << (i & 31);
  bits[w] = on ? bits[w]! | mask : bits[w]! & ~mask;
}

/** Position of the k-th (0-based) set bit at or after bit `from`; the caller guarantees it exists. */
export function selectOne(bits: Uint32Array, from: number, k: number): number {
  let w = from >>> 5;
  let ones = bits[w]! & (-1 << (from & 31));
  for (let count = popcount32(ones); k >= count; count = popcount32(ones)) {
    k -= count;
    ones = bits[++w]!;
  }
  return w * 32 + selectInWord(ones, k);
}

/** Bits set in each byte value, and the position of the k-th set bit of each byte (k·256 + byte). */
const BYTE_POPCOUNT = new Uint8Array(256);
const BYTE_SELECT = new Uint8Array(8 * 256);
for (let byte = 0; byte < 256; byte++) {
  for (let bit = 0; bit < 8; bit++) {
    if ((byte >>> bit) & 1) BYTE_SELECT[BYTE_POPCOUNT[byte]!++ * 256 + byte] = bit;
  }
}

/** Position of the k-th (0-based) set bit of a word with more than k set bits. */
export function selectInWord(x: number, k: number): number {
  let at = 0;
  const low16 = BYTE_POPCOUNT[x & 0xff]! + BYTE_POPCOUNT[(x >>> 8) & 0xff]!;
  if (k >= low16) {
    k -= low16;
    x >>>= 16;
    at = 16;
  }
  const low8 = BYTE_POPCOUNT[x & 0xff]!;
  if (k >= low8) {
    k -= low8;
    x >>>= 8;
    at += 8;
  }
  return at + BYTE_SELECT[k * 256 + (x & 0xff)]!;
}
