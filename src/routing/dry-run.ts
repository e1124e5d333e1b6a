import { Problem } from '../platform/http/index.js';
import type { PlannedReferral } from '../referrals/index.js';
import type { RoutingContext } from './context.js';
import type { DryRunAnswer, DryRunQuery, DryRunReport } from './contracts.js';
import { evaluate } from './evaluate.js';
import { factsOf, type ReportFacts } from './facts.js';
import type { Trigger } from './model.js';
import type { RuleSet } from './rule-format.js';
import { rulesOf } from './versions.js';

/** The reports to run over: the ids given, or the newest received in the period, a page at a time. */
async function reportIdsOf(ctx: RoutingContext, query: DryRunQuery): Promise<string[]> {
  if (query.reportIds) return query.reportIds;
  const limit = query.limit ?? 100;
  const ids: string[] = [];
  let cursor: string | undefined;
  while (ids.length < limit) {
    const page = await ctx.deps.reports.listReports({
      ...(query.receivedFrom ? { receivedFrom: query.receivedFrom } : {}),
      ...(query.receivedTo ? { receivedTo: query.receivedTo } : {}),
      limit: Math.min(100, limit - ids.length),
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.reports.map((report) => report.id));
    if (!page.next) break;
    cursor = page.next;
  }
  return ids;
}

async function factsOrNull(ctx: RoutingContext, reportId: string): Promise<ReportFacts | null> {
  try {
    return await factsOf(ctx.deps, reportId);
  } catch (error) {
    if (error instanceof Problem && error.kind === 'not-found') return null;
    throw error;
  }
}

/**
 * What the job would decide for one report, at each trigger it went through: `received` if
 * a child was in immediate danger, `assessed` if it has a final assessment. As in the job, a
 * target is referred once, at the first trigger that names it.
 */
async function decide(ctx: RoutingContext, ruleSet: RuleSet, facts: ReportFacts) {
  const triggers: Trigger[] = [...(facts.urgent ? (['received'] as const) : []), ...(facts.assessment ? (['assessed'] as const) : [])];
  const fired: DryRunReport['fired'] = [];
  const referrals: (PlannedReferral & { trigger: Trigger })[] = [];
  for (const trigger of triggers) {
    const decided = evaluate(ruleSet, facts, trigger, ctx.deps.homeCountry);
    fired.push({ trigger, rules: decided.fired });
    for (const planned of await ctx.deps.referrals.planReferrals(decided.intents)) {
      if (!referrals.some((referral) => referral.target === planned.target)) referrals.push({ ...planned, trigger });
    }
  }
  return { fired, referrals };
}

/**
 * Runs a version of the rules — a draft or any other — over stored reports and shows, per
 * report, which rules fire and which referrals they would make, and which of those the
 * report already has. Nothing is written.
 */
export async function dryRun(ctx: RoutingContext, version: number, query: DryRunQuery): Promise<DryRunAnswer> {
  const ruleSet = await rulesOf(ctx, version);
  const ids = await reportIdsOf(ctx, query);
  const existing = new Map((await ctx.deps.referrals.targetsOf(ids)).map((row) => [`${row.reportId} ${row.target}`, row.referralId]));
  const reports: DryRunReport[] = [];
  const byKind: Record<string, number> = {};
  let fresh = 0;
  for (const reportId of ids) {
    const facts = await factsOrNull(ctx, reportId);
    if (!facts) continue;
    const { fired, referrals } = await decide(ctx, ruleSet, facts);
    reports.push({
      reportId,
      receivedAt: facts.receivedAt,
      fired,
      hostingComplete: facts.hostingComplete,
      referrals: referrals.map((referral) => {
        const existingReferralId = existing.get(`${reportId} ${referral.target}`) ?? null;
        byKind[referral.kind] = (byKind[referral.kind] ?? 0) + 1;
        if (existingReferralId === null) fresh += 1;
        return {
          trigger: referral.trigger,
          ruleId: referral.ruleId,
          kind: referral.kind,
          target: referral.target,
          organisation: referral.organisationId ? { id: referral.organisationId, name: referral.organisationName ?? '' } : null,
          addressee: referral.addressee,
          countries: referral.countries,
          itemIds: referral.itemIds,
          unassigned: referral.kind !== 'notice' && referral.organisationId === null,
          existingReferralId,
        };
      }),
    });
  }
  const total = reports.reduce((sum, report) => sum + report.referrals.length, 0);
  return {
    version,
    homeCountry: ctx.deps.homeCountry,
    reports,
    summary: { reports: reports.length, referrals: total, new: fresh, byKind },
  };
}
