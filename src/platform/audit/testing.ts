import { sql, type Kysely } from 'kysely';
import type { AuditEntry, AuditRecord } from './entry.js';
import { selectRecords } from './log-reader.js';
import { recordAudit } from './record.js';
import { sealAudit } from './seal.js';

/** For this module's tests: records one entry in its own transaction, seals it, returns it as chained. */
export async function recordSealed<Tables>(db: Kysely<Tables>, entry: AuditEntry): Promise<AuditRecord> {
  await db.transaction().execute((trx) => recordAudit(trx, entry));
  await sealAudit(db);
  const [last] = await selectRecords(db, sql`true`, 'desc', 1);
  if (!last) throw new Error('nothing was sealed');
  return last;
}
