import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PDQ_DATA_DIR } from '../../../test/pdq/reference-data.js';
import { fromHex, hamming, pdqFromFile, toHex } from './index.js';

const image = (name: string): string => join(PDQ_DATA_DIR, 'images/pytx', name);

describe('python-threatexchange expectations', () => {
  test('LA.png (grey + alpha) hashes exactly, quality 100', async () => {
    const { hash, quality } = await pdqFromFile(image('LA.png'));
    expect(toHex(hash)).toBe('accb6d39648035f8125c8ce6ba65007de7b54c67a2d93ef7b8f33b0611306715');
    expect(quality).toBe(100);
  });

  test('random-26x28.png hashes exactly', async () => {
    const { hash } = await pdqFromFile(image('random-26x28.png'));
    expect(toHex(hash)).toBe('ad64cd9875e131a177b1f2a0d6b38ae1de9ea80421e4c51dde1b0363deba3466');
  });

  test('rgb.jpeg is within 10 bits (JPEG decoders may differ)', async () => {
    const { hash } = await pdqFromFile(image('rgb.jpeg'));
    const expected = fromHex('fb4eed46cb8a6c78819ca06b756c541f7b07ef6d02c82fccd00f862166272cda');
    expect(hamming(hash, expected)).toBeLessThanOrEqual(10);
  });
});
