import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';
import { runSql } from '../../src/platform/store/index.js';
import { openTestStore, serverUrl, type TestStore } from '../support/store.js';
import { createEffectTables, effectJobOptions, effectQueue, effectQueueOptions, type EffectJob } from './effect-job.js';
import { waitFor } from './wait-for.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Worker {
  name: string;
  child: ChildProcess;
  lines: string[];
  exited: Promise<NodeJS.Signals | number | null>;
}

function startWorker(name: string, databaseUrl: string): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/jobs/worker-process.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_NAME: name },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  return { name, child, lines, exited };
}

const keys = Array.from({ length: 40 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
const lingering = 'job-20';

describe.skipIf(!serverUrl)('a worker killed in the middle of a job (PostgreSQL only, set DATABASE_URL)', () => {
  let testStore: TestStore;
  let queue: JobQueue;
  let workers: Worker[] = [];

  beforeAll(async () => {
    testStore = await openTestStore();
    await createEffectTables(testStore.store.db);
    const databaseUrl = testStore.databaseUrl!;
    workers = [startWorker('a', databaseUrl), startWorker('b', databaseUrl)];
    queue = createJobQueue(testStore.store, effectQueueOptions);
    queue.define<EffectJob>(effectQueue, async () => {}, effectJobOptions);
    // The test and both workers create the schema at the same time.
    await queue.start({ work: false });
    await waitFor('both workers to be ready', () => workers.every((w) => w.lines.includes('ready')), 30_000);
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await queue?.stop();
    await testStore?.drop();
  });

  it('retries the killed job on the other worker, and every job has exactly one effect', { timeout: 90_000 }, async () => {
    const begun = Date.now();
    const enqueue = (batch: string[], lingerMs?: number) =>
      testStore.store.db.transaction().execute(async (trx) => {
        for (const key of batch) await queue.enqueue(trx, effectQueue, { key, ...(lingerMs ? { lingerMs } : {}) }, { key });
      });
    // Three commits, so the lingering job is fetched after both workers have done some work.
    await enqueue(keys.slice(0, 20));
    await enqueue([lingering], 20_000);
    await enqueue(keys.slice(21));

    const startLine = `started ${lingering} 1`;
    await waitFor('the lingering job to start', () => workers.some((w) => w.lines.includes(startLine)), 30_000);
    const victim = workers.find((w) => w.lines.includes(startLine))!;
    const survivor = workers.find((w) => w !== victim)!;
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');

    const completed = async () =>
      (
        await runSql<{ n: number }>(testStore.store.db, `select count(*)::int as n from jobs.job where name = $1 and state = 'completed'`, [
          effectQueue,
        ])
      ).rows[0]?.n === keys.length;
    await waitFor('every job to be completed', completed, 60_000);
    console.info(`crash test: ${keys.length} jobs done ${Date.now() - begun} ms after the first enqueue`);

    const jobs = await runSql<{ id: string; state: string; key: string }>(
      testStore.store.db,
      'select id::text, state::text, singleton_key as key from jobs.job where name = $1',
      [effectQueue],
    );
    expect(jobs.rows).toHaveLength(keys.length);
    expect(new Set(jobs.rows.map((j) => j.id)).size).toBe(keys.length);
    expect(new Set(jobs.rows.map((j) => j.key))).toEqual(new Set(keys));
    expect(jobs.rows.every((j) => j.state === 'completed')).toBe(true);

    const effects = await runSql<{ job_key: string; completions: number; worker: string }>(
      testStore.store.db,
      'select job_key, completions, worker from job_effect order by job_key',
    );
    expect(effects.rows.map((e) => e.job_key)).toEqual(keys);
    expect(effects.rows.every((e) => e.completions === 1)).toBe(true);
    // Both processes really worked, and the lingering job was finished by the survivor.
    expect(new Set(effects.rows.map((e) => e.worker))).toEqual(new Set(['a', 'b']));
    expect(effects.rows.find((e) => e.job_key === lingering)?.worker).toBe(survivor.name);

    const starts = await runSql<{ job_key: string; worker: string; attempt: number }>(
      testStore.store.db,
      `select job_key, worker, attempt from job_start where job_key = $1 order by attempt`,
      [lingering],
    );
    expect(starts.rows.length).toBeGreaterThanOrEqual(2);
    expect(starts.rows[0]).toMatchObject({ worker: victim.name, attempt: 1 });
    expect(starts.rows.at(-1)).toMatchObject({ worker: survivor.name });
    expect(await queue.deadLetters()).toEqual([]);
  });
});
