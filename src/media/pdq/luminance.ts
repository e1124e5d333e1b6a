import type { PdqKernels } from './kernels.js';
import { COLUMN_OFFSETS, MAX_SIDE, SOURCE } from './layout.js';
import type { RawImage } from './raw-image.js';

/** Output rows per band: their source rows are copied into the kernels' memory together. */
const BAND_ROWS = 64;
/** A band shrinks (never under 4 rows) so that its source rows stay within this many bytes. */
const SOURCE_BUDGET = 4 * 1024 * 1024;

/** The luminance plane's size: the image's, or 512×512 when a side exceeds 512 (the reference's pre-shrink). */
export function lumaSize(width: number, height: number): { rows: number; cols: number } {
  const shrink = width > MAX_SIDE || height > MAX_SIDE;
  return { rows: shrink ? MAX_SIDE : height, cols: shrink ? MAX_SIDE : width };
}

/**
 * Writes the float32 luminance of `image`, pre-shrunk as the reference does,
 * into the kernels' memory transposed: value (row y, column x) at
 * out + x·outStride + 4y. The pre-shrink is nearest neighbour to 512×512 when
 * a side exceeds 512: output column x reads source column floor(x·W/512), row
 * y source row floor(y·H/512), so only those pixels are read (W/512 is a
 * dyadic fraction: the double arithmetic is exact). Luminance is
 * 0.299 R + 0.587 G + 0.114 B in float32, or the first sample of a grey image.
 *
 * The source rows a band of output rows needs are copied into the kernels'
 * memory (the whole span of rows in one copy when it is at most twice what is
 * needed, else row by row), then the kernel converts four rows at a time.
 */
export function writeLuminance(kernels: PdqKernels, image: RawImage, grey: boolean, out: number, outStride: number): void {
  const { width, height, channels } = image;
  const pixels = new Uint8Array(image.pixels.buffer, image.pixels.byteOffset, image.pixels.length);
  const { rows, cols } = lumaSize(width, height);
  const rowBytes = width * channels;
  const sourceRow = (y: number) => Math.floor((y * height) / rows);

  const paddedCols = Math.ceil(cols / 4) * 4;
  const offsets = kernels.i32.subarray(COLUMN_OFFSETS >> 2, (COLUMN_OFFSETS >> 2) + paddedCols);
  for (let x = 0; x < cols; x++) offsets[x] = Math.floor((x * width) / cols) * channels;
  offsets.fill(0, cols); // the padding columns read pixel 0

  const band = Math.max(4, Math.min(BAND_ROWS, Math.floor(SOURCE_BUDGET / (2 * rowBytes)) & ~3));
  // Each pixel is read as four bytes: three spare bytes after the last row.
  kernels.reserve(SOURCE + 2 * band * rowBytes + 4);
  const starts = new Int32Array(band);
  const convert = grey ? kernels.lumaGrey4 : kernels.lumaRgb4;
  for (let first = 0; first < rows; first += band) {
    const count = Math.min(band, rows - first);
    const top = sourceRow(first);
    const span = sourceRow(first + count - 1) - top + 1;
    if (span <= 2 * count) {
      kernels.u8.set(pixels.subarray(top * rowBytes, (top + span) * rowBytes), SOURCE);
      for (let i = 0; i < count; i++) starts[i] = SOURCE + (sourceRow(first + i) - top) * rowBytes;
    } else {
      for (let i = 0; i < count; i++) {
        const from = sourceRow(first + i) * rowBytes;
        starts[i] = SOURCE + i * rowBytes;
        kernels.u8.set(pixels.subarray(from, from + rowBytes), starts[i]!);
      }
    }
    for (let i = 0; i < count; i += 4) {
      // A last group of fewer than four rows repeats its last row; the extra values land in the padding.
      const last = count - 1;
      const at = out + (first + i) * 4;
      convert(
        starts[i]!,
        starts[Math.min(i + 1, last)]!,
        starts[Math.min(i + 2, last)]!,
        starts[Math.min(i + 3, last)]!,
        COLUMN_OFFSETS,
        paddedCols,
        at,
        outStride,
      );
    }
  }
}
