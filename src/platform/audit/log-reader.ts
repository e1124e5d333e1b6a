import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { AuditDetail, AuditRecord } from './entry.js';
import { atText } from './record.js';

/** Any database or transaction that holds the audit tables. */
export type AuditReader<Tables> = Kysely<Tables> | Transaction<Tables>;

type RawRecord = Omit<AuditRecord, 'detail'> & { detail: string };

/**
 * Every column, in the text forms the hash was computed over. The aliases hide the columns
 * in `order by`, which must name `audit_log.seq` (the alias would sort seqs as text).
 */
const recordColumns = sql`seq::text as seq, ${atText('at')} as at, actor_type as "actorType", actor_id as "actorId",
  organisation_id as "organisationId", action, subject_type as "subjectType", subject_id as "subjectId",
  request_id as "requestId", detail::text as detail, prev_hash as "prevHash", hash`;

function toRecord(raw: RawRecord): AuditRecord {
  return { ...raw, detail: JSON.parse(raw.detail) as AuditDetail };
}

/** Entries matching `where`, in the given order, at most `limit`. */
export async function selectRecords<Tables>(
  db: AuditReader<Tables>,
  where: RawBuilder<unknown>,
  order: 'asc' | 'desc',
  limit: number,
): Promise<AuditRecord[]> {
  const { rows } = await sql<RawRecord>`
    select ${recordColumns} from audit_log where ${where}
    order by audit_log.seq ${sql.raw(order)} limit ${limit}`.execute(db);
  return rows.map(toRecord);
}

export interface AuditHead {
  lastSeq: bigint;
  lastHash: string;
}

export async function readHead<Tables>(db: AuditReader<Tables>): Promise<AuditHead> {
  const { rows } = await sql<{ last_seq: string; last_hash: string }>`
    select last_seq::text as last_seq, last_hash from audit_head`.execute(db);
  const head = rows[0];
  if (!head) throw new Error('The audit head is missing: the audit migrations have not run');
  return { lastSeq: BigInt(head.last_seq), lastHash: head.last_hash };
}

/**
 * Calls `visit` with every entry in seq order, a page at a time. When it reaches the end it
 * reads the head and goes on if entries were appended meanwhile; returns that final head.
 */
export async function walkLog<Tables>(
  db: AuditReader<Tables>,
  pageSize: number,
  visit: (record: AuditRecord) => Promise<void>,
): Promise<AuditHead> {
  let after = 0n;
  for (;;) {
    const page = await selectRecords(db, sql`seq > ${after.toString()}::bigint`, 'asc', pageSize);
    for (const record of page) await visit(record);
    const last = page.at(-1);
    if (last) after = BigInt(last.seq);
    if (page.length === pageSize) continue;
    const head = await readHead(db);
    if (head.lastSeq <= after) return head;
    const more = await selectRecords(db, sql`seq > ${after.toString()}::bigint`, 'asc', 1);
    if (more.length === 0) return head;
  }
}
