import type { SubstringLayout } from './layout.js';
import { substringAt } from './layout.js';

const WORDS = 8;

/**
 * Buckets for hashes added after the last build, so that additions are live at once: per table,
 * heads[t][v] is the newest overflow entry whose directory value (see CsrTables) is v, and
 * next[t][e] the one added before entry e (-1 ends a chain). Entry e is slot built + e.
 * Emptied by the next build.
 */
export class OverflowTables {
  heads: Int32Array[] = [];
  next: Int32Array[] = [];
  count = 0;

  constructor(
    private readonly layout: SubstringLayout,
    private dirBits: Uint8Array,
  ) {}

  /** Links slot `built + count` (whose hash is already in `words`). */
  push(words: Uint32Array, built: number): void {
    const { layout, dirBits } = this;
    if (this.heads.length === 0) {
      for (let t = 0; t < layout.count; t++) this.heads.push(new Int32Array(2 ** dirBits[t]!).fill(-1));
    }
    const entry = this.count++;
    if (entry >= (this.next[0]?.length ?? 0)) this.grow(Math.max(64, entry * 2));
    const base = (built + entry) * WORDS;
    for (let t = 0; t < layout.count; t++) {
      const v = substringAt(words, base, layout.starts[t]!, dirBits[t]!);
      const heads = this.heads[t]!;
      this.next[t]![entry] = heads[v]!;
      heads[v] = entry;
    }
  }

  /** Empties the buckets, keyed from now on like the tables just built (their widths depend on the size). */
  reset(dirBits: Uint8Array): void {
    this.dirBits = dirBits;
    this.heads = [];
    this.next = [];
    this.count = 0;
  }

  bytes(): number {
    let bytes = 0;
    for (const a of this.heads) bytes += a.byteLength;
    for (const a of this.next) bytes += a.byteLength;
    return bytes;
  }

  private grow(size: number): void {
    this.next = Array.from({ length: this.layout.count }, (_, t) => {
      const grown = new Int32Array(size);
      const old = this.next[t];
      if (old) grown.set(old);
      return grown;
    });
  }
}
