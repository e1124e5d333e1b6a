import type { Transaction } from 'kysely';
import type { AnyExecutor } from '../../platform/jobs/index.js';
import type { AnyDatabase } from '../../platform/store/index.js';

export interface Actor {
  actorType: 'user' | 'api_key' | 'system' | 'public';
  actorId: string | null;
  organisationId?: string | null;
  requestId?: string | null;
}

/** One audit entry; `detail` holds names, counts and ids, never a hash list or an image. */
export interface AuditRecord {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;

/** What this module needs of the job queue: the outbox write. */
export interface JobEnqueuer {
  enqueue<Data extends object>(executor: AnyExecutor, name: string, data: Data, options?: { key?: string }): Promise<string | null>;
}
