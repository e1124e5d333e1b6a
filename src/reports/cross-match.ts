import { hamming } from '../media/pdq/index.js';
import type { ReportContext } from './context.js';
import { hashesAfter, linkNear, linkOnKeys, type NearPairs, type OwnHash } from './link-statements.js';
import { hashOfBytes, linkable, PAGE, type ReportPdqIndex } from './pdq-links.js';

/**
 * The follow-up of every intake (the "recoupement" of PHAROS): links each new report, or a
 * report that received new information or new keys, to every other report that shares a
 * match key with it (match-keys.ts: a URL, an account, an e-mail, a phone, a profile, a
 * media hash, a reported person's identity; the URL analysis's canonical URL and domain and
 * path) or whose media is within the PDQ distance of its own — in both directions, one row
 * per reason — and merges their clusters, so that an analyst sees every linked report and
 * no one investigates twice.
 *
 * Two calls to the database (link-functions.ts), each under the linking lock that the jobs
 * of every process take in turn, each committed: the first numbers the reports' PDQ hashes,
 * writes their links on match keys, merges the clusters and answers the hashes numbered
 * since this process's index last read; the index catches up (so it holds every hash of
 * every earlier report) and looks the reports' hashes up; the second writes the links to
 * near duplicates and merges the clusters. A report without a PDQ hash needs the first
 * call only. Any pair of reports is found by the later of the two to be numbered.
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

/** Near duplicates of these reports' hashes: in the index (hashes of earlier jobs), and among themselves. */
function nearDuplicates(index: ReportPdqIndex, own: readonly OwnHash[]): NearPairs {
  const near: NearPairs = { reportOfSeq: [], seqs: [], pairA: [], pairB: [] };
  const { maxDistance, qualityFloor } = index.settings;
  const usable = own.filter((hash) => linkable(hash.quality, qualityFloor)).map((hash) => ({ ...hash, words: hashOfBytes(hash.pdq) }));
  for (const hash of usable) {
    for (const seq of index.near(hash.words, linksPerKey + 1)) {
      near.reportOfSeq.push(hash.reportId);
      near.seqs.push(String(seq));
    }
  }
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const [a, b] = [usable[i]!, usable[j]!];
      if (a.reportId !== b.reportId && hamming(a.words, b.words) <= maxDistance) {
        near.pairA.push(a.reportId);
        near.pairB.push(b.reportId);
      }
    }
  }
  return near;
}

export async function crossMatch(ctx: ReportContext, reportIds: readonly string[]): Promise<number> {
  if (reportIds.length === 0) return 0;
  const ids = [...new Set(reportIds)];
  const index = ctx.pdqIndex;
  const onKeys = await linkOnKeys(ctx.db, ids, index.seen, index.loaded ? PAGE : 0, linksPerKey);
  if (!onKeys.own.some((hash) => linkable(hash.quality, index.settings.qualityFloor))) return onKeys.linked;
  if (index.loaded) {
    index.absorb(onKeys.fresh);
    for (let page = onKeys.fresh; page.length === PAGE;) {
      page = await hashesAfter(ctx.db, index.seen, onKeys.before, PAGE);
      index.absorb(page);
    }
  } else {
    // The first job of a process that meets a PDQ hash loads the index (seconds, outside the lock).
    await index.ensureLoaded();
  }
  return onKeys.linked + (await linkNear(ctx.db, nearDuplicates(index, onKeys.own)));
}
