import sharp from 'sharp';
import { PdqDecodeError, pdqFromBuffer, toHex } from '../pdq/index.js';
import { exactHashesOfBytes } from './exact.js';
import { sniffMediaType, type AcceptedMediaType } from './media-type.js';

/** What an accepted file is: its type from its bytes, its hashes and, for an image, its size in pixels and PDQ. */
export interface InspectedMedia {
  kind: 'image' | 'video';
  mediaType: AcceptedMediaType;
  /** Bytes. */
  size: number;
  md5: string;
  sha1: string;
  sha256: string;
  /** Images only: PDQ (64 hex digits, as the reference prints it) and its quality 0–100. */
  pdq: string | null;
  pdqQuality: number | null;
  width: number | null;
  height: number | null;
}

/**
 * Why a file is refused: `empty`; `unknown-type` (its bytes are not one of the accepted
 * types, whatever it was said to be); `too-many-pixels` (its header declares more pixels
 * than the limit: a decompression bomb, refused before anything is decoded); `corrupt`
 * (truncated, or not decodable as the type its first bytes announce).
 */
export type MediaRefusal = 'empty' | 'unknown-type' | 'too-many-pixels' | 'corrupt';

export type MediaInspection = { ok: true; media: InspectedMedia } | { ok: false; reason: MediaRefusal; width?: number; height?: number };

export interface InspectOptions {
  /** Largest image accepted, in pixels (width × height of one frame). */
  maxPixels: number;
}

/**
 * Width and height from the image's header, read by libvips without decoding any pixel (so
 * without sharp's own pixel limit, which would refuse a bomb as if it were corrupt).
 */
async function headerSize(bytes: Uint8Array): Promise<{ width: number; height: number } | undefined> {
  try {
    const { width, height } = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
    return width > 0 && height > 0 ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides what a received file is and hashes it. The type comes from the first bytes only;
 * an image's header is read first and an image declaring more than `maxPixels` is refused
 * before decoding, which is then itself capped at `maxPixels` (sharp's `limitInputPixels`);
 * a truncated or corrupt image is refused, never hashed as zeros. MD5, SHA-1 and SHA-256 of
 * every file; PDQ and its quality of images (video hashing is not done).
 */
export async function inspectMedia(bytes: Uint8Array, options: InspectOptions): Promise<MediaInspection> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const sniffed = sniffMediaType(bytes);
  if (!sniffed) return { ok: false, reason: 'unknown-type' };
  const exact = exactHashesOfBytes(bytes);
  const base = { ...sniffed, size: exact.size, md5: exact.md5, sha1: exact.sha1, sha256: exact.sha256 };
  if (sniffed.kind === 'video') return { ok: true, media: { ...base, pdq: null, pdqQuality: null, width: null, height: null } };

  const size = await headerSize(bytes);
  if (!size) return { ok: false, reason: 'corrupt' };
  if (size.width * size.height > options.maxPixels) return { ok: false, reason: 'too-many-pixels', ...size };
  try {
    const { hash, quality } = await pdqFromBuffer(bytes, { limitInputPixels: options.maxPixels });
    return { ok: true, media: { ...base, pdq: toHex(hash), pdqQuality: quality, ...size } };
  } catch (error) {
    if (error instanceof PdqDecodeError) return { ok: false, reason: /pixel limit/i.test(error.message) ? 'too-many-pixels' : 'corrupt' };
    throw error;
  }
}
