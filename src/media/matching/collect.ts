import { lowestBit, popcount32, selectZero } from './bits.js';
import { topBits } from './layout.js';
import { neighbourCount, neighbourMasks } from './masks.js';
import { readBits } from './packed-array.js';
import type { ProbeInput } from './probe.js';

/** A run's spare bits when its entries need no low-bit check. */
const ANY = 255;

/*
 * The work is split in passes over small arrays because on a large index nearly every bucket, run
 * and candidate is a cache (and TLB) miss: a loop that only loads, independent addresses, lets the
 * processor keep many misses in flight, while one that waits on each load before the next (a walk
 * that reads a run's entries as soon as it has found the run) stalls on every one.
 */

/**
 * Gathers into scratch.candidates the slots of table t whose key is within reach: the directory
 * values within reach of the query's, lightest first; in a bucket reached with f directory bits
 * flipped, `spare` = reach - f bits may still differ: the walk finds, by the clear bits of the
 * unary code, the runs of the sub values within spare bits of the query's (one run when spare
 * is 0); their entries are kept when their low bits are within what is left. Returns the count.
 */
export function collect(input: ProbeInput, t: number): number {
  const { base, layout, querySubs, scratch } = input;
  const table = base.tables[t]!;
  const { dirBits, unaryBits, lowBits, filterBits } = table.params;
  const { offsets, data, entryBits, codeOnes, codeZeros } = table;
  const reach = input.reach[t]!;
  const key = topBits(querySubs[t]!, layout.widths[t]!, filterBits);
  const dir = topBits(key, filterBits, dirBits);
  const sub = unaryBits === 0 ? 0 : (key >>> lowBits) & (2 ** unaryBits - 1);
  const masks = neighbourMasks(dirBits, reach);
  const bucketBits = entryBits + codeOnes;

  // 1. Each bucket's entry range, and the first cache line of its bit string.
  scratch.reserveBounds(masks.length);
  const bounds = scratch.bounds;
  let total = 0;
  let touched = 0;
  for (let k = 0, b = 0; k < masks.length; k++, b += 2) {
    const v = dir ^ masks[k]!;
    const from = offsets[v]!;
    const to = offsets[v + 1]!;
    bounds[b] = from;
    bounds[b + 1] = to;
    total += to - from;
  }
  for (let k = 0, b = 0; k < masks.length; k++, b += 2) {
    if (bounds[b] !== bounds[b + 1]) touched ^= data[(bounds[b]! * bucketBits + (dir ^ masks[k]!) * codeZeros) >>> 5]!;
  }
  scratch.touched = touched;

  // 2. The runs: entry ranges with the bits they may still differ in (ANY: no check needed).
  const walkAll = unaryBits + lowBits;
  const weights = scratch.subWeights(unaryBits, sub);
  // At most one run per bucket, or one per entry: room for them all, so that nothing below checks.
  const runList = scratch.reserveRuns(masks.length + total);
  let runs = 0;
  let k = 0;
  for (let flipped = 0; flipped <= Math.min(reach, dirBits); flipped++) {
    const end = neighbourCount(dirBits, flipped);
    const spare = reach - flipped;
    for (; k < end; k++) {
      const from = bounds[2 * k]!;
      const size = bounds[2 * k + 1]! - from;
      if (size === 0) continue;
      const start = from * bucketBits + (dir ^ masks[k]!) * codeZeros;
      const entriesAt = start + size * codeOnes + codeZeros;
      if (spare >= walkAll || unaryBits === 0) {
        const at = 4 * runs++;
        runList[at] = entriesAt;
        runList[at + 1] = from;
        runList[at + 2] = size;
        runList[at + 3] = spare >= walkAll ? ANY : spare;
      } else if (spare === 0) {
        // In the bucket's unary code, the entries of sub s lie after its s-th clear bit (or its
        // start) up to the next one; an entry's index in the bucket is its bit's offset minus s.
        const first = sub === 0 ? start : selectZero(data, start, sub - 1) + 1;
        const index = first - start - sub;
        const at = 4 * runs;
        runList[at] = entriesAt + index * entryBits;
        runList[at + 1] = from + index;
        runList[at + 2] = selectZero(data, first, 0) - first;
        runList[at + 3] = lowBits === 0 ? ANY : 0;
        runs++;
      } else {
        // Several sub values are within reach: read each entry's sub off the code instead, and
        // keep it as a run of one when within spare (written always, counted only then: the
        // branch would be mispredicted for every other entry).
        let w = start >>> 5;
        let ones = data[w]! & (-1 << (start & 31));
        for (let index = 0; index < size; index++) {
          while (ones === 0) ones = data[++w]!;
          const left = spare - weights[w * 32 + lowestBit(ones) - start - index]!;
          ones &= ones - 1;
          const at = 4 * runs;
          runList[at] = entriesAt + index * entryBits;
          runList[at + 1] = from + index;
          runList[at + 2] = 1;
          runList[at + 3] = left >= lowBits ? ANY : left;
          runs += ~left >>> 31;
        }
      }
    }
  }
  return readRuns(input, t, runs, total);
}

/** 3. The runs' entries, low bits checked where needed, as slots in scratch.candidates. */
function readRuns(input: ProbeInput, t: number, runs: number, total: number): number {
  const { scratch } = input;
  const table = input.base.tables[t]!;
  const { data, entryBits, implicitSlots } = table;
  const { lowBits, filterBits } = table.params;
  const low = topBits(input.querySubs[t]!, input.layout.widths[t]!, filterBits) & (2 ** lowBits - 1);
  const lowMask = 2 ** lowBits - 1;
  scratch.reserveCandidates(total);
  const { candidates, runList } = scratch;
  let count = 0;
  for (let r = 0; r < 4 * runs; r += 4) {
    let at = runList[r]!;
    const slot = runList[r + 1]!;
    const size = runList[r + 2]!;
    const left = runList[r + 3]!;
    for (let j = 0; j < size; j++, at += entryBits) {
      if (left === ANY) {
        candidates[count++] = implicitSlots ? slot + j : readBits(data, at, entryBits) >>> lowBits;
        continue;
      }
      const entry = readBits(data, at, entryBits);
      if (popcount32((entry & lowMask) ^ low) <= left) candidates[count++] = implicitSlots ? slot + j : entry >>> lowBits;
    }
  }
  return count;
}
