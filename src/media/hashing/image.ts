import { PdqDecodeError, pdqDihedralFromBuffer, pdqFromBuffer } from '../pdq/index.js';
import type { DihedralVariant, PdqHash } from '../pdq/index.js';
import { exactHashesOfBytes, type ExactHashesWithSize } from './exact.js';
import { DEFAULT_MAX_IMAGE_BYTES, readWholeFile } from './read.js';

/** PDQ, its quality and the exact hashes of one image file. */
export interface ImageHashes extends ExactHashesWithSize {
  readonly pdq: PdqHash;
  /** PDQ quality, 0..100; below 50 the PDQ hash is unreliable. */
  readonly quality: number;
}

/** The eight dihedral PDQ hashes, their quality and the exact hashes of one image file. */
export interface DihedralImageHashes extends ExactHashesWithSize {
  readonly pdq: Readonly<Record<DihedralVariant, PdqHash>>;
  readonly quality: number;
}

export interface ImageHashOptions {
  /** Files larger than this are refused with a FileReadError ('too-large'). Default 256 MiB. */
  readonly maxBytes?: number;
}

/*
 * Memory: the file is read once, whole, into one buffer; the three digests run
 * over that buffer and sharp decodes the same buffer. Streaming the file
 * through the digests instead would not save memory, because sharp needs the
 * whole encoded image before it decodes (a stream given to sharp is buffered
 * whole too), and reading it twice (digests, then sharp from the path) costs a
 * second pass over the file. Peak memory is the encoded file plus its decoded
 * pixels (width × height × channels bytes, e.g. 36 MB for a 4032×3024 RGB
 * photo), which dominate; `maxBytes` caps the first.
 *
 * Time: the decoding is started first; for PNG and JPEG files libvips then
 * decodes on its own thread while the three digests run on this one, so the
 * exact hashes cost little more than the decoding alone.
 */

/**
 * Hashes an image file: PDQ + quality + MD5, SHA-1, SHA-256, reading the file
 * once. Throws FileReadError when the file cannot be read and PdqDecodeError
 * (naming the file) when it is not a decodable image, truncated images
 * included; never returns an all-zero hash for a file it could not decode.
 */
export async function hashImageFile(path: string, options: ImageHashOptions = {}): Promise<ImageHashes> {
  const bytes = await readWholeFile(path, options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES);
  return named(path, () => hashImageBytes(bytes));
}

/** Like hashImageFile, with the eight dihedral PDQ hashes. */
export async function hashImageFileDihedral(path: string, options: ImageHashOptions = {}): Promise<DihedralImageHashes> {
  const bytes = await readWholeFile(path, options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES);
  return named(path, () => hashImageBytesDihedral(bytes));
}

/** PDQ + quality + exact hashes of an encoded image already in memory. Throws PdqDecodeError. */
export async function hashImageBytes(bytes: Uint8Array): Promise<ImageHashes> {
  const decoding = pdqFromBuffer(bytes);
  const exact = exactHashesOfBytes(bytes);
  const { hash, quality } = await decoding;
  return { ...exact, pdq: hash, quality };
}

/** Dihedral PDQ + quality + exact hashes of an encoded image already in memory. Throws PdqDecodeError. */
export async function hashImageBytesDihedral(bytes: Uint8Array): Promise<DihedralImageHashes> {
  const decoding = pdqDihedralFromBuffer(bytes);
  const exact = exactHashesOfBytes(bytes);
  const { hashes, quality } = await decoding;
  return { ...exact, pdq: hashes, quality };
}

/** Re-throws a decoding error with the file's path instead of "buffer of N bytes". */
async function named<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof PdqDecodeError)) throw error;
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    throw new PdqDecodeError(`Cannot decode image ${path}: ${reason}`, { cause: error });
  }
}
