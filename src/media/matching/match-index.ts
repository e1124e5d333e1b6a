import type { PdqHash } from '../pdq/index.js';
import { PDQ_HASH_WORDS, PDQ_MATCH_DISTANCE } from '../pdq/index.js';
import { BaseSegment, REST_WORDS } from './base-segment.js';
import type { EntrySource } from './build-base.js';
import { buildBase } from './build-base.js';
import { FirstWordCursor } from './first-word.js';
import type { SubstringLayout } from './layout.js';
import { createLayout, substringAt } from './layout.js';
import { DISABLED, ENABLED, OverflowSegment, REMOVED } from './overflow.js';
import type { QueryPath } from './plan.js';
import { planQuery } from './plan.js';
import { probeBase } from './probe.js';
import { probeOverflow } from './probe-overflow.js';
import { ProbeScratch } from './probe-scratch.js';
import { reachPerTable } from './reach.js';
import { ResultBuffer } from './result-buffer.js';
import { scan } from './scan.js';
import type { Match, MatchIndex, MatchIndexOptions, MatchIndexStats } from './types.js';
import { checkDistance, checkHash, checkId } from './validate.js';

/**
 * A table's bit string is addressed by 32-bit bit positions: about 33 bits per entry (a slot of
 * 26 bits, low bits and its unary bit) must stay below 2^32.
 */
export const MAX_ENTRIES = 2 ** 26;

/** Below this many pending changes, add/remove never trigger a rebuild. */
const MIN_PENDING_FOR_REBUILD = 4096;

/** Eight substrings of 32 bits: at distance 31 each table is probed within 3 bits (README, "Why m = 8"). */
const DEFAULT_SUBSTRINGS = 8;

export function createMatchIndex(options: MatchIndexOptions = {}): MatchIndex {
  return new PdqMatchIndex(options);
}

class PdqMatchIndex implements MatchIndex {
  private readonly layout: SubstringLayout;
  private readonly autoRebuild: boolean;
  private readonly fallbackToScan: boolean;
  private base = BaseSegment.empty();
  private readonly overflow: OverflowSegment;
  private removedBuilt = 0;
  private removedAdded = 0;
  private readonly queryWords = new Uint32Array(PDQ_HASH_WORDS);
  private readonly querySubs: Uint32Array;
  private readonly reach: Int8Array;
  private readonly results = new ResultBuffer();
  private readonly scratch = new ProbeScratch();

  constructor(options: MatchIndexOptions) {
    this.layout = createLayout(options.substrings ?? DEFAULT_SUBSTRINGS);
    this.autoRebuild = options.autoRebuild ?? true;
    this.fallbackToScan = options.fallbackToScan ?? true;
    this.overflow = new OverflowSegment(this.layout);
    this.querySubs = new Uint32Array(this.layout.count);
    this.reach = new Int8Array(this.layout.count);
  }

  get size(): number {
    return this.base.count - this.removedBuilt + this.overflow.count - this.removedAdded;
  }

  add(id: number, hash: PdqHash): void {
    checkId(id);
    checkHash(hash);
    this.checkRoom(1);
    if (this.locate(id) !== -1) throw new Error(`Entry ${id} is already in the index`);
    this.overflow.append(id, hash, 0);
    this.maybeRebuild();
  }

  addMany(ids: ArrayLike<number>, hashes: readonly PdqHash[] | Uint32Array): void {
    const n = ids.length;
    const packed = hashes instanceof Uint32Array ? hashes : packHashes(hashes);
    if (packed.length !== n * PDQ_HASH_WORDS) throw new RangeError(`addMany needs one hash per id: ${n} ids`);
    if (n === 0) return;
    for (let i = 0; i < n; i++) checkId(ids[i]!);
    this.checkRoom(n);
    if (this.pending() + n >= this.base.count) {
      this.rebuildWith({ ...packedSource(n, packed), isLive: () => true, idOf: (i) => ids[i]!, isHidden: () => false });
      return;
    }
    const { overflow } = this;
    const first = overflow.count;
    for (let i = 0; i < n; i++) {
      if (this.locate(ids[i]!) !== -1) {
        overflow.truncate(first);
        throw new Error(`Entry ${ids[i]} is already in the index`);
      }
      overflow.append(ids[i]!, packed, i * PDQ_HASH_WORDS);
    }
  }

  disable(id: number): boolean {
    return this.setEnabled(id, false);
  }

  enable(id: number): boolean {
    return this.setEnabled(id, true);
  }

  remove(id: number): boolean {
    const slot = this.locate(id);
    if (slot === -1) return false;
    if (slot < this.base.count) {
      this.base.remove(slot);
      this.removedBuilt++;
    } else {
      this.overflow.remove(slot - this.base.count);
      this.removedAdded++;
    }
    this.maybeRebuild();
    return true;
  }

  has(id: number): boolean {
    return this.locate(id) !== -1;
  }

  isEnabled(id: number): boolean {
    const slot = this.locate(id);
    if (slot === -1) return false;
    return slot < this.base.count ? !this.base.isHidden(slot) : this.overflow.flags[slot - this.base.count] === ENABLED;
  }

  query(hash: PdqHash, maxDistance: number = PDQ_MATCH_DISTANCE): Match[] {
    return this.run(hash, maxDistance, this.plan(maxDistance));
  }

  scan(hash: PdqHash, maxDistance: number = PDQ_MATCH_DISTANCE): Match[] {
    return this.run(hash, maxDistance, 'scan');
  }

