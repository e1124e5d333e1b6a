import PgBoss from 'pg-boss';
import type { Store } from '../store/index.js';
import { ownBossDatabase } from './database.js';
import { enqueueJob } from './enqueue.js';
import { deadLetterQueueOf, ensureQueues } from './ensure-queues.js';
import { InFlight } from './in-flight.js';
import { countJobs, listDeadLetters } from './inspect.js';
import { runHandler } from './run-handler.js';
import type {
  AnyExecutor,
  DeadLetter,
  EnqueueOptions,
  JobCounts,
  JobDefinitionOptions,
  JobHandler,
  JobLogger,
  JobQueue,
  JobQueueOptions,
} from './types.js';

interface Definition {
  handler: JobHandler<never>;
  queue: PgBoss.Queue;
}

const silent: JobLogger = { info() {}, warn() {}, error() {} };

class PgBossJobQueue implements JobQueue {
  readonly #store: Store;
  readonly #schema: string;
  readonly #options: Required<Omit<JobQueueOptions, 'schema' | 'logger'>>;
  readonly #logger: JobLogger;
  readonly #inFlight = new InFlight();
  readonly #boss: PgBoss;
  readonly #definitions = new Map<string, Definition>();
  #state: 'new' | 'starting' | 'started' | 'stopped' = 'new';

  constructor(store: Store, options: JobQueueOptions) {
    this.#store = store;
    this.#schema = options.schema ?? 'jobs';
    this.#logger = options.logger ?? silent;
    this.#options = {
      pollIntervalSeconds: options.pollIntervalSeconds ?? 2,
      concurrency: options.concurrency ?? 1,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      stopTimeoutSeconds: options.stopTimeoutSeconds ?? 30,
    };
    this.#boss = new PgBoss({
      db: ownBossDatabase(store.db, this.#inFlight),
      schema: this.#schema,
      // Recurring jobs are not used; this also spares the embedded database a poller.
      schedule: false,
      maintenanceIntervalSeconds: this.#options.maintenanceIntervalSeconds,
    });
    this.#boss.on('error', (error: Error & { queue?: string }) =>
      this.#logger.error({ queue: error.queue, err: { message: error.message } }, 'job queue error'),
    );
  }

  define<Data extends object>(name: string, handler: JobHandler<Data>, options: JobDefinitionOptions = {}): void {
    if (this.#state !== 'new') throw new Error(`Define the job queue ${name} before starting the queue`);
    if (this.#definitions.has(name)) throw new Error(`The job queue ${name} is defined twice`);
    this.#definitions.set(name, {
      handler: handler as JobHandler<never>,
      queue: {
        name,
        retryLimit: options.retryLimit ?? 5,
        retryDelay: options.retryDelaySeconds ?? 5,
        retryBackoff: options.backoff ?? true,
        expireInSeconds: options.expireSeconds ?? 300,
        deadLetter: deadLetterQueueOf(name),
      },
    });
  }

  async enqueue<Data extends object>(
    executor: AnyExecutor,
    name: string,
    data: Data,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (!this.#definitions.has(name)) throw new Error(`No job queue is defined as ${name}`);
    if (this.#state !== 'started') throw new Error(`Start the job queue before enqueueing into ${name}`);
    return enqueueJob(this.#boss, this.#schema, executor, name, data, options);
  }

  async start({ work }: { work: boolean }): Promise<void> {
    if (this.#state !== 'new') throw new Error('The job queue was already started');
    this.#state = 'starting';
    try {
      // pg-boss creates or migrates its schema under an advisory lock: safe from several processes.
      await this.#boss.start();
      const queues = [...this.#definitions.values()].map((definition) => definition.queue);
      await ensureQueues(this.#store, this.#boss, this.#schema, queues);
      if (work) await this.#work();
    } catch (error) {
      // Its maintenance timer would otherwise keep running against a queue nobody uses.
      await this.#boss.stop({ graceful: false, close: false });
      this.#state = 'stopped';
      throw error;
    }
    this.#state = 'started';
    this.#logger.info({ queues: [...this.#definitions.keys()], work }, 'job queue started');
  }

  async #work(): Promise<void> {
    const { pollIntervalSeconds, concurrency } = this.#options;
    for (const [name, { handler }] of this.#definitions) {
      // In pg-boss 10 each worker runs one job at a time, so concurrency is a number of workers.
      for (let i = 0; i < concurrency; i++) {
        await this.#boss.work(
          name,
          { pollingIntervalSeconds: pollIntervalSeconds, batchSize: 1, includeMetadata: true },
          runHandler(name, handler, this.#logger, this.#inFlight),
        );
      }
    }
  }

  async stop(): Promise<void> {
    if (this.#state !== 'started') return;
    this.#state = 'stopped';
    const deadline = Date.now() + this.#options.stopTimeoutSeconds * 1000;
    // Jobs still running at the deadline are failed by pg-boss, so they will be retried.
    await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: deadline - Date.now() });
    if (!(await this.#inFlight.settled(deadline))) {
      this.#logger.warn({}, 'job queue stopped while handlers were still running');
    }
    this.#logger.info({}, 'job queue stopped');
  }

  deadLetters(options: { withData?: boolean; limit?: number } = {}): Promise<DeadLetter[]> {
    return listDeadLetters(this.#store.db, this.#schema, options);
  }

  counts(): Promise<JobCounts> {
    const known = [...this.#definitions.keys()].flatMap((name) => [name, deadLetterQueueOf(name)]);
    return countJobs(this.#store.db, this.#schema, known);
  }
}

/** The durable job queue, in the store's own database (see README.md). */
export function createJobQueue(store: Store, options: JobQueueOptions = {}): JobQueue {
  return new PgBossJobQueue(store, options);
}
