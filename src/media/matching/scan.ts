const WORDS = 8;
import { distanceWithin } from './distance.js';
import { ENABLED } from './hash-store.js';
import type { ResultBuffer } from './result-buffer.js';

/** Brute force: every slot's distance, in storage order. The reference result and the large-radius path. */
export function scan(words: Uint32Array, flags: Uint8Array, count: number, query: Uint32Array, radius: number, out: ResultBuffer): void {
  const q0 = query[0]!,
    q1 = query[1]!,
    q2 = query[2]!,
    q3 = query[3]!;
  const q4 = query[4]!,
    q5 = query[5]!,
    q6 = query[6]!,
    q7 = query[7]!;
  for (let slot = 0, o = 0; slot < count; slot++, o += WORDS) {
    const d = distanceWithin(words, o, q0, q1, q2, q3, q4, q5, q6, q7, radius);
    if (d <= radius && flags[slot] === ENABLED) out.push(slot, d);
  }
}