  plan(maxDistance: number): QueryPath {
    checkDistance(maxDistance);
    if (!this.fallbackToScan) return 'probe';
    reachPerTable(this.layout.count, maxDistance, this.reach);
    return planQuery({
      params: this.base.params,
      built: this.base.count,
      chainBits: this.overflow.chainBits,
      overflow: this.overflow.count,
      reach: this.reach,
    });
  }

  rebuild(): void {
    this.rebuildWith(null);
  }

  bytesUsed(): number {
    const { results } = this;
    const scratch =
      this.queryWords.byteLength +
      this.querySubs.byteLength +
      this.reach.byteLength +
      results.slots.byteLength +
      results.distances.byteLength +
      this.scratch.bytes();
    return this.base.bytes() + this.overflow.bytes() + scratch;
  }

  stats(): MatchIndexStats {
    return { size: this.size, built: this.base.count, overflow: this.overflow.count, removed: this.removedBuilt + this.removedAdded };
  }

  /** Rebuilds from every live entry and the batch; on a duplicate id, throws and changes nothing. */
  private rebuildWith(batch: EntrySource | null): void {
    const { base, overflow } = this;
    const cursor = base.firstWords === null && base.count > 0 ? new FirstWordCursor(base.tables[0]!) : null;
    const sources: EntrySource[] = [
      {
        count: base.count,
        isLive: (i) => !base.isRemoved(i),
        idOf: (i) => base.ids.get(i),
        isHidden: (i) => base.isHidden(i),
        firstWord: (i) => (cursor === null ? base.firstWords![i]! : cursor.next()),
        copyRest: (i, out, at) => out.set(base.rest.subarray(i * REST_WORDS, (i + 1) * REST_WORDS), at),
      },
      {
        ...packedSource(overflow.count, overflow.words),
        isLive: (e) => overflow.flags[e] !== REMOVED,
        idOf: (e) => overflow.ids[e]!,
        isHidden: (e) => overflow.flags[e] === DISABLED,
      },
    ];
    if (batch !== null) sources.push(batch);
    const built = buildBase(sources, this.layout, () => {
      // The old base and overflow are no longer read: let them be collected before the tables are built.
      this.base = BaseSegment.empty();
      this.overflow.reset();
      this.removedBuilt = 0;
      this.removedAdded = 0;
    });
    if (!(built instanceof BaseSegment)) throw new Error(`Entry ${built.duplicate} is already in the index`);
    this.base = built;
  }

  private run(hash: PdqHash, maxDistance: number, path: QueryPath): Match[] {
    checkHash(hash);
    checkDistance(maxDistance);
    const { base, overflow, results, queryWords, layout } = this;
    queryWords.set(hash);
    results.count = 0;
    if (path === 'scan') {
      scan(base, overflow, queryWords, maxDistance, results);
    } else {
      const { querySubs, reach } = this;
      for (let t = 0; t < layout.count; t++) querySubs[t] = substringAt(queryWords, 0, layout.starts[t]!, layout.widths[t]!);
      reachPerTable(layout.count, maxDistance, reach);
      const input = { base, layout, query: queryWords, querySubs, reach, scratch: this.scratch };
      probeBase(input, maxDistance, results);
      if (overflow.count > 0) probeOverflow(input, overflow, base.count, maxDistance, results);
    }
    const matches: Match[] = new Array<Match>(results.count);
    for (let i = 0; i < results.count; i++) {
      const slot = results.slots[i]!;
      const id = slot < base.count ? base.ids.get(slot) : overflow.ids[slot - base.count]!;
      matches[i] = { id, distance: results.distances[i]! };
    }
    return matches.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }

  /** The slot of a live entry: a built slot, or base count + its overflow entry; -1 if absent. */
  private locate(id: number): number {
    if (!Number.isSafeInteger(id)) return -1;
    const slot = this.base.find(id);
    if (slot !== -1) return slot;
    const entry = this.overflow.find(id);
    return entry === -1 ? -1 : this.base.count + entry;
  }

  private setEnabled(id: number, enabled: boolean): boolean {
    const slot = this.locate(id);
    if (slot === -1) return false;
    if (slot < this.base.count) this.base.setHidden(slot, !enabled);
    else this.overflow.flags[slot - this.base.count] = enabled ? ENABLED : DISABLED;
    return true;
  }

  private checkRoom(more: number): void {
    if (this.base.count + this.overflow.count + more > MAX_ENTRIES) {
      throw new RangeError(
        `A match index holds at most ${MAX_ENTRIES.toLocaleString('en')} hashes (removed ones included until a rebuild)`,
      );
    }
  }

  private pending(): number {
    return this.overflow.count + this.removedBuilt + this.removedAdded;
  }

  private maybeRebuild(): void {
    const pending = this.pending();
    if (this.autoRebuild && pending > MIN_PENDING_FOR_REBUILD && pending > this.base.count - this.removedBuilt) this.rebuild();
  }
}

/** Reading entries from eight words each. */
function packedSource(count: number, words: Uint32Array): Pick<EntrySource, 'count' | 'firstWord' | 'copyRest'> {
  return {
    count,
    firstWord: (i) => words[i * PDQ_HASH_WORDS]!,
    copyRest: (i, out, at) => out.set(words.subarray(i * PDQ_HASH_WORDS + 1, (i + 1) * PDQ_HASH_WORDS), at),
  };
}

function packHashes(hashes: readonly PdqHash[]): Uint32Array {
  const packed = new Uint32Array(hashes.length * PDQ_HASH_WORDS);
  hashes.forEach((hash, i) => {
    checkHash(hash);
    packed.set(hash, i * PDQ_HASH_WORDS);
  });
  return packed;
}
