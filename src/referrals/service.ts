import { bindContext as bind } from '../platform/context/index.js';
import * as addressees from './addressees.js';
import { clusterWithReferrals } from './cluster.js';
import { ReferralContext, type ReferralDeps } from './context.js';
import { recordRouting } from './create.js';
import { escalateOverdue } from './escalation.js';
import { readReferredReport } from './grants.js';
import * as list from './list.js';
import { escalateOverdueJob } from './model.js';
import { planReferrals } from './plan.js';
import { confirmedRemovals } from './removals.js';
import type { JobDefiner } from './ports.js';
import * as serviceLevels from './service-levels.js';
import { changeStatus, changeStatusIn } from './status.js';

/** Referrals: made by routing, followed by the receiving organisations, watched by supervisors. */
export function createReferralService(deps: ReferralDeps) {
  const ctx = new ReferralContext(deps);
  return {
    planReferrals: bind(ctx, planReferrals),
    recordRouting: bind(ctx, recordRouting),
    listReferrals: bind(ctx, list.listReferrals),
    readReferral: bind(ctx, list.readReferral),
    changeStatus: bind(ctx, changeStatus),
    readReferredReport: bind(ctx, readReferredReport),
    listEscalations: bind(ctx, list.listEscalations),
    escalateOverdue: bind(ctx, escalateOverdue),
    referralsOf: bind(ctx, list.referralsOf),
    targetsOf: bind(ctx, list.targetsOf),
    openNotices: bind(ctx, list.openNotices),
    confirmedRemovals: bind(ctx, confirmedRemovals),
    changeStatusIn: bind(ctx, changeStatusIn),
    clusterWithReferrals: bind(ctx, clusterWithReferrals),
    listAddressees: bind(ctx, addressees.listAddressees),
    setAddressee: bind(ctx, addressees.setAddressee),
    listServiceLevels: bind(ctx, serviceLevels.listServiceLevels),
    setServiceLevel: bind(ctx, serviceLevels.setServiceLevel),
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;

/** Declares the escalation job on the queue (before it starts); main.ts asks for it periodically. */
export function defineReferralJobs(jobs: JobDefiner, referrals: ReferralService): void {
  jobs.define<object>(
    escalateOverdueJob,
    async () => {
      await referrals.escalateOverdue();
    },
    { retryLimit: 5, expireSeconds: 600 },
  );
}
