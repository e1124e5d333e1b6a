import { Problem } from '../platform/http/index.js';
import type { RoutingContext } from './context.js';
import { evaluate } from './evaluate.js';
import { factsOf, type ReportFacts } from './facts.js';
import { hostingWaits, routeJob, type RouteData, type Trigger } from './model.js';
import { activeRules } from './versions.js';

export type RouteResult =
  | { outcome: 'routed'; version: number; fired: string[]; created: string[]; existing: string[] }
  | { outcome: 'waiting'; seconds: number }
  | { outcome: 'skipped'; reason: 'no-report' | 'not-assessed' | 'no-active-rules' };

async function readFacts(ctx: RoutingContext, reportId: string): Promise<ReportFacts | null> {
  try {
    return await factsOf(ctx.deps, reportId);
  } catch (error) {
    if (error instanceof Problem && error.kind === 'not-found') return null;
    throw error;
  }
}

/**
 * Routes one report under the active rules: reads its facts, evaluates the rules for this
 * trigger, resolves the referrals and records them with the decision (referrals module, one
 * transaction). Idempotent: a report is referred once to a target, so a retry adds nothing.
 *
 * At `assessed`, a report whose URLs are not all analysed yet is put off (a new job, after
 * `hostingWaits`), so that rules on hosting see where its content is; after the last wait it
 * is routed with what is known. At `received` (a child in immediate danger) it never waits.
 */
export async function routeReport(ctx: RoutingContext, data: RouteData, jobId: string): Promise<RouteResult> {
  const { reportId, trigger } = data;
  const facts = await readFacts(ctx, reportId);
  if (!facts) return { outcome: 'skipped', reason: 'no-report' };
  if (trigger === 'assessed' && !facts.assessment) return { outcome: 'skipped', reason: 'not-assessed' };
  const waited = data.waited ?? 0;
  const wait = hostingWaits[waited];
  if (trigger === 'assessed' && !facts.hostingComplete && wait !== undefined) {
    await ctx.deps.jobs.enqueue(ctx.root, routeJob, { reportId, trigger, waited: waited + 1 } satisfies RouteData, {
      startAfterSeconds: wait,
    });
    ctx.deps.logger?.info({ jobId, reportId, waitSeconds: wait }, 'routing waits for the URL analysis');
    return { outcome: 'waiting', seconds: wait };
  }
  const rules = await activeRules(ctx);
  if (!rules) {
    ctx.deps.logger?.warn({ jobId, reportId }, 'no routing rules are active: the report is not routed');
    return { outcome: 'skipped', reason: 'no-active-rules' };
  }
  const decided = evaluate(rules.ruleSet, facts, trigger, ctx.deps.homeCountry);
  const planned = await ctx.deps.referrals.planReferrals(decided.intents);
  const outcome = await ctx.deps.referrals.recordRouting({
    reportId,
    urgent: facts.urgent,
    trigger,
    ruleVersion: rules.version,
    firedRules: decided.fired,
    referrals: planned,
    jobId,
    hostingComplete: facts.hostingComplete,
  });
  const unassigned = planned.filter((referral) => referral.kind !== 'notice' && referral.organisationId === null).map((r) => r.target);
  if (unassigned.length > 0)
    ctx.deps.logger?.warn({ jobId, reportId, unassigned }, 'routing named addressees no organisation is mapped to');
  ctx.deps.logger?.info({ jobId, reportId, trigger, version: rules.version, created: outcome.created.length }, 'report routed');
  return { outcome: 'routed', version: rules.version, fired: decided.fired, ...outcome };
}

/** The intake follow-up: each report whose child is in immediate danger, routed at once. */
export async function routeAtIntake(ctx: RoutingContext, reportIds: readonly string[], jobId: string): Promise<RouteResult[]> {
  const results: RouteResult[] = [];
  for (const reportId of reportIds) results.push(await routeReport(ctx, { reportId, trigger: 'received' satisfies Trigger }, jobId));
  return results;
}
