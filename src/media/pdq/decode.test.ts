import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PDQ_DATA_DIR } from '../../../test/pdq/reference-data.js';
import { decodeForPdq } from './decode.js';
import { PdqDecodeError, fromHex, hamming, pdqFromBuffer, pdqFromFile, pdqFromGrey, toHex } from './index.js';

const image = (name: string): string => join(PDQ_DATA_DIR, 'images', name);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-pdq-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('decoding failures are errors, never a silent all-zero hash', () => {
  test('a corrupt PNG', async () => {
    const bytes = await readFile(image('pytx/LA.png'));
    bytes.fill(0x55, 2000, 2100);
    const path = join(dir, 'corrupt.png');
    await writeFile(path, bytes);
    await expect(pdqFromFile(path)).rejects.toThrow(PdqDecodeError);
  });

  test('a truncated JPEG', async () => {
    const bytes = await readFile(image('pytx/rgb.jpeg'));
    await expect(pdqFromBuffer(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow(/premature end/i);
  });

  test('text, an empty buffer, a missing file', async () => {
    await expect(pdqFromBuffer(Buffer.from('not an image at all'))).rejects.toThrow(PdqDecodeError);
    await expect(pdqFromBuffer(new Uint8Array(0))).rejects.toThrow(PdqDecodeError);
    await expect(pdqFromFile(join(dir, 'missing.jpg'))).rejects.toThrow(/Cannot decode image \(.*missing\.jpg\)/);
  });
});

describe('decoding as the reference does', () => {
  test('a grey image stored as RGB is hashed from its grey channel', async () => {
    const decoded = await decodeForPdq(image('misc-images/small.jpg'));
    expect(decoded.grey).toBe(true);
    expect(decoded.channels).toBe(3);
  });

  test('alpha is dropped, not composited', async () => {
    const rgba = new Uint8Array([10, 200, 30, 0, 10, 200, 30, 255]);
    const png = await sharp(rgba, { raw: { width: 2, height: 1, channels: 4 } })
      .png()
      .toBuffer();
    const decoded = await decodeForPdq(png);
    expect(Array.from(decoded.pixels.subarray(0, 8))).toEqual(Array.from(rgba));
    expect(decoded.grey).toBe(false);
  });

  test('16-bit samples keep their high byte (I16.png)', async () => {
    const decoded = await decodeForPdq(image('pytx/I16.png'));
    const { data } = await sharp(image('pytx/I16.png')).toColourspace('grey16').raw({ depth: 'ushort' }).toBuffer({
      resolveWithObject: true,
    });
    const words = new Uint16Array(data.buffer, data.byteOffset, data.length >>> 1);
    expect(decoded.grey).toBe(true);
    expect(decoded.pixels.length).toBe(words.length);
    expect(decoded.pixels.every((v, i) => v === (words[i] ?? 0) >>> 8)).toBe(true);

    // The reference kept the low byte instead; with it, our core reproduces its hash exactly.
    const low = Uint8Array.from(words, (w) => w & 0xff);
    const { hash } = pdqFromGrey(low, 256, 256);
    expect(toHex(hash)).toBe('ab5f69b667086480b3c69e7ce7b330b9ce12301a15ba1bac3e7d47bca6502ba4');
  });

  test('16-bit RGB samples keep their high byte', async () => {
    const words = new Uint16Array([0x12ff, 0xab01, 0x7f80, 0xffff, 0, 0x8000, 0x0101, 0xfe00, 0x00ff, 0x4242, 0x4243, 0x42ff]);
    const png = await sharp(words, { raw: { width: 2, height: 2, channels: 3 } })
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).depth).toBe('ushort');
    const decoded = await decodeForPdq(png);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(words, (w) => w >>> 8));
    expect(decoded.grey).toBe(false);
  });

  test('EXIF orientation is not applied', async () => {
    const decoded = await decodeForPdq(image('reg-test-input/exif-rotn/exif-rotn-6.jpg'));
    expect([decoded.width, decoded.height]).toEqual([4032, 3024]);
  });

  test('CMYK is converted to RGB', async () => {
    const decoded = await decodeForPdq(image('misc-images/modes/CMYK.jpg'));
    expect(decoded.channels).toBe(3);
    const { hash } = await pdqFromFile(image('misc-images/modes/CMYK.jpg'));
    const reference = fromHex('d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22');
    expect(hamming(hash, reference)).toBeLessThanOrEqual(10);
  });
});
