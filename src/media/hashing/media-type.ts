/**
 * The type of a file, from its first bytes ("magic numbers") only: never from a declared
 * content type or a file name, which the sender chooses. Only the types Vigie accepts are
 * recognised; anything else (HTML, SVG, PDF, archives, executables, text, nothing known)
 * is `undefined`.
 */
export const imageTypes = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export const videoTypes = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export type ImageType = (typeof imageTypes)[number];
export type VideoType = (typeof videoTypes)[number];
export type AcceptedMediaType = ImageType | VideoType;

export type SniffedMedia = { kind: 'image'; mediaType: ImageType } | { kind: 'video'; mediaType: VideoType };

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  from + length <= bytes.length ? String.fromCharCode(...bytes.subarray(from, from + length)) : '';

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const EBML = [0x1a, 0x45, 0xdf, 0xa3];

/**
 * ISO base media file brands (ISO/IEC 14496-12 `ftyp`) of MP4 video: the ISO brands, MP4
 * versions 1 and 2, AVC, Apple's M4V, DASH, 3GPP. Brands of still images in the same
 * container (HEIF/HEIC `heic`, `mif1`; AVIF `avif`) are not video and not accepted.
 */
const mp4Brands = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'M4V ',
  'M4VP',
  'M4VH',
  'dash',
  'f4v ',
  '3gp4',
  '3gp5',
  '3gp6',
  '3g2a',
  'mmp4',
]);

function sniffIsoMedia(bytes: Uint8Array): SniffedMedia | undefined {
  if (ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (boxSize < 16 || boxSize > 4096 || boxSize > bytes.length) return undefined;
  const brand = ascii(bytes, 8, 4);
  if (brand === 'qt  ') return { kind: 'video', mediaType: 'video/quicktime' };
  if (mp4Brands.has(brand)) return { kind: 'video', mediaType: 'video/mp4' };
  return undefined;
}

/** Matroska's DocType element (0x4282) says `webm` within the EBML header. */
function sniffWebm(bytes: Uint8Array): SniffedMedia | undefined {
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64));
  const at = header.indexOf(Buffer.from([0x42, 0x82]));
  if (at < 0) return undefined;
  const length = (header[at + 2] ?? 0) & 0x7f;
  return ascii(bytes, at + 3, length) === 'webm' ? { kind: 'video', mediaType: 'video/webm' } : undefined;
}

export function sniffMediaType(bytes: Uint8Array): SniffedMedia | undefined {
  if (startsWith(bytes, JPEG)) return { kind: 'image', mediaType: 'image/jpeg' };
  if (startsWith(bytes, PNG)) return { kind: 'image', mediaType: 'image/png' };
  const six = ascii(bytes, 0, 6);
  if (six === 'GIF87a' || six === 'GIF89a') return { kind: 'image', mediaType: 'image/gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { kind: 'image', mediaType: 'image/webp' };
  if (startsWith(bytes, EBML)) return sniffWebm(bytes);
  return sniffIsoMedia(bytes);
}
