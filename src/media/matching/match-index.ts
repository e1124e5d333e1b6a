import type { PdqHash } from '../pdq/index.js';
import { PDQ_HASH_WORDS, PDQ_MATCH_DISTANCE } from '../pdq/index.js';
import type { CsrTables } from './csr-tables.js';
import { buildCsrTables, csrBytes, emptyCsrTables } from './csr-tables.js';
import { DISABLED, ENABLED, HashStore, REMOVED } from './hash-store.js';
import { IdTable } from './id-table.js';
import type { SubstringLayout } from './layout.js';
import { createLayout, substringAt } from './layout.js';
import { OverflowTables } from './overflow.js';
import type { QueryPath } from './plan.js';
import { planQuery } from './plan.js';
import { probe } from './probe.js';
import { ProbeScratch } from './probe-scratch.js';
import { ResultBuffer } from './result-buffer.js';
import { scan } from './scan.js';
import type { Match, MatchIndex, MatchIndexOptions, MatchIndexStats } from './types.js';
import { checkDistance, checkHash, checkId } from './validate.js';

/** Below this many pending changes, add/remove never trigger a rebuild. */
const MIN_PENDING_FOR_REBUILD = 4096;

/** Eleven substrings of 23–24 bits: at distance 31 each table is probed within 2 bits. Measured best at 1M and 10M hashes (bench/matching.ts). */
const DEFAULT_SUBSTRINGS = 11;

export function createMatchIndex(options: MatchIndexOptions = {}): MatchIndex {
  return new PdqMatchIndex(options);
}

class PdqMatchIndex implements MatchIndex {
  private readonly layout: SubstringLayout;
  private readonly autoRebuild: boolean;
  private readonly fallbackToScan: boolean;
  private readonly store = new HashStore();
  private readonly idTable = new IdTable();
  private csr: CsrTables;
  private readonly overflow: OverflowTables;
  private removed = 0;
  private readonly queryWords = new Uint32Array(PDQ_HASH_WORDS);
  private readonly querySubs: Uint32Array;
  private readonly results = new ResultBuffer();
  private readonly scratch = new ProbeScratch();

  constructor(options: MatchIndexOptions) {
    this.layout = createLayout(options.substrings ?? DEFAULT_SUBSTRINGS);
    this.autoRebuild = options.autoRebuild ?? true;
    this.fallbackToScan = options.fallbackToScan ?? true;
    this.csr = emptyCsrTables(this.layout);
    this.overflow = new OverflowTables(this.layout, this.csr.dirBits);
    this.querySubs = new Uint32Array(this.layout.count);
  }

  get size(): number {
    return this.store.count - this.removed;
  }

  add(id: number, hash: PdqHash): void {
    checkId(id);
    checkHash(hash);
    const slot = this.store.append(id, hash, 0);
    if (!this.idTable.insert(slot, this.store.ids)) {
      this.store.count--;
      throw new Error(`Entry ${id} is already in the index`);
    }
    this.overflow.push(this.store.words, this.csr.built);
    this.maybeRebuild();
  }

  addMany(ids: ArrayLike<number>, hashes: readonly PdqHash[] | Uint32Array): void {
    const n = ids.length;
    const packed = hashes instanceof Uint32Array ? hashes : packHashes(hashes);
    if (packed.length !== n * PDQ_HASH_WORDS) throw new RangeError(`addMany needs one hash per id: ${n} ids`);
    if (n === 0) return;
    for (let i = 0; i < n; i++) checkId(ids[i]!);
    const { store, idTable } = this;
    const first = store.appendPacked(ids, packed);
    idTable.reserve(this.size, store.ids);
    for (let slot = first; slot < store.count; slot++) {
      if (!idTable.insert(slot, store.ids)) {
        const id = store.ids[slot]!;
        this.rollBack(first, slot);
        throw new Error(`Entry ${id} is already in the index`);
      }
    }
    if (this.pending() >= this.csr.built) this.rebuild();
    else for (let i = 0; i < n; i++) this.overflow.push(store.words, this.csr.built);
  }

  disable(id: number): boolean {
    return this.setFlag(id, DISABLED);
  }

  enable(id: number): boolean {
    return this.setFlag(id, ENABLED);
  }

