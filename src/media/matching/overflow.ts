import { PDQ_HASH_WORDS } from '../pdq/index.js';
import { IdTable } from './id-table.js';
import type { SubstringLayout } from './layout.js';
import { substringAt, topBits } from './layout.js';

const WORDS = PDQ_HASH_WORDS;

/** Entry states in `flags`. Only ENABLED entries are reported by queries. */
export const DISABLED = 0;
export const ENABLED = 1;
export const REMOVED = 2;

const MIN_CAPACITY = 64;

/**
 * The entries added since the last build, so that an addition is live at once: their hashes,
 * ids and states in growable arrays, an id table, and per table a chain of entries for each
 * value of the top `chainBits` bits of its substring (heads[t][key] is the newest entry,
 * next[t][e] the one added before entry e, -1 ends a chain). chainBits grows with the segment
 * (about a chain per four entries), so that neither an idle segment nor a probe of a large one
 * costs much. Entry e is slot `base count + e` in query results. About 90 bytes per entry (hash
 * 32, id 8, state 1, chains 5 per table, id table 5 to 11): emptied into the base by the next build.
 */
export class OverflowSegment {
  words = new Uint32Array(0);
  ids = new Float64Array(0);
  flags = new Uint8Array(0);
  count = 0;
  heads: Int32Array[] = [];
  next: Int32Array[] = [];
  /** Substring bits the chains are keyed by, in every table. */
  chainBits = 0;
  private readonly idTable = new IdTable();

  constructor(private readonly layout: SubstringLayout) {}

  /** Appends an entry, enabled, whose id is not in the index (the caller checked). */
  append(id: number, hash: Uint32Array, offset: number): void {
    const e = this.count;
    if (e === this.ids.length) this.grow(Math.max(MIN_CAPACITY, 2 * e));
    this.words.set(hash.subarray(offset, offset + WORDS), e * WORDS);
    this.ids[e] = id + 0; // -0 is the id 0, as everywhere in the index
    this.flags[e] = ENABLED;
    this.count++;
    this.idTable.insert(e, this.ids);
    this.link(e);
  }

  /** The entry whose id is `id` (not removed), or -1. */
  find(id: number): number {
    return this.idTable.get(id, this.ids);
  }

  remove(e: number): void {
    this.idTable.delete(this.ids[e]!, this.ids);
    this.flags[e] = REMOVED;
  }

  /** Forgets entries from `count` on (an addMany that failed half-way). */
  truncate(count: number): void {
    for (let e = this.count - 1; e >= count; e--) {
      if (this.flags[e] !== REMOVED) this.idTable.delete(this.ids[e]!, this.ids);
      for (let t = 0; t < this.layout.count; t++) this.heads[t]![this.chainKey(t, e)] = this.next[t]![e]!;
    }
    this.count = count;
  }

  /** Empties the segment. */
  reset(): void {
    this.words = new Uint32Array(0);
    this.ids = new Float64Array(0);
    this.flags = new Uint8Array(0);
    this.count = 0;
    this.chainBits = 0;
    this.heads = [];
    this.next = [];
    this.idTable.reset(0, this.ids, () => false);
  }

  bytes(): number {
    let bytes = this.words.byteLength + this.ids.byteLength + this.flags.byteLength + this.idTable.bytes();
    for (const list of [this.heads, this.next]) for (const a of list) bytes += a.byteLength;
    return bytes;
  }

  /** Entry e's chain in table t. */
  chainKey(t: number, e: number): number {
    const width = this.layout.widths[t]!;
    return topBits(substringAt(this.words, e * WORDS, this.layout.starts[t]!, width), width, this.chainBits);
  }

  private link(e: number): void {
    for (let t = 0; t < this.layout.count; t++) {
      const key = this.chainKey(t, e);
      this.next[t]![e] = this.heads[t]![key]!;
      this.heads[t]![key] = e;
    }
  }

  /** Grows the arrays to `capacity` entries, with chains keyed for that many, and relinks them. */
  private grow(capacity: number): void {
    const words = new Uint32Array(capacity * WORDS);
    words.set(this.words);
    const ids = new Float64Array(capacity);
    ids.set(this.ids);
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.words = words;
    this.ids = ids;
    this.flags = flags;
    this.chainBits = Math.max(0, Math.min(Math.floor(Math.log2(capacity)) - 2, ...this.layout.widths));
    this.heads = Array.from({ length: this.layout.count }, () => new Int32Array(2 ** this.chainBits).fill(-1));
    this.next = Array.from({ length: this.layout.count }, () => new Int32Array(capacity));
    for (let e = 0; e < this.count; e++) this.link(e);
  }
}
