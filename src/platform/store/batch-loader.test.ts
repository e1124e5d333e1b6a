import { describe, expect, it } from 'vitest';
import { createBatchLoader } from './batch-loader.js';

describe('batch loader', () => {
  it('reads the keys of one turn with one call, each caller getting its own value', async () => {
    const calls: string[][] = [];
    const loader = createBatchLoader<string, number>(async (keys) => {
      calls.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.length]));
    });
    const values = await Promise.all(['a', 'bb', 'a', 'missing', 'ccc'].map((k) => loader.load(k)));
    expect(values).toEqual([1, 2, 1, undefined, 3]);
    expect(calls).toEqual([['a', 'bb', 'missing', 'ccc']]);
    expect(await loader.load('dddd')).toBe(4);
    expect(calls).toHaveLength(2);
  });

  it('splits a large turn into batches, and fails only the callers of a failed batch', async () => {
    const calls: number[][] = [];
    const loader = createBatchLoader<number, number>(async (keys) => {
      calls.push([...keys]);
      if (keys.includes(4)) throw new Error('read failed');
      return new Map(keys.map((k) => [k, k * 2]));
    }, 3);
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((k) => loader.load(k)));
    expect(calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
  });
});
