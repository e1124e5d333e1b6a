import type PgBoss from 'pg-boss';
import { runSql, type Store } from '../store/index.js';

export const deadLetterQueueOf = (name: string): string => `${name}.dead`;

/**
 * Creates each queue and its dead-letter queue, or updates it (createQueue keeps an
 * existing queue as it was, and a changed definition must still apply). pg-boss's
 * create_queue deadlocks when two processes create the same queue at once (the row insert
 * against the partition's foreign keys), so on PostgreSQL the processes take turns under
 * a session advisory lock. The embedded database has one session: no race there.
 */
export async function ensureQueues(store: Store, boss: PgBoss, schema: string, queues: PgBoss.Queue[]): Promise<void> {
  const create = async () => {
    for (const queue of queues) {
      const deadLetter = deadLetterQueueOf(queue.name);
      await boss.createQueue(deadLetter, { name: deadLetter });
      await boss.createQueue(queue.name, queue);
      await boss.updateQueue(queue.name, queue);
    }
  };
  if (store.kind === 'pglite') return create();
  const key = [`${schema}.create-queues`];
  await store.db.connection().execute(async (session) => {
    await runSql(session, 'select pg_advisory_lock(hashtextextended($1, 0))', key);
    try {
      await create();
    } finally {
      await runSql(session, 'select pg_advisory_unlock(hashtextextended($1, 0))', key);
    }
  });
}
