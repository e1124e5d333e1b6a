import type { Transaction } from 'kysely';
import type { AnyDatabase } from '../platform/store/index.js';

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
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export type AuditWriter = (trx: Transaction<AnyDatabase>, actor: Actor, record: AuditRecord) => Promise<void>;
