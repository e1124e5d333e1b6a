import { randomUUID } from 'node:crypto';
import type { ReferralContext } from './context.js';
import { initialStatus, type PlannedReferral } from './plan.js';
import { readServiceLevels } from './service-levels.js';

/** One routing decision about one report: the rules that fired and the referrals they make. */
export interface RoutingRun {
  reportId: string;
  urgent: boolean;
  trigger: string;
  ruleVersion: number;
  firedRules: readonly string[];
  referrals: readonly PlannedReferral[];
  jobId: string;
  /** False when the report's URLs were not all analysed yet: rules on hosting saw only part of it. */
  hostingComplete: boolean;
}

export interface RoutingOutcome {
  created: string[];
  /** Targets the report was already referred to (another trigger, a retry, another version). */
  existing: string[];
}

const system = { actorType: 'system', actorId: null } as const;

/**
 * Writes the referrals of a routing decision, their history, their audit entries and one
 * entry for the decision itself, in one transaction. A report is referred once to a target:
 * a retry, the same decision at another trigger or under another version adds nothing.
 */
export async function recordRouting(ctx: ReferralContext, run: RoutingRun): Promise<RoutingOutcome> {
  return ctx.change(async (trx, tools) => {
    const levels = await readServiceLevels(trx);
    const at = ctx.now();
    const created: string[] = [];
    const existing: string[] = [];
    for (const referral of run.referrals) {
      const level = levels[referral.kind][run.urgent ? 'urgent' : 'normal'];
      const id = randomUUID();
      const status = initialStatus(referral);
      const inserted = await trx
        .insertInto('referrals')
        .values({
          id,
          report_id: run.reportId,
          kind: referral.kind,
          target: referral.target,
          organisation_id: referral.organisationId,
          addressee: referral.addressee ? JSON.stringify(referral.addressee) : null,
          status,
          urgent: run.urgent,
          countries: referral.countries,
          item_ids: referral.itemIds,
          rule_version: run.ruleVersion,
          rule_id: referral.ruleId,
          trigger: run.trigger,
          deadline: new Date(at.getTime() + level.hours * 3_600_000),
          deadline_status: level.metAt,
          created_at: at,
          updated_at: at,
        })
        .onConflict((conflict) => conflict.columns(['report_id', 'target']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        existing.push(referral.target);
        continue;
      }
      created.push(id);
      await tools.created({ id, reportId: run.reportId, kind: referral.kind, organisationId: referral.organisationId });
      await trx
        .insertInto('referral_events')
        .values({ id: randomUUID(), referral_id: id, at, event: 'created', status, actor_type: 'system', actor_id: null })
        .execute();
      await tools.audit(system, {
        action: 'referral.create',
        subjectType: 'referral',
        subjectId: id,
        detail: {
          report: run.reportId,
          kind: referral.kind,
          target: referral.target,
          organisation: referral.organisationId,
          status,
          rule: referral.ruleId,
          version: run.ruleVersion,
        },
      });
    }
    await tools.audit(system, {
      action: 'routing.route',
      subjectType: 'report',
      subjectId: run.reportId,
      detail: {
        job: run.jobId,
        trigger: run.trigger,
        version: run.ruleVersion,
        rules: [...run.firedRules],
        created: created.length,
        existing: existing.length,
        hostingComplete: run.hostingComplete,
      },
    });
    return { created, existing };
  });
}
