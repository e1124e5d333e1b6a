import { hamming } from '../media/pdq/index.js';
import { mergeClusters } from './cluster-merge.js';
import type { ReportContext } from './context.js';
import { hashesAfter, startLinking, writeLinks, type NearPairs, type OwnHash } from './link-statements.js';
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
 * One transaction under one lock, which every process's job takes in turn
 * (link-statements.ts): the PDQ hashes are numbered, the in-memory index catches up with
 * the hashes numbered before (so it holds every hash of every earlier report), the links
 * are written and the clusters merged. Four round trips when nothing is merged (begin,
 * start, links, commit), five otherwise. The first job of a process that meets a PDQ hash
 * commits only the numbering, loads the index, and runs again.
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
  for (;;) {
    const linked = await ctx.change(async (trx) => {
      const { own, fresh, before } = await startLinking(trx, ids, index.seen, index.loaded ? PAGE : 0);
      // A process loads the index the first time it links media, outside the lock (it may take seconds), then links again.
      if (!index.loaded && own.some((hash) => linkable(hash.quality, index.settings.qualityFloor))) return null;
      index.absorb(fresh);
      for (let page = fresh; page.length === PAGE;) {
        page = await hashesAfter(trx, index.seen, before, PAGE);
        index.absorb(page);
      }
      const links = await writeLinks(trx, ids, nearDuplicates(index, own), linksPerKey);
      await mergeClusters(trx, links);
      return links.length;
    });
    if (linked !== null) return linked;
    await index.ensureLoaded();
  }
}
