import { Problem } from '../platform/http/index.js';
import type { GrantedReport } from '../reports/index.js';
import type { ReferralContext } from './context.js';
import { reachableReferral, type ReferralViewer } from './list.js';
import { grantHolds, grants, type ReferralKind, type ReferralStatus } from './model.js';

/**
 * What the receiving organisation's staff read of a referred report: only the parts its kind
 * grants (model.ts, `grants`), decrypted by the reports module and audited there as a read
 * under this referral. The referral must be addressed to the reader's organisation, and its
 * grant must hold (a rejected referral grants nothing any more).
 */
export async function readReferredReport(
  ctx: ReferralContext,
  viewer: ReferralViewer,
  referralId: string,
): Promise<GrantedReport & { referralId: string; kind: ReferralKind; parts: string[] }> {
  const row = await reachableReferral(ctx.db, { ...viewer, any: false }, referralId);
  if (!grantHolds(row.status as ReferralStatus)) throw new Problem('forbidden');
  const kind = row.kind as ReferralKind;
  const parts = grants[kind];
  const granted = await ctx.reports.readGrantedReport(
    { actor: viewer.actor, grant: { subjectType: 'referral', subjectId: referralId } },
    row.report_id,
    parts,
  );
  return { referralId, kind, parts: [...parts], ...granted };
}
