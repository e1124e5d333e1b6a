import { describe, expect, test } from 'vitest';
import { BruteForce } from '../../../test/matching/oracle.js';
import { nearHash, Prng, randomHash } from '../../../test/matching/seeded.js';
import type { PdqHash } from '../pdq/index.js';
import type { MatchIndexOptions } from './index.js';
import { createMatchIndex } from './index.js';

/**
 * Random sequences of operations, replayed against a brute-force model: after every step, a
 * random query at a random radius must give exactly the model's answer. Seeds are fixed, so a
 * failure names its seed and replays.
 */
function run(seed: number, options: MatchIndexOptions, steps: number): void {
  const prng = new Prng(seed);
  const index = createMatchIndex(options);
  const model = new BruteForce();
  const known: PdqHash[] = [];
  let nextId = 0;
  const anyHash = (): PdqHash =>
    known.length === 0 || prng.below(3) === 0 ? randomHash(prng) : nearHash(prng, known[prng.below(known.length)]!, prng.between(0, 48));
  const anyId = (): number => {
    const ids = model.liveIds();
    return ids.length === 0 || prng.below(10) === 0 ? nextId + 1000 : ids[prng.below(ids.length)]!;
  };

  for (let step = 0; step < steps; step++) {
    const op = prng.below(100);
    if (op < 35) {
      // Negative ids too; 0 · -1 would be -0, which the index returns as the id 0.
      const id = nextId++ * (prng.below(2) === 0 ? 1 : -1) + 0;
      const hash = anyHash();
      index.add(id, hash);
      model.add(id, hash);
      known.push(hash);
    } else if (op < 45) {
      const count = prng.between(1, 300);
      const ids = Array.from({ length: count }, () => nextId++);
      const hashes = ids.map(() => anyHash());
      index.addMany(ids, hashes);
      ids.forEach((id, i) => model.add(id, hashes[i]!));
      known.push(...hashes);
    } else if (op < 55) {
      const id = anyId();
      expect(index.disable(id)).toBe(model.has(id));
      model.setEnabled(id, false);
    } else if (op < 62) {
      const id = anyId();
      expect(index.enable(id)).toBe(model.has(id));
      model.setEnabled(id, true);
    } else if (op < 72) {
      const id = anyId();
      expect(index.remove(id)).toBe(model.has(id));
      model.remove(id);
    } else if (op < 74) {
      index.rebuild();
    }
    // Forced probing at a large radius visits every bucket of every table: correct but slow.
    const maxRadius = options.fallbackToScan === false ? 72 : 257;
    const radius = prng.below(4) === 0 ? prng.below(maxRadius) : prng.below(48);
    const query = anyHash();
    const expected = model.query(query, radius);
    const got = index.query(query, radius);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`seed ${seed}, step ${step}, radius ${radius}: ${got.length} results, expected ${expected.length}`);
    }
    expect(index.size).toBe(model.size);
  }
  for (let q = 0; q < 50; q++) {
    const query = anyHash();
    expect(index.scan(query, 40)).toEqual(model.query(query, 40));
  }
}

describe('property: any sequence of operations gives the brute-force answer', () => {
  const cases: [number, MatchIndexOptions][] = [
    [1, {}],
    [2, { substrings: 16 }],
    [3, { substrings: 32, fallbackToScan: false }],
    [4, { substrings: 13, autoRebuild: false }],
    [5, { fallbackToScan: false }],
    [6, { substrings: 12 }],
  ];
  test.each(cases)('seed %i, options %o', (seed, options) => run(seed, options, 700));

  test('auto-rebuilds along the way stay exact (small rebuild threshold crossed many times)', () => {
    const prng = new Prng(99);
    const index = createMatchIndex();
    const model = new BruteForce();
    const hashes: PdqHash[] = [];
    for (let i = 0; i < 20_000; i++) {
      const hash = i < 10 ? randomHash(prng) : nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 40));
      hashes.push(hash);
      index.add(i, hash);
      model.add(i, hash);
      if (i % 3 === 0 && i > 100) {
        const victim = prng.below(i);
        index.remove(victim);
        model.remove(victim);
      }
      if (i % 1000 === 999) {
        for (let q = 0; q < 20; q++) {
          const query = nearHash(prng, hashes[prng.below(hashes.length)]!, prng.between(0, 40));
          expect(index.query(query)).toEqual(model.query(query, 31));
        }
      }
    }
  });
});
