/**
 * XOR masks that enumerate every `width`-bit value within Hamming distance `maxWeight` of a
 * value: all masks of popcount 0..maxWeight, lightest first. Computed once per (width, weight).
 */
const cache = new Map<number, Uint32Array>();

export function neighbourMasks(width: number, maxWeight: number): Uint32Array {
  const weight = Math.min(maxWeight, width);
  const key = width * 64 + weight;
  let masks = cache.get(key);
  if (masks === undefined) {
    masks = enumerate(width, weight);
    cache.set(key, masks);
  }
  return masks;
}

/** Number of masks neighbourMasks(width, maxWeight) returns, without building them. */
export function neighbourCount(width: number, maxWeight: number): number {
  let total = 0;
  let choose = 1;
  for (let k = 0; k <= Math.min(maxWeight, width); k++) {
    total += choose;
    choose = (choose * (width - k)) / (k + 1);
  }
  return total;
}

function enumerate(width: number, weight: number): Uint32Array {
  const masks = new Uint32Array(neighbourCount(width, weight));
  const limit = 2 ** width;
  let n = 0;
  masks[n++] = 0;
  for (let k = 1; k <= weight; k++) {
    // Gosper's hack: the next larger integer with the same popcount.
    let x = 2 ** k - 1;
    while (x < limit) {
      masks[n++] = x;
      const lowest = x & -x;
      const ripple = x + lowest;
      x = ripple + Math.floor((ripple ^ x) / lowest / 4);
    }
  }
  return masks;
}