  remove(id: number): boolean {
    const slot = this.slotOf(id);
    if (slot === -1) return false;
    this.store.flags[slot] = REMOVED;
    this.idTable.delete(id, this.store.ids);
    this.removed++;
    this.maybeRebuild();
    return true;
  }

  has(id: number): boolean {
    return this.slotOf(id) !== -1;
  }

  isEnabled(id: number): boolean {
    const slot = this.slotOf(id);
    return slot !== -1 && this.store.flags[slot] === ENABLED;
  }

  query(hash: PdqHash, maxDistance: number = PDQ_MATCH_DISTANCE): Match[] {
    return this.run(hash, maxDistance, this.plan(maxDistance));
  }

  scan(hash: PdqHash, maxDistance: number = PDQ_MATCH_DISTANCE): Match[] {
    return this.run(hash, maxDistance, 'scan');
  }

  plan(maxDistance: number): QueryPath {
    checkDistance(maxDistance);
    return this.fallbackToScan ? planQuery(this.layout, this.csr.dirBits, this.store.count, maxDistance) : 'probe';
  }

  rebuild(): void {
    const { store } = this;
    // Drop the old tables first, so that they can be collected while the new ones are built.
    this.csr = emptyCsrTables(this.layout);
    if (this.removed > 0) {
      store.compact();
      this.idTable.reset(store.count, store.ids, () => true);
      this.removed = 0;
    }
    this.csr = buildCsrTables(store.words, store.count, this.layout);
    this.overflow.reset(this.csr.dirBits);
  }

  bytesUsed(): number {
    const { results } = this;
    const scratch =
      this.queryWords.byteLength +
      this.querySubs.byteLength +
      results.slots.byteLength +
      results.distances.byteLength +
      this.scratch.bytes();
    return this.store.bytes() + this.idTable.bytes() + csrBytes(this.csr) + this.overflow.bytes() + scratch;
  }

  stats(): MatchIndexStats {
    return { size: this.size, built: this.csr.built, overflow: this.overflow.count, removed: this.removed };
  }

  private run(hash: PdqHash, maxDistance: number, path: QueryPath): Match[] {
    checkHash(hash);
    checkDistance(maxDistance);
    const { store, results, queryWords } = this;
    queryWords.set(hash);
    results.count = 0;
    if (path === 'scan') {
      scan(store.words, store.flags, store.count, queryWords, maxDistance, results);
    } else {
      const { layout, querySubs } = this;
      for (let t = 0; t < layout.count; t++) querySubs[t] = substringAt(queryWords, 0, layout.starts[t]!, layout.widths[t]!);
      const input = {
        words: store.words,
        flags: store.flags,
        layout,
        csr: this.csr,
        overflow: this.overflow,
        query: queryWords,
        querySubs,
        scratch: this.scratch,
      };
      probe(input, maxDistance, results);
    }
    const matches: Match[] = new Array<Match>(results.count);
    for (let i = 0; i < results.count; i++) {
      matches[i] = { id: store.ids[results.slots[i]!]!, distance: results.distances[i]! };
    }
    return matches.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }

  private slotOf(id: number): number {
    return Number.isSafeInteger(id) ? this.idTable.get(id, this.store.ids) : -1;
  }

  private setFlag(id: number, flag: number): boolean {
    const slot = this.slotOf(id);
    if (slot === -1) return false;
    this.store.flags[slot] = flag;
    return true;
  }

  private pending(): number {
    return this.store.count - this.csr.built + this.removed;
  }

  private maybeRebuild(): void {
    const pending = this.pending();
    if (this.autoRebuild && pending > MIN_PENDING_FOR_REBUILD && pending > this.csr.built - this.removed) this.rebuild();
  }

  /** Undoes a failed addMany: forgets slots first..inserted-1, then drops every slot from `first`. */
  private rollBack(first: number, inserted: number): void {
    const { store } = this;
    for (let slot = inserted - 1; slot >= first; slot--) this.idTable.delete(store.ids[slot]!, store.ids);
    store.count = first;
  }
}

function packHashes(hashes: readonly PdqHash[]): Uint32Array {
  const packed = new Uint32Array(hashes.length * PDQ_HASH_WORDS);
  hashes.forEach((hash, i) => {
    checkHash(hash);
    packed.set(hash, i * PDQ_HASH_WORDS);
  });
  return packed;
}
