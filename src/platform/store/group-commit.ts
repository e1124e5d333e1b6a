/**
 * Group commit: units of work that arrive while the database is busy are written together,
 * in one transaction, and each caller is answered only after that transaction commits. A
 * transaction costs a round trip per statement and a WAL flush at commit; shared by fifty
 * requests, it costs each of them a fiftieth.
 *
 * `write` receives a batch and returns one outcome per unit, in order: a unit can be refused
 * (its own error) without failing the others. When `write` throws as a whole — a constraint
 * no unit's check foresaw, a lost connection — the batch is written again one unit at a
 * time, so that a single bad unit fails alone and the others still commit. `write` must
 * therefore leave nothing behind when it throws: one transaction, rolled back.
 */
export type Outcome<Out> = { ok: true; value: Out } | { ok: false; error: unknown };

export interface GroupCommitOptions<In, Out> {
  write(units: readonly In[]): Promise<Outcome<Out>[]>;
  /** Most units in one batch. */
  maxBatch: number;
  /** Batches written at the same time (1 for a single-session database). */
  maxConcurrent: number;
}

export interface GroupCommitter<In, Out> {
  submit(unit: In): Promise<Out>;
  /** Units waiting or being written. */
  readonly pending: number;
}

interface Waiting<In, Out> {
  unit: In;
  resolve(value: Out): void;
  reject(error: unknown): void;
}

export function createGroupCommitter<In, Out>(options: GroupCommitOptions<In, Out>): GroupCommitter<In, Out> {
  if (!(options.maxBatch >= 1 && options.maxConcurrent >= 1)) throw new RangeError('maxBatch and maxConcurrent must be at least 1');
  const queue: Waiting<In, Out>[] = [];
  let running = 0;
  let writing = 0;
  let scheduled = false;

  const settle = (waiting: Waiting<In, Out>, outcome: Outcome<Out> | undefined) => {
    if (!outcome) waiting.reject(new Error('group commit: write returned fewer outcomes than units'));
    else if (outcome.ok) waiting.resolve(outcome.value);
    else waiting.reject(outcome.error);
  };

  async function writeBatch(batch: Waiting<In, Out>[]): Promise<void> {
    let outcomes: Outcome<Out>[];
    try {
      outcomes = await options.write(batch.map((waiting) => waiting.unit));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const waiting of batch) await writeBatch([waiting]);
      return;
    }
    batch.forEach((waiting, i) => settle(waiting, outcomes[i]));
  }

  function pump(): void {
    while (running < options.maxConcurrent && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      running += 1;
      writing += batch.length;
      void writeBatch(batch).finally(() => {
        running -= 1;
        writing -= batch.length;
        pump();
      });
    }
  }

  return {
    submit(unit: In): Promise<Out> {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ unit, resolve, reject });
        // Units that arrive in the same turn of the event loop share the first batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
    get pending() {
      return queue.length + writing;
    },
  };
}
