import { neighbourCount } from './masks.js';
import type { IndexParams, TableParams } from './table-params.js';

export type QueryPath = 'probe' | 'scan';

/*
 * Costs in units of one hash of a linear scan (≈ 10 ns here), estimated from timings at 50,000
 * (all in cache), 1M and 10M hashes: a bucket visited (a cache miss on its bit string, its bounds
 * mostly cached), a run found by a select in its unary code, an entry read, an entry's sub read
 * off the code, a candidate verified (a cache miss on its hash), an overflow entry checked. They
 * choose the tables' key split (table-params.ts: at 1M, the split chosen was the fastest of seven
 * measured) and, per query, probing or scanning: a wrong guess costs time, never results.
 */
const BUCKET_COST = 12;
const RUN_COST = 3;
const ENTRY_COST = 1;
const SUB_COST = 0.6;
const CODE_WORD_COST = 0.5;
const CANDIDATE_COST = 15;
const OVERFLOW_ENTRY_COST = 12;

/**
 * Estimated cost of probing one table of `n` uniformly spread entries within `reach` (collect.ts):
 * N(d, r) buckets of n / 2^d entries; in a bucket reached with f bits flipped, spare = r - f:
 * every entry read when spare covers the sub and low bits, one run found by walking half the
 * bucket's unary code when spare is 0, else the whole code walked to read each entry's sub and
 * the entries within spare read; N(filter, r) · n / 2^filter candidates.
 */
export function tableCost(table: TableParams, n: number, reach: number): number {
  const { dirBits, unaryBits, lowBits, filterBits } = table;
  const bucketSize = n / 2 ** dirBits;
  const codeWords = unaryBits === 0 ? 0 : (bucketSize + 2 ** unaryBits) / 32;
  let cost = BUCKET_COST * neighbourCount(dirBits, reach);
  for (let flipped = 0; flipped <= Math.min(reach, dirBits); flipped++) {
    const buckets = neighbourCount(dirBits, flipped) - (flipped === 0 ? 0 : neighbourCount(dirBits, flipped - 1));
    const spare = reach - flipped;
    if (spare >= unaryBits + lowBits || unaryBits === 0) cost += buckets * ENTRY_COST * bucketSize;
    else if (spare === 0) cost += buckets * (RUN_COST + (CODE_WORD_COST * codeWords) / 2 + (ENTRY_COST * bucketSize) / 2 ** unaryBits);
    else
      cost +=
        buckets * (CODE_WORD_COST * codeWords + bucketSize * (SUB_COST + (ENTRY_COST * neighbourCount(unaryBits, spare)) / 2 ** unaryBits));
  }
  return cost + (CANDIDATE_COST * neighbourCount(filterBits, reach) * n) / 2 ** filterBits;
}

/** What the planner needs to know about the index. */
export interface PlanInput {
  readonly params: IndexParams | null;
  readonly built: number;
  readonly chainBits: number;
  readonly overflow: number;
  readonly reach: Int8Array;
}

/** Probing cost of every table, built slots and overflow chains; scan when reading every hash costs less. */
export function planQuery(input: PlanInput): QueryPath {
  const { params, built, chainBits, overflow, reach } = input;
  let cost = 0;
  reach.forEach((r, t) => {
    if (r < 0) return;
    if (params !== null && built > 0) cost += tableCost(params.tables[t]!, built, r);
    if (overflow > 0) cost += (OVERFLOW_ENTRY_COST * neighbourCount(chainBits, r) * overflow) / 2 ** chainBits;
  });
  return cost > built + overflow ? 'scan' : 'probe';
}
