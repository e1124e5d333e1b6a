import { describe, expect, test } from 'vitest';
import { Prng, randomHash } from '../../../test/matching/seeded.js';
import { BaseSegment } from './base-segment.js';
import { selectInWord, selectOne, selectZero } from './bits.js';
import type { EntrySource } from './build-base.js';
import { buildBase } from './build-base.js';
import { FirstWordCursor } from './first-word.js';
import { IdColumn } from './id-column.js';
import { IdIndex } from './id-index.js';
import { createLayout } from './layout.js';
import { packedArray, readBits, readPacked, writeBits, writePacked } from './packed-array.js';
import { RadixSorter } from './radix-sort.js';
import { reachPerTable } from './reach.js';
import { chooseParams } from './table-params.js';

const prng = new Prng(41);

describe('bit arrays', () => {
  test('select finds the k-th clear or set bit from any position', () => {
    const bits = Uint32Array.from({ length: 64 }, () => prng.u32());
    const bit = (i: number) => (bits[i >>> 5]! >>> (i & 31)) & 1;
    for (let round = 0; round < 2000; round++) {
      const from = prng.below(1024);
      const k = prng.below(40);
      for (const want of [0, 1]) {
        let at = from;
        for (let seen = 0; ; at++) {
          if (bit(at) === want && seen++ === k) break;
        }
        expect(want === 0 ? selectZero(bits, from, k) : selectOne(bits, from, k)).toBe(at);
      }
    }
  });

  test('selectInWord, every rank of words of every density', () => {
    for (let round = 0; round < 500; round++) {
      const x = (prng.u32() & prng.u32()) | (round % 3 === 0 ? prng.u32() : 0);
      const positions = [...Array(32).keys()].filter((b) => (x >>> b) & 1);
      positions.forEach((position, k) => expect(selectInWord(x, k)).toBe(position));
    }
  });

  test('packed values and bit fields of every width read back as written', () => {
    for (let width = 1; width <= 32; width++) {
      const values = Array.from({ length: 100 }, () => (width === 32 ? prng.u32() : prng.below(2 ** width)));
      const array = packedArray(width, values.length);
      values.forEach((v, i) => writePacked(array, i, v));
      values.forEach((v, i) => expect(readPacked(array.words, width, i)).toBe(v));
      const words = new Uint32Array(2 + Math.ceil((values.length * (width + 3)) / 32));
      values.forEach((v, i) => writeBits(words, i * (width + 3) + 1, width, v));
      values.forEach((v, i) => expect(readBits(words, i * (width + 3) + 1, width)).toBe(v));
    }
  });
});

describe('radix sort', () => {
  test('sorts keys of a given width, equal keys in their original order', () => {
    const n = 5000;
    for (const bits of [1, 7, 8, 13, 24, 32]) {
      const sorter = new RadixSorter(n);
      const pairs = Array.from({ length: n }, (_, i) => ({ key: bits === 32 ? prng.u32() : prng.below(2 ** bits), value: i }));
      pairs.forEach((p, i) => {
        sorter.keys[i] = p.key;
        sorter.values[i] = p.value;
      });
      sorter.sort(n, bits);
      const expected = [...pairs].sort((a, b) => a.key - b.key || a.value - b.value);
      expect([...sorter.values.subarray(0, n)]).toEqual(expected.map((p) => p.value));
    }
  });
});

describe('reach per table', () => {
  test('every way to spread the radius over the substrings leaves one within its reach', () => {
    for (const m of [8, 11, 16]) {
      const reach = new Int8Array(m);
      for (let radius = 0; radius <= 70; radius++) {
        reachPerTable(m, radius, reach);
        for (let round = 0; round < 300; round++) {
          const parts = new Array<number>(m).fill(0);
          for (let b = 0; b < radius; b++) parts[prng.below(m)]!++;
          expect(parts.some((p, t) => p <= reach[t]!)).toBe(true);
        }
        // And no reach is larger than needed: one bit beyond every table's reach takes radius + 1 bits.
        expect(reach.reduce((sum, r) => sum + r + 1, 0)).toBe(radius + 1);
      }
    }
  });
});

