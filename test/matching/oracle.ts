import type { PdqHash } from '../../src/media/pdq/index.js';
import { popcount32 } from '../../src/media/pdq/index.js';

export interface Expected {
  readonly id: number;
  readonly distance: number;
}

/**
 * The reference answer, written independently of the index: every stored hash's distance by
 * eight popcounts, kept when within the radius and enabled, sorted by distance then id.
 */
export class BruteForce {
  private words = new Uint32Array(1024);
  private ids: number[] = [];
  private enabled: boolean[] = [];
  private readonly slotOf = new Map<number, number>();

  add(id: number, hash: Uint32Array): void {
    const slot = this.ids.length;
    if (this.words.length < (slot + 1) * 8) {
      const grown = new Uint32Array(this.words.length * 2);
      grown.set(this.words);
      this.words = grown;
    }
    this.words.set(hash, slot * 8);
    this.ids.push(id);
    this.enabled.push(true);
    this.slotOf.set(id, slot);
  }

  setEnabled(id: number, enabled: boolean): void {
    const slot = this.slotOf.get(id);
    if (slot !== undefined) this.enabled[slot] = enabled;
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.enabled[slot] = false;
    this.ids[slot] = Number.NaN;
    this.slotOf.delete(id);
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  get size(): number {
    return this.slotOf.size;
  }

  liveIds(): number[] {
    return [...this.slotOf.keys()];
  }

  query(hash: PdqHash | Uint32Array, radius: number): Expected[] {
    const pc = popcount32;
    const { words, ids, enabled } = this;
    const out: Expected[] = [];
    for (let slot = 0; slot < ids.length; slot++) {
      if (!enabled[slot]) continue;
      let d = 0;
      for (let w = 0; w < 8; w++) d += pc(words[slot * 8 + w]! ^ hash[w]!);
      if (d <= radius) out.push({ id: ids[slot]!, distance: d });
    }
    return out.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}

/** Bits set in a 32-bit word (a plain SWAR count, shared with nothing in the index). */
function bitsSet(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The exact answer over n hashes packed eight words each (hash i has id i), fast enough for a
 * thousand queries over a million hashes, and built on another idea than the index: cut into
 * sixteen 16-bit chunks, a hash within 31 bits of the query differs in at most one bit in at
 * least one chunk. Per chunk, the hashes are listed by that chunk's value; a query checks every
 * hash listed under one of its chunks or a one-bit variant, by its full distance.
 */
export class ChunkListOracle {
  private readonly lists: Uint32Array[] = [];
  private readonly starts: Uint32Array[] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly words: Uint32Array) {
    const n = words.length / 8;
    this.seen = new Uint32Array(n);
    for (let chunk = 0; chunk < 16; chunk++) {
      const valueOf = (i: number) => (words[i * 8 + (chunk >>> 1)]! >>> (16 * (chunk & 1))) & 0xffff;
      const starts = new Uint32Array(65537);
      for (let i = 0; i < n; i++) starts[valueOf(i) + 1]!++;
      for (let v = 1; v < 65537; v++) starts[v] = starts[v]! + starts[v - 1]!;
      const next = starts.slice(0, 65536);
      const list = new Uint32Array(n);
      for (let i = 0; i < n; i++) list[next[valueOf(i)]!++] = i;
      this.lists.push(list);
      this.starts.push(starts);
    }
  }

  query(query: Uint32Array, radius: number): Expected[] {
    if (radius > 31) throw new RangeError('A chunk within one bit is only certain within 31 bits');
    const { words, seen } = this;
    const stamp = ++this.stamp;
    const out: Expected[] = [];
    for (let chunk = 0; chunk < 16; chunk++) {
      const starts = this.starts[chunk]!;
      const list = this.lists[chunk]!;
      const own = (query[chunk >>> 1]! >>> (16 * (chunk & 1))) & 0xffff;
      for (let flip = -1; flip < 16; flip++) {
        const v = flip < 0 ? own : own ^ (1 << flip);
        for (let j = starts[v]!; j < starts[v + 1]!; j++) {
          const i = list[j]!;
          if (seen[i] === stamp) continue;
          seen[i] = stamp;
          let d = 0;
          for (let w = 0; w < 8; w++) d += bitsSet(words[i * 8 + w]! ^ query[w]!);
          if (d <= radius) out.push({ id: i, distance: d });
        }
      }
    }
    return out.sort((a, b) => a.distance - b.distance || a.id - b.id);
  }
}

/** The same answer by a plain loop over every hash: the check on ChunkListOracle itself. */
export function scanPacked(words: Uint32Array, query: Uint32Array, radius: number): Expected[] {
  const out: Expected[] = [];
  for (let i = 0; i < words.length / 8; i++) {
    let d = 0;
    for (let w = 0; w < 8; w++) d += bitsSet(words[i * 8 + w]! ^ query[w]!);
    if (d <= radius) out.push({ id: i, distance: d });
  }
  return out.sort((a, b) => a.distance - b.distance || a.id - b.id);
}
