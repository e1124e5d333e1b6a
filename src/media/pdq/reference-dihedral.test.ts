import { describe, expect, test } from 'vitest';
import { LOW_BYTE_PNG, dihedralRows, isLossy, isPng } from '../../../test/pdq/reference-data.js';
import { DIHEDRAL_VARIANTS, fromHex, hamming, pdqDihedralFromFile, toHex } from './index.js';

const rows = dihedralRows();

describe('PDQ dihedral hashes against the C++ reference (reference-dihedral.tsv)', () => {
  const exact = rows.filter((r) => isPng(r.file) && r.file !== LOW_BYTE_PNG);
  test.each(exact.map((r) => [r.file, r] as const))('PNG %s: all eight variants bit-exact', async (_, row) => {
    const { hashes, quality } = await pdqDihedralFromFile(row.path);
    expect(DIHEDRAL_VARIANTS.map((v) => toHex(hashes[v]))).toEqual(row.hashes);
    expect(quality).toBe(row.quality);
  });

  const lossy = rows.filter((r) => isLossy(r.file) && r.quality >= 80);
  test.each(lossy.map((r) => [r.file, r] as const))('JPEG/WebP %s: every variant within 10 bits', async (_, row) => {
    const { hashes } = await pdqDihedralFromFile(row.path);
    const distances = DIHEDRAL_VARIANTS.map((v, i) => hamming(hashes[v], fromHex(row.hashes[i] ?? '')));
    expect(Math.max(...distances)).toBeLessThanOrEqual(10);
  });

  test('variant order follows the reference', () => {
    expect(DIHEDRAL_VARIANTS).toEqual(['orig', 'rot90', 'rot180', 'rot270', 'flipx', 'flipy', 'flipp', 'flipm']);
  });
});
