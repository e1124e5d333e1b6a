import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { tablesOf, type AnyDatabase } from '../store/index.js';
import { MailError, type MailMessage, type Mailer } from './mailer.js';
import { sendMailJob, sealContextOf, type SendMailData } from './model.js';
import { claimMail, insertMail, lockMail, mailWhere, releaseMail, settleMail, statusOf, type MailStatus } from './outbox-store.js';
import type { MailTables } from './tables.js';

/** What the outbox needs of field encryption (platform/crypto). */
export interface MailSealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** What it needs of the job queue: the outbox write (platform/jobs). */
export interface MailJobs {
  enqueue(executor: Transaction<AnyDatabase>, name: string, data: SendMailData, options?: { key?: string }): Promise<string | null>;
}

/** Logs carry ids, purposes, counts and codes, never an address or a subject. */
export interface MailLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}

/** Told of a settled message of its purpose, in the transaction that settles it. */
export type SettledListener = (trx: Transaction<AnyDatabase>, mail: MailStatus) => Promise<void>;

export interface MailJobOptions {
  /** Tries after the first, for a connection or a server that fails for a while. Default 8. */
  retryLimit: number;
  /** Before the first retry; doubled at each (with jitter). Default 60. */
  retryDelaySeconds: number;
  /** The longest one try may take; also how long a worker holds the message. Default 180. */
  expireSeconds: number;
}

export interface MailOutboxDeps {
  db: Kysely<AnyDatabase>;
  sealer: MailSealer;
  jobs: MailJobs;
  mailer: Mailer;
  onSettled?: Readonly<Record<string, SettledListener>>;
  job?: Partial<MailJobOptions>;
  logger?: MailLogger;
  now?: () => Date;
}

export interface QueueMail {
  /** Unique per message (`notice:<referral>:<attempt>`): queueing the same key again returns the first. */
  key: string;
  /** What it is for; names the `onSettled` listener told when it is sent or fails for good. */
  purpose: string;
  message: MailMessage;
}

export interface QueuedMail {
  id: string;
  messageId: string;
  /** False when the key was queued before: nothing new was written. */
  created: boolean;
}

const headerName = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

function checkMessage(message: MailMessage): string[] {
  const to = typeof message.to === 'string' ? [message.to] : [...message.to];
  if (to.length === 0 || to.some((address) => address.trim() === '')) throw new Error('A message needs at least one recipient');
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (!headerName.test(name) || /[\r\n]/.test(value)) throw new Error(`The header ${JSON.stringify(name)} cannot be written as given`);
  }
  return to;
}

const errorCode = (error: MailError) => (error.responseCode ? `${error.code} ${error.responseCode}` : error.code);

/**
 * Mail that is sent once its transaction commits, and only then: `queue` writes the message
 * (with its Message-ID) and its job in the caller's transaction; the job sends it and marks
 * it sent. A crash after the server took the message and before the mark makes the job send
 * it again, with the same Message-ID and Date: at least once, duplicates recognisable
 * (README, "At least once").
 */
