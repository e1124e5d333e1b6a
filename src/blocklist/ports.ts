import type { Transaction } from 'kysely';
import type { AnyExecutor } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';

/** What this module needs of field encryption (platform/crypto): the listed URLs, sealed. */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

/** One audit entry: versions, formats and counts, never a URL. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** What this module needs of the job queue. */
export interface JobQueuePort {
  enqueue<Data extends object>(executor: AnyExecutor, name: string, data: Data, options?: { key?: string }): Promise<string | null>;
  define<Data extends object>(
    name: string,
    handler: (job: { id: string; data: Data }) => Promise<void>,
    options?: { retryLimit?: number; expireSeconds?: number },
  ): void;
}

/** A report whose final assessment is illegal (`baseline` or `national`), and when it became final. */
export interface IllegalReport {
  reportId: string;
  at: string;
}

/** A URL item of a report, decrypted. */
export interface ReportedUrl {
  itemId: string;
  reportId: string;
  url: string;
}

/** URL items whose content is confirmed removed, and when that was recorded. */
export interface Removal {
  itemIds: readonly string[];
  at: string;
}

/**
 * The sources of truth the list is recomputed from, read through their modules' services
 * (wired by main.ts): triage's final assessments, the reports' URLs (an audited read), and
 * the notices confirmed removed (referrals).
 */
export interface BlocklistSources {
  illegalReports(): Promise<IllegalReport[]>;
  urlsOf(reportIds: readonly string[], reader: { jobId: string }): Promise<ReportedUrl[]>;
  removalsOf(reportIds: readonly string[]): Promise<Removal[]>;
}
