import type { Transaction } from 'kysely';
import type { MailMessage, QueuedMail } from '../platform/mail/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { OpenNotice, StatusChange } from '../referrals/index.js';

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  /** Counts, ids, outcomes: never a URL or an address. */
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** What this module needs of field encryption (platform/crypto). */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** What it needs of referrals: the open notices, their status changed in its own transaction, statuses for the tracker. */
export interface NoticeReferrals {
  openNotices(options?: { limit?: number; after?: string }): Promise<OpenNotice[]>;
  changeStatusIn(trx: Transaction<AnyDatabase>, actor: Actor, id: string, change: StatusChange): Promise<{ status: string }>;
  referralsOf(reportIds: readonly string[]): Promise<{ referralId: string; status: string }[]>;
}

/** What it needs of reports: the URLs of reports, decrypted, as one audited system read per job. */
export interface NoticeReports {
  readUrlsForAnalysis(
    reportIds: readonly string[],
    reader: { jobId: string; purpose?: string },
  ): Promise<{ itemId: string; reportId: string; url: string }[]>;
}

/** What it needs of the mail outbox: a message queued in its transaction; the setting missing, if mail is not configured. */
export interface NoticeMail {
  readonly missingSetting?: string | null;
  queue<Tables>(trx: Transaction<Tables>, request: { key: string; purpose: string; message: MailMessage }): Promise<QueuedMail>;
}

export interface JobDefiner {
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** Logs carry ids, counts and outcomes, never a URL, a host or an address. */
export interface TakedownLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
}
