import { PDQ_HASH_WORDS } from '../pdq/index.js';
import { getBit, setBit } from './bits.js';
import { firstWordOf } from './first-word.js';
import { IdColumn } from './id-column.js';
import { IdIndex } from './id-index.js';
import type { SubstringTable } from './substring-table.js';
import { tableBytes } from './substring-table.js';
import type { IndexParams } from './table-params.js';

/** Words 1..7 of each hash; word 0 is apart (first-word.ts). */
export const REST_WORDS = PDQ_HASH_WORDS - 1;

/**
 * The bulk-built part of the index, sized exactly: slots 0..count-1, in table 0's order, with
 * their hashes, ids, two state bits each, the id index and the m tables. A hash is words 1..7
 * in `rest` and word 0 in `firstWords`, or, when null, in table 0 (first-word.ts). Only the
 * state bits change between builds.
 */
export class BaseSegment {
  constructor(
    readonly count: number,
    readonly rest: Uint32Array,
    readonly firstWords: Uint32Array | null,
    readonly ids: IdColumn,
    /** Disabled or removed: never reported. */
    readonly hidden: Uint32Array,
    readonly removed: Uint32Array,
    readonly idIndex: IdIndex,
    readonly params: IndexParams | null,
    readonly tables: readonly SubstringTable[],
  ) {}

  static empty(): BaseSegment {
    return new BaseSegment(
      0,
      new Uint32Array(0),
      null,
      IdColumn.empty(),
      new Uint32Array(1),
      new Uint32Array(1),
      IdIndex.empty(),
      null,
      [],
    );
  }

  firstWord(slot: number): number {
    return this.firstWords === null ? firstWordOf(this.tables[0]!, slot) : this.firstWords[slot]!;
  }

  /** Writes slot's eight words at out[at..]. */
  hashInto(slot: number, out: Uint32Array, at: number): void {
    out[at] = this.firstWord(slot);
    out.set(this.rest.subarray(slot * REST_WORDS, (slot + 1) * REST_WORDS), at + 1);
  }

  /** The slot of a live (not removed) entry, or -1. */
  find(id: number): number {
    const slot = this.idIndex.find(id, (s) => this.ids.get(s));
    return slot === -1 || getBit(this.removed, slot) ? -1 : slot;
  }

  isHidden(slot: number): boolean {
    return getBit(this.hidden, slot);
  }

  setHidden(slot: number, hidden: boolean): void {
    setBit(this.hidden, slot, hidden);
  }

  remove(slot: number): void {
    setBit(this.removed, slot, true);
    setBit(this.hidden, slot, true);
  }

  isRemoved(slot: number): boolean {
    return getBit(this.removed, slot);
  }

  bytes(): number {
    let bytes = this.rest.byteLength + (this.firstWords?.byteLength ?? 0) + this.ids.bytes();
    bytes += this.hidden.byteLength + this.removed.byteLength + this.idIndex.bytes();
    for (const table of this.tables) bytes += tableBytes(table);
    return bytes;
  }
}
