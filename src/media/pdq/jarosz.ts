const f = Math.fround;

/** Window of each box pass: ceil(side / 128), so two passes cover the 1/64 of the side one output pixel spans. */
export function jaroszWindow(side: number): number {
  return Math.floor((side + 127) / 128);
}

/**
 * One box-filter pass over `length` consecutive samples, in float32,
 * with the reference's running sum. The window is centred with its larger half
 * ahead: the first output already sums (window+2)/2 samples (integer
 * division). Near either edge the window is truncated and the sum divided by
 * the number of samples actually in it. Every float rounding of the running
 * sum is reproduced, so the result matches the reference bit for bit.
 */
function box1d(input: Float32Array, output: Float32Array, start: number, length: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const lead = half - 1;
  const rampUp = window - half + 1;
  const steady = length - window;
  const rampDown = half - 1;

  let sum = 0;
  let count = 0;
  let right = start;
  let left = start;
  let out = start;

  for (let i = 0; i < lead; i++) {
    sum = f(sum + (input[right] ?? 0));
    count++;
    right++;
  }
  for (let i = 0; i < rampUp; i++) {
    sum = f(sum + (input[right] ?? 0));
    count++;
    output[out] = sum / count;
    right++;
    out++;
  }
  for (let i = 0; i < steady; i++) {
    sum = f(sum + (input[right] ?? 0));
    sum = f(sum - (input[left] ?? 0));
    output[out] = sum / count;
    left++;
    right++;
    out++;
  }
  for (let i = 0; i < rampDown; i++) {
    sum = f(sum - (input[left] ?? 0));
    count--;
    output[out] = sum / count;
    left++;
    out++;
  }
}

/**
 * The same box pass down every column at once, walking the buffer row by row
 * (cache-friendly). Each column keeps its own float32 running sum and sees
 * exactly the operations box1d would apply to it.
 */
function boxColumns(input: Float32Array, output: Float32Array, rows: number, cols: number, window: number): void {
  const half = Math.floor((window + 2) / 2);
  const lead = half - 1;
  const rampUp = window - half + 1;
  const steady = rows - window;
  const rampDown = half - 1;

  const sums = new Float32Array(cols);
  let count = 0;
  let right = 0;
  let left = 0;
  let out = 0;

  for (let i = 0; i < lead; i++, right += cols) {
    for (let j = 0; j < cols; j++) sums[j] = (sums[j] ?? 0) + (input[right + j] ?? 0);
    count++;
  }
  for (let i = 0; i < rampUp; i++, right += cols, out += cols) {
    count++;
    for (let j = 0; j < cols; j++) {
      const sum = f((sums[j] ?? 0) + (input[right + j] ?? 0));
      sums[j] = sum;
      output[out + j] = sum / count;
    }
  }
  for (let i = 0; i < steady; i++, left += cols, right += cols, out += cols) {
    for (let j = 0; j < cols; j++) {
      const sum = f(f((sums[j] ?? 0) + (input[right + j] ?? 0)) - (input[left + j] ?? 0));
      sums[j] = sum;
      output[out + j] = sum / count;
    }
  }
  for (let i = 0; i < rampDown; i++, left += cols, out += cols) {
    count--;
    for (let j = 0; j < cols; j++) {
      const sum = f((sums[j] ?? 0) - (input[left + j] ?? 0));
      sums[j] = sum;
      output[out + j] = sum / count;
    }
  }
}

/**
 * Jarosz tent filter: `passes` times, a box pass along every row (window from
 * the width) into `scratch`, then along every column (window from the height)
 * back into `buffer`. The result is left in `buffer`.
 *
 * This is the filter in its plain form, kept as the reference for the hashing
 * path: the WebAssembly kernels compute the same two passes and the
 * decimation (pipeline.ts), and blur.test.ts checks that both agree bit for
 * bit.
 */
export function jaroszFilter(buffer: Float32Array, scratch: Float32Array, rows: number, cols: number, passes: number): void {
  const windowAlongRows = jaroszWindow(cols);
  const windowAlongCols = jaroszWindow(rows);
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < rows; i++) box1d(buffer, scratch, i * cols, cols, windowAlongRows);
    boxColumns(scratch, buffer, rows, cols, windowAlongCols);
  }
}
