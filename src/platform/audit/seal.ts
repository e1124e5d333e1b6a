import { sql, type Kysely } from 'kysely';
import type { AuditDetail, AuditRecord } from './entry.js';
import { appendToChain, atText } from './record.js';

/** The advisory lock that makes sealers take turns (any constant unique to the audit log). */
const APPEND_LOCK = 0x5649_4749_4541;

type PendingRow = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'detail'> & { id: string; detail: string };

/**
 * Chains the pending audit entries into the log and removes them from the pending table,
 * a batch per transaction. Only entries of committed transactions are visible here, so an
 * entry whose transaction still runs is chained by a later call, after the ones chained
 * now: the chain's order is the order in which entries became final. Returns how many
 * entries it chained; when another process is sealing at that moment, it leaves the work to it.
 */
export async function sealAudit<Tables>(db: Kysely<Tables>, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  let sealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (trx) => {
      const lock = await sql<{ taken: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(APPEND_LOCK)}) as taken`.execute(trx);
      if (!lock.rows[0]?.taken) return -1;
      const { rows } = await sql<PendingRow>`
        select id::text as id, ${atText('at')} as at, actor_type as "actorType", actor_id as "actorId",
          organisation_id as "organisationId", action, subject_type as "subjectType", subject_id as "subjectId",
          request_id as "requestId", detail::text as detail
        from audit_pending
        order by id limit ${batchSize}`.execute(trx);
      await appendToChain(
        trx,
        rows.map(({ id: _id, detail, ...fields }) => ({ ...fields, detail: JSON.parse(detail) as AuditDetail })),
      );
      if (rows.length > 0) {
        await sql`delete from audit_pending where id = any(${rows.map((r) => r.id)}::bigint[])`.execute(trx);
      }
      return rows.length;
    });
    if (count < 0) return sealed;
    sealed += count;
    if (count < batchSize) return sealed;
  }
}

/** How many entries wait to be chained, and since when. */
export async function pendingAudit<Tables>(db: Kysely<Tables>): Promise<{ count: number; oldest: string | null }> {
  const { rows } = await sql<{ count: string; oldest: string | null }>`
    select count(*)::text as count, ${atText('min(at)')} as oldest from audit_pending`.execute(db);
  return { count: Number(rows[0]?.count ?? 0), oldest: rows[0]?.oldest ?? null };
}

export interface AuditSealer {
  /** Stops the timer, waits for a running pass, then seals what is left. */
  stop(): Promise<void>;
}

/** Seals pending entries every `intervalMs` in the background of a long-running process. */
export function startAuditSealer<Tables>(
  db: Kysely<Tables>,
  options: { intervalMs: number; onError: (error: unknown) => void },
): AuditSealer {
  let running: Promise<unknown> = Promise.resolve();
  const pass = () => {
    running = running.then(() => sealAudit(db)).catch(options.onError);
  };
  const timer = setInterval(pass, options.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      pass();
      await running;
    },
  };
}
