import type { Kysely } from 'kysely';
import { runSql, type AnyDatabase } from '../store/index.js';
import { jobStates, type DeadLetter, type JobCounts, type JobState } from './types.js';

interface DeadLetterRow {
  name: string;
  id: string;
  data?: unknown;
  failed_at: Date | string;
  error: string;
}

/**
 * Jobs copied to a dead-letter queue, newest first. The failure is pg-boss's output of
 * the last attempt: a serialized error, or `{ value: { message } }` after a timeout.
 */
export async function listDeadLetters(
  db: Kysely<AnyDatabase>,
  schema: string,
  options: { withData?: boolean; limit?: number },
): Promise<DeadLetter[]> {
  const { rows } = await runSql<DeadLetterRow>(
    db,
    `select name, id::text, created_on as failed_at${options.withData ? ', data' : ''},
       coalesce(output->>'message', output#>>'{value,message}', output->>'value', 'unknown failure') as error
     from ${schema}.job
     where name in (select dead_letter from ${schema}.queue where dead_letter is not null)
     order by created_on desc, id
     limit $1`,
    [options.limit ?? 100],
  );
  return rows.map((row) => ({
    queue: row.name.replace(/\.dead$/, ''),
    id: row.id,
    ...(options.withData ? { data: row.data } : {}),
    failedAt: new Date(row.failed_at),
    error: row.error,
  }));
}

function zeroCounts(): Record<JobState, number> {
  return Object.fromEntries(jobStates.map((state) => [state, 0])) as Record<JobState, number>;
}

/** Jobs per queue per state; every queue in `known` appears, even without jobs. */
export async function countJobs(db: Kysely<AnyDatabase>, schema: string, known: string[]): Promise<JobCounts> {
  const { rows } = await runSql<{ name: string; state: JobState; size: number }>(
    db,
    `select name, state::text, count(*)::int as size from ${schema}.job group by name, state`,
  );
  const counts: JobCounts = {};
  for (const name of known) counts[name] = zeroCounts();
  for (const row of rows) {
    const queue = (counts[row.name] ??= zeroCounts());
    queue[row.state] = Number(row.size);
  }
  return counts;
}
