import type { PdqHash } from '../pdq/index.js';
import type { QueryPath } from './plan.js';

export type { QueryPath } from './plan.js';

/** One stored hash within the query's distance. */
export interface Match {
  readonly id: number;
  readonly distance: number;
}

export interface MatchIndexOptions {
  /** Number m of substrings (and hash tables), 8 to 32; default 8 (32-bit substrings, the only memory-optimised choice). */
  readonly substrings?: number;
  /**
   * Rebuild the tables inside add/remove once the changes since the last build (overflow entries
   * and removed entries) outnumber the built ones: amortised O(1) per change, but that one call
   * takes as long as a build. Default true; when false, call rebuild() yourself.
   */
  readonly autoRebuild?: boolean;
  /** Answer a query by a linear scan when that is estimated cheaper than probing; default true. */
  readonly fallbackToScan?: boolean;
}

export interface MatchIndexStats {
  /** Entries, enabled or disabled. */
  readonly size: number;
  /** Slots in the bulk-built tables. */
  readonly built: number;
  /** Entries added since the last build, held in the overflow. */
  readonly overflow: number;
  /** Removed entries still occupying a slot until the next build. */
  readonly removed: number;
}

/**
 * The in-memory index of PDQ hashes for known-content detection. Entry ids are safe integers
 * chosen by the caller (e.g. database row ids). Every change is visible to the next query.
 */
export interface MatchIndex {
  /** Entries, enabled or disabled. */
  readonly size: number;
  /** Adds one entry; throws if the id is already present. */
  add(id: number, hash: PdqHash): void;
  /**
   * Adds many entries at once, `hashes` as PdqHash values or packed (8 words per hash), then
   * rebuilds the tables when the batch is at least as large as what they hold. All or nothing:
   * on a duplicate or invalid id nothing is added.
   */
  addMany(ids: ArrayLike<number>, hashes: readonly PdqHash[] | Uint32Array): void;
  /** The entry stays but is not reported; false when the id is unknown. */
  disable(id: number): boolean;
  enable(id: number): boolean;
  /** Forgets the entry (its slot is reclaimed at the next build); false when the id is unknown. */
  remove(id: number): boolean;
  has(id: number): boolean;
  isEnabled(id: number): boolean;
  /** Enabled entries within maxDistance (0..256) of the hash, by distance then id. */
  query(hash: PdqHash, maxDistance?: number): Match[];
  /** The same result by brute force over every stored hash. */
  scan(hash: PdqHash, maxDistance?: number): Match[];
  /** Which path query() takes at this distance and size. */
  plan(maxDistance: number): QueryPath;
  /** Compacts removed entries and bulk-builds the tables from every entry. */
  rebuild(): void;
  /** Bytes held by the index's typed arrays (allocated capacity, not just what is used). */
  bytesUsed(): number;
  stats(): MatchIndexStats;
}
