import type { AnyExecutor, JobQueue } from './types.js';

export interface PeriodicJob<Data extends object> {
  name: string;
  data: Data;
  intervalMs: number;
  onError(error: unknown): void;
}

/**
 * Asks for a job now and every `intervalMs`: a keyed job, so that however many processes ask,
 * one waits at a time, and any worker runs it. For housekeeping (purges, expiries) whose
 * handler is idempotent.
 */
export function askPeriodically<Data extends object>(
  queue: Pick<JobQueue, 'enqueue'>,
  executor: AnyExecutor,
  job: PeriodicJob<Data>,
): { stop(): void; firstAsked: Promise<void> } {
  const ask = () =>
    queue.enqueue(executor, job.name, job.data, { key: 'periodic' }).then(
      () => undefined,
      (error: unknown) => job.onError(error),
    );
  const firstAsked = ask();
  const timer = setInterval(() => void ask(), job.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), firstAsked };
}
