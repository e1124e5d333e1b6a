import { sql, type Transaction } from 'kysely';
import type { NumberedHash } from './pdq-links.js';
import type { ReportTables } from './tables.js';

/**
 * The statements of the linking job (cross-match.ts), in one transaction under its lock,
 * each one round trip to a function of link-functions.ts (whose plans the database keeps).
 *
 * The transaction commits without waiting for the disk (`synchronous_commit` off, set by
 * `report_linking_start`): links and clusters are derived data, and the job is marked
 * done only by a later commit that does wait, which writes this one to disk first (the
 * log is written in order); a crash before that runs the job again.
 */

export interface OwnHash extends NumberedHash {
  reportId: string;
}

/**
 * Takes the linking lock, numbers these reports' PDQ hashes not numbered yet, and answers
 * every numbered hash of theirs (`own`, those numbered now included), up to `page` hashes
 * numbered after `seen` by earlier jobs (`fresh`, for the in-memory index) and the last
 * number given before this job (`before`).
 */
export async function startLinking(
  trx: Transaction<ReportTables>,
  reportIds: readonly string[],
  seen: number,
  page: number,
): Promise<{ own: OwnHash[]; fresh: NumberedHash[]; before: number }> {
  const { rows } = await sql<{
    part: 'before' | 'own' | 'fresh';
    seq: string;
    report_id: string | null;
    pdq: Uint8Array;
    quality: number | null;
  }>`
    select part, seq::text as seq, report_id, pdq, quality from report_linking_start(${[...reportIds]}::uuid[], ${seen}, ${page})`.execute(
    trx,
  );
  const own: OwnHash[] = [];
  const fresh: NumberedHash[] = [];
  let before = 0;
  for (const row of rows) {
    if (row.part === 'before') before = Number(row.seq);
    else if (row.part === 'own') own.push({ seq: row.seq, reportId: row.report_id!, pdq: row.pdq, quality: row.quality });
    else fresh.push({ seq: row.seq, pdq: row.pdq, quality: row.quality });
  }
  return { own, fresh, before };
}

/** Hashes numbered after `seen` and up to `before` by earlier jobs, a page at a time: a process that fell far behind. */
export async function hashesAfter(trx: Transaction<ReportTables>, seen: number, before: number, page: number): Promise<NumberedHash[]> {
  const { rows } = await sql<NumberedHash>`
    select h.seq::text as seq, h.pdq, h.quality from report_pdq_hashes h
    where h.seq > ${seen} and h.seq <= ${before} order by h.seq limit ${page}`.execute(trx);
  return rows;
}

/** A link just written, with the clusters its two reports were in before (null: alone). */
export interface NewLink {
  a: string;
  b: string;
  aCluster: string | null;
  aSize: number | null;
  bCluster: string | null;
  bSize: number | null;
}

/** Near duplicates found in memory: a report and a hash's number, or two reports. */
export interface NearPairs {
  reportOfSeq: string[];
  seqs: string[];
  pairA: string[];
  pairB: string[];
}

/**
 * Writes, both ways, the links of these reports to every report sharing a match key with
 * them (at most `perKey` per key) and to the near duplicates found in memory; answers the
 * pairs newly linked (once each) with their reports' clusters.
 */
export async function writeLinks(
  trx: Transaction<ReportTables>,
  reportIds: readonly string[],
  near: NearPairs,
  perKey: number,
): Promise<NewLink[]> {
  const { rows } = await sql<NewLink>`
    select a, b, a_cluster as "aCluster", a_size as "aSize", b_cluster as "bCluster", b_size as "bSize"
    from report_linking_write(${[...reportIds]}::uuid[], ${near.reportOfSeq}::uuid[], ${near.seqs}::bigint[],
                              ${near.pairA}::uuid[], ${near.pairB}::uuid[], ${perKey})`.execute(trx);
  return rows;
}

/** One merge of clusters (cluster-merge.ts decides it). */
export interface ClusterMerge {
  losers: string[];
  loserWinners: string[];
  winners: string[];
  winnerSizes: number[];
  lone: string[];
  loneWinners: string[];
}

export async function writeMerge(trx: Transaction<ReportTables>, merge: ClusterMerge): Promise<void> {
  await sql`
    select report_clusters_merge(${merge.losers}::uuid[], ${merge.loserWinners}::uuid[], ${merge.winners}::uuid[],
                                 ${merge.winnerSizes}::int[], ${merge.lone}::uuid[], ${merge.loneWinners}::uuid[])`.execute(trx);
}
