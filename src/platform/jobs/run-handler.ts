import type PgBoss from 'pg-boss';
import type { InFlight } from './in-flight.js';
import type { JobHandler, JobLogger } from './types.js';

/**
 * Adapts a handler to pg-boss: one job per call (batch size 1), its attempt number, and a
 * log line per outcome. A handler that throws makes pg-boss fail the job, which retries it
 * or, after the last retry, copies it to the dead-letter queue.
 */
export function runHandler<Data>(
  queue: string,
  handler: JobHandler<Data>,
  logger: JobLogger,
  inFlight: InFlight,
): PgBoss.WorkWithMetadataHandler<Data> {
  return async (jobs) => {
    for (const job of jobs) {
      const attempt = job.retryCount + 1;
      const fields = { queue, jobId: job.id, attempt };
      const started = Date.now();
      try {
        await inFlight.track(handler({ id: job.id, data: job.data, attempt }));
        logger.info({ ...fields, ms: Date.now() - started }, 'job completed');
      } catch (error) {
        const final = attempt > job.retryLimit;
        logger[final ? 'error' : 'warn'](
          { ...fields, err: error },
          final ? 'job failed for good, moved to the dead letters' : 'job failed, will be retried',
        );
        throw error;
      }
    }
  };
}
