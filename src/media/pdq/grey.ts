import { endianness } from 'node:os';
import type { RawImage } from './raw-image.js';

const LITTLE_ENDIAN = endianness() === 'LE';

/**
 * True when every pixel has R = G = B (the first three samples): such an image
 * is hashed from its grey value, as the reference does. Grey photographs
 * stored as RGB are scanned whole, so RGB and RGBA are compared four bytes at
 * a time.
 */
export function allGrey(image: RawImage): boolean {
  const { pixels, width, height, channels } = image;
  const end = width * height * channels;
  let s = 0;
  if (LITTLE_ENDIAN && (pixels.byteOffset & 3) === 0 && (channels === 3 || channels === 4)) {
    s = channels === 3 ? greyRgbWords(pixels, end) : greyRgbaWords(pixels, end);
    if (s < 0) return false;
  }
  for (; s < end; s += channels) {
    const r = pixels[s];
    if (r !== pixels[s + 1] || r !== pixels[s + 2]) return false;
  }
  return true;
}

/** RGB, four pixels in three words; returns the byte offset checked up to, or −1 at a pixel that is not grey. */
function greyRgbWords(pixels: Uint8Array, end: number): number {
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, Math.floor(end / 12) * 3);
  for (let w = 0; w < words.length; w += 3) {
    // Little-endian bytes: a = r0 g0 b0 r1, b = g1 b1 r2 g2, c = b2 r3 g3 b3.
    const a = words[w]!;
    const b = words[w + 1]!;
    const c = words[w + 2]!;
    const differ =
      ((a ^ (a >>> 8)) & 0xffff) | // r0 = g0 = b0
      (((a >>> 24) ^ b) & 0xff) | // r1 = g1
      ((b ^ (b >>> 8)) & 0xff00ff) | // g1 = b1, r2 = g2
      (((b >>> 24) ^ c) & 0xff) | // g2 = b2
      ((c ^ (c >>> 8)) & 0xffff00); // r3 = g3 = b3
    if (differ !== 0) return -1;
  }
  return words.length * 4;
}

/** RGBA, one pixel per word (r g b a): r = g = b. */
function greyRgbaWords(pixels: Uint8Array, end: number): number {
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, end >>> 2);
  for (let w = 0; w < words.length; w++) {
    const a = words[w]!;
    if (((a ^ (a >>> 8)) & 0xffff) !== 0) return -1;
  }
  return words.length * 4;
}
