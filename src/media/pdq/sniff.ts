const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** JPEG start-of-frame markers (C0–CF except DHT C4, JPG C8 and DAC CC): they carry precision, size and component count. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** What an 8-bit image decodes to: one grey channel (maybe with alpha), or colour. */
export type PlainKind = 'grey' | 'colour';

/**
 * What the header alone shows, when it shows that the image decodes to plain
 * 8-bit grey or colour, so that asking libvips for the metadata first (a
 * second parse) can be skipped: a PNG of bit depth ≤ 8 (grey for colour types
 * 0 and 4), or an 8-bit JPEG with 1 (grey) or 3 components (not CMYK/YCCK).
 * Anything else, including a header it cannot read, gives undefined and the
 * caller asks libvips.
 */
export function sniffPlainEightBit(bytes: Uint8Array): PlainKind | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return plainPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return plainJpeg(bytes);
  return undefined;
}

function plainPng(bytes: Uint8Array): PlainKind | undefined {
  // Signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4), bit depth, colour type.
  const ihdr = bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
  const depth = bytes[24];
  const colourType = bytes[25];
  if (!ihdr || depth === undefined || depth > 8 || colourType === undefined) return undefined;
  return colourType === 0 || colourType === 4 ? 'grey' : 'colour';
}

function plainJpeg(bytes: Uint8Array): PlainKind | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (isStartOfFrame(marker)) {
      const precision = bytes[at + 4];
      const components = bytes[at + 9];
      if (precision !== 8) return undefined;
      return components === 1 ? 'grey' : components === 3 ? 'colour' : undefined;
    }
    // Start of scan, end of image or a marker without a length before any frame header: not a JPEG we can read ahead.
    if (marker === 0xda || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd8) || marker === 0x01) return undefined;
    at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
  }
  return undefined;
}
