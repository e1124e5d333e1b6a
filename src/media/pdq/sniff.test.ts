import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { referenceRows } from '../../../test/pdq/reference-data.js';
import { decodeForPdq } from './decode.js';
import { pdqFromBuffer, pdqFromFile, toHex } from './index.js';
import { sniffPlainEightBit } from './sniff.js';

const rows = referenceRows();
const temporary: string[] = [];
afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('reading 8-bit PNG and JPEG headers ahead of libvips', () => {
  test.each(rows.map((r) => [r.file, r] as const))('%s', async (_, row) => {
    const bytes = await readFile(row.path);
    const { space, depth, format } = await sharp(bytes).metadata();
    const plain = sniffPlainEightBit(bytes);
    // Whenever the header is taken as plain 8-bit, libvips agrees: no CMYK, no 16-bit samples, grey when it says grey.
    if (plain) expect([space === 'cmyk', depth, space === 'b-w']).toEqual([false, 'uchar', plain === 'grey']);
    if ((format === 'png' && depth === 'uchar') || (format === 'jpeg' && space !== 'cmyk')) expect(plain).toBeDefined();
    // The buffer (header read ahead) and the file (metadata first) give the same hash.
    const [fromBuffer, fromFile] = await Promise.all([pdqFromBuffer(bytes), pdqFromFile(row.path)]);
    expect(toHex(fromBuffer.hash)).toBe(toHex(fromFile.hash));
    expect(fromBuffer.quality).toBe(fromFile.quality);
  });

  test('CMYK JPEG, 16-bit PNG, other formats and broken headers go through the metadata', async () => {
    const cmyk = rows.find((r) => r.file.endsWith('CMYK.jpg'));
    const i16 = rows.find((r) => r.file.endsWith('I16.png'));
    expect(sniffPlainEightBit(await readFile(cmyk!.path))).toBeUndefined();
    expect(sniffPlainEightBit(await readFile(i16!.path))).toBeUndefined();
    const webp = rows.find((r) => r.file.endsWith('.webp'));
    expect(sniffPlainEightBit(await readFile(webp!.path))).toBeUndefined();
    const jpeg = await readFile(rows.find((r) => r.file.endsWith('rgb.jpeg'))!.path);
    expect(sniffPlainEightBit(jpeg.subarray(0, 20))).toBeUndefined();
    expect(sniffPlainEightBit(new Uint8Array([0xff, 0xd8, 0xff]))).toBeUndefined();
    expect(sniffPlainEightBit(new Uint8Array(0))).toBeUndefined();
  });

  test.each(['png', 'jpeg'] as const)(
    'a one-channel grey %s decodes to its grey values, as the first of three channels would',
    async (format) => {
      const grey = Uint8Array.from({ length: 97 * 61 }, (_, i) => (i * 37) % 251);
      const encoder = sharp(grey, { raw: { width: 97, height: 61, channels: 1 } }).toColourspace('b-w');
      const bytes = await (format === 'png' ? encoder.png() : encoder.jpeg()).toBuffer();
      expect(sniffPlainEightBit(bytes)).toBe('grey');
      const expanded = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      expect(expanded.info.channels).toBe(3);
      for (const decoded of [await decodeForPdq(bytes), await decodeForPdq(await writeTemp(bytes, format))]) {
        expect([decoded.channels, decoded.grey]).toEqual([1, true]);
        expect(Array.from(decoded.pixels)).toEqual(Array.from(expanded.data.filter((_, i) => i % 3 === 0)));
      }
    },
  );
});

async function writeTemp(bytes: Uint8Array, extension: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-sniff-'));
  temporary.push(dir);
  const path = join(dir, `grey.${extension}`);
  await writeFile(path, bytes);
  return path;
}
