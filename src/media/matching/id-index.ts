import { hashId } from './id-hash.js';
import type { PackedArray } from './packed-array.js';
import { packedArray, packedBytes, readPacked, writePacked } from './packed-array.js';
import type { RadixSorter } from './radix-sort.js';

/** About this many slots per directory bucket: a binary search of 6 steps after one lookup. */
const BUCKET_BITS = 6;

/**
 * Entry id → built slot, in ⌈log2 n⌉ bits per entry: the slots sorted by a 32-bit hash of their
 * id, bit-packed, with a directory on the hash's top bits. A lookup binary-searches one bucket,
 * reading each probed slot's id from the id column (ids are not stored twice). An open-addressing
 * table would need 32-bit cells at a load below one: 5 to 11 bytes per entry, against 3 here.
 */
export class IdIndex {
  private constructor(
    private readonly dirBits: number,
    private readonly offsets: Uint32Array,
    private readonly slots: PackedArray,
  ) {}

  static empty(): IdIndex {
    return new IdIndex(0, new Uint32Array(2), packedArray(1, 0));
  }

  /**
   * Indexes slots 0..n-1 whose ids `idOf` gives. Returns the index, or the first id found twice
   * (then no index: the caller refuses the whole batch).
   */
  static build(n: number, slotBits: number, idOf: (slot: number) => number, sorter: RadixSorter): IdIndex | { duplicate: number } {
    for (let slot = 0; slot < n; slot++) {
      sorter.keys[slot] = hashId(idOf(slot));
      sorter.values[slot] = slot;
    }
    sorter.sort(n, 32);
    const { keys, values } = sorter;
    for (let i = 1, runStart = 0; i <= n; i++) {
      if (i < n && keys[i] === keys[runStart]) continue;
      // Ids with equal hashes are adjacent: compare within the run (almost always one or two).
      for (let a = runStart; a < i; a++) {
        for (let b = a + 1; b < i; b++) if (idOf(values[a]!) === idOf(values[b]!)) return { duplicate: idOf(values[a]!) };
      }
      runStart = i;
    }
    const dirBits = Math.max(0, Math.floor(Math.log2(Math.max(n, 1))) - BUCKET_BITS);
    const scale = 2 ** (32 - dirBits);
    const offsets = new Uint32Array(2 ** dirBits + 1);
    for (let i = 0; i < n; i++) offsets[Math.floor(keys[i]! / scale) + 1]!++;
    for (let v = 1; v < offsets.length; v++) offsets[v] = offsets[v]! + offsets[v - 1]!;
    const slots = packedArray(slotBits, n);
    for (let i = 0; i < n; i++) writePacked(slots, i, values[i]!);
    return new IdIndex(dirBits, offsets, slots);
  }

  /** The slot whose id is `id`, or -1. */
  find(id: number, idOf: (slot: number) => number): number {
    const { offsets, slots } = this;
    const { words, width } = slots;
    const hash = hashId(id);
    const bucket = Math.floor(hash / 2 ** (32 - this.dirBits));
    let lo = offsets[bucket]!;
    let hi = offsets[bucket + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashId(idOf(readPacked(words, width, mid))) < hash) lo = mid + 1;
      else hi = mid;
    }
    for (; lo < offsets[bucket + 1]!; lo++) {
      const slot = readPacked(words, width, lo);
      const found = idOf(slot);
      if (found === id) return slot;
      if (hashId(found) !== hash) return -1;
    }
    return -1;
  }

  bytes(): number {
    return this.offsets.byteLength + packedBytes(this.slots);
  }
}
