import { compareIPv6 } from './ip-address.js';

/**
 * A sorted table of inclusive, non-overlapping address ranges, each with a value, searched
 * by bisection: O(log n) per lookup and about 12 bytes per IPv4 range, 36 per IPv6 range
 * (typed arrays, no object per range). Values are shared: a table holds each distinct value
 * once (a country code, an AS and its organisation) and an index per range.
 */

/** A Uint32Array that grows while a file is read. */
class Growable {
  array: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.array = new Uint32Array(capacity);
  }
  push(word: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = word;
  }
  pop(): number {
    this.length -= 1;
    return this.array[this.length]!;
  }
  pushWords(words: Uint32Array): void {
    for (const word of words) this.push(word);
  }
  done(): Uint32Array {
    return this.array.slice(0, this.length);
  }
}

export class RangeOrderError extends Error {
  constructor(readonly row: number) {
    super(`Address range ${row} ends before it starts`);
    this.name = 'RangeOrderError';
  }
}

/** Values kept once each, by a key. */
class ValuePool<T> {
  readonly values: T[] = [];
  readonly #index = new Map<string, number>();
  indexOf(key: string, make: () => T): number {
    let at = this.#index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(make());
      this.#index.set(key, at);
    }
    return at;
  }
}

export class IPv4RangeTable<T> {
  constructor(
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly valueIndex: Uint32Array,
    readonly values: readonly T[],
  ) {}

  get size(): number {
    return this.starts.length;
  }

  get bytes(): number {
    return this.starts.byteLength + this.ends.byteLength + this.valueIndex.byteLength;
  }

  lookup(address: number): T | null {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! <= address) low = middle + 1;
      else high = middle - 1;
    }
    // high: the last range starting at or before the address.
    if (high < 0 || this.ends[high]! < address) return null;
    return this.values[this.valueIndex[high]!]!;
  }
}

export class IPv6RangeTable<T> {
  constructor(
    /** Four words per range. */
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly valueIndex: Uint32Array,
    readonly values: readonly T[],
  ) {}

  get size(): number {
    return this.valueIndex.length;
  }

  get bytes(): number {
    return this.starts.byteLength + this.ends.byteLength + this.valueIndex.byteLength;
  }

  lookup(address: Uint32Array): T | null {
    let low = 0;
    let high = this.valueIndex.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (compareIPv6(this.starts, middle * 4, address, 0) <= 0) low = middle + 1;
      else high = middle - 1;
    }
    if (high < 0 || compareIPv6(this.ends, high * 4, address, 0) < 0) return null;
    return this.values[this.valueIndex[high]!]!;
  }
}

type Range<N> = [first: N, last: N, value: number];

/**
 * Builds a table from ranges in ascending order of their first address, as the dataset
 * files are. Where a range overlaps ranges before it, it wins over the part of them it
 * covers, which is cut around it: the published files hold a few thousand such more
 * specific ranges written after the range they fall in (`2.58.196.0–2.58.197.255 DE`, then
 * `2.58.197.15 BE`, then `2.58.197.16–2.58.197.255 DE`).
 */
abstract class RangeBuilder<N, T> {
  protected readonly starts = new Growable();
  protected readonly ends = new Growable();
  protected readonly index = new Growable();
  protected readonly pool = new ValuePool<T>();
  #rows = 0;
  /** Ranges that overlapped earlier ones. */
  overlaps = 0;

  protected abstract get count(): number;
  protected abstract lastEnd(): N;
  protected abstract compare(a: N, b: N): number;
  protected abstract pop(): Range<N>;
  protected abstract push(range: Range<N>): void;
  protected abstract next(n: N): N;
  protected abstract previous(n: N): N;

  add(start: N, end: N, key: string, make: () => T): void {
    this.#rows += 1;
    if (this.compare(end, start) < 0) throw new RangeOrderError(this.#rows);
    const value = this.pool.indexOf(key, make);
    if (this.count === 0 || this.compare(start, this.lastEnd()) > 0) {
      this.push([start, end, value]);
      return;
    }
    this.overlaps += 1;
    const after: Range<N>[] = [];
    while (this.count > 0 && this.compare(this.lastEnd(), start) >= 0) {
      const [first, last, kept] = this.pop();
      if (this.compare(last, end) > 0) after.unshift([this.compare(first, end) > 0 ? first : this.next(end), last, kept]);
      if (this.compare(first, start) < 0) {
        this.push([first, this.previous(start), kept]);
        break;
      }
    }
    this.push([start, end, value]);
    for (const range of after) this.push(range);
  }
}

export class IPv4RangeBuilder<T> extends RangeBuilder<number, T> {
  protected get count() {
    return this.index.length;
  }
  protected lastEnd() {
    return this.ends.array[this.index.length - 1]!;
  }
  protected compare(a: number, b: number) {
    return a - b;
  }
  protected pop(): Range<number> {
    return [this.starts.pop(), this.ends.pop(), this.index.pop()];
  }
  protected push([first, last, value]: Range<number>) {
    this.starts.push(first);
    this.ends.push(last);
    this.index.push(value);
  }
  protected next(n: number) {
    return n + 1;
  }
  protected previous(n: number) {
    return n - 1;
  }

  build(): IPv4RangeTable<T> {
    return new IPv4RangeTable(this.starts.done(), this.ends.done(), this.index.done(), this.pool.values);
  }
}

/** IPv6 ranges; the rare overlaps are cut with 128-bit arithmetic on copies. */
export class IPv6RangeBuilder<T> extends RangeBuilder<Uint32Array, T> {
  protected get count() {
    return this.index.length;
  }
  protected lastEnd() {
    const at = (this.index.length - 1) * 4;
    return this.ends.array.subarray(at, at + 4);
  }
  protected compare(a: Uint32Array, b: Uint32Array) {
    return compareIPv6(a, 0, b, 0);
  }
  protected pop(): Range<Uint32Array> {
    const words = (from: Growable) => Uint32Array.from([3, 2, 1, 0].map(() => from.pop()).reverse());
    return [words(this.starts), words(this.ends), this.index.pop()];
  }
  protected push([first, last, value]: Range<Uint32Array>) {
    this.starts.pushWords(first);
    this.ends.pushWords(last);
    this.index.push(value);
  }
  protected next(n: Uint32Array) {
    return fromBig(toBig(n) + 1n);
  }
  protected previous(n: Uint32Array) {
    return fromBig(toBig(n) - 1n);
  }

  /** The caller may reuse its arrays: the words are copied. */
  override add(start: Uint32Array, end: Uint32Array, key: string, make: () => T): void {
    super.add(Uint32Array.from(start), Uint32Array.from(end), key, make);
  }

  build(): IPv6RangeTable<T> {
    return new IPv6RangeTable(this.starts.done(), this.ends.done(), this.index.done(), this.pool.values);
  }
}

const toBig = (words: Uint32Array) => words.reduce((value, word) => (value << 32n) | BigInt(word), 0n);
const fromBig = (value: bigint) => Uint32Array.from([96n, 64n, 32n, 0n].map((shift) => Number((value >> shift) & 0xffffffffn)));
