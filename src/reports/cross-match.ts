import { sql } from 'kysely';
import type { ReportContext } from './context.js';

/**
 * The follow-up of every intake (the "recoupement" of PHAROS): links each new report, or
 * a report that received new information, to every other report that shares a match key
 * with it — the same URL, account, e-mail, phone, profile or media hash — in both
 * directions, so that an analyst sees every linked report and no one investigates twice.
 *
 * Idempotent: a link is written once (primary key), so running the job again after a crash
 * or a retry adds nothing. Reports that arrive later are linked by their own job.
 */
export async function crossMatch(ctx: ReportContext, reportIds: readonly string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  return ctx.change(async (trx) => {
    const result = await sql`
      insert into report_links (report_id, linked_report_id, kind)
      select pair.report_id, pair.linked_report_id, pair.kind
      from (
        select mine.report_id, theirs.report_id as linked_report_id, mine.kind
        from report_match_keys mine
        join report_match_keys theirs on theirs.kind = mine.kind and theirs.value = mine.value and theirs.report_id <> mine.report_id
        where mine.report_id = any(${[...reportIds]}::uuid[])
        union
        select theirs.report_id, mine.report_id, mine.kind
        from report_match_keys mine
        join report_match_keys theirs on theirs.kind = mine.kind and theirs.value = mine.value and theirs.report_id <> mine.report_id
        where mine.report_id = any(${[...reportIds]}::uuid[])
      ) pair
      on conflict do nothing`.execute(trx);
    return Number(result.numAffectedRows ?? 0n);
  });
}
