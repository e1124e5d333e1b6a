const f = Math.fround;

/**
 * Torben Mogensen's median (no sorting, no copy), in float32 as the reference
 * uses it: for an even count it returns the lower median, always an element of
 * `values`. Each round bisects [min, max] and counts the values on each side.
 */
export function torbenMedian(values: Float32Array): number {
  const n = values.length;
  const half = Math.floor((n + 1) / 2);
  let min = values[0] ?? 0;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }

  let less = 0;
  let equal = 0;
  let guess = 0;
  let maxBelow = 0;
  let minAbove = 0;
  for (;;) {
    guess = f(f(min + max) / 2);
    less = 0;
    equal = 0;
    let greater = 0;
    maxBelow = min;
    minAbove = max;
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? 0;
      if (v < guess) {
        less++;
        if (v > maxBelow) maxBelow = v;
      } else if (v > guess) {
        greater++;
        if (v < minAbove) minAbove = v;
      } else {
        equal++;
      }
    }
    if (less <= half && greater <= half) break;
    if (less > greater) max = maxBelow;
    else min = minAbove;
  }

  if (less >= half) return maxBelow;
  if (less + equal >= half) return guess;
  return minAbove;
}
