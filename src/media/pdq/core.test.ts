import { describe, expect, test } from 'vitest';
import { hashFromDct } from './bits.js';
import { dct64To16 } from './dct.js';
import { lumaFromRgb } from './luma.js';
import { pdqDctFromLuma } from './pipeline.js';
import { preshrink } from './preshrink.js';
import { torbenMedian } from './torben.js';
import { DIHEDRAL_VARIANTS, pdqDihedralFromGrey, pdqDihedralFromRgb, pdqFromGrey, pdqFromRgb, toHex } from './index.js';

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

/** A smooth RGB test pattern with structure at several scales. */
function pattern(width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      out[o] = (128 + 100 * Math.sin(x / 9) * Math.cos(y / 13)) | 0;
      out[o + 1] = ((x * 255) / width) | 0;
      out[o + 2] = ((y * 255) / height) | 0;
    }
  }
  return out;
}

describe('PDQ core on decoded pixels', () => {
  test('a side under 5 px gives the all-zero hash with quality 0', () => {
    for (const [w, h] of [
      [4, 100],
      [100, 4],
      [1, 1],
    ] as const) {
      const r = pdqFromRgb(pattern(w, h), w, h);
      expect(toHex(r.hash)).toBe('0'.repeat(64));
      expect(r.quality).toBe(0);
      const d = pdqDihedralFromRgb(pattern(w, h), w, h);
      expect(DIHEDRAL_VARIANTS.every((v) => toHex(d.hashes[v]) === '0'.repeat(64))).toBe(true);
    }
    expect(pdqFromRgb(pattern(5, 5), 5, 5).hash.some((w) => w !== 0)).toBe(true);
  });

  test('a hash has half its bits set or fewer (bits are "strictly above the median")', () => {
    const r = pdqFromRgb(pattern(300, 200), 300, 200);
    const ones = toHex(r.hash)
      .split('')
      .reduce((n, c) => n + Number.parseInt(c, 16).toString(2).replaceAll('0', '').length, 0);
    expect(ones).toBeLessThanOrEqual(128);
    expect(ones).toBeGreaterThan(100);
  });

  test('a flat image has quality 0', () => {
    expect(pdqFromGrey(new Uint8Array(100 * 100).fill(77), 100, 100).quality).toBe(0);
  });

  test('alpha and extra channels are ignored', () => {
    const rgb = pattern(40, 30);
    const rgba = new Uint8Array(40 * 30 * 4);
    for (let p = 0; p < 40 * 30; p++) {
      rgba.set(rgb.subarray(p * 3, p * 3 + 3), p * 4);
      rgba[p * 4 + 3] = p & 0xff;
    }
    expect(toHex(pdqFromRgb(rgba, 40, 30, 4).hash)).toBe(toHex(pdqFromRgb(rgb, 40, 30).hash));
  });

  test('the grey path reads the first of its channels', () => {
    const grey = noise(50 * 60, 7);
    const greyAlpha = new Uint8Array(50 * 60 * 2);
    grey.forEach((v, i) => (greyAlpha[i * 2] = v));
    expect(toHex(pdqFromGrey(greyAlpha, 50, 60, 2).hash)).toBe(toHex(pdqFromGrey(grey, 50, 60).hash));
  });

  test('images over 512 px are pre-shrunk to 512×512 by nearest neighbour', () => {
    const w = 1300;
    const h = 700;
    const big = pattern(w, h);
    const small = new Uint8Array(512 * 512 * 3);
    for (let y = 0; y < 512; y++) {
      for (let x = 0; x < 512; x++) {
        const s = (Math.floor((y * h) / 512) * w + Math.floor((x * w) / 512)) * 3;
        small.set(big.subarray(s, s + 3), (y * 512 + x) * 3);
      }
    }
    expect(Array.from(preshrink({ pixels: big, width: w, height: h, channels: 3 }).pixels)).toEqual(Array.from(small));
    expect(toHex(pdqFromRgb(big, w, h).hash)).toBe(toHex(pdqFromRgb(small, 512, 512).hash));
    const tall = pattern(20, 600);
    expect(preshrink({ pixels: tall, width: 20, height: 600, channels: 3 }).width).toBe(512);
  });

  test('the dihedral original equals the single hash (except the reference 64×64 shortcut)', () => {
    for (const [w, h] of [
      [5, 5],
      [63, 65],
      [200, 120],
      [640, 480],
    ] as const) {
      const px = pattern(w, h);
      const single = pdqFromRgb(px, w, h);
      const all = pdqDihedralFromRgb(px, w, h);
      expect(toHex(all.hashes.orig)).toBe(toHex(single.hash));
      expect(all.quality).toBe(single.quality);
    }
  });

  test('at exactly 64×64 the single hash skips the blur, as the reference does; the dihedral path does not', () => {
    const px = pattern(64, 64);
    const image = { pixels: px, width: 64, height: 64, channels: 3 };
    const unblurred = dct64To16(lumaFromRgb(image));
    const blurred = pdqDctFromLuma(lumaFromRgb(image), 64, 64, false);
    expect(toHex(pdqFromRgb(px, 64, 64).hash)).toBe(toHex(hashFromDct(unblurred)));
    expect(toHex(pdqDihedralFromRgb(px, 64, 64).hashes.orig)).toBe(toHex(hashFromDct(blurred?.dct16 ?? unblurred)));
    expect(blurred?.dct16).not.toEqual(unblurred);
  });

  test('each dihedral variant is the hash of the image so transformed', () => {
    // At 64×64 in grey the blur and decimation are exact identities, so the
    // DCT sign rules must give exactly the hash of the transformed pixels.
    const n = 64;
    const px = noise(n * n, 12345);
    const sourceOf: Record<string, (x: number, y: number) => readonly [number, number]> = {
      orig: (x, y) => [x, y],
      rot90: (x, y) => [n - 1 - y, x], // a quarter turn counter-clockwise
      rot180: (x, y) => [n - 1 - x, n - 1 - y],
      rot270: (x, y) => [y, n - 1 - x], // a quarter turn clockwise
      flipx: (x, y) => [x, n - 1 - y], // top–bottom mirror
      flipy: (x, y) => [n - 1 - x, y], // left–right mirror
      flipp: (x, y) => [y, x], // transpose (main diagonal)
      flipm: (x, y) => [n - 1 - y, n - 1 - x], // anti-diagonal
    };
    const variants = pdqDihedralFromGrey(px, n, n).hashes;
    for (const variant of DIHEDRAL_VARIANTS) {
      const source = sourceOf[variant];
      if (!source) throw new Error(`no transform for ${variant}`);
      const out = new Uint8Array(n * n);
      for (let y = 0; y < n; y++) {
        for (let x = 0; x < n; x++) {
          const [sx, sy] = source(x, y);
          out[y * n + x] = px[sy * n + sx] ?? 0;
        }
      }
      expect(toHex(pdqDihedralFromGrey(out, n, n).hashes.orig), variant).toBe(toHex(variants[variant]));
    }
    expect(new Set(DIHEDRAL_VARIANTS.map((v) => toHex(variants[v]))).size).toBe(8);
  });

  test('invalid buffers are rejected', () => {
    expect(() => pdqFromRgb(new Uint8Array(10), 4, 4)).toThrow(RangeError);
    expect(() => pdqFromRgb(new Uint8Array(48), 4, 4, 2)).toThrow(RangeError);
    expect(() => pdqFromGrey(new Uint8Array(16), 0, 16)).toThrow(RangeError);
    expect(() => pdqFromGrey(new Uint8Array(16), 4.5, 2)).toThrow(RangeError);
  });
});

describe('Torben median', () => {
  test('returns the lower median, an element of the input', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const bytes = noise(256 * 4, seed);
      const values = new Float32Array(256);
      for (let i = 0; i < 256; i++) values[i] = ((bytes[i] ?? 0) - 128) * (seed % 3 === 0 ? 1 : 0.37);
      const sorted = Array.from(values).sort((a, b) => a - b);
      expect(torbenMedian(values)).toBe(sorted[127]);
    }
    expect(torbenMedian(new Float32Array(256).fill(-2.5))).toBe(-2.5);
    expect(torbenMedian(Float32Array.from([3, 1, 2]))).toBe(2);
  });
});
