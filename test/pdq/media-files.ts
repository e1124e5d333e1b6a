import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { syntheticImages, type SyntheticImage } from './synthetic-images.js';

/**
 * Files for upload tests, all generated: abstract synthetic pictures encoded in each accepted
 * format, the first bytes of a video container, and the broken files an upload must refuse
 * (truncated images, decompression bombs). Never a real photograph.
 */
let images: SyntheticImage[] | undefined;

/** One of the synthetic images of `synthetic-images.ts`, by name (`blocks-300x171x3`). */
export function syntheticImage(name: string): SyntheticImage {
  images ??= syntheticImages();
  const found = images.find((image) => image.name === name);
  if (!found) throw new Error(`no synthetic image ${name}`);
  return found;
}

export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp';

/** A synthetic image encoded as a file. */
export async function imageFile(name: string, format: ImageFormat): Promise<Buffer> {
  const { pixels, width, height, channels } = syntheticImage(name);
  const image = sharp(Buffer.from(pixels), { raw: { width, height, channels } });
  if (format === 'jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  if (format === 'png') return image.png().toBuffer();
  if (format === 'gif') return image.gif().toBuffer();
  return image.webp({ quality: 90 }).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG that inserts a `tEXt` chunk holding `text` after its header: the same picture, with
 * a string that a search of the raw database would find if the file were stored in clear.
 */
export function withTextChunk(png: Buffer, text: string): Buffer {
  const afterHeader = pngSignature.length + 25; // IHDR: length, type, 13 bytes, CRC
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    png.subarray(afterHeader),
  ]);
}

/**
 * A decompression bomb: a small PNG whose header declares `width` × `height` grey pixels,
 * whose data is the start of a stream of zero rows (a few hundred bytes that would inflate
 * to width × height bytes).
 */
export function pngBomb(width = 30_000, height = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey
  const rows = deflateSync(Buffer.alloc((width + 1) * 64));
  return Buffer.concat([pngSignature, pngChunk('IHDR', header), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The first bytes of an ISO media file: a `ftyp` box of that brand, then an empty `mdat`. */
export function isoMediaFile(brand = 'isom'): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from(`ftyp${brand}`, 'ascii'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from(`${brand}mp41`, 'ascii'),
  ]);
  return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 16]), Buffer.from('mdat', 'ascii'), Buffer.from('synthetic', 'ascii').subarray(0, 8)]);
}

/** An EBML header whose DocType is `docType` (WebM when `webm`). */
export function ebmlFile(docType = 'webm'): Buffer {
  const type = Buffer.from(docType, 'ascii');
  const body = Buffer.concat([Buffer.from([0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | type.length]), type]);
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | body.length]), body, Buffer.alloc(32, 0xec)]);
}

/** The first `fraction` of a file. */
export function truncated(file: Buffer, fraction = 0.5): Buffer {
  return file.subarray(0, Math.floor(file.length * fraction));
}
