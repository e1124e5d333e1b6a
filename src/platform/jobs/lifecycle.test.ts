import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { waitFor } from '../../../test/jobs/wait-for.js';
import { createJobQueue, type JobQueue } from './index.js';

/** A promise that the test resolves by hand, to hold a handler in the middle of its job. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the job queue lifecycle', () => {
  let testStore: TestStore;
  let worker: JobQueue;
  let sender: JobQueue;
  const held = gate();
  const started: string[] = [];
  const finished: string[] = [];

  beforeAll(async () => {
    testStore = await openTestStore();
    const options = { pollIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1, stopTimeoutSeconds: 10 };
    worker = createJobQueue(testStore.store, options);
    sender = createJobQueue(testStore.store, options);
    for (const queue of [worker, sender]) {
      queue.define<{ n: number }>('held', async ({ id }) => {
        started.push(id);
        await held.opened;
        finished.push(id);
      });
    }
    // Two queues creating the schema at once on a new database, as two processes would.
    await Promise.all([worker.start({ work: true }), sender.start({ work: false })]);
  });

  afterAll(async () => {
    held.open();
    await Promise.all([worker.stop(), sender.stop()]);
    await testStore.drop();
  });

  it('refuses a definition after the start, and a second start', async () => {
    expect(() => worker.define('late', async () => {})).toThrow('before starting');
    await expect(worker.start({ work: true })).rejects.toThrow('already started');
  });

  it('refuses to enqueue before the start', async () => {
    const unstarted = createJobQueue(testStore.store);
    unstarted.define('held', async () => {});
    await expect(unstarted.enqueue(testStore.store.db, 'held', { n: 0 })).rejects.toThrow('Start the job queue');
  });

  it('counts jobs per queue and state', async () => {
    const empty = await sender.counts();
    expect(empty['held']).toEqual({ created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 });
    expect(empty['held.dead']?.created).toBe(0);

    for (const n of [1, 2, 3]) await sender.enqueue(testStore.store.db, 'held', { n });
    await waitFor('a handler to start', () => started.length === 1);
    expect((await sender.counts())['held']).toMatchObject({ active: 1, created: 2, completed: 0 });
  });

  it('stops after the running handler has finished, and leaves the rest for later', async () => {
    const stopping = worker.stop();
    setTimeout(held.open, 500);
    await stopping;
    expect(finished).toEqual(started);
    expect(started).toHaveLength(1);
    expect((await sender.counts())['held']).toMatchObject({ active: 0, created: 2, completed: 1 });
  });
});
