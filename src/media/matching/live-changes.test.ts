import { describe, expect, test } from 'vitest';
import { nearHash, Prng, randomHash } from '../../../test/matching/seeded.js';
import type { PdqHash } from '../pdq/index.js';
import { createMatchIndex } from './index.js';

function built(count: number, prng: Prng): { hashes: PdqHash[]; index: ReturnType<typeof createMatchIndex> } {
  const hashes = Array.from({ length: count }, () => randomHash(prng));
  const index = createMatchIndex({ autoRebuild: false });
  index.addMany(
    hashes.map((_, i) => i),
    hashes,
  );
  return { hashes, index };
}

describe('changes are live for the very next query, without a rebuild', () => {
  test('an addition after the build is found at once, through the overflow buckets', () => {
    const prng = new Prng(1);
    const { hashes, index } = built(20_000, prng);
    const added = nearHash(prng, hashes[123]!, 9);
    index.add(50_000, added);
    expect(index.stats()).toMatchObject({ built: 20_000, overflow: 1 });
    expect(index.query(added)).toEqual([
      { id: 50_000, distance: 0 },
      { id: 123, distance: 9 },
    ]);
    // A query near the new hash, 31 bits away, still finds it.
    const far = nearHash(prng, added, 31);
    expect(index.query(far).map((m) => m.id)).toContain(50_000);
    expect(index.query(far)).toEqual(index.scan(far));
  });

  test('disable hides an entry, enable shows it again; both before and after a rebuild', () => {
    const prng = new Prng(2);
    const { hashes, index } = built(10_000, prng);
    const query = nearHash(prng, hashes[42]!, 5);
    expect(index.query(query)).toEqual([{ id: 42, distance: 5 }]);
    expect(index.disable(42)).toBe(true);
    expect(index.query(query)).toEqual([]);
    expect(index.scan(query)).toEqual([]);
    expect(index.isEnabled(42)).toBe(false);
    expect(index.has(42)).toBe(true);
    index.rebuild();
    expect(index.query(query)).toEqual([]);
    expect(index.enable(42)).toBe(true);
    expect(index.query(query)).toEqual([{ id: 42, distance: 5 }]);
    expect(index.disable(99_999)).toBe(false);
  });

  test('remove forgets an entry at once; its id can be added again with another hash', () => {
    const prng = new Prng(3);
    const { hashes, index } = built(10_000, prng);
    const query = hashes[7]!;
    expect(index.remove(7)).toBe(true);
    expect(index.query(query)).toEqual([]);
    expect(index.has(7)).toBe(false);
    expect(index.remove(7)).toBe(false);
    expect(index.size).toBe(9_999);
    expect(index.stats().removed).toBe(1);
    const replacement = randomHash(prng);
    index.add(7, replacement);
    expect(index.query(replacement)).toEqual([{ id: 7, distance: 0 }]);
    expect(index.query(query)).toEqual([]);
    index.rebuild();
    expect(index.stats()).toEqual({ size: 10_000, built: 10_000, overflow: 0, removed: 0 });
    expect(index.query(replacement)).toEqual([{ id: 7, distance: 0 }]);
    expect(index.query(hashes[8]!)).toEqual([{ id: 8, distance: 0 }]);
  });

  test('an entry added then removed before any rebuild is never reported', () => {
    const prng = new Prng(4);
    const { index } = built(1_000, prng);
    const hash = randomHash(prng);
    index.add(5_000, hash);
    index.disable(5_000);
    expect(index.query(hash)).toEqual([]);
    index.enable(5_000);
    expect(index.query(hash)).toEqual([{ id: 5_000, distance: 0 }]);
    index.remove(5_000);
    expect(index.query(hash)).toEqual([]);
    expect(index.scan(hash)).toEqual([]);
  });

  test('one-by-one additions trigger amortised rebuilds and stay exact', () => {
    const prng = new Prng(5);
    const index = createMatchIndex();
    const hashes: PdqHash[] = [];
    for (let i = 0; i < 12_000; i++) {
      const hash =
        i % 3 === 0 || hashes.length === 0 ? randomHash(prng) : nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 20));
      hashes.push(hash);
      index.add(i, hash);
    }
    const stats = index.stats();
    expect(stats.built).toBeGreaterThan(4096);
    expect(stats.built + stats.overflow).toBe(12_000);
    for (let q = 0; q < 200; q++) {
      const query = nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 35));
      expect(index.query(query)).toEqual(index.scan(query));
    }
  });

  test('a small addMany after a large build goes to the overflow; a large one rebuilds', () => {
    const prng = new Prng(6);
    const { index } = built(8_000, prng);
    index.addMany([100_000, 100_001], [randomHash(prng), randomHash(prng)]);
    expect(index.stats()).toMatchObject({ built: 8_000, overflow: 2 });
    const many = Array.from({ length: 9_000 }, () => randomHash(prng));
    index.addMany(
      many.map((_, i) => 200_000 + i),
      many,
    );
    expect(index.stats()).toMatchObject({ built: 17_002, overflow: 0 });
    expect(index.query(many[8_999]!)).toEqual([{ id: 208_999, distance: 0 }]);
  });
});
