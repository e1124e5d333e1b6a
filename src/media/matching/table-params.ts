import { PDQ_HASH_BITS, PDQ_MATCH_DISTANCE } from '../pdq/index.js';
import type { SubstringLayout } from './layout.js';
import { tableCost } from './plan.js';
import { reachPerTable } from './reach.js';

/**
 * How one table splits the `filterBits` high bits of its substring that it sorts and filters
 * on: the top `dirBits` key a directory of coarse buckets, the next `unaryBits` are coded in
 * unary within the bucket, the next `lowBits` are stored in each entry. The substring's
 * remaining low bits are only checked on the hash itself.
 */
export interface TableParams {
  readonly dirBits: number;
  readonly unaryBits: number;
  readonly lowBits: number;
  readonly filterBits: number;
}

export interface IndexParams {
  /** Bits of a slot number in a table entry and in the id index. */
  readonly slotBits: number;
  /** True when table 0 holds the whole first word of every hash (m = 8), which is then not stored again. */
  readonly firstWordInTable: boolean;
  readonly tables: readonly TableParams[];
}

/** bytesUsed() per hash stays within this with 32-bit ids, leaving a byte for live additions and scratch. */
export const BYTES_PER_HASH_BUDGET = 63;
const STATE_BITS = 2;
/** The id index: a slot per entry and a directory offset per 64 entries. */
const ID_INDEX_DIRECTORY_BITS = 0.5;
const MAX_UNARY_BITS = 8;
const MAX_LOW_BITS = 16;

/**
 * Chooses, for a base of `size` entries, the key split of the tables that the cost model
 * (plan.ts) estimates fastest at the default distance within BYTES_PER_HASH_BUDGET: each filter
 * bit halves the candidates (each a cache miss on its hash) but costs memory, unary bits are the
 * cheapest (about one bit per doubling of the cells) but lengthen the walks, directory bits cut
 * the walks but cost 32 bits per bucket. When no split fits (many tables), the fastest within 4
 * bytes of the smallest. Ids spanning 2^32 or more cost 4 bytes more, outside the budget.
 */
export function chooseParams(layout: SubstringLayout, size: number): IndexParams {
  const n = Math.max(size, 1);
  const slotBits = Math.max(1, Math.ceil(Math.log2(n)));
  const log = Math.floor(Math.log2(n));
  const width = Math.min(...layout.widths);
  const firstWordInTable = layout.widths[0] === 32;
  const reach = new Int8Array(layout.count);
  reachPerTable(layout.count, PDQ_MATCH_DISTANCE, reach);

  const fixedBits = PDQ_HASH_BITS - 32 + (firstWordInTable ? 0 : 32) + 32 + slotBits + ID_INDEX_DIRECTORY_BITS + STATE_BITS;
  const options: { tables: TableParams[]; bits: number; cost: number }[] = [];
  for (let dirBits = Math.max(0, log - 12); dirBits <= Math.min(width, Math.max(0, log - 2)); dirBits++) {
    for (let unaryBits = 0; unaryBits <= Math.min(MAX_UNARY_BITS, width - dirBits); unaryBits++) {
      const maxLow = Math.min(MAX_LOW_BITS, width - dirBits - unaryBits, 32 - slotBits);
      for (let lowBits = 0; lowBits <= maxLow; lowBits++) {
        const tables = Array.from(layout.widths, (_, t): TableParams => {
          // Table 0 with the whole first word stores the bits below the unary ones in its entries.
          const low = t === 0 && firstWordInTable ? 32 - dirBits - unaryBits : lowBits;
          return { dirBits, unaryBits, lowBits: low, filterBits: dirBits + unaryBits + low };
        });
        const perTable = (32 * (2 ** dirBits + 1)) / n + (unaryBits > 0 ? 1 + 2 ** (dirBits + unaryBits) / n : 0);
        const entryBits = tables.reduce((sum, table, t) => sum + table.lowBits + (t === 0 ? 0 : slotBits), 0);
        const bits = fixedBits + layout.count * perTable + entryBits;
        const cost = tables.reduce((sum, table, t) => sum + (reach[t]! >= 0 ? tableCost(table, n, reach[t]!) : 0), 0);
        options.push({ tables, bits, cost });
      }
    }
  }
  const smallest = Math.min(...options.map((o) => o.bits));
  const limit = Math.max(8 * BYTES_PER_HASH_BUDGET, smallest + 32);
  const best = options.filter((o) => o.bits <= limit).reduce((a, b) => (b.cost < a.cost ? b : a));
  return { slotBits, firstWordInTable, tables: best.tables };
}
