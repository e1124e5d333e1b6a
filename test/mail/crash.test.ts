import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMigrations } from '../../src/platform/audit/index.js';
import { createFieldCipher, newKeyRing } from '../../src/platform/crypto/index.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';
import { createMailer, createMailOutbox, defineMailJobs, mailMigrations, type MailOutbox } from '../../src/platform/mail/index.js';
import { migrateToLatest } from '../../src/platform/store/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { parseMail, startSmtpServer, type SmtpServer } from '../support/smtp-server.js';
import { openTestStore, serverUrl, type TestStore } from '../support/store.js';
import { crashJobOptions, crashQueueOptions } from './support/crash-options.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(!serverUrl)('a mail worker killed after the server took the message, before its answer (PostgreSQL only)', () => {
  let testStore: TestStore;
  let smtp: SmtpServer;
  let worker: ChildProcess;
  let exited: Promise<NodeJS.Signals | number | null>;
  let survivor: JobQueue | undefined;
  let outbox: MailOutbox;
  const lines: string[] = [];

  beforeAll(async () => {
    testStore = await openTestStore();
    await migrateToLatest(testStore.store.db, auditMigrations, mailMigrations);
    // The first message is kept and never answered: its sender waits until it is killed.
    smtp = await startSmtpServer({ holdAnswer: (index) => index === 0 });
    const ring = newKeyRing();
    worker = spawn(process.execPath, ['--import', 'tsx', 'test/mail/support/mail-worker.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: testStore.databaseUrl, VIGIE_KEYS: JSON.stringify(ring), VIGIE_SMTP_URL: smtp.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    createInterface({ input: worker.stdout! }).on('line', (line) => lines.push(line));
    exited = new Promise((resolve) => worker.once('exit', (code, signal) => resolve(signal ?? code)));
    const enqueueOnly = createJobQueue(testStore.store, crashQueueOptions);
    outbox = createMailOutbox({
      db: testStore.store.db,
      sealer: await createFieldCipher(ring),
      jobs: enqueueOnly,
      mailer: createMailer({ smtpUrl: smtp.url, startTls: 'never', from: 'Vigie <notices@example.org>' }),
      job: crashJobOptions,
    });
    defineMailJobs(enqueueOnly, outbox);
    await enqueueOnly.start({ work: false });
    await waitFor('the worker to be ready', () => lines.includes('ready'), 30_000);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
    await exited;
    await survivor?.stop();
    await smtp?.close();
    await testStore?.drop();
  });

  it('sends it again with the same Message-ID once the job expires, and marks it sent once', { timeout: 60_000 }, async () => {
    const queued = await testStore.store.db.transaction().execute((trx) =>
      outbox.queue(trx, {
        key: 'notice:crash:1',
        purpose: 'notice',
        message: { to: ['abuse@example.net'], subject: 'Notice', text: 'Synthetic notice about http://content.example.net/x' },
      }),
    );
    await waitFor('the server to have the message', () => smtp.received.length === 1, 30_000);
    expect(await outbox.statusById(queued.id)).toMatchObject({ state: 'pending', tries: 1 });
    worker.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    survivor = createJobQueue(testStore.store, crashQueueOptions);
    defineMailJobs(survivor, outbox);
    await survivor.start({ work: true });
    await waitFor('the message to be sent again and marked', async () => (await outbox.statusById(queued.id))?.state === 'sent', 45_000);

    expect(await outbox.statusById(queued.id)).toMatchObject({ state: 'sent', tries: 2, accepted: 1 });
    const copies = await Promise.all(smtp.received.map(parseMail));
    expect(copies.map((mail) => mail.messageId)).toEqual([queued.messageId, queued.messageId]);
    expect(copies[1]!.date).toEqual(copies[0]!.date);
    expect(copies[1]!.text).toBe(copies[0]!.text);
  });
});
