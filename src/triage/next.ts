import { Problem } from '../platform/http/index.js';
import { claimReport, type ClaimView } from './claims.js';
import type { TriageContext } from './context.js';
import type { QueueFilter } from './contracts.js';
import type { Analyst } from './eligibility.js';
import { queue } from './queue.js';

/** How many reports of the queue one request tries before it answers that none is free. */
const triesPerRequest = 100;

/**
 * Claims the first report of the queue (in its order, with these filters) that is free and
 * that this analyst may take — not their own assessment to confirm, a dispute only for a
 * senior analyst who took no part in it. Another analyst may take a report between the read
 * and the claim: that report is passed over. 404 when none is left.
 */
export async function claimNext(
  ctx: TriageContext,
  analyst: Analyst,
  filter: QueueFilter,
): Promise<{ claim: ClaimView; renewed: boolean }> {
  const stages = filter.stage ?? (analyst.mayResolve ? ['awaiting', 'confirming', 'disputed'] : ['awaiting', 'confirming']);
  let cursor = filter.cursor;
  let tried = 0;
  while (tried < triesPerRequest) {
    const page = await queue(ctx, analyst, {
      ...filter,
      stage: stages,
      claimed: false,
      mine: false,
      limit: 50,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) {
      tried += 1;
      if (item.stage === 'disputed' && !analyst.mayResolve) continue;
      if (item.stage !== 'awaiting' && item.assessment?.assessedBy === analyst.userId) continue;
      try {
        return await claimReport(ctx, analyst, item.report.id);
      } catch (error) {
        if (!(error instanceof Problem) || ![403, 404, 409].includes(error.status)) throw error;
        if (error.options.detail === 'detail.claim-limit') throw error;
      }
    }
    if (!page.next) break;
    cursor = page.next;
  }
  throw new Problem('not-found', { detail: 'detail.queue-empty' });
}
