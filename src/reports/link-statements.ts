import { sql, type Kysely } from 'kysely';
import type { NumberedHash } from './pdq-links.js';
import type { ReportTables } from './tables.js';

/**
 * The linking job's calls to the database (cross-match.ts), each one round trip to a
 * function of link-functions.ts that takes the linking lock, does its work and commits.
 */

export interface OwnHash extends NumberedHash {
  reportId: string;
}

export interface KeyLinking {
  /** Pairs newly linked. */
  linked: number;
  /** Every numbered PDQ hash of these reports, those numbered by this call included. */
  own: OwnHash[];
  /** Up to `page` hashes numbered after `seen` and up to `before` by earlier calls. */
  fresh: NumberedHash[];
  /** The last number given before this call. */
  before: number;
}

/** Numbers these reports' PDQ hashes, links them on their match keys and merges the clusters. */
export async function linkOnKeys(
  db: Kysely<ReportTables>,
  reportIds: readonly string[],
  seen: number,
  page: number,
  perKey: number,
): Promise<KeyLinking> {
  const { rows } = await sql<{
    part: 'linked' | 'before' | 'own' | 'fresh';
    seq: string;
    report_id: string | null;
    pdq: Uint8Array;
    quality: number | null;
  }>`
    select part, seq::text as seq, report_id, pdq, quality from report_link_keys(${[...reportIds]}::uuid[], ${seen}, ${page}, ${perKey})`.execute(
    db,
  );
  const result: KeyLinking = { linked: 0, own: [], fresh: [], before: 0 };
  for (const row of rows) {
    if (row.part === 'linked') result.linked = Number(row.seq);
    else if (row.part === 'before') result.before = Number(row.seq);
    else if (row.part === 'own') result.own.push({ seq: row.seq, reportId: row.report_id!, pdq: row.pdq, quality: row.quality });
    else result.fresh.push({ seq: row.seq, pdq: row.pdq, quality: row.quality });
  }
  return result;
}

/** Hashes numbered after `seen` and up to `before`, a page at a time: a process that fell far behind. */
export async function hashesAfter(db: Kysely<ReportTables>, seen: number, before: number, page: number): Promise<NumberedHash[]> {
  const { rows } = await sql<NumberedHash>`
    select h.seq::text as seq, h.pdq, h.quality from report_pdq_hashes h
    where h.seq > ${seen} and h.seq <= ${before} order by h.seq limit ${page}`.execute(db);
  return rows;
}

/** Near duplicates found in memory: a report and a hash's number, or two reports. */
export interface NearPairs {
  reportOfSeq: string[];
  seqs: string[];
  pairA: string[];
  pairB: string[];
}

/** Links near duplicates and merges the clusters; answers the pairs newly linked. */
export async function linkNear(db: Kysely<ReportTables>, near: NearPairs): Promise<number> {
  const { rows } = await sql<{ linked: number }>`
    select report_link_near(${near.reportOfSeq}::uuid[], ${near.seqs}::bigint[], ${near.pairA}::uuid[], ${near.pairB}::uuid[]) as linked`.execute(
    db,
  );
  return Number(rows[0]?.linked ?? 0);
}
