import type { CsrTables } from './csr-tables.js';
import { distanceWithin, popcount4 } from './distance.js';
import { ENABLED } from './hash-store.js';
import type { SubstringLayout } from './layout.js';
import { substringAt } from './layout.js';
import { neighbourCount, neighbourMasks } from './masks.js';
import type { OverflowTables } from './overflow.js';
import type { ProbeScratch } from './probe-scratch.js';
import type { ResultBuffer } from './result-buffer.js';

const WORDS = 8;

/** Bits set in each byte value. */
const POPCOUNT8 = new Uint8Array(256);
for (let b = 1; b < 256; b++) POPCOUNT8[b] = (b & 1) + POPCOUNT8[b >>> 1]!;

/** What a probe reads; `query` is the query's eight words and `querySubs` its m substrings. */
export interface ProbeInput {
  readonly words: Uint32Array;
  readonly flags: Uint8Array;
  readonly layout: SubstringLayout;
  readonly csr: CsrTables;
  readonly overflow: OverflowTables;
  readonly query: Uint32Array;
  readonly querySubs: Uint32Array;
  readonly scratch: ProbeScratch;
}

/**
 * Multi-index hashing (Norouzi, Punjani & Fleet): a hash within `radius` of the query differs in
 * at most reach = floor(radius / m) bits in at least one of the m substrings, so visiting, in
 * each table, every entry whose substring is within `reach` bits of the query's finds every
 * match. Each is verified by its full distance. A match may be within reach in several tables;
 * it is reported only from the first, which deduplicates without a visited set.
 */
export function probe(input: ProbeInput, radius: number, out: ResultBuffer): void {
  const { layout, csr, overflow } = input;
  const reach = Math.floor(radius / layout.count);
  for (let t = 0; t < layout.count; t++) {
    if (csr.built > 0) verify(input, t, collect(input, t, reach), reach, radius, out);
    if (overflow.count > 0) probeOverflow(input, t, reach, radius, out);
  }
}

/*
 * The work is split in passes over small arrays because on a large index nearly every bucket and
 * every candidate hash is a cache (and TLB) miss: a loop that only loads lets the processor keep
 * many misses in flight, while one that also computes a distance per load stalls on each.
 */

/**
 * Gathers into scratch.candidates the slots of table t within reach: the directory values within
 * reach of the query's, lightest first; in a bucket reached with f directory bits flipped, an
 * entry is within reach when its tag differs in at most reach - f bits (when that is none, only
 * the run of the query's own tag is read). Returns their number.
 */
function collect(input: ProbeInput, t: number, reach: number): number {
  const { csr, querySubs, scratch } = input;
  const dirBits = csr.dirBits[t]!;
  const tagBits = csr.tagBits[t]!;
  const masks = neighbourMasks(dirBits, reach);
  const offsets = csr.offsets[t]!;
  const entries = csr.entries[t]!;
  const dir = querySubs[t]! & ((1 << dirBits) - 1);
  const tag = querySubs[t]! >>> dirBits;
  const tagMask = (1 << tagBits) - 1;

  scratch.reserveBounds(masks.length);
  const bounds = scratch.bounds;
  let total = 0;
  for (let k = 0, b = 0; k < masks.length; k++, b += 2) {
    const v = dir ^ masks[k]!;
    const from = offsets[v]!;
    const to = offsets[v + 1]!;
    bounds[b] = from;
    bounds[b + 1] = to;
    total += to - from;
  }

  // Load the cache line each bucket will be read from, all at once (this loop has no branch to
  // mispredict), so the searches below mostly hit the cache.
  let touched = 0;
  for (let k = 0, b = 0; k < masks.length; k++, b += 2) {
    const from = bounds[b]!;
    const size = bounds[b + 1]! - from;
    if (size > 0) touched ^= entries[from + Math.floor((size * tag) / (tagMask + 1))]!;
  }

  scratch.reserveCandidates(total);
  scratch.touched = touched;
  const candidates = scratch.candidates;
  let count = 0;
  let k = 0;
  for (let flipped = 0; flipped <= Math.min(reach, dirBits); flipped++) {
    const end = neighbourCount(dirBits, flipped);
    const spare = reach - flipped;
    for (; k < end; k++) {
      const from = bounds[2 * k]!;
      const to = bounds[2 * k + 1]!;
      if (spare >= tagBits) {
        for (let i = from; i < to; i++) candidates[count++] = entries[i]! >>> tagBits;
      } else if (spare === 0) {
        // Tags are sorted within the bucket and near-uniform: start where tag `tag` should be.
        let i = from + Math.floor(((to - from) * tag) / (tagMask + 1));
        while (i > from && (entries[i - 1]! & tagMask) >= tag) i--;
        while (i < to && (entries[i]! & tagMask) < tag) i++;
        for (; i < to; i++) {
          const entry = entries[i]!;
          if ((entry & tagMask) !== tag) break;
          candidates[count++] = entry >>> tagBits;
        }
      } else {
        for (let i = from; i < to; i++) {
          const entry = entries[i]!;
          if (POPCOUNT8[(entry & tagMask) ^ tag]! <= spare) candidates[count++] = entry >>> tagBits;
        }
      }
    }
  }
  return count;
}

