import { describe, expect, test } from 'vitest';
import { dihedralRows, hexLines, referenceRows } from '../../../test/pdq/reference-data.js';
import { emptyPdqHash, fromHex, getBit, pdqHashEquals, pdqHashFromWords, toHex } from './index.js';
import { setBit } from './hash.js';

describe('PDQ hash text form', () => {
  const samples = [
    ...referenceRows().map((r) => r.hash),
    ...dihedralRows().flatMap((r) => r.hashes),
    ...hexLines('needles.txt'),
    ...hexLines('haystack.txt'),
    ...hexLines('long256.dat'),
  ];

  test('round-trips every 256-bit hash in the test data', () => {
    expect(samples.length).toBeGreaterThan(1500);
    for (const hex of samples) expect(toHex(fromHex(hex))).toBe(hex);
  });

  test('accepts upper case and prints lower case', () => {
    const hex = 'D8F8F0CEE0F4A84F0637022A078F67F0B36E2ED596621E1D33E6339C4E9C9B22';
    expect(toHex(fromHex(hex))).toBe(hex.toLowerCase());
  });

  test('prints sixteen 16-bit words, word 15 first (bit k lives in word k >> 4)', () => {
    const at = (bit: number): string => {
      const h = emptyPdqHash();
      setBit(h, bit);
      return toHex(h);
    };
    expect(at(0)).toBe(`${'0'.repeat(63)}1`);
    expect(at(15)).toBe(`${'0'.repeat(60)}8000`);
    expect(at(16)).toBe(`${'0'.repeat(56)}0001${'0'.repeat(4)}`);
    expect(at(255)).toBe(`8${'0'.repeat(63)}`);
    expect(getBit(fromHex(at(200)), 200)).toBe(true);
    expect(getBit(fromHex(at(200)), 201)).toBe(false);
  });

  test.each([
    ['empty', ''],
    ['63 digits', 'f'.repeat(63)],
    ['65 digits', 'f'.repeat(65)],
    ['a non-hex digit', `${'f'.repeat(63)}g`],
    ['surrounding space', ` ${'f'.repeat(64)}`],
    ['a 0x prefix', `0x${'f'.repeat(62)}`],
  ])('rejects %s with a clear error', (_, text) => {
    expect(() => fromHex(text)).toThrow(/exactly 64 hexadecimal digits/);
  });

  test('words and equality', () => {
    const h = fromHex(`${'0'.repeat(56)}deadbeef`);
    expect(h[0]).toBe(0xdeadbeef);
    expect(pdqHashEquals(h, pdqHashFromWords([0xdeadbeef, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
    expect(pdqHashEquals(h, emptyPdqHash())).toBe(false);
    expect(() => pdqHashFromWords([1, 2, 3])).toThrow(RangeError);
  });
});
