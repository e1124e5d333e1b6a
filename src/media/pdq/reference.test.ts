import { afterAll, describe, expect, test } from 'vitest';
import { LOW_BYTE_PNG, isLossy, isPng, referenceRows } from '../../../test/pdq/reference-data.js';
import { fromHex, hamming, pdqFromFile, toHex } from './index.js';

const rows = referenceRows();
const exactRows = rows.filter((r) => isPng(r.file) && r.file !== LOW_BYTE_PNG);
const lossyRows = rows.filter((r) => isLossy(r.file) && r.quality >= 80);
const lossyDistances: number[] = [];

describe('PDQ against the C++ reference (reference.tsv)', () => {
  test('the data covers what the criteria name', () => {
    expect(exactRows.length).toBeGreaterThanOrEqual(9);
    expect(lossyRows.length).toBeGreaterThanOrEqual(40);
  });

  test.each(exactRows.map((r) => [r.file, r] as const))('PNG %s: bit-exact hash and equal quality', async (_, row) => {
    const { hash, quality } = await pdqFromFile(row.path);
    expect(toHex(hash)).toBe(row.hash);
    expect(quality).toBe(row.quality);
  });

  test.each(lossyRows.map((r) => [r.file, r] as const))('JPEG/WebP %s: within 10 bits', async (_, row) => {
    const { hash, quality } = await pdqFromFile(row.path);
    const distance = hamming(hash, fromHex(row.hash));
    lossyDistances.push(distance);
    expect(distance).toBeLessThanOrEqual(10);
    expect(quality).toBeGreaterThanOrEqual(80);
  });

  afterAll(() => {
    if (lossyDistances.length > 0) {
      console.info(`PDQ JPEG/WebP (quality ≥ 80): ${lossyDistances.length} rows, worst distance ${Math.max(...lossyDistances)}`);
    }
  });
});
