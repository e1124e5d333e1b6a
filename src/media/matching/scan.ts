import type { BaseSegment } from './base-segment.js';
import { REST_WORDS } from './base-segment.js';
import { lowestBit, popcount32 } from './bits.js';
import { distanceWithin, popcount4 } from './distance.js';
import type { OverflowSegment } from './overflow.js';
import { ENABLED } from './overflow.js';
import { readBits } from './packed-array.js';
import type { ResultBuffer } from './result-buffer.js';
import { bucketStart } from './substring-table.js';

const WORDS = 8;

/** Brute force: every slot's distance, in storage order. The reference result and the large-radius path. */
export function scan(base: BaseSegment, overflow: OverflowSegment, query: Uint32Array, radius: number, out: ResultBuffer): void {
  if (base.count > 0) scanBase(base, query, radius, out);
  const { flags, words } = overflow;
  const q = query;
  for (let e = 0, o = 0; e < overflow.count; e++, o += WORDS) {
    const d = distanceWithin(words, o, q[0]!, q[1]!, q[2]!, q[3]!, q[4]!, q[5]!, q[6]!, q[7]!, radius);
    if (d <= radius && flags[e] === ENABLED) out.push(base.count + e, d);
  }
}

/**
 * The built slots in order, bucket by bucket of table 0, so that each slot's first word, when
 * table 0 holds it, is decoded on the way (first-word.ts): the bucket gives its top bits, the
 * slot's set bit in the unary code its sub, its entry its low bits. Words 1..4, then 5..7, are
 * compared first: most hashes are out of reach on them, and their first word is never needed.
 */
function scanBase(base: BaseSegment, query: Uint32Array, radius: number, out: ResultBuffer): void {
  const q0 = query[0]!,
    q1 = query[1]!,
    q2 = query[2]!,
    q3 = query[3]!,
    q4 = query[4]!,
    q5 = query[5]!,
    q6 = query[6]!,
    q7 = query[7]!;
  const { rest, hidden, firstWords } = base;
  const table = base.tables[0]!;
  const { offsets, data, entryBits, codeOnes, codeZeros } = table;
  const subScale = 2 ** table.params.unaryBits;
  const lowScale = 2 ** table.params.lowBits;
  let slot = 0;
  for (let dir = 0; dir + 1 < offsets.length; dir++) {
    const size = offsets[dir + 1]! - offsets[dir]!;
    if (size === 0) continue;
    const start = bucketStart(table, dir);
    const entriesAt = start + size * codeOnes + codeZeros;
    let w = start >>> 5;
    let ones = data[w]! & (-1 << (start & 31));
    for (let index = 0; index < size; index++, slot++) {
      let sub = 0;
      if (codeOnes !== 0) {
        while (ones === 0) ones = data[++w]!;
        sub = w * 32 + lowestBit(ones) - start - index;
        ones &= ones - 1;
      }
      const o = slot * REST_WORDS;
      let d = popcount4(rest[o]! ^ q1, rest[o + 1]! ^ q2, rest[o + 2]! ^ q3, rest[o + 3]! ^ q4);
      if (d > radius) continue;
      d += popcount4(rest[o + 4]! ^ q5, rest[o + 5]! ^ q6, rest[o + 6]! ^ q7, 0);
      if (d > radius) continue;
      let first: number;
      if (firstWords !== null) first = firstWords[slot]!;
      else
        first =
          ((dir * subScale + sub) * lowScale + (entryBits === 0 ? 0 : readBits(data, entriesAt + index * entryBits, entryBits))) >>> 0;
      d += popcount32(first ^ q0);
      if (d <= radius && ((hidden[slot >>> 5]! >>> (slot & 31)) & 1) === 0) out.push(slot, d);
    }
  }
}
