import type { SubstringLayout } from './layout.js';
import { substringAt } from './layout.js';

/** Buckets are keyed by at least this many low bits of a substring (a 256 KiB directory at 16). */
const MIN_DIRECTORY_BITS = 16;
const MAX_TAG_BITS = 8;
const WORDS = 8;

/**
 * One table per substring, in compressed-sparse-row form. Entries are bucketed by the low
 * dirBits[t] bits of substring t: those with directory value v are entries[t][offsets[t][v] ..
 * offsets[t][v + 1]). Each entry is slot · 2^tagBits[t] + tag, the tag being the substring's
 * remaining high bits; a bucket is sorted by tag, then slot. So a probe tests whole substrings
 * while reading a bucket sequentially (or jumps to one tag's run), and touches a hash only when
 * its substring is within reach.
 */
export interface CsrTables {
  /** Slots 0..built-1 are in the tables; later ones are in the overflow buckets. */
  readonly built: number;
  readonly dirBits: Uint8Array;
  readonly tagBits: Uint8Array;
  readonly offsets: readonly Uint32Array[];
  readonly entries: readonly Uint32Array[];
}

/** Tags as wide as the 32-bit entry leaves room for next to slots below `slots`. */
export function splitLayout(layout: SubstringLayout, slots: number): { dirBits: Uint8Array; tagBits: Uint8Array } {
  const slotBits = Math.max(1, Math.ceil(Math.log2(Math.max(slots, 2))));
  const tagBits = layout.widths.map((w) => Math.max(0, Math.min(w - MIN_DIRECTORY_BITS, MAX_TAG_BITS, 32 - slotBits)));
  const dirBits = layout.widths.map((w, t) => w - tagBits[t]!);
  return { dirBits, tagBits };
}

export function emptyCsrTables(layout: SubstringLayout): CsrTables {
  return { built: 0, ...splitLayout(layout, 1), offsets: [], entries: [] };
}

/**
 * Builds every table for slots 0..count-1. Each is sorted by directory value, then tag, then
 * slot, by a least-significant-digit radix sort: stable passes by tag, by the directory's low
 * 8 bits, then by its high bits, each writing to at most 256 places at a time, which keeps the
 * scattered writes in cache (one pass over 65,536 buckets took twice as long at 10M hashes).
 */
export function buildCsrTables(words: Uint32Array, count: number, layout: SubstringLayout): CsrTables {
  if (count > 2 ** 32) throw new RangeError('A match index holds at most 2^32 hashes');
  const { dirBits, tagBits } = splitLayout(layout, count);
  const keys = new Uint32Array(count);
  const sort = new RadixBuffers(count);
  const offsets: Uint32Array[] = [];
  const entries: Uint32Array[] = [];
  for (let t = 0; t < layout.count; t++) {
    const start = layout.starts[t]!;
    const width = layout.widths[t]!;
    const bits = dirBits[t]!;
    const scale = 2 ** tagBits[t]!;
    const dirMask = 2 ** bits - 1;
    const table = new Uint32Array(dirMask + 2);
    const tagCounts = new Uint32Array(scale + 1);
    const lowCounts = new Uint32Array(257);
    const highCounts = new Uint32Array(2 ** (bits - 8) + 1);
    for (let slot = 0; slot < count; slot++) {
      const key = substringAt(words, slot * WORDS, start, width);
      keys[slot] = key;
      const dir = key & dirMask;
      table[dir + 1]!++;
      tagCounts[(key >>> bits) + 1]!++;
      lowCounts[(dir & 0xff) + 1]!++;
      highCounts[(dir >>> 8) + 1]!++;
    }
    for (const counts of [table, tagCounts, lowCounts, highCounts]) {
      for (let i = 1; i < counts.length; i++) counts[i] = counts[i]! + counts[i - 1]!;
    }
    const list = new Uint32Array(count);
    sort.run(keys, count, bits, scale, tagCounts, lowCounts, highCounts, list);
    offsets.push(table);
    entries.push(list);
  }
  return { built: count, dirBits, tagBits, offsets, entries };
}

/** Two pairs of (entry, key) arrays the radix passes alternate between. */
class RadixBuffers {
  private readonly entriesA: Uint32Array;
  private readonly keysA: Uint32Array;
  private readonly entriesB: Uint32Array;
  private readonly keysB: Uint32Array;

  constructor(count: number) {
    this.entriesA = new Uint32Array(count);
    this.keysA = new Uint32Array(count);
    this.entriesB = new Uint32Array(count);
    this.keysB = new Uint32Array(count);
  }

  /** Writes into `out` the entries (slot · scale + tag) of slots 0..count-1 sorted by (dir, tag, slot). */
  run(
    keys: Uint32Array,
    count: number,
    dirBits: number,
    scale: number,
    tagStarts: Uint32Array,
    lowStarts: Uint32Array,
    highStarts: Uint32Array,
    out: Uint32Array,
  ): void {
    const { entriesA, keysA, entriesB, keysB } = this;
    for (let slot = 0; slot < count; slot++) {
      const key = keys[slot]!;
      const tag = key >>> dirBits;
      const at = tagStarts[tag]!++;
      entriesA[at] = slot * scale + tag;
      keysA[at] = key;
    }
    for (let i = 0; i < count; i++) {
      const key = keysA[i]!;
      const at = lowStarts[key & 0xff]!++;
      entriesB[at] = entriesA[i]!;
      keysB[at] = key;
    }
    const dirMask = 2 ** dirBits - 1;
    for (let i = 0; i < count; i++) {
      const at = highStarts[(keysB[i]! & dirMask) >>> 8]!++;
      out[at] = entriesB[i]!;
    }
  }
}

export function csrBytes(tables: CsrTables): number {
  let bytes = tables.dirBits.byteLength + tables.tagBits.byteLength;
  for (const list of [tables.offsets, tables.entries]) for (const a of list) bytes += a.byteLength;
  return bytes;
}
