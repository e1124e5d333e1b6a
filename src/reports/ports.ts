import type { Transaction } from 'kysely';
import type { AnyExecutor } from '../platform/jobs/index.js';
import type { AnyDatabase } from '../platform/store/index.js';

/** What this module needs of field encryption (platform/crypto). */
export interface Sealer {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  blindIndex(value: string, purpose: string): string;
}

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

/** One audit entry; `detail` names fields, counts and ids, never personal values. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;
export type AuditBatchWriter = (trx: Transaction<AnyDatabase>, entries: readonly { actor: Actor; record: AuditRecord }[]) => Promise<void>;

/** What this module needs of the job queue: the outbox write. */
export interface JobEnqueuer {
  enqueue<Data extends object>(executor: AnyExecutor, name: string, data: Data, options?: { key?: string }): Promise<string | null>;
}

/**
 * A job another module runs after an intake (the detection of known media, the analysis of
 * URLs): enqueued in the intake's own transaction, with the ids of the new reports it wants,
 * or of the reports that received an addition it wants. Its handler reads what it needs
 * through this module's service, so the dependency points from that module to this one.
 */
export interface IntakeFollowUp {
  /** The job's queue name. */
  job: string;
  /** Whether this content (a report's, or an addition's) calls for the job. */
  wants(content: {
    childInImmediateDanger?: boolean;
    urls?: readonly unknown[];
    media?: readonly unknown[];
    onlineIdentifiers?: readonly unknown[];
  }): boolean;
}
export interface IntakeFollowUpData {
  reportIds: string[];
}

/** What the hotel flow needs to know of organisations and API keys (identity's). */
export interface PartnerDirectory {
  organisationExists(id: string): Promise<boolean>;
  /** The organisation holding this API key, or null when there is no such key or it is revoked. */
  organisationOfKey(apiKeyId: string): Promise<string | null>;
}
