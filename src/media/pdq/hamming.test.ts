import { describe, expect, test } from 'vitest';
import { hexLines } from '../../../test/pdq/reference-data.js';
import { fromHex, hamming, popcount32 } from './index.js';

/** Bit-by-bit reference, independent of the word layout. */
function naiveDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x > 0n; x &= x - 1n) n++;
  return n;
}

describe('Hamming distance (index/*.dat, needles, haystack)', () => {
  test('short256.dat: near pairs, and all-zero against all-one', () => {
    const [a, b, c, d, zero, one] = hexLines('short256.dat').map(fromHex);
    if (!a || !b || !c || !d || !zero || !one) throw new Error('short256.dat has six hashes');
    expect(hamming(a, b)).toBe(4);
    expect(hamming(c, d)).toBe(3);
    expect(hamming(zero, one)).toBe(256);
    expect(hamming(one, one)).toBe(0);
  });

  test('order256.dat: the distance is the same whatever the word order', () => {
    const [a, b] = hexLines('order256.dat');
    if (!a || !b) throw new Error('order256.dat has two hashes');
    expect(hamming(fromHex(a), fromHex(b))).toBe(7);
    expect(naiveDistance(a, b)).toBe(7);
  });

  test('long256.dat: every pair equals a bit-by-bit count', () => {
    const hex = hexLines('long256.dat');
    expect(hex.length).toBe(50);
    for (const a of hex) {
      for (const b of hex) expect(hamming(fromHex(a), fromHex(b))).toBe(naiveDistance(a, b));
    }
  });

  test('needles × haystack equals a bit-by-bit count', () => {
    const needles = hexLines('needles.txt');
    const haystack = hexLines('haystack.txt');
    const hay = haystack.map((hex) => ({ hex, hash: fromHex(hex) }));
    let mismatches = 0;
    for (const needle of needles) {
      const n = fromHex(needle);
      for (const h of hay) {
        if (hamming(n, h.hash) !== naiveDistance(needle, h.hex)) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  test('popcount32 on the 32-bit halves of long64.dat and short64.dat', () => {
    // These files hold 64-bit hashes, not PDQ hashes; they still exercise the popcount.
    for (const hex of [...hexLines('long64.dat'), ...hexLines('short64.dat')]) {
      const high = Number.parseInt(hex.slice(0, 8), 16);
      const low = Number.parseInt(hex.slice(8), 16);
      expect(popcount32(high) + popcount32(low)).toBe(naiveDistance(hex, '0'));
    }
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0)).toBe(0);
  });
});
