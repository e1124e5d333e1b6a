/**
 * One worker process of the crash test: `node --import tsx test/jobs/worker-process.ts`
 * with DATABASE_URL and WORKER_NAME. It prints `ready`, then `started <key> <attempt>`
 * for every job it begins, and stops gracefully on SIGTERM.
 */
import { createJobQueue } from '../../src/platform/jobs/index.js';
import { openStore } from '../../src/platform/store/index.js';
import { effectHandler, effectJobOptions, effectQueue, effectQueueOptions, type EffectJob } from './effect-job.js';

const databaseUrl = process.env.DATABASE_URL;
const worker = process.env.WORKER_NAME ?? String(process.pid);
if (!databaseUrl) throw new Error('DATABASE_URL is required');

const say = (line: string) => process.stdout.write(`${line}\n`);
const store = await openStore({ databaseUrl, dataDir: 'unused', poolSize: 4 });
const queue = createJobQueue(store, {
  ...effectQueueOptions,
  logger: {
    info() {},
    warn: (fields, message) => say(`warn ${message} ${JSON.stringify(fields)}`),
    error: (fields, message) => say(`error ${message} ${JSON.stringify(fields)}`),
  },
});
queue.define<EffectJob>(effectQueue, effectHandler(store.db, worker, say), effectJobOptions);
await queue.start({ work: true });
say('ready');

process.once('SIGTERM', () => {
  void queue
    .stop()
    .then(() => store.close())
    .then(() => process.exit(0));
});
