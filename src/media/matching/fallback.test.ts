import { describe, expect, test } from 'vitest';
import { BruteForce } from '../../../test/matching/oracle.js';
import { nearHash, Prng, randomHash } from '../../../test/matching/seeded.js';
import type { PdqHash } from '../pdq/index.js';
import { createMatchIndex } from './index.js';

describe('large radii: the linear-scan fallback', () => {
  const prng = new Prng(11);
  const hashes: PdqHash[] = [];
  for (let i = 0; i < 30_000; i++) {
    hashes.push(i % 4 === 0 || i === 0 ? randomHash(prng) : nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 60)));
  }
  const ids = hashes.map((_, i) => i);
  const auto = createMatchIndex();
  auto.addMany(ids, hashes);
  const probing = createMatchIndex({ fallbackToScan: false });
  probing.addMany(ids, hashes);
  const oracle = new BruteForce();
  hashes.forEach((h, i) => oracle.add(i, h));

  test('the plan switches from probing to scanning as the radius grows', () => {
    expect(auto.plan(0)).toBe('probe');
    // At 30,000 hashes, probing and scanning cost about the same at distance 31.
    expect(auto.plan(24)).toBe('probe');
    expect(auto.plan(64)).toBe('scan');
    expect(auto.plan(256)).toBe('scan');
    expect(probing.plan(256)).toBe('probe');
    const paths = Array.from({ length: 257 }, (_, d) => auto.plan(d));
    // Monotone: once scanning pays, it pays for every larger radius.
    expect(paths.slice(paths.indexOf('scan')).every((p) => p === 'scan')).toBe(true);
  });

  test.each([33, 40, 48, 56, 64, 80, 100])('distance %i: scan, forced probing and brute force agree', (distance) => {
    for (let q = 0; q < 15; q++) {
      const query = nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 50));
      const expected = oracle.query(query, distance);
      expect(auto.query(query, distance)).toEqual(expected);
      expect(probing.query(query, distance)).toEqual(expected);
      expect(auto.scan(query, distance)).toEqual(expected);
    }
  });

  test('a tiny index scans even at distance 31, with the same results', () => {
    const tiny = createMatchIndex();
    tiny.addMany([1, 2, 3], hashes.slice(0, 3));
    expect(tiny.plan(31)).toBe('scan');
    expect(tiny.query(hashes[1]!)).toEqual(
      oracle
        .query(hashes[1]!, 31)
        .filter((m) => m.id < 3)
        .map((m) => ({ ...m, id: m.id + 1 })),
    );
  });
});
