import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { runSql, type AnyDatabase } from '../../src/platform/store/index.js';
import type { JobDefinitionOptions, JobHandler, JobQueueOptions } from '../../src/platform/jobs/index.js';

/** The job of the crash test: one effect per key, however many times it runs. */
export const effectQueue = 'effect';

export interface EffectJob {
  key: string;
  /** The first attempt lingers this long, so that its worker can be killed in the middle. */
  lingerMs?: number;
}

export const effectQueueOptions: JobQueueOptions = {
  pollIntervalSeconds: 0.5,
  concurrency: 2,
  maintenanceIntervalSeconds: 1,
  stopTimeoutSeconds: 5,
};

/** A killed worker's job expires after 3 s, and is retried 1 to 2 s later. */
export const effectJobOptions: JobDefinitionOptions = { retryLimit: 3, retryDelaySeconds: 1, expireSeconds: 3 };

export async function createEffectTables(db: Kysely<AnyDatabase>): Promise<void> {
  await runSql(db, 'create table job_effect (job_key text primary key, completions int not null, worker text not null)');
  await runSql(db, 'create table job_start (job_key text not null, attempt int not null, worker text not null)');
}

/**
 * Records that it started (committed at once, so a kill does not erase it), tells the
 * test on `announce`, then writes its effect idempotently in one short transaction.
 */
export function effectHandler(db: Kysely<AnyDatabase>, worker: string, announce: (line: string) => void): JobHandler<EffectJob> {
  return async ({ data, attempt }) => {
    await runSql(db, 'insert into job_start (job_key, attempt, worker) values ($1, $2, $3)', [data.key, attempt, worker]);
    announce(`started ${data.key} ${attempt}`);
    if (data.lingerMs && attempt === 1) await sleep(data.lingerMs);
    await db.transaction().execute(async (trx) => {
      await runSql(trx, 'insert into job_effect (job_key, completions, worker) values ($1, 1, $2) on conflict (job_key) do nothing', [
        data.key,
        worker,
      ]);
      await runSql(trx, 'select pg_sleep(0.05)');
    });
  };
}
