import { lowestBit, selectOne } from './bits.js';
import { readBits } from './packed-array.js';
import type { SubstringTable } from './substring-table.js';
import { bucketStart } from './substring-table.js';

/*
 * With eight substrings, table 0's key is the whole first word of the hash and the hashes are
 * stored in its order, so table 0 is an Elias-Fano code of the sorted first words: slot i's word
 * is (dir · 2^unaryBits + sub) · 2^lowBits + low, with dir the bucket holding entry i, sub the
 * number of clear bits before entry i's set bit in the bucket's unary code, and low its entry.
 * The first word is therefore not stored again (21 bits saved per hash at 10 million hashes),
 * and is recovered here.
 */

/** Slot i's first word, by a binary search of the directory and a select in the bucket's code. */
export function firstWordOf(table: SubstringTable, slot: number): number {
  const { offsets, data, entryBits, codeOnes, codeZeros, params } = table;
  let dir = 0;
  let hi = offsets.length - 1;
  while (hi - dir > 1) {
    const mid = (dir + hi) >>> 1;
    if (offsets[mid]! <= slot) dir = mid;
    else hi = mid;
  }
  const start = bucketStart(table, dir);
  const size = offsets[dir + 1]! - offsets[dir]!;
  const index = slot - offsets[dir]!;
  const sub = codeOnes === 0 ? 0 : selectOne(data, start, index) - start - index;
  const low = entryBits === 0 ? 0 : readBits(data, start + size * codeOnes + codeZeros + index * entryBits, entryBits);
  return ((dir * 2 ** params.unaryBits + sub) * 2 ** params.lowBits + low) >>> 0;
}

/** The first words of slots 0, 1, 2, … in turn, decoded in one pass over table 0. */
export class FirstWordCursor {
  private dir = -1;
  /** The current bucket: its start bit, the bit after its last entry, and where its entries begin. */
  private start = 0;
  private end = 0;
  private entriesAt = 0;
  private index = 0;
  /** Unread set bits of the unary code's current word, and that word's index. */
  private bits = 0;
  private word = 0;
  private readonly subScale: number;
  private readonly lowScale: number;

  constructor(private readonly table: SubstringTable) {
    this.subScale = 2 ** table.params.unaryBits;
    this.lowScale = 2 ** table.params.lowBits;
  }

  next(): number {
    const { table } = this;
    const { data, offsets, entryBits, codeOnes, codeZeros } = table;
    while (this.index === this.end) {
      const dir = ++this.dir;
      this.index = 0;
      this.end = offsets[dir + 1]! - offsets[dir]!;
      this.start = bucketStart(table, dir);
      this.entriesAt = this.start + this.end * codeOnes + codeZeros;
      this.word = this.start >>> 5;
      this.bits = data[this.word]! & (-1 << (this.start & 31));
    }
    let sub = 0;
    if (codeOnes > 0) {
      while (this.bits === 0) this.bits = data[++this.word]!;
      sub = this.word * 32 + lowestBit(this.bits) - this.start - this.index;
      this.bits &= this.bits - 1;
    }
    const low = entryBits === 0 ? 0 : readBits(data, this.entriesAt + this.index * entryBits, entryBits);
    this.index++;
    return ((this.dir * this.subScale + sub) * this.lowScale + low) >>> 0;
  }
}
