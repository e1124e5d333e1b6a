/**
 * Reads by key, batched: the keys asked for in one turn of the event loop are read with one
 * query (`load`), and each caller gets its own row. Under load, a hundred requests that each
 * look up their API key cost one round trip instead of a hundred. Nothing is cached: a key
 * asked for in the next turn is read again, so a change (a revocation) is seen at once.
 */
export interface BatchLoader<Key, Value> {
  load(key: Key): Promise<Value | undefined>;
}

export function createBatchLoader<Key, Value>(
  loadMany: (keys: readonly Key[]) => Promise<ReadonlyMap<Key, Value>>,
  maxBatch = 500,
): BatchLoader<Key, Value> {
  let waiting: { key: Key; resolve(value: Value | undefined): void; reject(error: unknown): void }[] = [];

  async function flush(batch: typeof waiting): Promise<void> {
    try {
      const found = await loadMany([...new Set(batch.map((w) => w.key))]);
      for (const w of batch) w.resolve(found.get(w.key));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }

  return {
    load(key: Key): Promise<Value | undefined> {
      return new Promise((resolve, reject) => {
        if (waiting.length === 0) {
          setImmediate(() => {
            const all = waiting;
            waiting = [];
            for (let i = 0; i < all.length; i += maxBatch) void flush(all.slice(i, i + maxBatch));
          });
        }
        waiting.push({ key, resolve, reject });
      });
    },
  };
}
