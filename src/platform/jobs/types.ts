import type { AnyDatabase, Executor } from '../store/index.js';

/** A Kysely or a Kysely transaction, whatever tables its module sees. */
export type AnyExecutor = Executor<never> | Executor<AnyDatabase>;

/** The part of a pino logger the queue uses: fields first, then the message. */
export interface JobLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export interface JobQueueOptions {
  /** PostgreSQL schema of the queue's tables. Default `jobs`. */
  schema?: string;
  /** How often an idle worker looks for a job. Default 2, at least 0.5. */
  pollIntervalSeconds?: number;
  /** Jobs of one queue that this process runs at the same time. Default 1. */
  concurrency?: number;
  /** How often expired jobs are failed (so retried) and old jobs archived. Default 60. */
  maintenanceIntervalSeconds?: number;
  /** How long `stop()` waits for running handlers. Default 30. */
  stopTimeoutSeconds?: number;
  /** Receives queue names and job ids, never job data. Default: silent. */
  logger?: JobLogger;
}

export interface Job<Data> {
  id: string;
  data: Data;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
}

/**
 * Runs one job. It MUST be idempotent: a job runs at least once, and runs again after a
 * failure, a timeout or a worker that died, possibly after part of its work was done.
 */
export type JobHandler<Data> = (job: Job<Data>) => Promise<void>;

export interface JobDefinitionOptions {
  /** Retries after the first attempt before the job goes to the dead letters. Default 5. */
  retryLimit?: number;
  /** Delay before the first retry. Default 5. */
  retryDelaySeconds?: number;
  /** Double the delay at each retry (with jitter). Default true. */
  backoff?: boolean;
  /** A run that lasts longer fails, and a job whose worker died is retried after it. Default 300. */
  expireSeconds?: number;
}

export interface EnqueueOptions {
  /** While a job with this key waits to run in this queue, enqueueing it again does nothing. */
  key?: string;
  /** Run no sooner than this many seconds after the commit. */
  startAfterSeconds?: number;
}

export interface DeadLetter {
  /** The queue the job failed in (without `.dead`). */
  queue: string;
  /** Id of the dead letter (pg-boss gives the copy in `<queue>.dead` its own id). */
  id: string;
  /** Only when asked for, since job data may hold personal data. */
  data?: unknown;
  failedAt: Date;
  error: string;
}

export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof jobStates)[number];

/** Jobs per queue (dead-letter queues included) per state. */
export type JobCounts = Record<string, Record<JobState, number>>;

export interface JobQueue {
  /** Declares a kind of job; every kind is defined before `start`. */
  define<Data extends object>(name: string, handler: JobHandler<Data>, options?: JobDefinitionOptions): void;
  /**
   * The outbox: the job is written through `executor`, so it exists only if the caller's
   * transaction commits. Returns the job id, or null when `key` found a waiting job.
   */
  enqueue<Data extends object>(executor: AnyExecutor, name: string, data: Data, options?: EnqueueOptions): Promise<string | null>;
  /** Creates or migrates the tables and queues; with `work`, runs the handlers here. */
  start(options: { work: boolean }): Promise<void>;
  /** Stops taking jobs and waits, for a bounded time, for the handlers that run. */
  stop(): Promise<void>;
  deadLetters(options?: { withData?: boolean; limit?: number }): Promise<DeadLetter[]>;
  counts(): Promise<JobCounts>;
}
