/*
 * Where things live in the kernels' memory (byte addresses). The kernels only
 * take addresses; pipeline.ts and luminance.ts place the data here.
 */

/** The reference shrinks any image wider or taller than this to exactly this square. */
export const MAX_SIDE = 512;

/** The 16×64 DCT matrix (f32), its 64×16 transpose, the 16×64 intermediate product, the 16×16 result. */
export const DCT_MATRIX = 0x0000;
export const DCT_MATRIX_T = 0x1000;
export const DCT_TEMP = 0x2000;
export const DCT_OUT = 0x3000;
/** The blurred and decimated 64×64 plane (f32, 256 bytes a row). */
export const DECIMATED = 0x4000;
export const DECIMATED_STRIDE = 64 * 4;
/** Output-row lists for the box kernel (i32, ended by −1): every row 0..511; the 64 rows, and the 64 columns, the decimation keeps. */
export const ALL_ROWS = 0x8000;
export const KEPT_ROWS = 0x9000;
export const KEPT_COLUMNS = 0x9200;
/** Byte offset within a source row of each output column's pixel (i32, one per column). */
export const COLUMN_OFFSETS = 0xa000;

/**
 * Bytes between two rows of a plane whose rows hold `n` values: `n` rounded up
 * to 16 (kernels work 16 columns at a time), plus 16 more so that the stride
 * is not a power of two: the transposing stores walk down columns, and with a
 * 2 KiB stride they would all land in the same few cache sets.
 */
export function planeStride(n: number): number {
  return (Math.ceil(n / 16) * 16 + 16) * 4;
}

/** Two working planes of up to 512 rows of 512 values (padded as above). */
const PLANE_BYTES = MAX_SIDE * planeStride(MAX_SIDE);
export const PLANE_A = 0x10000;
export const PLANE_B = PLANE_A + PLANE_BYTES;

/** Source pixel rows copied from the decoded image; the memory grows when a band of rows needs more. */
export const SOURCE = PLANE_B + PLANE_BYTES;
