import type { BaseSegment } from './base-segment.js';
import { REST_WORDS } from './base-segment.js';
import { popcount32 } from './bits.js';
import { collect } from './collect.js';
import { popcount4 } from './distance.js';
import type { SubstringLayout } from './layout.js';
import { substringAt } from './layout.js';
import type { ProbeScratch } from './probe-scratch.js';
import type { ResultBuffer } from './result-buffer.js';

/** What a probe reads: the query's eight words, its m substrings and each table's reach. */
export interface ProbeInput {
  readonly base: BaseSegment;
  readonly layout: SubstringLayout;
  readonly query: Uint32Array;
  readonly querySubs: Uint32Array;
  readonly reach: Int8Array;
  readonly scratch: ProbeScratch;
}

/**
 * Multi-index hashing over the built slots: in each table, every entry whose substring is within
 * the table's reach of the query's (reach.ts) is a candidate, verified by its full distance. A
 * match may be within reach in several tables; it is reported only from the first, which
 * deduplicates without a visited set.
 */
export function probeBase(input: ProbeInput, radius: number, out: ResultBuffer): void {
  const { base, layout, reach } = input;
  if (base.count === 0) return;
  for (let t = 0; t < layout.count; t++) {
    if (reach[t]! >= 0) verify(input, t, collect(input, t), radius, out);
  }
}

/**
 * Full distance of each collected candidate of table t; those within radius are accepted. Words
 * 1..7 first: their distance bounds the full one, and only a hash within the radius on them
 * (a near duplicate, rarely anything else) needs its first word recovered.
 */
function verify(input: ProbeInput, t: number, count: number, radius: number, out: ResultBuffer): void {
  const { base, query, scratch } = input;
  const { rest } = base;
  const { candidates, gathered } = scratch;
  const q1 = query[1]!,
    q2 = query[2]!,
    q3 = query[3]!,
    q4 = query[4]!;
  for (let c = 0, g = 0; c < count; c++, g += 4) {
    const o = candidates[c]! * REST_WORDS;
    gathered[g] = rest[o]! ^ q1;
    gathered[g + 1] = rest[o + 1]! ^ q2;
    gathered[g + 2] = rest[o + 2]! ^ q3;
    gathered[g + 3] = rest[o + 3]! ^ q4;
  }
  const q5 = query[5]!,
    q6 = query[6]!,
    q7 = query[7]!;
  for (let c = 0, g = 0; c < count; c++, g += 4) {
    const near = popcount4(gathered[g]!, gathered[g + 1]!, gathered[g + 2]!, gathered[g + 3]!);
    if (near > radius) continue;
    const slot = candidates[c]!;
    const o = slot * REST_WORDS;
    const partial = near + popcount4(rest[o + 4]! ^ q5, rest[o + 5]! ^ q6, rest[o + 6]! ^ q7, 0);
    if (partial > radius || base.isHidden(slot)) continue;
    const hash = scratch.hash;
    base.hashInto(slot, hash, 0);
    const d = partial + popcount32(hash[0]! ^ query[0]!);
    if (d <= radius && firstTableWithin(input, hash, 0) === t) out.push(slot, d);
  }
}

/**
 * The first table in which the hash at words[o] is within reach of the query: the one table that
 * reports it. Every table from it on finds the hash, so a match is reported exactly once.
 */
export function firstTableWithin(input: Pick<ProbeInput, 'layout' | 'querySubs' | 'reach'>, words: Uint32Array, o: number): number {
  const { layout, querySubs, reach } = input;
  for (let t = 0; t < layout.count; t++) {
    const diff = substringAt(words, o, layout.starts[t]!, layout.widths[t]!) ^ querySubs[t]!;
    if (popcount32(diff) <= reach[t]!) return t;
  }
  return -1;
}
