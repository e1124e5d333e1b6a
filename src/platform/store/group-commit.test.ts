import { describe, expect, it } from 'vitest';
import { createGroupCommitter, type Outcome } from './group-commit.js';

function deferred() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe('group commit', () => {
  it('writes the units of one turn of the event loop in one batch, and answers each in order', async () => {
    const batches: number[][] = [];
    const committer = createGroupCommitter<number, string>({
      maxBatch: 100,
      maxConcurrent: 1,
      write: async (units) => {
        batches.push([...units]);
        return units.map((unit) => ({ ok: true, value: `unit ${unit}` }));
      },
    });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => committer.submit(n)));
    expect(answers).toEqual(['unit 1', 'unit 2', 'unit 3', 'unit 4', 'unit 5']);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(committer.pending).toBe(0);
  });

  it('gathers what arrives while a batch is written into the next, within maxBatch and maxConcurrent', async () => {
    const batches: number[][] = [];
    const gates: ReturnType<typeof deferred>[] = [];
    let concurrent = 0;
    let mostConcurrent = 0;
    const committer = createGroupCommitter<number, number>({
      maxBatch: 3,
      maxConcurrent: 2,
      write: async (units) => {
        concurrent += 1;
        mostConcurrent = Math.max(mostConcurrent, concurrent);
        batches.push([...units]);
        const gate = deferred();
        gates.push(gate);
        await gate.done;
        concurrent -= 1;
        return units.map((unit) => ({ ok: true, value: unit * 10 }));
      },
    });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const first = [1, 2, 3, 4].map((n) => committer.submit(n));
    await turn();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    const second = [5, 6, 7, 8, 9].map((n) => committer.submit(n));
    await turn();
    expect(batches).toHaveLength(2);
    expect(committer.pending).toBe(9);
    gates.shift()!.release();
    await turn();
    expect(batches.at(-1)).toEqual([5, 6, 7]);
    while (gates.length > 0) {
      gates.shift()!.release();
      await turn();
    }
    expect(await Promise.all([...first, ...second])).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(batches).toEqual([[1, 2, 3], [4], [5, 6, 7], [8, 9]]);
    expect(mostConcurrent).toBe(2);
  });

  it('refuses one unit without failing the others of its batch', async () => {
    const committer = createGroupCommitter<number, number>({
      maxBatch: 10,
      maxConcurrent: 1,
      write: async (units) =>
        units.map((unit): Outcome<number> => (unit === 2 ? { ok: false, error: new Error('refused 2') } : { ok: true, value: unit })),
    });
    const settled = await Promise.allSettled([1, 2, 3].map((n) => committer.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('refused 2'));
  });

  it('writes a batch that failed as a whole again unit by unit, so that only the bad unit fails', async () => {
    const batches: number[][] = [];
    const committed: number[] = [];
    const committer = createGroupCommitter<number, number>({
      maxBatch: 10,
      maxConcurrent: 1,
      write: async (units) => {
        batches.push([...units]);
        if (units.includes(13)) throw new Error('constraint violated');
        committed.push(...units);
        return units.map((unit) => ({ ok: true, value: unit }));
      },
    });
    const settled = await Promise.allSettled([11, 12, 13, 14].map((n) => committer.submit(n)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toEqual(new Error('constraint violated'));
    expect(committed).toEqual([11, 12, 14]);
    expect(batches).toEqual([[11, 12, 13, 14], [11], [12], [13], [14]]);
  });

  it('rejects every unit when write answers with too few outcomes', async () => {
    const committer = createGroupCommitter<number, number>({ maxBatch: 10, maxConcurrent: 1, write: async () => [] });
    await expect(committer.submit(1)).rejects.toThrow(/fewer outcomes/);
  });

  it('refuses nonsensical limits', () => {
    expect(() => createGroupCommitter({ maxBatch: 0, maxConcurrent: 1, write: async () => [] })).toThrow(RangeError);
  });
});
