import { boxFull4, boxSampled4, type Lanes } from './box4.js';
import { jaroszWindow } from './jarosz.js';
import type { LumaSource } from './shrunk-luma.js';

const f = Math.fround;
const SIDE = 512;
const SIDE64 = 64;
/** Rows of the first pass's row output kept: four new ones and the four (at most) the column window reaches back. */
const RING = 8;

/*
 * Buffers reused from call to call (hashing is synchronous, so no two calls
 * share them): about 170 KB, small enough to stay in the CPU caches.
 */
const lumaRows = new Float32Array(4 * SIDE);
const ring = new Float32Array(RING * SIDE);
const sums = new Float64Array(SIDE);
const blurredRows = new Float32Array(4 * SIDE);
const band = new Float32Array(SIDE * SIDE64);
const lanes: Lanes = { in0: 0, in1: 0, in2: 0, in3: 0, out0: 0, out1: 0, out2: 0, out3: 0 };
const decimation = new Map<number, Int32Array>();

/** The 64 positions the decimation samples, floor((i + 0.5)·side/64) (exact in double), then the end marker −1. */
function decimatedPositions(side: number): Int32Array {
  let positions = decimation.get(side);
  if (!positions) {
    positions = new Int32Array(SIDE64 + 1);
    for (let i = 0; i < SIDE64; i++) positions[i] = Math.floor(((i + 0.5) * side) / SIDE64);
    positions[SIDE64] = -1;
    decimation.set(side, positions);
  }
  return positions;
}

/** Lanes first, first + stride, … (the last repeated when fewer than four remain). */
function setLanes(first: number, stride: number, outFirst: number, outStride: number, remaining: number): Lanes {
  const n1 = Math.min(1, remaining - 1);
  const n2 = Math.min(2, remaining - 1);
  const n3 = Math.min(3, remaining - 1);
  lanes.in0 = first;
  lanes.in1 = first + n1 * stride;
  lanes.in2 = first + n2 * stride;
  lanes.in3 = first + n3 * stride;
  lanes.out0 = outFirst;
  lanes.out1 = outFirst + n1 * outStride;
  lanes.out2 = outFirst + n2 * outStride;
  lanes.out3 = outFirst + n3 * outStride;
  return lanes;
}

/**
 * The reference's Jarosz filter (two passes, each a box along every row then
 * along every column, window ceil(side/128)) followed by its 64×64
 * decimation, bit for bit, streamed four rows at a time through buffers that
 * stay in cache:
 *   luminance rows → box along each row → the box down the columns, one row
 *   step at a time over all columns (a float32 running sum per column) → the
 *   second box along each row, keeping only the 64 decimated columns (its
 *   running sum still visits every sample: the roundings depend on its whole
 *   history) → at the end, the second box down those 64 columns, keeping the
 *   64 decimated rows.
 * Writes the result into `out64` (64×64) and returns it.
 */
export function blurAndDecimate(source: LumaSource, out64: Float32Array): Float32Array {
  const { rows, cols } = source;
  if (rows > SIDE || cols > SIDE) throw new RangeError(`blurAndDecimate: ${cols}×${rows} is over ${SIDE}×${SIDE}`);
  const alongRow = jaroszWindow(cols);
  const alongColumn = jaroszWindow(rows);
  const keptColumns = decimatedPositions(cols);
  const column = new ColumnBox(rows, cols, alongColumn, (q) => {
    // Output row q of the first pass is complete: once four are, run the second row box on them.
    if ((q & 3) === 3 || q === rows - 1) {
      const first = q & ~3;
      setLanes(0, cols, first * SIDE64, SIDE64, q - first + 1);
      boxSampled4(blurredRows, band, lanes, 1, cols, alongRow, keptColumns, 1);
    }
  });

  for (let first = 0; first < rows; first += 4) {
    const count = Math.min(4, rows - first);
    source.fill(first, count, lumaRows);
    const slot = first & (RING - 1);
    boxFull4(lumaRows, ring, setLanes(0, cols, slot * cols, cols, count), 1, cols, alongRow);
    for (let t = first; t < first + count; t++) column.push(t);
  }
  column.finish();

  const keptRows = decimatedPositions(rows);
  for (let c = 0; c < SIDE64; c += 4) {
    boxSampled4(band, out64, setLanes(c, 1, c, 1, SIDE64 - c), SIDE64, rows, alongColumn, keptRows, SIDE64);
  }
  return out64;
}

/**
 * The first pass's box down every column, advanced one input row at a time
 * (rows arrive in `ring`, slot t mod 8). The phases and roundings are those of
 * boxFull4: lead (sum only), ramp-up (count grows), steady (add the row
 * ahead, subtract the row behind), ramp-down (count shrinks). Output row q
 * goes to `blurredRows` slot q mod 4, then `done(q)` is called.
 */
class ColumnBox {
  readonly #lead: number;

  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly window: number,
    readonly done: (q: number) => void,
  ) {
    this.#lead = ((window + 2) >> 1) - 1;
    sums.fill(0, 0, cols);
  }

  /** Input row t (its box-filtered luminance is in the ring). */
  push(t: number): void {
    const { cols, window } = this;
    const right = (t & (RING - 1)) * cols;
    if (t < this.#lead) {
      for (let j = 0; j < cols; j++) sums[j] = f(sums[j]! + ring[right + j]!);
      return;
    }
    const q = t - this.#lead;
    const out = (q & 3) * cols;
    if (t < window) {
      const count = t + 1;
      for (let j = 0; j < cols; j++) {
        const s = f(sums[j]! + ring[right + j]!);
        sums[j] = s;
        blurredRows[out + j] = s / count;
      }
    } else {
      const left = ((t - window) & (RING - 1)) * cols;
      for (let j = 0; j < cols; j++) {
        const s = f(f(sums[j]! + ring[right + j]!) - ring[left + j]!);
        sums[j] = s;
        blurredRows[out + j] = s / window;
      }
    }
    this.done(q);
  }

  /** The ramp-down: the last `lead` output rows, subtracting the rows that leave the window. */
  finish(): void {
    const { rows, cols, window } = this;
    for (let k = 0; k < this.#lead; k++) {
      const left = ((rows - window + k) & (RING - 1)) * cols;
      const count = window - 1 - k;
      const q = rows - this.#lead + k;
      const out = (q & 3) * cols;
      for (let j = 0; j < cols; j++) {
        const s = f(sums[j]! - ring[left + j]!);
        sums[j] = s;
        blurredRows[out + j] = s / count;
      }
      this.done(q);
    }
  }
}
