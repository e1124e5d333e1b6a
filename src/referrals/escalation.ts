import { randomUUID } from 'node:crypto';
import type { ReferralContext } from './context.js';
import { deadlineMilestones, statusesShortOf } from './model.js';

const batch = 500;
const system = { actorType: 'system', actorId: null } as const;

/**
 * The periodic job: every referral whose deadline has passed before it reached the status
 * that meets it is marked escalated — once — with an event in its history and an audit
 * entry, and appears in the supervisors' list (`GET /api/referrals/escalations`).
 * Idempotent: a run again finds them escalated already.
 */
export async function escalateOverdue(ctx: ReferralContext): Promise<number> {
  let escalated = 0;
  for (;;) {
    const done = await ctx.change(async (trx, tools) => {
      const now = ctx.now();
      const late = await trx
        .selectFrom('referrals')
        .select(['id', 'status', 'kind', 'deadline'])
        .where('escalated_at', 'is', null)
        .where('deadline', '<', now)
        .where((eb) =>
          eb.or(
            deadlineMilestones.map((milestone) =>
              eb.and([eb('deadline_status', '=', milestone), eb('status', 'in', statusesShortOf(milestone))]),
            ),
          ),
        )
        .orderBy('deadline')
        .limit(batch)
        .forUpdate()
        .skipLocked()
        .execute();
      if (late.length === 0) return 0;
      await trx
        .updateTable('referrals')
        .set({ escalated_at: now })
        .where(
          'id',
          'in',
          late.map((row) => row.id),
        )
        .execute();
      await trx
        .insertInto('referral_events')
        .values(
          late.map((row) => ({
            id: randomUUID(),
            referral_id: row.id,
            at: now,
            event: 'escalated',
            status: row.status,
            actor_type: 'system',
            actor_id: null,
          })),
        )
        .execute();
      for (const row of late) {
        await tools.audit(system, {
          action: 'referral.escalate',
          subjectType: 'referral',
          subjectId: row.id,
          detail: { kind: row.kind, status: row.status, deadline: new Date(row.deadline).toISOString() },
        });
      }
      return late.length;
    });
    escalated += done;
    if (done < batch) return escalated;
  }
}
