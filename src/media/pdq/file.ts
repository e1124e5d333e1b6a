import { decodeForPdq } from './decode.js';
import type { DecodedImage, DecodeOptions } from './decode.js';
import { pdqDihedralFromGrey, pdqDihedralFromRgb, pdqFromGrey, pdqFromRgb } from './pdq.js';
import type { PdqDihedralResult, PdqResult } from './pdq.js';

/** PDQ of an image file. Throws PdqDecodeError when the file is missing or not a readable image. */
export async function pdqFromFile(path: string): Promise<PdqResult> {
  return hashDecoded(await decodeForPdq(path));
}

/** PDQ of an encoded image (JPEG, PNG, WebP, GIF, TIFF, …). Throws PdqDecodeError when it cannot be decoded. */
export async function pdqFromBuffer(buffer: Uint8Array, options: DecodeOptions = {}): Promise<PdqResult> {
  return hashDecoded(await decodeForPdq(buffer, options));
}

export async function pdqDihedralFromFile(path: string): Promise<PdqDihedralResult> {
  return dihedralDecoded(await decodeForPdq(path));
}

export async function pdqDihedralFromBuffer(buffer: Uint8Array): Promise<PdqDihedralResult> {
  return dihedralDecoded(await decodeForPdq(buffer));
}

function hashDecoded({ grey, pixels, width, height, channels }: DecodedImage): PdqResult {
  return grey ? pdqFromGrey(pixels, width, height, channels) : pdqFromRgb(pixels, width, height, channels);
}

function dihedralDecoded({ grey, pixels, width, height, channels }: DecodedImage): PdqDihedralResult {
  return grey ? pdqDihedralFromGrey(pixels, width, height, channels) : pdqDihedralFromRgb(pixels, width, height, channels);
}
