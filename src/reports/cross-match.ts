import { sql } from 'kysely';
import { mergeClusters } from './cluster-merge.js';
import type { ReportContext } from './context.js';
import { hashOfBytes, linkable } from './pdq-links.js';

/**
 * The follow-up of every intake (the "recoupement" of PHAROS): links each new report, or a
 * report that received new information or new keys, to every other report that shares a
 * match key with it (match-keys.ts: a URL, an account, an e-mail, a phone, a profile, a
 * media hash, a reported person's identity; the URL analysis's canonical URL and domain and
 * path) or whose media is within the PDQ distance of its own — in both directions, one row
 * per reason — and merges their clusters, so that an analyst sees every linked report and
 * no one investigates twice.
 *
 * Idempotent: a link is written once (primary key), its clusters merged in the same
 * transaction, so running the job again after a crash or a retry adds nothing. Reports
 * that arrive later are linked by their own job.
 */

/**
 * At most this many reports are linked to a report for one shared key (or one PDQ hash).
 * A key shared by more (a viral picture, a site's home page) still puts every report that
 * holds it in one cluster — each is linked to earlier ones — without a quadratic number of
 * links.
 */
export const linksPerKey = 500;

/** The lock under which links are written and clusters merged, by every process in turn. */
const linkingLock = sql`pg_advisory_xact_lock(hashtextextended('vigie.report-links', 0))`;

interface RegisteredHash {
  seq: string;
  report_id: string;
  pdq: Uint8Array;
  quality: number | null;
}

/**
 * Numbers the PDQ hashes of these reports' media not numbered yet, under the version's row
 * lock (so numbers commit in order, pdq-links.ts), and returns every numbered hash of theirs.
 */
async function registerPdqHashes(ctx: ReportContext, reportIds: readonly string[]): Promise<RegisteredHash[]> {
  const ids = [...reportIds];
  const { rows } = await sql<RegisteredHash>`
    with fresh as (
      select i.id, i.report_id, decode(i.pdq, 'hex') as pdq, i.pdq_quality, row_number() over (order by i.id) as n
      from report_items i
      where i.report_id = any(${ids}::uuid[]) and i.pdq is not null
        and not exists (select 1 from report_pdq_hashes h where h.item_id = i.id)
    ),
    bumped as (
      update report_pdq_version set version = version + (select count(*) from fresh)
      where exists (select 1 from fresh)
      returning version
    ),
    added as (
      insert into report_pdq_hashes (seq, item_id, report_id, pdq, quality)
      select b.version - (select count(*) from fresh) + f.n, f.id, f.report_id, f.pdq, f.pdq_quality
      from fresh f cross join bumped b
      on conflict (item_id) do nothing
      returning seq, report_id, pdq, quality
    )
    select seq::text as seq, report_id, pdq, quality from added
    union all
    select seq::text, report_id, pdq, quality from report_pdq_hashes where report_id = any(${ids}::uuid[])`.execute(ctx.db);
  return rows;
}

/** For each of these hashes good enough to link on, the numbers of the hashes near it: `[report, number]`. */
async function nearDuplicates(ctx: ReportContext, hashes: readonly RegisteredHash[]): Promise<{ reports: string[]; seqs: string[] }> {
  const index = ctx.pdqIndex;
  const usable = hashes.filter((hash) => linkable(hash.quality, index.settings.qualityFloor));
  const reports: string[] = [];
  const seqs: string[] = [];
  if (usable.length === 0) return { reports, seqs };
  await index.current();
  for (const hash of usable) {
    for (const seq of index.near(hashOfBytes(hash.pdq), linksPerKey + 1)) {
      if (String(seq) === hash.seq) continue;
      reports.push(hash.report_id);
      seqs.push(String(seq));
    }
  }
  return { reports, seqs };
}

export async function crossMatch(ctx: ReportContext, reportIds: readonly string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  const ids = [...new Set(reportIds)];
  const near = await nearDuplicates(ctx, await registerPdqHashes(ctx, ids));
  return ctx.change(async (trx) => {
    await sql`select ${linkingLock}`.execute(trx);
    const { rows } = await sql<{ report_id: string; linked_report_id: string }>`
      with keyed as (
        select m.report_id, t.report_id as other, m.kind
        from report_match_keys m
        cross join lateral (
          select k.report_id from report_match_keys k
          where k.kind = m.kind and k.value = m.value and k.report_id <> m.report_id
          limit ${linksPerKey}
        ) t
        where m.report_id = any(${ids}::uuid[])
      ),
      near as (
        select c.report_id, h.report_id as other, 'pdq' as kind
        from unnest(${near.reports}::uuid[], ${near.seqs}::bigint[]) as c(report_id, seq)
        join report_pdq_hashes h on h.seq = c.seq
        where h.report_id <> c.report_id
      ),
      pairs as (select * from keyed union select * from near)
      insert into report_links (report_id, linked_report_id, kind)
      select report_id, other, kind from (select report_id, other, kind from pairs union select other, report_id, kind from pairs) both_ways
      order by report_id, other, kind
      on conflict do nothing
      returning report_id, linked_report_id`.execute(trx);
    await mergeClusters(
      trx,
      rows.map((row) => [row.report_id, row.linked_report_id]),
    );
    return rows.length;
  });
}
