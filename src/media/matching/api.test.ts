import { describe, expect, test } from 'vitest';
import { Prng, randomHash } from '../../../test/matching/seeded.js';
import type { PdqHash } from '../pdq/index.js';
import { fromHex, PDQ_HASH_WORDS } from '../pdq/index.js';
import { createMatchIndex, MAX_SUBSTRINGS, MIN_SUBSTRINGS } from './index.js';

describe('match index API', () => {
  const prng = new Prng(7);

  test('results are sorted by distance, then id', () => {
    const base = fromHex('f'.repeat(64));
    const index = createMatchIndex();
    const variant = (bits: number[]): PdqHash => {
      const words = Uint32Array.from(base) as PdqHash;
      for (const bit of bits) words[bit >>> 5] = (words[bit >>> 5]! ^ (1 << (bit & 31))) >>> 0;
      return words;
    };
    index.add(30, variant([1, 2]));
    index.add(10, variant([3, 4]));
    index.add(20, variant([5]));
    index.add(5, variant([6, 7, 8]));
    index.add(40, base);
    expect(index.query(base)).toEqual([
      { id: 40, distance: 0 },
      { id: 20, distance: 1 },
      { id: 10, distance: 2 },
      { id: 30, distance: 2 },
      { id: 5, distance: 3 },
    ]);
    expect(index.query(base, 1)).toEqual([
      { id: 40, distance: 0 },
      { id: 20, distance: 1 },
    ]);
  });

  test('maxDistance is an integer from 0 to 256; 256 returns everything', () => {
    const index = createMatchIndex();
    const hashes = Array.from({ length: 50 }, () => randomHash(prng));
    index.addMany(
      hashes.map((_, i) => i),
      hashes,
    );
    for (const bad of [-1, 257, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => index.query(hashes[0]!, bad)).toThrow(RangeError);
      expect(() => index.scan(hashes[0]!, bad)).toThrow(RangeError);
    }
    expect(index.query(hashes[0]!, 256)).toHaveLength(50);
    expect(index.query(hashes[0]!, 0)).toEqual([{ id: 0, distance: 0 }]);
  });

  test('ids are safe integers, negative and beyond 2^32 included; duplicates are refused', () => {
    const index = createMatchIndex();
    const ids = [0, -5, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    const hashes = ids.map(() => randomHash(prng));
    ids.forEach((id, i) => index.add(id, hashes[i]!));
    ids.forEach((id, i) => expect(index.query(hashes[i]!)).toEqual([{ id, distance: 0 }]));
    expect(() => index.add(-5, randomHash(prng))).toThrow(/already/);
    expect(() => index.add(1.5, randomHash(prng))).toThrow(TypeError);
    expect(() => index.add(2 ** 53, randomHash(prng))).toThrow(TypeError);
    expect(index.size).toBe(ids.length);
  });

  test('the same ids bulk-built: found, disabled and removed as well', () => {
    const index = createMatchIndex();
    const ids = [0, -5, 2 ** 40 + 3, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, ...Array.from({ length: 5000 }, (_, i) => i + 1)];
    const hashes = ids.map(() => randomHash(prng));
    index.addMany(ids, hashes);
    expect(index.stats()).toMatchObject({ built: ids.length, overflow: 0 });
    ids.forEach((id, i) => expect(index.query(hashes[i]!)).toEqual([{ id, distance: 0 }]));
    expect(index.disable(2 ** 40 + 3)).toBe(true);
    expect(index.query(hashes[2]!)).toEqual([]);
    expect(index.remove(-Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(index.has(-Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(index.query(hashes[4]!)).toEqual([]);
    expect(() => index.addMany([7, Number.MAX_SAFE_INTEGER], [randomHash(prng), randomHash(prng)])).toThrow(/already/);
  });

  test('addMany is all or nothing', () => {
    const index = createMatchIndex();
    index.add(1, randomHash(prng));
    const batch = [randomHash(prng), randomHash(prng), randomHash(prng)];
    expect(() => index.addMany([2, 3, 1], batch)).toThrow(/already/);
    expect(() => index.addMany([4, 5, 4], batch)).toThrow(/already/);
    expect(() => index.addMany([6, 7], batch)).toThrow(RangeError);
    expect(index.size).toBe(1);
    expect(index.has(2) || index.has(4) || index.has(6)).toBe(false);
    expect(index.query(batch[0]!)).toEqual([]);
    index.addMany([2, 3, 4], batch);
    expect(index.query(batch[2]!)).toEqual([{ id: 4, distance: 0 }]);
  });

  test('addMany takes packed words as well as hashes', () => {
    const hashes = Array.from({ length: 100 }, () => randomHash(prng));
    const packed = new Uint32Array(100 * PDQ_HASH_WORDS);
    hashes.forEach((h, i) => packed.set(h, i * PDQ_HASH_WORDS));
    const index = createMatchIndex();
    index.addMany(
      Float64Array.from(hashes, (_, i) => i + 1),
      packed,
    );
    expect(index.query(hashes[99]!)).toEqual([{ id: 100, distance: 0 }]);
  });

  test('a hash must be eight 32-bit words', () => {
    const index = createMatchIndex();
    expect(() => index.add(1, new Uint32Array(7) as PdqHash)).toThrow(TypeError);
    expect(() => index.query(new Uint8Array(32) as unknown as PdqHash)).toThrow(TypeError);
    expect(() => index.addMany([1], [new Uint32Array(9) as PdqHash])).toThrow(TypeError);
  });

  test('substrings must be from 8 to 32', () => {
    expect(MIN_SUBSTRINGS).toBe(8);
    expect(MAX_SUBSTRINGS).toBe(32);
    expect(() => createMatchIndex({ substrings: 7 })).toThrow(RangeError);
    expect(() => createMatchIndex({ substrings: 33 })).toThrow(RangeError);
    for (const m of [8, 9, 11, 12, 13, 16, 21, 32]) expect(createMatchIndex({ substrings: m }).size).toBe(0);
  });

  test('an empty index answers nothing', () => {
    const index = createMatchIndex();
    expect(index.query(randomHash(prng))).toEqual([]);
    expect(index.scan(randomHash(prng), 256)).toEqual([]);
  });

  test('bytesUsed counts the hashes, ids and tables', () => {
    const index = createMatchIndex();
    const hashes = Array.from({ length: 20_000 }, () => randomHash(prng));
    index.addMany(
      hashes.map((_, i) => i),
      hashes,
    );
    const perHash = index.bytesUsed() / index.size;
    // At least the hash (32), the id (4), and a 15-bit slot in the id index and in 7 of the 8 tables.
    expect(perHash).toBeGreaterThan(32 + 4 + (8 * 15) / 8);
    // The directories and scratch arrays are a larger share of a small index.
    expect(perHash).toBeLessThan(80);
  });
});
