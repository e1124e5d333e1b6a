import { describe, expect, test } from 'vitest';
import { syntheticReferenceRows } from '../../../test/pdq/reference-data.js';
import { syntheticImages } from '../../../test/pdq/synthetic-images.js';
import { DIHEDRAL_VARIANTS, pdqDihedralFromGrey, pdqDihedralFromRgb, pdqFromGrey, pdqFromRgb, toHex } from './index.js';

// The reference images are robust: they hash identically even with double
// arithmetic. These near-flat and low-contrast images are not, so they check
// the float32 emulation itself (blur, luma, DCT matrix and sums, median).
const expected = syntheticReferenceRows();
const images = syntheticImages().map((image) => [image.name, image] as const);

describe('float32 exactness against the C++ reference on synthetic pixels', () => {
  test('every generated image has a reference row', () => {
    expect(images.length).toBe(expected.size);
  });

  test.each(images)('%s', (name, { pixels, width, height, channels }) => {
    const row = expected.get(name);
    if (!row) throw new Error(`no reference row for ${name}`);
    const grey = channels === 1;
    const single = grey ? pdqFromGrey(pixels, width, height) : pdqFromRgb(pixels, width, height);
    const all = grey ? pdqDihedralFromGrey(pixels, width, height) : pdqDihedralFromRgb(pixels, width, height);
    expect(toHex(single.hash)).toBe(row.hash);
    expect(single.quality).toBe(row.quality);
    expect(DIHEDRAL_VARIANTS.map((v) => toHex(all.hashes[v]))).toEqual(row.dihedral);
    expect(all.quality).toBe(row.dihedralQuality);
  });
});
