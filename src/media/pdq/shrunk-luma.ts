import { PRESHRINK_SIDE } from './preshrink.js';
import type { RawImage } from './raw-image.js';

const f = Math.fround;

/** f(0.299·v), f(0.587·v), f(0.114·v) for every byte v: the reference's float32 products, looked up. */
function productTable(coefficient: number): Float64Array {
  const c = f(coefficient);
  return Float64Array.from({ length: 256 }, (_, v) => f(c * v));
}
const RED = productTable(0.299);
const GREEN = productTable(0.587);
const BLUE = productTable(0.114);

/** A rows×cols float32 luminance plane, produced a few rows at a time. */
export interface LumaSource {
  readonly rows: number;
  readonly cols: number;
  /** Writes rows `first`..`first + count − 1`, each `cols` values, consecutively into `out` from index 0. */
  fill(first: number, count: number, out: Float32Array): void;
}

/** A luminance plane already in memory. */
export function planeSource(luma: Float32Array, rows: number, cols: number): LumaSource {
  return { rows, cols, fill: (first, count, out) => out.set(luma.subarray(first * cols, (first + count) * cols)) };
}

/**
 * The reference's pre-shrink and luminance in one pass: when a side exceeds
 * 512, only the pixels that the nearest-neighbour pre-shrink to 512×512 keeps
 * are read (source column floor(x·W/512), row floor(y·H/512)); otherwise every
 * pixel. Luminance is Y = 0.299 R + 0.587 G + 0.114 B in float32, left to
 * right, or the grey value (first sample) for a grey image.
 */
export function imageSource(image: RawImage, grey: boolean): LumaSource {
  return new ImageLuma(image, grey);
}

class ImageLuma implements LumaSource {
  readonly rows: number;
  readonly cols: number;
  /** Byte offset in a source row of each output column's pixel. */
  readonly #offsets: Int32Array;
  /** Byte offset of each output row's source row. */
  readonly #rowStarts: Int32Array;

  constructor(
    readonly image: RawImage,
    readonly grey: boolean,
  ) {
    const { width, height, channels } = image;
    const shrink = width > PRESHRINK_SIDE || height > PRESHRINK_SIDE;
    this.cols = shrink ? PRESHRINK_SIDE : width;
    this.rows = shrink ? PRESHRINK_SIDE : height;
    this.#offsets = new Int32Array(this.cols);
    for (let x = 0; x < this.cols; x++) this.#offsets[x] = (shrink ? Math.floor((x * width) / this.cols) : x) * channels;
    this.#rowStarts = new Int32Array(this.rows);
    for (let y = 0; y < this.rows; y++) this.#rowStarts[y] = (shrink ? Math.floor((y * height) / this.rows) : y) * width * channels;
  }

  fill(first: number, count: number, out: Float32Array): void {
    const pixels = this.image.pixels;
    const offsets = this.#offsets;
    const cols = this.cols;
    for (let y = first, p = 0; y < first + count; y++, p += cols) {
      const row = this.#rowStarts[y]!;
      if (this.grey) greyRow(pixels, row, offsets, cols, out, p);
      else rgbRow(pixels, row, offsets, cols, out, p);
    }
  }
}

function greyRow(pixels: Uint8Array, row: number, offsets: Int32Array, cols: number, out: Float32Array, p: number): void {
  for (let x = 0; x < cols; x++) out[p + x] = pixels[row + offsets[x]!]!;
}

function rgbRow(pixels: Uint8Array, row: number, offsets: Int32Array, cols: number, out: Float32Array, p: number): void {
  for (let x = 0; x < cols; x++) {
    const s = row + offsets[x]!;
    // The store into the Float32Array rounds the last sum, as the reference's float does.
    out[p + x] = f(RED[pixels[s]!]! + GREEN[pixels[s + 1]!]!) + BLUE[pixels[s + 2]!]!;
  }
}
