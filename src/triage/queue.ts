import { queueStages } from '../reports/index.js';
import { claimViewOf } from './claims.js';
import type { TriageContext } from './context.js';
import type { QueueCounts, QueueFilter, QueuePage } from './contracts.js';
import { priorityReasonsOf, purposeOfStage } from './model.js';
import { activeClaims, assessmentsOfReports, reviewsOfReports } from './store.js';
import { assessmentViewOf } from './views.js';

/**
 * The queue, in the reports' priority order (reports module), with what triage knows of
 * each: the claim that holds it, the assessment under review or disputed, with the second
 * analyst's disagreement. `claimed` and `mine` filter on the claims held now, which are few
 * (each analyst holds at most `maxClaimsPerAnalyst`, and each expires).
 */
export async function queue(ctx: TriageContext, viewer: { userId: string }, filter: QueueFilter): Promise<QueuePage> {
  const now = ctx.now();
  const claims = await activeClaims(ctx.db, now);
  const held = claims.map((claim) => claim.report_id);
  const mine = claims.filter((claim) => claim.claimed_by === viewer.userId).map((claim) => claim.report_id);
  let onlyIds: string[] | undefined;
  let exceptIds: string[] | undefined;
  if (filter.mine) onlyIds = filter.claimed === false ? [] : mine;
  else if (filter.claimed === true) onlyIds = held;
  else if (filter.claimed === false) exceptIds = held;
  const page = await ctx.reports.assessmentQueue({
    stages: filter.stage ?? queueStages,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.urgent !== undefined ? { urgent: filter.urgent } : {}),
    ...(filter.knownContent !== undefined ? { knownContent: filter.knownContent } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.ageGroup ? { ageGroup: filter.ageGroup } : {}),
    ...(filter.waitingHours ? { receivedBefore: new Date(now.getTime() - filter.waitingHours * 3_600_000) } : {}),
    ...(onlyIds ? { onlyIds } : {}),
    ...(exceptIds ? { exceptIds } : {}),
    limit: filter.limit ?? 50,
    ...(filter.cursor ? { cursor: filter.cursor } : {}),
  });
  const ids = page.reports.map((report) => report.id);
  const [assessments, reviews] = await Promise.all([assessmentsOfReports(ctx.db, ids), reviewsOfReports(ctx.db, ids)]);
  return {
    items: page.reports.map(({ stage, ...report }) => {
      const claim = claims.find((candidate) => candidate.report_id === report.id);
      const current = assessments.filter((row) => row.report_id === report.id).at(-1);
      const review = current ? reviews.find((row) => row.assessment_id === current.id) : undefined;
      return {
        report,
        stage,
        priorityReasons: priorityReasonsOf(report),
        claim: claim ? claimViewOf(claim) : null,
        assessment: current ? assessmentViewOf(current, review) : null,
      };
    }),
    next: page.next,
  };
}

/** How many reports wait at each stage, of which urgent, with known content, claimed now; and how many I hold. */
export async function queueCounts(ctx: TriageContext, viewer: { userId: string }): Promise<QueueCounts> {
  const [stages, claims] = await Promise.all([ctx.reports.assessmentCounts(), activeClaims(ctx.db, ctx.now())]);
  const countsOf = (stage: (typeof queueStages)[number]) => {
    const found = stages.find((candidate) => candidate.stage === stage);
    return {
      total: found?.total ?? 0,
      urgent: found?.urgent ?? 0,
      knownContent: found?.knownContent ?? 0,
      claimed: claims.filter((claim) => claim.purpose === purposeOfStage[stage]).length,
    };
  };
  return {
    stages: { awaiting: countsOf('awaiting'), confirming: countsOf('confirming'), disputed: countsOf('disputed') },
    mine: claims.filter((claim) => claim.claimed_by === viewer.userId).length,
  };
}
