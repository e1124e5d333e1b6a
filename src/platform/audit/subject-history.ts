import { sql } from 'kysely';
import type { AuditDetail } from './entry.js';
import type { AuditReader } from './log-reader.js';
import { atText } from './record.js';

/** One step in a subject's history, chained (`seq`) or still waiting for the sealer (`seq` null). */
export interface HistoryEntry {
  seq: string | null;
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  detail: AuditDetail;
}

type RawEntry = Omit<HistoryEntry, 'detail'> & { detail: string };

/**
 * What happened to one subject, newest first: the log's entries and those the sealer has
 * not chained yet (written by transactions that committed a moment ago), so that a step is
 * in the history as soon as its transaction commits.
 */
export async function readSubjectHistory<Tables>(
  db: AuditReader<Tables>,
  subject: { type: string; id: string },
  limit: number,
): Promise<HistoryEntry[]> {
  const { rows } = await sql<RawEntry>`
    select * from (
      select null::text as seq, ${atText('at')} as at, actor_type as "actorType", actor_id as "actorId", action,
        detail::text as detail, id as ord, 1 as pending
      from audit_pending where subject_type = ${subject.type} and subject_id = ${subject.id}
      union all
      (select seq::text, ${atText('at')}, actor_type, actor_id, action, detail::text, seq, 0
      from audit_log where subject_type = ${subject.type} and subject_id = ${subject.id}
      order by audit_log.seq desc limit ${limit})
    ) entries
    order by at desc, pending desc, ord desc
    limit ${limit}`.execute(db);
  return rows.map(({ seq, at, actorType, actorId, action, detail }) => ({
    seq,
    at,
    actorType,
    actorId,
    action,
    detail: JSON.parse(detail) as AuditDetail,
  }));
}
