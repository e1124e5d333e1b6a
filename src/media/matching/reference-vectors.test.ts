import { describe, expect, test } from 'vitest';
import { hexLines } from '../../../test/pdq/reference-data.js';
import { fromHex, hamming } from '../pdq/index.js';
import { createMatchIndex } from './index.js';

/**
 * index/*.dat: one hex hash per line. short256/order256/long256 hold 256-bit hashes (64 digits);
 * short64/long64 hold 64-bit ones (16 digits), not PDQ hashes, and are left to the pdq module's
 * popcount test. The distances the index reports must equal a bit-by-bit count.
 */
function bitCount(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x > 0n; x &= x - 1n) n++;
  return n;
}

describe('Hamming test vectors (index/*.dat) through the index', () => {
  test('the .dat files are what we think they are', () => {
    for (const name of ['short256.dat', 'order256.dat', 'long256.dat']) {
      for (const line of hexLines(name)) expect(line).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const name of ['short64.dat', 'long64.dat']) {
      for (const line of hexLines(name)) expect(line).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(hexLines('long256.dat')).toHaveLength(50);
  });

  test.each(['short256.dat', 'order256.dat', 'long256.dat'])('%s: every pair, by query, scan and hamming', (name) => {
    const hex = hexLines(name);
    const hashes = hex.map(fromHex);
    const index = createMatchIndex({ fallbackToScan: false });
    index.addMany(
      hashes.map((_, i) => i),
      hashes,
    );
    hashes.forEach((query, q) => {
      const expected = hex
        .map((other, id) => ({ id, distance: bitCount(hex[q]!, other) }))
        .sort((a, b) => a.distance - b.distance || a.id - b.id);
      expect(index.query(query, 256)).toEqual(expected);
      expect(index.scan(query, 256)).toEqual(expected);
      for (const { id, distance } of expected) expect(hamming(query, hashes[id]!)).toBe(distance);
    });
  });

  test('short256.dat and order256.dat distances', () => {
    const [a, b, c, d, zero, one] = hexLines('short256.dat').map(fromHex);
    const index = createMatchIndex();
    index.addMany([1, 2, 3, 4, 5, 6], [a!, b!, c!, d!, zero!, one!]);
    expect(index.query(a!, 4).find((m) => m.id === 2)?.distance).toBe(4);
    expect(index.query(c!, 3).find((m) => m.id === 4)?.distance).toBe(3);
    expect(index.query(zero!, 256).find((m) => m.id === 6)?.distance).toBe(256);
    expect(index.query(zero!, 255).find((m) => m.id === 6)).toBeUndefined();
    const [x, y] = hexLines('order256.dat').map(fromHex);
    const pair = createMatchIndex();
    pair.add(1, y!);
    expect(pair.query(x!, 7)).toEqual([{ id: 1, distance: 7 }]);
    expect(pair.query(x!, 6)).toEqual([]);
  });
});