describe('ids', () => {
  test('the id index finds every id and nothing else, negative and beyond 2^32 too', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? -i : i % 3 === 1 ? 2 ** 40 + i : i * 7));
    const sorter = new RadixSorter(ids.length);
    const index = IdIndex.build(ids.length, 12, (slot) => ids[slot]!, sorter);
    if (!(index instanceof IdIndex)) throw new Error('no duplicate here');
    ids.forEach((id, slot) => expect(index.find(id, (s) => ids[s]!)).toBe(slot));
    for (const absent of [1, -1, 2 ** 40, 123_456_789]) expect(index.find(absent, (s) => ids[s]!)).toBe(-1);
  });

  test('a duplicate id is reported, wherever it is', () => {
    const ids = [5, 9, 2 ** 33, 7, 9];
    expect(IdIndex.build(ids.length, 3, (slot) => ids[slot]!, new RadixSorter(5))).toEqual({ duplicate: 9 });
  });

  test('ids are 32-bit offsets while they span less than 2^32, doubles beyond', () => {
    const narrow = IdColumn.build(3, -10, 2 ** 32 - 11, (slot) => [-10, 0, 2 ** 32 - 11][slot]!);
    expect([0, 1, 2].map((s) => narrow.get(s))).toEqual([-10, 0, 2 ** 32 - 11]);
    expect(narrow.bytes()).toBe(12);
    const wide = IdColumn.build(2, -10, 2 ** 32 - 10, (slot) => [-10, 2 ** 32 - 10][slot]!);
    expect([0, 1].map((s) => wide.get(s))).toEqual([-10, 2 ** 32 - 10]);
    expect(wide.bytes()).toBe(16);
  });
});

describe('the base segment', () => {
  function build(m: number, n: number): { base: BaseSegment; hashes: Uint32Array[] } {
    const hashes = Array.from({ length: n }, () => randomHash(prng));
    // Some equal first words, to exercise runs of more than one entry.
    for (let i = 1; i < n; i += 7) hashes[i]![0] = hashes[i - 1]![0]!;
    const source: EntrySource = {
      count: n,
      isLive: (i) => i % 11 !== 5,
      idOf: (i) => 1000 + i,
      isHidden: (i) => i % 13 === 0,
      firstWord: (i) => hashes[i]![0]!,
      copyRest: (i, out, at) => out.set(hashes[i]!.subarray(1), at),
    };
    const base = buildBase([source], createLayout(m), () => undefined);
    if (!(base instanceof BaseSegment)) throw new Error('no duplicate here');
    return { base, hashes };
  }

  test.each([8, 11])('m = %i: every live entry once, with its hash, id and state; the first words decode', (m) => {
    const { base, hashes } = build(m, 20_000);
    expect(base.params?.firstWordInTable).toBe(m === 8);
    expect(base.count).toBe(20_000 - Math.floor((20_000 - 5 + 10) / 11));
    const seen = new Set<number>();
    // Only with eight substrings does table 0 hold the first words (the cursor decodes them).
    const cursor = m === 8 ? new FirstWordCursor(base.tables[0]!) : null;
    const out = new Uint32Array(8);
    for (let slot = 0; slot < base.count; slot++) {
      const i = base.ids.get(slot) - 1000;
      seen.add(i);
      base.hashInto(slot, out, 0);
      expect([...out]).toEqual([...hashes[i]!]);
      if (cursor !== null) expect(cursor.next()).toBe(hashes[i]![0]);
      expect(base.isHidden(slot)).toBe(i % 13 === 0);
      expect(base.find(1000 + i)).toBe(slot);
    }
    expect(seen.size).toBe(base.count);
  });

  test('with eight substrings, table 0 codes the first words and the others filter on 26 bits or more', () => {
    for (const n of [1_000_000, 10_000_000]) {
      const params = chooseParams(createLayout(8), n);
      expect(params.firstWordInTable).toBe(true);
      // Table 0 filters on the whole first word; the others on at least 26 of their 32 bits.
      expect(params.tables[0]!.filterBits).toBe(32);
      for (const table of params.tables.slice(1)) expect(table.filterBits).toBeGreaterThanOrEqual(26);
    }
  });
});
