import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditMigrations } from '../../src/platform/audit/index.js';
import { createFieldCipher, newKeyRing } from '../../src/platform/crypto/index.js';
import { createJobQueue, type JobQueue } from '../../src/platform/jobs/index.js';
import {
  createMailer,
  createMailOutbox,
  defineMailJobs,
  mailMigrations,
  MailError,
  type MailOutbox,
  type MailStatus,
  type QueueMail,
} from '../../src/platform/mail/index.js';
import { migrateToLatest, runSql, type Store } from '../../src/platform/store/index.js';
import { waitFor } from '../jobs/wait-for.js';
import { parseMail, startCuttingProxy, startSmtpServer, type CuttingProxy, type SmtpServer } from '../support/smtp-server.js';
import { openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
let store: Store;
let jobs: JobQueue;
let outbox: MailOutbox;
let smtp: SmtpServer;
let proxy: CuttingProxy;
const settled: { mail: MailStatus; inTransaction: boolean }[] = [];
let temporaryRefusals = 0;

const message = (to: string, subject = 'Notice'): QueueMail['message'] => ({
  to: [to],
  subject,
  text: `Synthetic notice about http://content.example.net/${subject}`,
  headers: { 'Auto-Submitted': 'auto-generated' },
});

const queue = (key: string, to = 'abuse@example.net', subject = key) =>
  store.db.transaction().execute((trx) => outbox.queue(trx, { key, purpose: 'notice', message: message(to, subject) }));

const settledState = async (id: string) => {
  await waitFor(`mail ${id} to be settled`, async () => (await outbox.statusById(id))?.state !== 'pending', 30_000);
  return (await outbox.statusById(id))!;
};

const receivedWith = async (messageId: string) => {
  const parsed = await Promise.all(smtp.received.map(parseMail));
  return parsed.filter((mail) => mail.messageId === messageId);
};

beforeAll(async () => {
  testStore = await openTestStore();
  store = testStore.store;
  await migrateToLatest(store.db, auditMigrations, mailMigrations);
  await sql`create table settled_log (mail_id uuid primary key, state text not null)`.execute(store.db);
  smtp = await startSmtpServer({
    recipientReply: (address) => {
      if (address.startsWith('refused@')) return 550;
      if (address.startsWith('later@') && temporaryRefusals < 1) {
        temporaryRefusals += 1;
        return 451;
      }
      return null;
    },
  });
  proxy = await startCuttingProxy(smtp.port);
  jobs = createJobQueue(store, { pollIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${proxy.port}`, startTls: 'never', from: 'Vigie <notices@example.org>' });
  outbox = createMailOutbox({
    db: store.db,
    sealer: await createFieldCipher(newKeyRing()),
    jobs,
    mailer,
    job: { retryLimit: 2, retryDelaySeconds: 1, expireSeconds: 30 },
    onSettled: {
      notice: async (trx, mail) => {
        settled.push({ mail, inTransaction: trx.isTransaction });
        await sql`insert into settled_log (mail_id, state) values (${mail.id}, ${mail.state})`.execute(trx);
      },
    },
  });
  defineMailJobs(jobs, outbox);
  await jobs.start({ work: true });
});

afterAll(async () => {
  await jobs?.stop();
  await Promise.all([proxy?.close(), smtp?.close()]);
  await testStore?.drop();
});

describe('the mail outbox', () => {
  it('sends nothing queued in a transaction that rolled back, and once what was committed, with the Message-ID written before', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        await outbox.queue(trx, { key: 'rolled-back', purpose: 'notice', message: message('abuse@example.net') });
        throw new Error('the caller failed');
      }),
    ).rejects.toThrow('the caller failed');
    expect(await outbox.statusByKey('rolled-back')).toBeNull();

    const queued = await queue('notice:r1:1');
    expect(queued).toMatchObject({ created: true, messageId: expect.stringMatching(/^<[0-9a-f-]{36}@example\.org>$/) });
    const mail = await settledState(queued.id);
    expect(mail).toMatchObject({ state: 'sent', tries: 1, accepted: 1, rejected: 0, lastError: null, messageId: queued.messageId });
    expect(await receivedWith(queued.messageId)).toHaveLength(1);
    expect(settled.find((entry) => entry.mail.id === queued.id)).toMatchObject({ inTransaction: true, mail: { state: 'sent' } });
    expect((await runSql<{ state: string }>(store.db, 'select state from settled_log where mail_id = $1', [queued.id])).rows).toEqual([
      { state: 'sent' },
    ]);
  });

  it('queues a key once: the same key again returns the first message, and sends nothing more', async () => {
    const first = await queue('notice:r2:1');
    const again = await queue('notice:r2:1', 'someone-else@example.net');
    expect(again).toEqual({ id: first.id, messageId: first.messageId, created: false });
    await settledState(first.id);
    // A later message has gone through the same queue: the first would have gone twice by now.
    await settledState((await queue('notice:r2:marker')).id);
    expect(await receivedWith(first.messageId)).toHaveLength(1);
    expect(smtp.received.flatMap((mail) => mail.to)).not.toContain('someone-else@example.net');
  });

  it('keeps the message sealed, and audits its queueing and sending with counts, never an address', async () => {
    const queued = await queue('notice:r3:1', 'abuse@example.net', 'sealed-subject');
    await settledState(queued.id);
    const { rows } = await runSql<{ message_sealed: string }>(store.db, 'select message_sealed from mail_outbox where id = $1', [
      queued.id,
    ]);
    expect(rows[0]!.message_sealed).not.toMatch(/abuse@|sealed-subject|content\.example/);
    const audit = await runSql<{ action: string; detail: object }>(
      store.db,
      `select action, detail from (select action, detail, subject_id from audit_pending union all select action, detail, subject_id from audit_log) entries
       where subject_id = $1 order by action`,
      [queued.id],
    );
    expect(audit.rows).toEqual([
      { action: 'mail.queue', detail: { purpose: 'notice', recipients: 1 } },
      { action: 'mail.send', detail: { purpose: 'notice', try: 1 } },
      { action: 'mail.sent', detail: { purpose: 'notice', tries: 1 } },
    ]);
  });

  it('tries again after a temporary refusal, with the same Message-ID, and delivers once', async () => {
    const queued = await queue('notice:r4:1', 'later@example.net');
    expect(await settledState(queued.id)).toMatchObject({ state: 'sent', tries: 2 });
    expect(temporaryRefusals).toBe(1);
    expect(await receivedWith(queued.messageId)).toHaveLength(1);
  });

  it('settles a refused recipient as failed, without trying again, and tells the listener', async () => {
    const queued = await queue('notice:r5:1', 'refused@example.net');
    expect(await settledState(queued.id)).toMatchObject({ state: 'failed', tries: 1, lastError: 'EENVELOPE 550' });
    expect(settled.find((entry) => entry.mail.id === queued.id)).toMatchObject({ mail: { state: 'failed' } });
    expect(await receivedWith(queued.messageId)).toHaveLength(0);
  });

  it('sends again a message whose connection was cut in the middle of DATA: the server keeps it once', async () => {
    proxy.cutNext('mid-data');
    const queued = await queue('notice:r6:1');
    expect(await settledState(queued.id)).toMatchObject({ state: 'sent', tries: 2 });
    expect(proxy.cuts).toContain('mid-data');
    expect(await receivedWith(queued.messageId)).toHaveLength(1);
  });

  it('sends again, the same message, when the answer was lost after the server kept it: receivers see one Message-ID twice', async () => {
    proxy.cutNext('before-reply');
    const queued = await queue('notice:r7:1');
    expect(await settledState(queued.id)).toMatchObject({ state: 'sent', tries: 2 });
    const copies = await receivedWith(queued.messageId);
    expect(copies).toHaveLength(2);
    expect(copies[1]!.date).toEqual(copies[0]!.date);
    expect(copies[1]!.subject).toBe(copies[0]!.subject);
    expect(copies[1]!.text).toBe(copies[0]!.text);
  });

  it('gives up after the last try, and records why', async () => {
    proxy.cutNext('mid-data', 'mid-data', 'mid-data');
    const queued = await queue('notice:r8:1');
    const mail = await settledState(queued.id);
    expect(mail).toMatchObject({ state: 'failed', tries: 3 });
    expect(mail.lastError).toMatch(/^E[A-Z]+/);
    expect(await receivedWith(queued.messageId)).toHaveLength(0);
  });

  it('refuses to queue when mail is not configured, naming the setting, and writes nothing', async () => {
    const unconfigured = createMailOutbox({
      db: store.db,
      sealer: await createFieldCipher(newKeyRing()),
      jobs,
      mailer: createMailer({ startTls: 'required', from: 'Vigie <notices@example.org>' }),
    });
    const failure = await store.db
      .transaction()
      .execute((trx) => unconfigured.queue(trx, { key: 'notice:r9:1', purpose: 'notice', message: message('abuse@example.net') }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MailError);
    expect(failure).toMatchObject({ kind: 'not_configured', code: 'VIGIE_SMTP_URL' });
    expect(await outbox.statusByKey('notice:r9:1')).toBeNull();
  });

  it('refuses a message without recipient or with a header that could add another', async () => {
    const bad = (overrides: Partial<QueueMail['message']>) =>
      store.db
        .transaction()
        .execute((trx) => outbox.queue(trx, { key: 'bad', purpose: 'notice', message: { ...message('a@example.net'), ...overrides } }));
    await expect(bad({ to: [] })).rejects.toThrow('at least one recipient');
    await expect(bad({ headers: { 'X-Test': 'a\r\nBcc: someone@example.net' } })).rejects.toThrow('cannot be written');
    expect(await outbox.statusByKey('bad')).toBeNull();
  });
});
