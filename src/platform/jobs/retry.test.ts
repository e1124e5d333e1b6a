import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { waitFor } from '../../../test/jobs/wait-for.js';
import { createJobQueue, type JobQueue } from './index.js';

interface Payload {
  case: string;
}

describe('a job that keeps failing', () => {
  let testStore: TestStore;
  let queue: JobQueue;
  const runs: { attempt: number; at: number }[] = [];
  const logged: { fields: object; message?: string }[] = [];
  const remember = (fields: object, message?: string) => logged.push({ fields, ...(message ? { message } : {}) });

  beforeAll(async () => {
    testStore = await openTestStore();
    queue = createJobQueue(testStore.store, {
      pollIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      logger: { info: remember, warn: remember, error: remember },
    });
    queue.define<Payload>(
      'always-fails',
      async ({ attempt }) => {
        runs.push({ attempt, at: Date.now() });
        throw new Error('the remote service refused');
      },
      { retryLimit: 2, retryDelaySeconds: 1, backoff: true, expireSeconds: 5 },
    );
    await queue.start({ work: true });
  });

  afterAll(async () => {
    await queue.stop();
    await testStore.drop();
  });

  it('is retried retryLimit times with a growing delay, then lands in the dead letters', async () => {
    await queue.enqueue(testStore.store.db, 'always-fails', { case: 'child 42' });
    await waitFor('the dead letter', async () => (await queue.deadLetters()).length > 0, 18_000);

    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = runs.map((r) => r.at) as [number, number, number];
    // Backoff waits retryDelay × 2^retry / 2 × (1 + random): [1 s, 2 s) then [2 s, 4 s).
    expect(second - first).toBeGreaterThanOrEqual(1000);
    expect(third - second).toBeGreaterThanOrEqual(2000);

    const [letter] = await queue.deadLetters();
    expect(letter).toMatchObject({ queue: 'always-fails', error: 'the remote service refused' });
    expect(letter?.failedAt).toBeInstanceOf(Date);
    expect(letter).not.toHaveProperty('data');
    const [withData] = await queue.deadLetters({ withData: true });
    expect(withData?.data).toEqual({ case: 'child 42' });
  });

  it('counts the failed job and its dead letter', async () => {
    const counts = await queue.counts();
    expect(counts['always-fails']).toMatchObject({ failed: 1, created: 0, retry: 0, active: 0 });
    expect(counts['always-fails.dead']).toMatchObject({ created: 1 });
  });

  it('logs queue and job id, never the job data', () => {
    const failures = logged.filter((l) => l.message?.startsWith('job failed'));
    expect(failures).toHaveLength(3);
    expect(failures.at(-1)?.message).toContain('dead letters');
    expect(failures[0]?.fields).toMatchObject({ queue: 'always-fails', attempt: 1 });
    expect(JSON.stringify(logged)).not.toContain('child 42');
  });
});
