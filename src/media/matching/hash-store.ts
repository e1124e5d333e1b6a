const WORDS = 8;

/** Entry states in `flags`. Only ENABLED entries are reported by queries. */
export const DISABLED = 0;
export const ENABLED = 1;
export const REMOVED = 2;

const MIN_CAPACITY = 16;

/**
 * The hashes, eight words each, in one contiguous array (slot i at words[8i]), with the entry
 * ids and states in parallel arrays. Grown by doubling; slots only change on compaction.
 */
export class HashStore {
  words = new Uint32Array(0);
  ids = new Float64Array(0);
  flags = new Uint8Array(0);
  /** Slots in use, removed ones included until compaction. */
  count = 0;

  get capacity(): number {
    return this.ids.length;
  }

  reserve(needed: number): void {
    if (needed <= this.capacity) return;
    this.resize(Math.max(needed, this.capacity * 2, MIN_CAPACITY));
  }

  /** Appends one entry; `hash` holds its eight words from `offset`. Returns the slot. */
  append(id: number, hash: Uint32Array, offset: number): number {
    this.reserve(this.count + 1);
    const slot = this.count++;
    this.words.set(hash.subarray(offset, offset + WORDS), slot * WORDS);
    this.ids[slot] = id;
    this.flags[slot] = ENABLED;
    return slot;
  }

  /** Appends n entries at once from packed words (8 per hash). Returns the first slot. */
  appendPacked(ids: ArrayLike<number>, words: Uint32Array): number {
    const n = ids.length;
    this.reserve(this.count + n);
    const first = this.count;
    this.words.set(words.subarray(0, n * WORDS), first * WORDS);
    for (let i = 0; i < n; i++) this.ids[first + i] = ids[i]!;
    this.flags.fill(ENABLED, first, first + n);
    this.count += n;
    return first;
  }

  /** Drops removed entries, keeping the others in order; shrinks when mostly empty. */
  compact(): void {
    const { words, ids, flags } = this;
    let live = 0;
    for (let slot = 0; slot < this.count; slot++) {
      if (flags[slot] === REMOVED) continue;
      if (live !== slot) {
        words.copyWithin(live * WORDS, slot * WORDS, (slot + 1) * WORDS);
        ids[live] = ids[slot]!;
        flags[live] = flags[slot]!;
      }
      live++;
    }
    this.count = live;
    if (this.capacity > 2 * Math.max(live, MIN_CAPACITY)) this.resize(Math.max(live, MIN_CAPACITY));
  }

  bytes(): number {
    return this.words.byteLength + this.ids.byteLength + this.flags.byteLength;
  }

  private resize(capacity: number): void {
    const words = new Uint32Array(capacity * WORDS);
    words.set(this.words.subarray(0, this.count * WORDS));
    const ids = new Float64Array(capacity);
    ids.set(this.ids.subarray(0, this.count));
    const flags = new Uint8Array(capacity);
    flags.set(this.flags.subarray(0, this.count));
    this.words = words;
    this.ids = ids;
    this.flags = flags;
  }
}