export function createMailOutbox(deps: MailOutboxDeps) {
  const db = tablesOf<MailTables>(deps.db) as Kysely<MailTables>;
  const now = deps.now ?? (() => new Date());
  const job: MailJobOptions = { retryLimit: 8, retryDelaySeconds: 60, expireSeconds: 180, ...deps.job };
  const { mailer, sealer } = deps;

  async function settle(id: string, outcome: Parameters<typeof settleMail>[2]): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const row = await settleMail(trx, id, outcome);
      if (!row) return;
      await recordAudit(trx, {
        actorType: 'system',
        action: outcome.state === 'sent' ? 'mail.sent' : 'mail.failed',
        subjectType: 'mail',
        subjectId: id,
        detail: { purpose: row.purpose, tries: row.tries, ...(outcome.lastError ? { error: outcome.lastError } : {}) },
      });
      await deps.onSettled?.[row.purpose]?.(trx as unknown as Transaction<AnyDatabase>, statusOf(row));
    });
    deps.logger?.[outcome.state === 'sent' ? 'info' : 'warn'](
      { mailId: id, state: outcome.state, error: outcome.lastError },
      'mail settled',
    );
  }

  return {
    jobOptions: job,
    /** The setting whose absence keeps every message from being queued, or null when mail is configured. */
    missingSetting: mailer.missingSetting,

    /**
     * In the caller's transaction, whatever tables its module sees: the message and its job
     * exist once it commits. Throws when mail is not configured.
     */
    async queue<Tables>(callerTrx: Transaction<Tables>, request: QueueMail): Promise<QueuedMail> {
      const executor = callerTrx as unknown as Transaction<AnyDatabase>;
      if (mailer.missingSetting) throw new MailError('not_configured', mailer.missingSetting);
      const recipients = checkMessage(request.message).length;
      const trx = tablesOf<MailTables>(executor) as Transaction<MailTables>;
      const id = randomUUID();
      const messageId = mailer.newMessageId();
      const sealed = sealer.seal(JSON.stringify(request.message), sealContextOf(id));
      const created = await insertMail(trx, { id, key: request.key, purpose: request.purpose, messageId, sealed, recipients, date: now() });
      if (!created) {
        const existing = (await mailWhere(trx, 'key', request.key))!;
        return { id: existing.id, messageId: existing.message_id, created: false };
      }
      await recordAudit(executor, {
        actorType: 'system',
        action: 'mail.queue',
        subjectType: 'mail',
        subjectId: id,
        detail: { purpose: request.purpose, recipients },
      });
      await deps.jobs.enqueue(executor, sendMailJob, { mailId: id }, { key: id });
      return { id, messageId, created: true };
    },

    /**
     * The job's work: claims the message, sends it, settles it. A refusal (5xx) or the last
     * try's failure settles it as failed; another failure releases it and throws (retried).
     */
    async send(id: string, options: { lastTry: boolean }): Promise<void> {
      const claimed = await db.transaction().execute(async (trx) => {
        const row = await lockMail(trx, id);
        if (!row || row.state !== 'pending') return null;
        if (row.claimed_until !== null && new Date(row.claimed_until) > now()) throw new MailError('transient', 'ECLAIMED');
        await claimMail(trx, id, row.tries + 1, new Date(now().getTime() + job.expireSeconds * 1000));
        await recordAudit(trx, {
          actorType: 'system',
          action: 'mail.send',
          subjectType: 'mail',
          subjectId: id,
          detail: { purpose: row.purpose, try: row.tries + 1 },
        });
        const message = JSON.parse(sealer.open(row.message_sealed, sealContextOf(id))) as MailMessage;
        return { row, message };
      });
      if (!claimed) return;
      try {
        const sent = await mailer.sendMail({ ...claimed.message, messageId: claimed.row.message_id, date: new Date(claimed.row.date) });
        await settle(id, { state: 'sent', at: now(), lastError: null, accepted: sent.accepted, rejected: sent.rejected });
      } catch (error) {
        const failure = error instanceof MailError ? error : new MailError('transient', 'EUNKNOWN');
        if (failure.kind === 'refused' || options.lastTry) {
          await settle(id, { state: 'failed', at: now(), lastError: errorCode(failure), accepted: null, rejected: null });
          return;
        }
        await releaseMail(db, id, errorCode(failure));
        deps.logger?.warn({ mailId: id, error: errorCode(failure) }, 'mail not sent; it will be tried again');
        throw failure;
      }
    },

    async statusById(id: string): Promise<MailStatus | null> {
      const row = await mailWhere(db, 'id', id);
      return row ? statusOf(row) : null;
    },

    async statusByKey(key: string): Promise<MailStatus | null> {
      const row = await mailWhere(db, 'key', key);
      return row ? statusOf(row) : null;
    },
  };
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;

/** What defining the job needs of the job queue. */
export interface MailJobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data; attempt: number }) => Promise<void>,
    options?: { retryLimit?: number; retryDelaySeconds?: number; backoff?: boolean; expireSeconds?: number },
  ): void;
}

export function defineMailJobs(jobs: MailJobDefiner, outbox: MailOutbox): void {
  const { retryLimit, retryDelaySeconds, expireSeconds } = outbox.jobOptions;
  jobs.define<SendMailData>(sendMailJob, (job) => outbox.send(job.data.mailId, { lastTry: job.attempt > retryLimit }), {
    retryLimit,
    retryDelaySeconds,
    backoff: true,
    expireSeconds,
  });
}
