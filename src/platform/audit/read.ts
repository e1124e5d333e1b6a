import { sql } from 'kysely';
import type { AuditRecord } from './entry.js';
import { selectRecords, type AuditReader } from './log-reader.js';

export interface AuditQuery {
  subjectType: string;
  subjectId: string;
  /** At most this many entries (default 50, at most 500). */
  limit?: number;
  /** Only entries before this seq: pass the last seq of a page to get the next one. */
  before?: string;
}

/** A subject's history, newest first. */
export async function readAudit<Tables>(db: AuditReader<Tables>, query: AuditQuery): Promise<AuditRecord[]> {
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), 500);
  if (query.before !== undefined && !/^\d{1,19}$/.test(query.before)) throw new Error('before must be a seq');
  const before = query.before === undefined ? sql`true` : sql`seq < ${query.before}::bigint`;
  return selectRecords(db, sql`subject_type = ${query.subjectType} and subject_id = ${query.subjectId} and ${before}`, 'desc', limit);
}