/** Full distance of each collected candidate of table t; those within radius are accepted. */
function verify(input: ProbeInput, t: number, count: number, reach: number, radius: number, out: ResultBuffer): void {
  const { words, query, scratch } = input;
  const { candidates, gathered } = scratch;
  const q0 = query[0]!,
    q1 = query[1]!,
    q2 = query[2]!,
    q3 = query[3]!;
  for (let c = 0, g = 0; c < count; c++, g += 4) {
    const o = candidates[c]! * WORDS;
    gathered[g] = words[o]! ^ q0;
    gathered[g + 1] = words[o + 1]! ^ q1;
    gathered[g + 2] = words[o + 2]! ^ q2;
    gathered[g + 3] = words[o + 3]! ^ q3;
  }
  const q4 = query[4]!,
    q5 = query[5]!,
    q6 = query[6]!,
    q7 = query[7]!;
  for (let c = 0, g = 0; c < count; c++, g += 4) {
    const near = popcount4(gathered[g]!, gathered[g + 1]!, gathered[g + 2]!, gathered[g + 3]!);
    if (near > radius) continue;
    const slot = candidates[c]!;
    const o = slot * WORDS;
    const d = near + popcount4(words[o + 4]! ^ q4, words[o + 5]! ^ q5, words[o + 6]! ^ q6, words[o + 7]! ^ q7);
    if (d <= radius) accept(input, slot, d, t, reach, out);
  }
}

/** Overflow chains are keyed by directory value only, so each entry's own substring is checked. */
function probeOverflow(input: ProbeInput, t: number, reach: number, radius: number, out: ResultBuffer): void {
  const { csr, overflow, layout, words, query, querySubs } = input;
  const dirBits = csr.dirBits[t]!;
  const heads = overflow.heads[t]!;
  const next = overflow.next[t]!;
  const masks = neighbourMasks(dirBits, reach);
  const dir = querySubs[t]! & ((1 << dirBits) - 1);
  for (let k = 0; k < masks.length; k++) {
    for (let e = heads[dir ^ masks[k]!]!; e !== -1; e = next[e]!) {
      const slot = csr.built + e;
      const own = substringAt(words, slot * WORDS, layout.starts[t]!, layout.widths[t]!) ^ querySubs[t]!;
      if (popcount24(own) > reach) continue;
      const d = distanceWithin(
        words,
        slot * WORDS,
        query[0]!,
        query[1]!,
        query[2]!,
        query[3]!,
        query[4]!,
        query[5]!,
        query[6]!,
        query[7]!,
        radius,
      );
      if (d <= radius) accept(input, slot, d, t, reach, out);
    }
  }
}

/** Records a verified match unless it is not enabled or an earlier table already reported it. */
function accept(input: ProbeInput, slot: number, distance: number, table: number, reach: number, out: ResultBuffer): void {
  if (input.flags[slot] !== ENABLED) return;
  const { layout, querySubs, words } = input;
  const base = slot * WORDS;
  for (let t = 0; t < table; t++) {
    const diff = substringAt(words, base, layout.starts[t]!, layout.widths[t]!) ^ querySubs[t]!;
    if (popcount24(diff) <= reach) return;
  }
  out.push(slot, distance);
}

function popcount24(x: number): number {
  return POPCOUNT8[x & 0xff]! + POPCOUNT8[(x >>> 8) & 0xff]! + POPCOUNT8[x >>> 16]!;
}
