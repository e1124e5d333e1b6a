import { describe, expect, test } from 'vitest';
import { hexLines } from '../../../test/pdq/reference-data.js';
import { BruteForce } from '../../../test/matching/oracle.js';
import { fromHex } from '../pdq/index.js';
import type { MatchIndexOptions } from './index.js';
import { createMatchIndex } from './index.js';

const DISTANCES = [0, 8, 16, 31, 32, 48, 64, 100];
const needles = hexLines('needles.txt').map(fromHex);
const haystack = hexLines('haystack.txt').map(fromHex);

describe('needles × haystack: every result set equals a brute-force scan', () => {
  const oracle = new BruteForce();
  haystack.forEach((hash, i) => oracle.add(i, hash));

  const configurations: [string, MatchIndexOptions][] = [
    ['default (m = 8)', {}],
    ['m = 16, probing forced', { substrings: 16, fallbackToScan: false }],
    ['m = 11, probing forced', { fallbackToScan: false }],
    ['m = 32, probing forced', { substrings: 32, fallbackToScan: false }],
  ];
  test.each(configurations)('%s', (_name, options) => {
    const index = createMatchIndex(options);
    index.addMany(
      haystack.map((_, i) => i),
      haystack,
    );
    let compared = 0;
    let matches = 0;
    for (const distance of DISTANCES) {
      for (const needle of needles) {
        const expected = oracle.query(needle, distance);
        expect(index.query(needle, distance)).toEqual(expected);
        expect(index.scan(needle, distance)).toEqual(expected);
        compared++;
        matches += expected.length;
      }
    }
    expect(compared).toBe(needles.length * DISTANCES.length);
    // The data set is only meaningful if the needles do have neighbours at these distances.
    expect(matches).toBeGreaterThan(needles.length);
  });

  test('the needles have matches at every distance from 8 on, and more as it grows', () => {
    const counts = DISTANCES.map((d) => needles.reduce((n, needle) => n + oracle.query(needle, d).length, 0));
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[DISTANCES.indexOf(8)]).toBeGreaterThan(0);
  });
});
