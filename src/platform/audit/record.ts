import { sql, type Transaction } from 'kysely';
import { chainHash } from './chain-hash.js';
import { actorTypes, type AuditDetail, type AuditEntry, type AuditRecord } from './entry.js';

/** The text form of a timestamptz that verifyAudit reads back: UTC, to the millisecond. */
export const atText = (column: string) => sql<string>`to_char(${sql.raw(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/;

/** A copy of the detail as jsonb will give it back (no undefined, no NaN), so the hash survives. */
function storedDetail(detail: AuditDetail | undefined): AuditDetail {
  const copy: unknown = JSON.parse(JSON.stringify(detail ?? {}));
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) {
    throw new Error('Audit detail must be a JSON object');
  }
  return copy as AuditDetail;
}

function checked(entry: AuditEntry): Omit<AuditRecord, 'seq' | 'at' | 'prevHash' | 'hash'> {
  if (!actorTypes.includes(entry.actorType)) throw new Error(`Unknown audit actor type ${String(entry.actorType)}`);
  if (!ACTION.test(entry.action)) throw new Error(`Audit action ${JSON.stringify(entry.action)} is not <subject>.<verb>`);
  return {
    actorType: entry.actorType,
    actorId: entry.actorId ?? null,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    requestId: entry.requestId ?? null,
    detail: storedDetail(entry.detail),
  };
}

/**
 * Writes an entry of the audit log inside the caller's transaction, so that the entry
 * exists if and only if the change it records is committed. It takes no lock: the sealer
 * (`sealAudit`) chains it by its hash within moments of the commit.
 */
export async function recordAudit<Tables>(trx: Transaction<Tables>, entry: AuditEntry): Promise<void> {
  if (!trx.isTransaction) {
    throw new Error('recordAudit must run in the transaction of the change it records');
  }
  const fields = checked(entry);
  await sql`
    insert into audit_pending (actor_type, actor_id, organisation_id, action, subject_type, subject_id, request_id, detail)
    values (${fields.actorType}, ${fields.actorId}, ${fields.organisationId}, ${fields.action}, ${fields.subjectType},
      ${fields.subjectId}, ${fields.requestId}, ${JSON.stringify(fields.detail)}::text::jsonb)`.execute(trx);
}

/** Several entries in one statement, in the caller's transaction (a group-committed batch). */
export async function recordAudits<Tables>(trx: Transaction<Tables>, entries: readonly AuditEntry[]): Promise<void> {
  if (!trx.isTransaction) {
    throw new Error('recordAudits must run in the transaction of the change it records');
  }
  if (entries.length === 0) return;
  const rows = entries.map((entry) => {
    const fields = checked(entry);
    return sql`(${fields.actorType}, ${fields.actorId}, ${fields.organisationId}, ${fields.action}, ${fields.subjectType},
      ${fields.subjectId}, ${fields.requestId}, ${JSON.stringify(fields.detail)}::text::jsonb)`;
  });
  await sql`
    insert into audit_pending (actor_type, actor_id, organisation_id, action, subject_type, subject_id, request_id, detail)
    values ${sql.join(rows)}`.execute(trx);
}

/**
 * Appends entries to the hash chain, in order, with one INSERT per few hundred entries and
 * one move of the head; the caller holds the append lock (see seal.ts).
 */
export async function appendToChain<Tables>(
  trx: Transaction<Tables>,
  entries: readonly Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>[],
): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  const { rows } = await sql<{ last_seq: string; last_hash: string }>`
    select last_seq::text as last_seq, last_hash from audit_head`.execute(trx);
  const head = rows[0];
  if (!head) throw new Error('The audit head is missing: the audit migrations have not run');
  let seq = BigInt(head.last_seq);
  let prevHash = head.last_hash;
  const records = entries.map((fields): AuditRecord => {
    seq += 1n;
    const unhashed = { seq: seq.toString(), ...fields };
    const record = { ...unhashed, prevHash, hash: chainHash(prevHash, unhashed) };
    prevHash = record.hash;
    return record;
  });
  for (let from = 0; from < records.length; from += 500) {
    const values = records.slice(from, from + 500).map(
      (r) => sql`(${r.seq}::bigint, ${r.at}::timestamptz, ${r.actorType}, ${r.actorId}, ${r.organisationId}, ${r.action},
        ${r.subjectType}, ${r.subjectId}, ${r.requestId}, ${JSON.stringify(r.detail)}::text::jsonb, ${r.prevHash}, ${r.hash})`,
    );
    await sql`
      insert into audit_log (seq, at, actor_type, actor_id, organisation_id, action, subject_type, subject_id,
        request_id, detail, prev_hash, hash)
      values ${sql.join(values)}`.execute(trx);
  }
  const last = records.at(-1)!;
  await sql`update audit_head set last_seq = ${last.seq}::bigint, last_hash = ${last.hash}`.execute(trx);
  return records;
}
