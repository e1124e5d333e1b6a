import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ebmlFile, imageFile, isoMediaFile, pngBomb, truncated } from '../../../test/pdq/media-files.js';
import { pdqFromBuffer, toHex } from '../pdq/index.js';
import { inspectMedia, sniffMediaType } from './index.js';

const digest = (algorithm: string, bytes: Uint8Array) => createHash(algorithm).update(bytes).digest('hex');
const maxPixels = 1_000_000;

describe('the type of a file, from its bytes', () => {
  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['gif', 'image/gif'],
    ['webp', 'image/webp'],
  ] as const)('%s', async (format, mediaType) => {
    expect(sniffMediaType(await imageFile('blocks-127x129x3', format))).toEqual({ kind: 'image', mediaType });
  });

  it('video containers: MP4 brands, QuickTime, WebM', () => {
    for (const brand of ['isom', 'mp42', 'avc1', 'M4V ', '3gp5']) {
      expect(sniffMediaType(isoMediaFile(brand))).toEqual({ kind: 'video', mediaType: 'video/mp4' });
    }
    expect(sniffMediaType(isoMediaFile('qt  '))).toEqual({ kind: 'video', mediaType: 'video/quicktime' });
    expect(sniffMediaType(ebmlFile('webm'))).toEqual({ kind: 'video', mediaType: 'video/webm' });
  });

  it.each([
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n')],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
    ['ELF executable', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ['plain text', Buffer.from('just some words')],
    ['HEIC still image', isoMediaFile('heic')],
    ['AVIF still image', isoMediaFile('avif')],
    ['Matroska that is not WebM', ebmlFile('matroska')],
    ['an ftyp box of absurd size', Buffer.concat([Buffer.from([0x7f, 0, 0, 0]), isoMediaFile().subarray(4)])],
    ['two bytes of a JPEG', Buffer.from([0xff, 0xd8])],
    ['a RIFF that is not WebP', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1')],
  ])('%s is none of the accepted types', (_what, bytes) => {
    expect(sniffMediaType(bytes)).toBeUndefined();
  });
});

describe('inspecting an upload', () => {
  it.each(['jpeg', 'png', 'gif', 'webp'] as const)('%s: type, size, exact hashes and the PDQ of the picture', async (format) => {
    const bytes = await imageFile('stripes-300x171x3', format);
    const result = await inspectMedia(bytes, { maxPixels });
    const pdq = await pdqFromBuffer(bytes);
    expect(result).toEqual({
      ok: true,
      media: {
        kind: 'image',
        mediaType: `image/${format}`,
        size: bytes.length,
        md5: digest('md5', bytes),
        sha1: digest('sha1', bytes),
        sha256: digest('sha256', bytes),
        pdq: toHex(pdq.hash),
        pdqQuality: pdq.quality,
        width: 300,
        height: 171,
      },
    });
  });

  it('a video: exact hashes only', async () => {
    const bytes = isoMediaFile();
    expect(await inspectMedia(bytes, { maxPixels })).toEqual({
      ok: true,
      media: {
        kind: 'video',
        mediaType: 'video/mp4',
        size: bytes.length,
        md5: digest('md5', bytes),
        sha1: digest('sha1', bytes),
        sha256: digest('sha256', bytes),
        pdq: null,
        pdqQuality: null,
        width: null,
        height: null,
      },
    });
  });

  it('refuses an empty file and a file of no accepted type', async () => {
    expect(await inspectMedia(new Uint8Array(0), { maxPixels })).toEqual({ ok: false, reason: 'empty' });
    expect(await inspectMedia(Buffer.from('<html></html>'), { maxPixels })).toEqual({ ok: false, reason: 'unknown-type' });
  });

  it.each(['jpeg', 'png', 'gif', 'webp'] as const)('refuses a truncated %s as corrupt', async (format) => {
    const bytes = await imageFile('noise-300x171x3', format);
    expect(await inspectMedia(truncated(bytes), { maxPixels })).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses the magic bytes of an image followed by anything else as corrupt', async () => {
    const png = await imageFile('blocks-64x64x1', 'png');
    expect(await inspectMedia(Buffer.concat([png.subarray(0, 8), Buffer.alloc(200, 7)]), { maxPixels })).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(await inspectMedia(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), { maxPixels })).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngBomb(30_000, 30_000);
    expect(bomb.length).toBeLessThan(4096);
    expect(await inspectMedia(bomb, { maxPixels: 100_000_000 })).toEqual({
      ok: false,
      reason: 'too-many-pixels',
      width: 30_000,
      height: 30_000,
    });
  });

  it('takes an image of exactly the pixel limit and refuses one pixel more', async () => {
    const bytes = await imageFile('blocks-300x171x3', 'png');
    expect((await inspectMedia(bytes, { maxPixels: 300 * 171 })).ok).toBe(true);
    expect(await inspectMedia(bytes, { maxPixels: 300 * 171 - 1 })).toMatchObject({ ok: false, reason: 'too-many-pixels' });
  });
});
