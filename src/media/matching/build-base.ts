import { BaseSegment, REST_WORDS } from './base-segment.js';
import { bitArray, setBit } from './bits.js';
import { IdColumn } from './id-column.js';
import { IdIndex } from './id-index.js';
import type { SubstringLayout } from './layout.js';
import { topBits } from './layout.js';
import { RadixSorter } from './radix-sort.js';
import { buildTable } from './substring-table.js';
import type { SubstringTable } from './substring-table.js';
import { chooseParams } from './table-params.js';

/** Entries a build reads: the current base, the overflow, a batch being added. */
export interface EntrySource {
  readonly count: number;
  isLive(i: number): boolean;
  idOf(i: number): number;
  isHidden(i: number): boolean;
  /** Word 0 of entry i; called once for each i, in ascending order. */
  firstWord(i: number): number;
  /** Writes words 1..7 of entry i at out[at..]. */
  copyRest(i: number, out: Uint32Array, at: number): void;
}

/**
 * Builds a new base from every live entry of the sources, in three steps: sort the entries by
 * table 0's key and copy them in that order; index their ids, which finds a duplicate before
 * anything is lost; then, after `commit` (where the caller drops the old base, so that both
 * never hold all their tables at once), build the other tables.
 *
 * Memory while it runs, per entry: the new hashes, ids and state (≈ 32.5 bytes), the sort
 * buffers (16), the first words (4, twice during the first step), and the tables as they are
 * built; on top of the old base until `commit`.
 */
export function buildBase(
  sources: readonly EntrySource[],
  layout: SubstringLayout,
  commit: () => void,
): BaseSegment | { duplicate: number } {
  const starts: number[] = [];
  let total = 0;
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const source of sources) {
    starts.push(total);
    total += source.count;
    for (let i = 0; i < source.count; i++) {
      if (!source.isLive(i)) continue;
      n++;
      const id = source.idOf(i);
      if (id < min) min = id;
      if (id > max) max = id;
    }
  }
  if (n === 0) {
    commit();
    return BaseSegment.empty();
  }
  const params = chooseParams(layout, n);
  const { slotBits } = params;
  const sorter = new RadixSorter(n);

  // 1. Table 0's order: the entries' references (source start + index) sorted by its key.
  const first = params.tables[0]!;
  const width0 = layout.widths[0]!;
  let firstWordOfRef: Uint32Array | null = new Uint32Array(total);
  let k = 0;
  sources.forEach((source, s) => {
    for (let i = 0; i < source.count; i++) {
      const word = source.firstWord(i);
      if (!source.isLive(i)) continue;
      firstWordOfRef![starts[s]! + i] = word;
      sorter.keys[k] = topBits((word << (32 - width0)) >>> (32 - width0), width0, first.filterBits);
      sorter.values[k++] = starts[s]! + i;
    }
  });
  sorter.sort(n, first.filterBits);
  const order = sorter.values;
  const sourceOf = (ref: number): number => {
    let s = sources.length - 1;
    while (starts[s]! > ref) s--;
    return s;
  };
  const rest = new Uint32Array(n * REST_WORDS);
  const slotFirstWords = new Uint32Array(n);
  const hidden = bitArray(n);
  for (let slot = 0; slot < n; slot++) {
    const ref = order[slot]!;
    const s = sourceOf(ref);
    sources[s]!.copyRest(ref - starts[s]!, rest, slot * REST_WORDS);
    slotFirstWords[slot] = firstWordOfRef[ref]!;
    if (sources[s]!.isHidden(ref - starts[s]!)) setBit(hidden, slot, true);
  }
  firstWordOfRef = null;
  const ids = IdColumn.build(n, min, max, (slot) => {
    const ref = order[slot]!;
    const s = sourceOf(ref);
    return sources[s]!.idOf(ref - starts[s]!);
  });
  const tables: SubstringTable[] = [buildTable(sorter.keys, null, n, first, slotBits)];

  // 2. The id index, which also finds duplicate ids.
  const idIndex = IdIndex.build(n, slotBits, (slot) => ids.get(slot), sorter);
  if (!(idIndex instanceof IdIndex)) return idIndex;
  commit();

  // 3. The other tables.
  for (let t = 1; t < layout.count; t++) {
    const tableParams = params.tables[t]!;
    const start = layout.starts[t]!;
    const width = layout.widths[t]!;
    for (let slot = 0; slot < n; slot++) {
      const substring = substringOfSlot(rest, slotFirstWords, slot, start, width);
      sorter.keys[slot] = topBits(substring, width, tableParams.filterBits);
      sorter.values[slot] = slot;
    }
    sorter.sort(n, tableParams.filterBits);
    tables.push(buildTable(sorter.keys, sorter.values, n, tableParams, slotBits));
  }
  const firstWords = params.firstWordInTable ? null : slotFirstWords;
  return new BaseSegment(n, rest, firstWords, ids, hidden, bitArray(n), idIndex, params, tables);
}

/** Bits [start, start + width) of a slot's hash, stored as its first word and seven others. */
function substringOfSlot(rest: Uint32Array, firstWords: Uint32Array, slot: number, start: number, width: number): number {
  const w = start >>> 5;
  const shift = start & 31;
  const o = slot * REST_WORDS - 1;
  let value = (w === 0 ? firstWords[slot]! : rest[o + w]!) >>> shift;
  if (shift + width > 32) value |= rest[o + w + 1]! << (32 - shift);
  return (value << (32 - width)) >>> (32 - width);
}
