import { popcount32 } from './bits.js';
import { distanceWithin } from './distance.js';
import { substringAt } from './layout.js';
import { neighbourMasks } from './masks.js';
import { ENABLED } from './overflow.js';
import type { OverflowSegment } from './overflow.js';
import type { ProbeInput } from './probe.js';
import { firstTableWithin } from './probe.js';
import type { ResultBuffer } from './result-buffer.js';

const WORDS = 8;

/**
 * Multi-index hashing over the entries added since the last build. Their chains are keyed by
 * directory value only, so each entry's own substring is checked before its distance. Results
 * are numbered after the built slots (slot = base count + entry).
 */
export function probeOverflow(
  input: Pick<ProbeInput, 'layout' | 'query' | 'querySubs' | 'reach'>,
  overflow: OverflowSegment,
  slotBase: number,
  radius: number,
  out: ResultBuffer,
): void {
  const { layout, query, querySubs, reach } = input;
  const { words, flags } = overflow;
  for (let t = 0; t < layout.count; t++) {
    const r = reach[t]!;
    if (r < 0) continue;
    const dirBits = overflow.chainBits;
    const width = layout.widths[t]!;
    const start = layout.starts[t]!;
    const heads = overflow.heads[t]!;
    const next = overflow.next[t]!;
    const masks = neighbourMasks(dirBits, r);
    const dir = dirBits === 0 ? 0 : querySubs[t]! >>> (width - dirBits);
    for (let k = 0; k < masks.length; k++) {
      for (let e = heads[dir ^ masks[k]!]!; e !== -1; e = next[e]!) {
        const o = e * WORDS;
        if (popcount32(substringAt(words, o, start, width) ^ querySubs[t]!) > r) continue;
        const d = distanceWithin(words, o, query[0]!, query[1]!, query[2]!, query[3]!, query[4]!, query[5]!, query[6]!, query[7]!, radius);
        if (d <= radius && flags[e] === ENABLED && firstTableWithin(input, words, o) === t) out.push(slotBase + e, d);
      }
    }
  }
}
