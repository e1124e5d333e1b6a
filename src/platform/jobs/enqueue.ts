import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { runSql, type AnyDatabase } from '../store/index.js';
import { bossDatabaseFor } from './database.js';
import type { AnyExecutor, EnqueueOptions } from './types.js';

/**
 * Writes one job through the caller's executor (the outbox). With a key, the job is not
 * written while another job with that key waits to run (created or retry) in that queue;
 * a job already running does not count, since it may have read the data before the
 * caller's change. pg-boss's `singletonKey` alone deduplicates only under other queue
 * policies, which would also merge every job without a key, so the check is done here
 * under a transaction-level advisory lock on the key: a concurrent enqueue of the same key
 * waits for the caller's commit, then sees its job (at the default isolation level).
 */
export async function enqueueJob(
  boss: PgBoss,
  schema: string,
  executor: AnyExecutor,
  name: string,
  data: object,
  options: EnqueueOptions,
): Promise<string | null> {
  const { key, startAfterSeconds } = options;
  if (key !== undefined && !executor.isTransaction) {
    return (executor as Kysely<AnyDatabase>).transaction().execute((trx) => enqueueJob(boss, schema, trx, name, data, options));
  }
  if (key !== undefined) {
    await runSql(executor, 'select pg_advisory_xact_lock(hashtextextended($1, 0))', [`${schema}.${name}.${key}`]);
    const waiting = await runSql(
      executor,
      `select 1 from ${schema}.job where name = $1 and singleton_key = $2 and state < 'active' limit 1`,
      [name, key],
    );
    if (waiting.rows.length > 0) return null;
  }
  const id = await boss.send(name, data, {
    db: bossDatabaseFor(executor),
    ...(key !== undefined ? { singletonKey: key } : {}),
    ...(startAfterSeconds !== undefined ? { startAfter: startAfterSeconds } : {}),
  });
  // Under the standard policy pg-boss always inserts, unless the queue is missing.
  if (id === null) throw new Error(`The job queue ${name} does not exist in schema ${schema}`);
  return id;
}
