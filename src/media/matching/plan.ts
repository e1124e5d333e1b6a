import type { SubstringLayout } from './layout.js';
import { neighbourCount } from './masks.js';

export type QueryPath = 'probe' | 'scan';

/*
 * Costs in units of one hash of a linear scan (≈ 6.6 ns here), fitted with bench/matching.ts on
 * 1M and 10M hashes at distances 31 to 64: a bucket visited (a cache miss for its bounds, another
 * for its entries), an entry read while scanning a bucket, and a candidate verified (a cache miss
 * on its hash). Only the comparison with a scan matters; a wrong guess costs time, never results.
 */
const BUCKET_COST = 15;
const ENTRY_COST = 0.3;
const CANDIDATE_COST = 18;

/**
 * For hashes spread uniformly: probing table t visits N(dirBits, reach) buckets of size / 2^dirBits
 * entries, reads in full those reached with a bit to spare (N(dirBits, reach - 1) of them), and
 * verifies N(width, reach) · size / 2^width candidates. Scan when that costs more than `size`.
 */
export function planQuery(layout: SubstringLayout, dirBits: Uint8Array, size: number, radius: number): QueryPath {
  const reach = Math.floor(radius / layout.count);
  let cost = 0;
  for (let t = 0; t < layout.count; t++) {
    const dir = dirBits[t]!;
    const width = layout.widths[t]!;
    const bucketSize = size / 2 ** dir;
    cost += BUCKET_COST * neighbourCount(dir, reach);
    if (reach > 0) cost += ENTRY_COST * neighbourCount(dir, reach - 1) * bucketSize;
    cost += (CANDIDATE_COST * neighbourCount(width, reach) * size) / 2 ** width;
  }
  return cost > size ? 'scan' : 'probe';
}
