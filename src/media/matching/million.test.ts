import { describe, expect, test } from 'vitest';
import { ChunkListOracle, scanPacked } from '../../../test/matching/oracle.js';
import { Prng } from '../../../test/matching/seeded.js';
import { generateDatabase, generateQueries } from '../../../test/matching/synthetic.js';
import type { PdqHash } from '../pdq/index.js';
import { PDQ_HASH_WORDS, PDQ_MATCH_DISTANCE, pdqHashFromWords } from '../pdq/index.js';
import { createMatchIndex } from './index.js';

describe('1,000,000 hashes (random, a third in near-duplicate clusters)', () => {
  const size = 1_000_000;
  const prng = new Prng(19);
  const database = generateDatabase(prng, size);
  const queryWords = generateQueries(prng, database, 1000);
  const queries: PdqHash[] = Array.from({ length: 1000 }, (_, q) =>
    pdqHashFromWords(queryWords.subarray(q * PDQ_HASH_WORDS, (q + 1) * PDQ_HASH_WORDS)),
  );
  const index = createMatchIndex();
  index.addMany(
    Float64Array.from({ length: size }, (_, i) => i),
    database,
  );
  const oracle = new ChunkListOracle(database);

  test('the reference is the brute-force answer (checked by a full scan on 10 queries)', () => {
    for (const query of queries.slice(0, 10))
      expect(oracle.query(query, PDQ_MATCH_DISTANCE)).toEqual(scanPacked(database, query, PDQ_MATCH_DISTANCE));
  });

  test('1,000 queries at distance 31 equal brute force', () => {
    let matched = 0;
    for (const query of queries) {
      const expected = oracle.query(query, PDQ_MATCH_DISTANCE);
      expect(index.query(query)).toEqual(expected);
      matched += expected.length;
    }
    expect(index.plan(PDQ_MATCH_DISTANCE)).toBe('probe');
    // Half the queries are 0 to 40 bits from a stored hash: most of those have matches.
    expect(matched).toBeGreaterThan(350);
  });

  test('the index holds at most 64 bytes per hash', () => {
    expect(index.bytesUsed() / size).toBeLessThanOrEqual(64);
    // The hashes alone take 28 bytes (their first word is coded in table 0), the ids 4.
    expect(index.bytesUsed() / size).toBeGreaterThan(32);
  });
});
