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
