import { writeBits } from './packed-array.js';
import type { TableParams } from './table-params.js';

/**
 * One multi-index table: every built slot, sorted by the `filterBits` high bits of its substring
 * (the key), then by slot. The key reads, from its top: dir (dirBits), sub (unaryBits), low
 * (lowBits). Coarse bucket `dir` holds entries offsets[dir] .. offsets[dir + 1] and is stored
 * as one bit string, so that a probe of a bucket reads one or two cache lines:
 *
 * - its unary code: for each sub value, one set bit per entry, then a clear bit. The entries of
 *   sub s lie between the s-th clear bit and the next. This costs 1 + 2^unaryBits / (bucket
 *   size) bits per entry, where storing the sub in each entry would cost unaryBits (Elias and
 *   Fano's observation); none when unaryBits is 0;
 * - then its entries, `entryBits` each: slot · 2^lowBits + low. In table 0, whose order the
 *   hashes are stored in, entry i is slot i: its entries hold the low bits only.
 *
 * The bucket starts at bit offsets[dir] · (entryBits + codeOnes) + dir · codeZeros (bucketStart).
 */
export interface SubstringTable {
  readonly params: TableParams;
  readonly offsets: Uint32Array;
  readonly data: Uint32Array;
  readonly entryBits: number;
  /** Bits of unary code per entry (1) and per bucket (2^unaryBits); both 0 without unary bits. */
  readonly codeOnes: number;
  readonly codeZeros: number;
  /** True in table 0: entry i is slot i. */
  readonly implicitSlots: boolean;
}

export function bucketStart(table: SubstringTable, dir: number): number {
  return table.offsets[dir]! * (table.entryBits + table.codeOnes) + dir * table.codeZeros;
}

/**
 * Builds a table from its n keys sorted ascending (`slots[i]` is the slot of keys[i]; null for
 * the table whose order is the slots' own).
 */
export function buildTable(keys: Uint32Array, slots: Uint32Array | null, n: number, params: TableParams, slotBits: number): SubstringTable {
  const { dirBits, unaryBits, lowBits } = params;
  const offsets = new Uint32Array(2 ** dirBits + 1);
  const dirScale = 2 ** (unaryBits + lowBits);
  for (let i = 0; i < n; i++) offsets[Math.floor(keys[i]! / dirScale) + 1]!++;
  for (let v = 1; v < offsets.length; v++) offsets[v] = offsets[v]! + offsets[v - 1]!;

  const entryBits = (slots === null ? 0 : slotBits) + lowBits;
  const codeOnes = unaryBits > 0 ? 1 : 0;
  const codeZeros = unaryBits > 0 ? 2 ** unaryBits : 0;
  const totalBits = n * (entryBits + codeOnes) + (offsets.length - 1) * codeZeros;
  const data = new Uint32Array(Math.ceil(totalBits / 32) + 1);
  const table: SubstringTable = { params, offsets, data, entryBits, codeOnes, codeZeros, implicitSlots: slots === null };

  const lowScale = 2 ** lowBits;
  const subMask = codeZeros - 1;
  for (let dir = 0; dir + 1 < offsets.length; dir++) {
    const from = offsets[dir]!;
    const size = offsets[dir + 1]! - from;
    if (size === 0) continue;
    const start = bucketStart(table, dir);
    const entriesAt = start + size * codeOnes + codeZeros;
    for (let j = 0; j < size; j++) {
      const key = keys[from + j]!;
      if (codeOnes > 0) {
        const bit = start + j + (Math.floor(key / lowScale) & subMask);
        data[bit >>> 5] = data[bit >>> 5]! | (1 << (bit & 31));
      }
      if (entryBits > 0) {
        const low = key % lowScale;
        writeBits(data, entriesAt + j * entryBits, entryBits, slots === null ? low : slots[from + j]! * lowScale + low);
      }
    }
  }
  return table;
}

export function tableBytes(table: SubstringTable): number {
  return table.offsets.byteLength + table.data.byteLength;
}
