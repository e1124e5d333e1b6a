const f = Math.fround;

/**
 * Four lines of samples read together: lane n's sample p is
 * `input[in_n + p·step]`. Four independent running sums give the CPU four
 * dependency chains to overlap, where one line alone would wait on each
 * float32 rounding in turn. Lanes may repeat (to pad a last group of fewer
 * than four lines): a repeated lane computes and writes the same values.
 */
export interface Lanes {
  in0: number;
  in1: number;
  in2: number;
  in3: number;
  out0: number;
  out1: number;
  out2: number;
  out3: number;
}

/**
 * The full box pass over four lines (see boxSampled4 for the arithmetic):
 * every output is written, lane n's position p at `output[out_n + p·step]`.
 * Specialised because the unconditional store is markedly faster.
 */
export function boxFull4(input: Float32Array, output: Float32Array, lanes: Lanes, step: number, length: number, window: number): void {
  const { in0, in1, in2, in3, out0, out1, out2, out3 } = lanes;
  const half = (window + 2) >> 1;
  const lead = half - 1;
  const rampUp = window - half + 1;
  const steady = length - window;
  const rampDown = half - 1;

  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let right = 0;
  let left = 0;
  let out = 0;
  let count = lead;

  for (let k = 0; k < lead; k++, right += step) {
    s0 = f(s0 + input[in0 + right]!);
    s1 = f(s1 + input[in1 + right]!);
    s2 = f(s2 + input[in2 + right]!);
    s3 = f(s3 + input[in3 + right]!);
  }
  for (let k = 0; k < rampUp; k++, right += step, out += step) {
    s0 = f(s0 + input[in0 + right]!);
    s1 = f(s1 + input[in1 + right]!);
    s2 = f(s2 + input[in2 + right]!);
    s3 = f(s3 + input[in3 + right]!);
    count++;
    output[out0 + out] = s0 / count;
    output[out1 + out] = s1 / count;
    output[out2 + out] = s2 / count;
    output[out3 + out] = s3 / count;
  }
  for (let k = 0; k < steady; k++, right += step, left += step, out += step) {
    s0 = f(f(s0 + input[in0 + right]!) - input[in0 + left]!);
    s1 = f(f(s1 + input[in1 + right]!) - input[in1 + left]!);
    s2 = f(f(s2 + input[in2 + right]!) - input[in2 + left]!);
    s3 = f(f(s3 + input[in3 + right]!) - input[in3 + left]!);
    output[out0 + out] = s0 / count;
    output[out1 + out] = s1 / count;
    output[out2 + out] = s2 / count;
    output[out3 + out] = s3 / count;
  }
  for (let k = 0; k < rampDown; k++, left += step, out += step) {
    s0 = f(s0 - input[in0 + left]!);
    s1 = f(s1 - input[in1 + left]!);
    s2 = f(s2 - input[in2 + left]!);
    s3 = f(s3 - input[in3 + left]!);
    count--;
    output[out0 + out] = s0 / count;
    output[out1 + out] = s1 / count;
    output[out2 + out] = s2 / count;
    output[out3 + out] = s3 / count;
  }
}

/**
 * One box-filter pass of the reference over four lines of `length` samples,
 * in float32 with its running sum: the window is centred with its larger half
 * ahead, truncated at both edges, and the sum divided by the number of samples
 * in it. Every rounding of the reference is reproduced (the sum is rounded
 * after each addition and each subtraction; the quotient when it is stored).
 *
 * Only the outputs at positions `samples[0], samples[1], …` (non-decreasing,
 * ended by -1) are written: position `samples[j]` of lane n goes to
 * `output[out_n + j·outStep]`. With samples 0..length−1 and the input's own
 * layout this is the full pass; with the decimation positions it computes
 * only what the 64×64 decimation keeps.
 */
export function boxSampled4(
  input: Float32Array,
  output: Float32Array,
  lanes: Lanes,
  step: number,
  length: number,
  window: number,
  samples: Int32Array,
  outStep: number,
): void {
  const { in0, in1, in2, in3, out0, out1, out2, out3 } = lanes;
  const half = (window + 2) >> 1;
  const lead = half - 1;
  const rampUp = window - half + 1;
  const steady = length - window;
  const rampDown = half - 1;

  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let right = 0;
  let left = 0;
  let q = 0;
  let j = 0;
  let o = 0;
  let next = samples[0]!;
  let count = lead;

  for (let k = 0; k < lead; k++, right += step) {
    s0 = f(s0 + input[in0 + right]!);
    s1 = f(s1 + input[in1 + right]!);
    s2 = f(s2 + input[in2 + right]!);
    s3 = f(s3 + input[in3 + right]!);
  }
  for (let k = 0; k < rampUp; k++, right += step, q++) {
    s0 = f(s0 + input[in0 + right]!);
    s1 = f(s1 + input[in1 + right]!);
    s2 = f(s2 + input[in2 + right]!);
    s3 = f(s3 + input[in3 + right]!);
    count++;
    for (; q === next; next = samples[++j]!, o += outStep) {
      output[out0 + o] = s0 / count;
      output[out1 + o] = s1 / count;
      output[out2 + o] = s2 / count;
      output[out3 + o] = s3 / count;
    }
  }
  for (let k = 0; k < steady;) {
    // Up to the next kept position, only the running sums.
    const stop = next >= q && next - q < steady - k ? k + next - q + 1 : steady;
    for (; k < stop; k++, right += step, left += step, q++) {
      s0 = f(f(s0 + input[in0 + right]!) - input[in0 + left]!);
      s1 = f(f(s1 + input[in1 + right]!) - input[in1 + left]!);
      s2 = f(f(s2 + input[in2 + right]!) - input[in2 + left]!);
      s3 = f(f(s3 + input[in3 + right]!) - input[in3 + left]!);
    }
    for (; q - 1 === next; next = samples[++j]!, o += outStep) {
      output[out0 + o] = s0 / count;
      output[out1 + o] = s1 / count;
      output[out2 + o] = s2 / count;
      output[out3 + o] = s3 / count;
    }
    if (next < 0) return;
  }
  for (let k = 0; k < rampDown; k++, left += step, q++) {
    s0 = f(s0 - input[in0 + left]!);
    s1 = f(s1 - input[in1 + left]!);
    s2 = f(s2 - input[in2 + left]!);
    s3 = f(s3 - input[in3 + left]!);
    count--;
    for (; q === next; next = samples[++j]!, o += outStep) {
      output[out0 + o] = s0 / count;
      output[out1 + o] = s1 / count;
      output[out2 + o] = s2 / count;
      output[out3 + o] = s3 / count;
    }
  }
}
