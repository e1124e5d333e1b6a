import { DCT_MATRIX as DCT_VALUES } from './dct.js';
import { jaroszWindow } from './jarosz.js';
import { pdqKernels, type PdqKernels } from './kernels.js';
import {
  ALL_ROWS,
  DCT_MATRIX,
  DCT_MATRIX_T,
  DCT_OUT,
  DCT_TEMP,
  DECIMATED,
  DECIMATED_STRIDE,
  KEPT_COLUMNS,
  KEPT_ROWS,
  MAX_SIDE,
  PLANE_A,
  PLANE_B,
  planeStride,
} from './layout.js';
import { lumaSize, writeLuminance } from './luminance.js';
import type { RawImage } from './raw-image.js';

/** Images with a side shorter than this hash to all zeros with quality 0. */
export const MIN_HASHABLE_SIDE = 5;

export interface PdqDct {
  /** 16×16 DCT coefficients (frequencies 1..16), row-major. */
  readonly dct16: Float32Array;
  readonly quality: number;
}

/**
 * Decoded pixels → luminance (after the reference's pre-shrink) → blur (two
 * Jarosz passes) → 64×64 decimation → quality and DCT, in the WebAssembly
 * kernels. Returns undefined when the image is too small to hash.
 *
 * `skipBlurAt64`: the reference's single-hash path takes an input of exactly
 * 64×64 as already downsampled and skips the blur; its dihedral path does not.
 */
export function pdqDctFromPixels(image: RawImage, grey: boolean, skipBlurAt64: boolean): PdqDct | undefined {
  const { rows, cols } = lumaSize(image.width, image.height);
  if (rows < MIN_HASHABLE_SIDE || cols < MIN_HASHABLE_SIDE) return undefined;
  const kernels = prepared();
  writeLuminance(kernels, image, grey, PLANE_A, planeStride(rows));
  return fromTransposedLuma(kernels, rows, cols, skipBlurAt64);
}

/** The same from a rows×cols float32 luminance plane (row-major, at most 512×512). */
export function pdqDctFromLuma(luma: Float32Array, rows: number, cols: number, skipBlurAt64: boolean): PdqDct | undefined {
  if (rows < MIN_HASHABLE_SIDE || cols < MIN_HASHABLE_SIDE) return undefined;
  const kernels = prepared();
  writeTransposed(kernels, luma, rows, cols);
  return fromTransposedLuma(kernels, rows, cols, skipBlurAt64);
}

/** The blurred, decimated 64×64 plane of a float32 luminance plane (at most 512×512): the filter alone, for tests. */
export function blurredAndDecimated(luma: Float32Array, rows: number, cols: number): Float32Array {
  const kernels = prepared();
  writeTransposed(kernels, luma, rows, cols);
  blurAndDecimate(kernels, rows, cols);
  return kernels.f32.slice(DECIMATED >> 2, (DECIMATED >> 2) + 64 * 64);
}

/** Luminance transposed in PLANE_A → DCT and quality. */
function fromTransposedLuma(kernels: PdqKernels, rows: number, cols: number, skipBlurAt64: boolean): PdqDct {
  if (skipBlurAt64 && rows === 64 && cols === 64) {
    kernels.transpose(PLANE_A, planeStride(rows), DECIMATED, DECIMATED_STRIDE, 64, 64);
  } else {
    blurAndDecimate(kernels, rows, cols);
  }
  kernels.dct(DECIMATED, DCT_MATRIX, DCT_MATRIX_T, DCT_TEMP, DCT_OUT);
  return { dct16: kernels.f32.slice(DCT_OUT >> 2, (DCT_OUT >> 2) + 256), quality: kernels.quality(DECIMATED) };
}

/**
 * The reference's Jarosz filter (two passes, each a box along every row then
 * down every column, window ceil(side/128)) and its 64×64 decimation, from
 * the transposed luminance in PLANE_A to DECIMATED. The box kernel runs down
 * columns, 16 at a time, so the planes are transposed between passes (an
 * image row becomes a column). The second pass's row box stores only the 64
 * columns the decimation keeps, and its column box only the 64 rows (their
 * running sums still visit every sample: the roundings depend on the whole
 * history).
 */
function blurAndDecimate(kernels: PdqKernels, rows: number, cols: number): void {
  const byRow = jaroszWindow(cols);
  const byColumn = jaroszWindow(rows);
  const rowStride = planeStride(rows); // a transposed plane: cols rows of `rows` values
  const colStride = planeStride(cols);
  const paddedRows = Math.ceil(rows / 16) * 16;
  const paddedCols = Math.ceil(cols / 16) * 16;
  writeDecimatedPositions(kernels, KEPT_ROWS, rows);
  writeDecimatedPositions(kernels, KEPT_COLUMNS, cols);
  // First pass: along the rows (down the transposed plane), then down the columns.
  kernels.box(PLANE_A, rowStride, PLANE_B, rowStride, cols, paddedRows, byRow, ALL_ROWS);
  kernels.transpose(PLANE_B, rowStride, PLANE_A, colStride, paddedCols, paddedRows);
  kernels.box(PLANE_A, colStride, PLANE_B, colStride, rows, paddedCols, byColumn, ALL_ROWS);
  // Second pass, keeping only what the decimation samples.
  kernels.transpose(PLANE_B, colStride, PLANE_A, rowStride, paddedRows, paddedCols);
  kernels.box(PLANE_A, rowStride, PLANE_B, rowStride, cols, paddedRows, byRow, KEPT_COLUMNS);
  kernels.transpose(PLANE_B, rowStride, PLANE_A, DECIMATED_STRIDE, 64, paddedRows);
  kernels.box(PLANE_A, DECIMATED_STRIDE, DECIMATED, DECIMATED_STRIDE, rows, 64, byColumn, KEPT_ROWS);
}

/** The 64 positions the decimation samples along a side, floor((i + 0.5)·side/64) (exact in double), then −1. */
function writeDecimatedPositions(kernels: PdqKernels, at: number, side: number): void {
  const positions = kernels.i32.subarray(at >> 2, (at >> 2) + 65);
  for (let i = 0; i < 64; i++) positions[i] = Math.floor(((i + 0.5) * side) / 64);
  positions[64] = -1;
}

function writeTransposed(kernels: PdqKernels, luma: Float32Array, rows: number, cols: number): void {
  if (rows > MAX_SIDE || cols > MAX_SIDE)
    throw new RangeError(`PDQ luminance planes are at most ${MAX_SIDE}×${MAX_SIDE}, got ${cols}×${rows}`);
  const f32 = kernels.f32;
  const stride = planeStride(rows) >> 2;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) f32[(PLANE_A >> 2) + x * stride + y] = luma[y * cols + x]!;
  }
}

let ready: PdqKernels | undefined;

/** The kernels, with the tables that never change written on first use. */
function prepared(): PdqKernels {
  if (!ready) {
    const kernels = pdqKernels();
    for (let i = 0; i < 16; i++) {
      for (let k = 0; k < 64; k++) {
        const value = DCT_VALUES[i * 64 + k]!;
        kernels.f32[(DCT_MATRIX >> 2) + i * 64 + k] = value;
        kernels.f32[(DCT_MATRIX_T >> 2) + k * 16 + i] = value;
      }
    }
    const all = kernels.i32.subarray(ALL_ROWS >> 2, (ALL_ROWS >> 2) + MAX_SIDE + 1);
    all.forEach((_, i) => (all[i] = i));
    all[MAX_SIDE] = -1;
    ready = kernels;
  }
  return ready;
}
