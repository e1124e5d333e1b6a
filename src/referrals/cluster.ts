import type { ReferralContext } from './context.js';
import type { ClusterView, ReferralOfReport } from './contracts.js';
import { referralsOf } from './list.js';

/**
 * A report's cluster and who already handles each of its reports: the point of PHAROS, no
 * duplicate investigations. The cluster is the reports module's (`clusterOf`); where that is
 * not available, the report and the reports linked to it directly stand in.
 */
export async function clusterWithReferrals(ctx: ReferralContext, reportId: string): Promise<ClusterView> {
  const detail = await ctx.reports.readReport(reportId);
  const cluster = ctx.reports.clusterOf
    ? { source: 'cluster' as const, ...(await ctx.reports.clusterOf(reportId)) }
    : {
        source: 'direct-links' as const,
        reportIds: [reportId, ...detail.links.map((link) => link.reportId)],
        links: detail.links.map((link) => ({ a: reportId, b: link.reportId, reasons: link.kinds })),
      };
  const reportIds = [...new Set([reportId, ...cluster.reportIds])];
  const referrals = await referralsOf(ctx, reportIds);
  const ofReport = new Map<string, ReferralOfReport[]>(reportIds.map((id) => [id, []]));
  for (const referral of referrals) ofReport.get(referral.reportId)?.push(referral);
  const handlers = new Map<string, ClusterView['handledBy'][number]>();
  for (const referral of referrals) {
    const key = referral.organisationId ?? `name:${referral.organisationName ?? ''}`;
    const handler = handlers.get(key) ?? {
      organisationId: referral.organisationId,
      organisationName: referral.organisationName,
      kinds: [],
      reportIds: [],
    };
    if (!handler.kinds.includes(referral.kind)) handler.kinds.push(referral.kind);
    if (!handler.reportIds.includes(referral.reportId)) handler.reportIds.push(referral.reportId);
    handlers.set(key, handler);
  }
  return {
    reportId,
    source: cluster.source,
    reports: reportIds.map((id) => ({ reportId: id, referrals: ofReport.get(id) ?? [] })),
    links: cluster.links,
    handledBy: [...handlers.values()],
  };
}
