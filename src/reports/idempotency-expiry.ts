import { sql } from 'kysely';
import type { ReportContext } from './context.js';

/**
 * Idempotency claims expire: a partner retries within minutes or hours, not months, and a
 * claim kept forever is a table that only grows. A claim older than the deployment's
 * retention (`VIGIE_IDEMPOTENCY_RETENTION_DAYS`) is deleted; a retry after that is a new
 * request. The job is asked for periodically and is idempotent: what is gone is not found again.
 */
export const expireIdempotencyJob = 'report.expire-idempotency';
export interface ExpireIdempotencyData {
  retentionDays: number;
}

/** Rows deleted per statement, so that a first run on a large table does not hold one long transaction. */
const batch = 1000;
const dayMs = 24 * 60 * 60 * 1000;

export async function expireIdempotencyClaims(ctx: ReportContext, retentionDays: number): Promise<number> {
  const before = new Date(ctx.now().getTime() - retentionDays * dayMs);
  let deleted = 0;
  for (;;) {
    const { rows } = await sql<{ key: string }>`
      delete from report_idempotency where (owner_kind, owner_id, key) in (
        select owner_kind, owner_id, key from report_idempotency
        where created_at < ${before} order by created_at limit ${batch} for update skip locked)
      returning key`.execute(ctx.db);
    deleted += rows.length;
    if (rows.length < batch) return deleted;
  }
}
