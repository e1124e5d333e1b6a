import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { PdqDecodeError } from './errors.js';
import type { RawImage } from './raw-image.js';
import { allGrey } from './grey.js';
import { sniffPlainEightBit } from './sniff.js';

/** Decoded pixels as the reference hasher sees them: 8-bit, grey or RGB (any extra channel is alpha). */
export interface DecodedImage extends RawImage {
  /** When true the first sample of each pixel is its grey value; otherwise samples 0..2 are R, G, B. */
  readonly grey: boolean;
}

export interface DecodeOptions {
  /**
   * Refuse (PdqDecodeError) an image of more pixels than this, before its pixels are
   * decoded: a guard against decompression bombs. Default: sharp's, 0x3FFF × 0x3FFF.
   */
  readonly limitInputPixels?: number;
}

/**
 * Decodes a file path or an encoded image the way the reference hasher does:
 * embedded ICC profiles and EXIF orientation are ignored, alpha is dropped
 * (not composited), CMYK is converted to RGB arithmetically, 16-bit samples
 * keep their high byte, palettes are expanded, and an image whose pixels are
 * all grey is marked grey so it is hashed from its grey value.
 */
export async function decodeForPdq(input: string | Uint8Array, options: DecodeOptions = {}): Promise<DecodedImage> {
  const label = typeof input === 'string' ? input : `buffer of ${input.length} bytes`;
  try {
    const limit = options.limitInputPixels === undefined ? {} : { limitInputPixels: options.limitInputPixels };
    const image = sharp(input, { ignoreIcc: true, failOn: 'error', autoOrient: false, ...limit });
    // Most files are 8-bit PNG or JPEG: their header says so, which spares a metadata pass.
    const plain = typeof input === 'string' ? undefined : sniffPlainEightBit(input);
    if (plain) return markGrey(await samples(plain === 'grey' ? image.toColourspace('b-w') : image, 'uchar'));
    const { space, depth } = await image.metadata();
    if (space === 'cmyk') {
      return cmykToRgb(await samples(image.pipelineColourspace('cmyk').toColourspace('cmyk'), depth));
    }
    if (depth === 'ushort' && (space === 'rgb16' || space === 'grey16')) {
      return markGrey(await samples(image.toColourspace(space), depth));
    }
    // A grey image is decoded to its one channel, not three copies of it.
    return markGrey(await samples(space === 'b-w' && depth === 'uchar' ? image.toColourspace('b-w') : image, 'uchar'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PdqDecodeError(`Cannot decode image (${label}): ${reason}`, { cause: error });
  }
}

/** Raw interleaved samples reduced to 8 bits; 16-bit samples keep their high byte. */
async function samples(image: Sharp, depth: string | undefined): Promise<RawImage> {
  const wide = depth === 'ushort';
  const { data, info } = await image.raw(wide ? { depth: 'ushort' } : {}).toBuffer({ resolveWithObject: true });
  let pixels: Uint8Array = data;
  if (wide) {
    const words = new Uint16Array(data.buffer, data.byteOffset, data.length >>> 1);
    pixels = new Uint8Array(words.length);
    for (let i = 0; i < words.length; i++) pixels[i] = (words[i] ?? 0) >>> 8;
  }
  return { pixels, width: info.width, height: info.height, channels: info.channels };
}

function markGrey(image: RawImage): DecodedImage {
  return { ...image, grey: image.channels < 3 || allGrey(image) };
}

/** Naive CMYK → RGB, R = (255 − C)(255 − K)/255 rounded, as ImageMagick converts without a profile. */
function cmykToRgb(image: RawImage): DecodedImage {
  const { pixels, width, height, channels } = image;
  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  for (let p = 0, s = 0, o = 0; p < n; p++, s += channels) {
    const white = 255 - (pixels[s + 3] ?? 0);
    rgb[o++] = Math.round(((255 - (pixels[s] ?? 0)) * white) / 255);
    rgb[o++] = Math.round(((255 - (pixels[s + 1] ?? 0)) * white) / 255);
    rgb[o++] = Math.round(((255 - (pixels[s + 2] ?? 0)) * white) / 255);
  }
  return markGrey({ pixels: rgb, width, height, channels: 3 });
}
