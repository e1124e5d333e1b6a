import { describe, expect, test } from 'vitest';
import { Prng } from '../../../test/matching/seeded.js';
import { IdTable } from './id-table.js';
import { createLayout, substringAt } from './layout.js';
import { neighbourCount, neighbourMasks } from './masks.js';

function popcount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}

describe('neighbour masks', () => {
  test.each([
    [16, 0],
    [16, 1],
    [16, 2],
    [23, 2],
    [24, 2],
    [8, 8],
    [12, 5],
  ])('width %i, weight ≤ %i: every such mask once, lightest first', (width, weight) => {
    const masks = neighbourMasks(width, weight);
    expect(masks.length).toBe(neighbourCount(width, weight));
    expect(new Set(masks).size).toBe(masks.length);
    let previous = 0;
    for (const mask of masks) {
      expect(mask).toBeLessThan(2 ** width);
      expect(popcount(mask)).toBeLessThanOrEqual(weight);
      expect(popcount(mask)).toBeGreaterThanOrEqual(previous);
      previous = popcount(mask);
    }
    if (width <= 12) {
      let all = 0;
      for (let v = 0; v < 2 ** width; v++) if (popcount(v) <= weight) all++;
      expect(masks.length).toBe(all);
    }
  });

  test('counts are binomial sums', () => {
    expect(neighbourCount(16, 1)).toBe(17);
    expect(neighbourCount(16, 2)).toBe(137);
    expect(neighbourCount(24, 2)).toBe(301);
    expect(neighbourCount(8, 20)).toBe(256);
  });
});

describe('substring layout', () => {
  test.each([8, 9, 11, 12, 13, 16, 21, 32])('%i substrings cover the 256 bits exactly once', (m) => {
    const layout = createLayout(m);
    const covered = new Uint8Array(256);
    for (let t = 0; t < m; t++) {
      expect(layout.widths[t]).toBeLessThanOrEqual(32);
      for (let b = 0; b < layout.widths[t]!; b++) covered[layout.starts[t]! + b]!++;
    }
    expect([...covered].every((c) => c === 1)).toBe(true);
  });

  test('substringAt reads bits across word boundaries', () => {
    const prng = new Prng(3);
    const words = Uint32Array.from({ length: 16 }, () => prng.u32());
    const bit = (k: number): number => (words[8 + (k >>> 5)]! >>> (k & 31)) & 1;
    for (const m of [8, 9, 11, 12, 16, 32]) {
      const layout = createLayout(m);
      for (let t = 0; t < m; t++) {
        let expected = 0;
        for (let b = layout.widths[t]! - 1; b >= 0; b--) expected = expected * 2 + bit(layout.starts[t]! + b);
        expect(substringAt(words, 8, layout.starts[t]!, layout.widths[t]!)).toBe(expected);
      }
    }
  });
});

describe('id table', () => {
  test('random inserts and deletes agree with a Map', () => {
    const prng = new Prng(5);
    const table = new IdTable();
    let ids = new Float64Array(64);
    const model = new Map<number, number>();
    let slots = 0;
    for (let step = 0; step < 50_000; step++) {
      // A few keys collide often: ids that differ only above 2^32, and small ones.
      const id = prng.below(3) === 0 ? prng.below(2000) * 4294967296 + 7 : prng.below(4000) - 2000;
      if (prng.below(3) !== 0) {
        if (slots === ids.length) {
          const grown = new Float64Array(ids.length * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[slots] = id;
        const inserted = table.insert(slots, ids);
        expect(inserted).toBe(!model.has(id));
        if (inserted) model.set(id, slots++);
      } else {
        table.delete(id, ids);
        model.delete(id);
      }
      if (step % 997 === 0) for (const [key, slot] of model) expect(table.get(key, ids)).toBe(slot);
    }
    for (const [key, slot] of model) expect(table.get(key, ids)).toBe(slot);
    expect(table.get(123456789, ids)).toBe(-1);
  });
});
