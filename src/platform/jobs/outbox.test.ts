import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSql } from '../store/index.js';
import { openTestStore, type TestStore } from '../../../test/support/store.js';
import { waitFor } from '../../../test/jobs/wait-for.js';
import { createJobQueue, type JobQueue } from './index.js';

interface Note {
  text: string;
}

describe('enqueue, the outbox', () => {
  let testStore: TestStore;
  let queue: JobQueue;
  const ran: string[] = [];

  beforeAll(async () => {
    testStore = await openTestStore();
    queue = createJobQueue(testStore.store, { pollIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    queue.define<Note>('note', async ({ data }) => {
      ran.push(data.text);
    });
    queue.define<Note>('parked', async () => {});
    await queue.start({ work: true });
  });

  afterAll(async () => {
    await queue.stop();
    await testStore.drop();
  });

  const jobsIn = async (name: string) =>
    (await runSql<{ n: number }>(testStore.store.db, 'select count(*)::int as n from jobs.job where name = $1', [name])).rows[0]?.n;

  it('runs a job enqueued in a committed transaction', async () => {
    const id = await testStore.store.db.transaction().execute((trx) => queue.enqueue(trx, 'note', { text: 'committed' }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor('the committed job', () => ran.includes('committed'));
  });

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    await expect(
      testStore.store.db.transaction().execute(async (trx) => {
        await queue.enqueue(trx, 'note', { text: 'rolled back' });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    // A job enqueued afterwards has run, so the rolled-back one would have run by now.
    await testStore.store.db.transaction().execute((trx) => queue.enqueue(trx, 'note', { text: 'after' }));
    await waitFor('the job after the rollback', () => ran.includes('after'));
    expect(ran).not.toContain('rolled back');
    expect(await jobsIn('note')).toBe(2);
  });

  it('creates one job for a key enqueued twice while it waits', async () => {
    const first = await testStore.store.db
      .transaction()
      .execute((trx) => queue.enqueue(trx, 'parked', { text: 'a' }, { key: 'report-1', startAfterSeconds: 600 }));
    const again = await testStore.store.db.transaction().execute((trx) => queue.enqueue(trx, 'parked', { text: 'b' }, { key: 'report-1' }));
    const outsideTransaction = await queue.enqueue(testStore.store.db, 'parked', { text: 'c' }, { key: 'report-1' });
    const otherKey = await queue.enqueue(testStore.store.db, 'parked', { text: 'd' }, { key: 'report-2' });
    expect(first).toBeTypeOf('string');
    expect(again).toBeNull();
    expect(outsideTransaction).toBeNull();
    expect(otherKey).toBeTypeOf('string');
    expect(await jobsIn('parked')).toBe(2);
  });

  it('enqueues a key again once its job has run', async () => {
    const first = await queue.enqueue(testStore.store.db, 'note', { text: 'keyed' }, { key: 'once' });
    await waitFor('the keyed job', () => ran.includes('keyed'));
    await waitFor('its completion', async () => (await queue.counts())['note']?.active === 0);
    const second = await queue.enqueue(testStore.store.db, 'note', { text: 'keyed again' }, { key: 'once' });
    expect(second).toBeTypeOf('string');
    expect(second).not.toBe(first);
    await waitFor('the second keyed job', () => ran.includes('keyed again'));
  });

  it('refuses a queue that was not defined', async () => {
    await expect(queue.enqueue(testStore.store.db, 'unknown', {})).rejects.toThrow('No job queue');
  });
});
