import { describe, expect, test } from 'vitest';
import { BruteForce } from '../../../test/matching/oracle.js';
import { nearHash, Prng, randomHash } from '../../../test/matching/seeded.js';
import type { PdqHash } from '../pdq/index.js';
import { PDQ_MATCH_DISTANCE } from '../pdq/index.js';
import { createMatchIndex } from './index.js';

describe('100,000 random hashes with planted near-duplicates', () => {
  const prng = new Prng(20240611);
  const oracle = new BruteForce();
  const hashes: PdqHash[] = [];
  const ids: number[] = [];
  const bases: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const hash = randomHash(prng);
    hashes.push(hash);
    ids.push(i * 3 + 7);
  }
  // For k in 0..40, near-duplicates of random bases, k bits away: 5 per k.
  for (let k = 0; k <= 40; k++) {
    for (let j = 0; j < 5; j++) {
      const base = prng.below(100_000);
      bases.push(base);
      hashes.push(nearHash(prng, hashes[base]!, k));
      ids.push(1_000_000 + k * 10 + j);
    }
  }
  hashes.forEach((hash, i) => oracle.add(ids[i]!, hash));
  const index = createMatchIndex();
  index.addMany(ids, hashes);

  test('1,000 queries at distance 31 (half near stored hashes, half random) equal brute force', () => {
    let matched = 0;
    let nearQueries = 0;
    for (let q = 0; q < 1000; q++) {
      const query = q % 2 === 0 ? nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 40)) : randomHash(prng);
      const expected = oracle.query(query, PDQ_MATCH_DISTANCE);
      expect(index.query(query)).toEqual(expected);
      if (expected.length > 0) nearQueries++;
      matched += expected.length;
    }
    expect(index.plan(PDQ_MATCH_DISTANCE)).toBe('probe');
    // About 4 in 5 of the near queries are within 31 bits of their source.
    expect(nearQueries).toBeGreaterThan(300);
    expect(matched).toBeGreaterThanOrEqual(nearQueries);
  });

  test('every planted near-duplicate within 31 bits is found from its base', () => {
    for (let k = 0; k <= 40; k++) {
      for (let j = 0; j < 5; j++) {
        const slot = 100_000 + k * 5 + j;
        const base = hashes[bases[k * 5 + j]!]!;
        const found = index.query(base, PDQ_MATCH_DISTANCE);
        expect(found.some((m) => m.id === ids[slot] && m.distance === k)).toBe(k <= PDQ_MATCH_DISTANCE);
        expect(found).toEqual(oracle.query(base, PDQ_MATCH_DISTANCE));
      }
    }
  });

  test('with 16 substrings too (probing within 1 bit per table)', () => {
    const sixteen = createMatchIndex({ substrings: 16 });
    sixteen.addMany(ids, hashes);
    for (let q = 0; q < 300; q++) {
      const query = nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 40));
      expect(sixteen.query(query)).toEqual(oracle.query(query, PDQ_MATCH_DISTANCE));
    }
  });
});
