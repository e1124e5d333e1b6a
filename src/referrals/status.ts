import { randomUUID } from 'node:crypto';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import type { ReferralContext } from './context.js';
import type { ReferralView, StatusChange } from './contracts.js';
import type { ReferralViewer } from './list.js';
import { nextStatuses, referralSealedContext, type ReferralStatus } from './model.js';
import { referralViewOf } from './views.js';

function checkChange(change: StatusChange): void {
  const fields: FieldProblem[] = [];
  if (change.status === 'rejected' && !change.reason) fields.push({ in: 'body', pointer: '/reason', code: 'required' });
  if (change.status !== 'rejected' && change.reason) fields.push({ in: 'body', pointer: '/reason', code: 'unknown' });
  if (change.status === 'done' && !change.outcome) fields.push({ in: 'body', pointer: '/outcome', code: 'required' });
  if (change.status !== 'done' && change.outcome) fields.push({ in: 'body', pointer: '/outcome', code: 'unknown' });
  if (fields.length > 0) throw new Problem('validation', { fields });
}

/**
 * The receiving organisation records where it is with a referral: received, accepted (under
 * investigation, evaluation…), rejected with a reason, done with an outcome. Each change is
 * one event of the history and one audit entry, in one transaction; a note is sealed.
 */
export async function changeStatus(ctx: ReferralContext, viewer: ReferralViewer, id: string, change: StatusChange): Promise<ReferralView> {
  checkChange(change);
  // Read before the transaction: on the embedded database, another query waits for it to end.
  const organisations = await ctx.organisationsById();
  return ctx.change(async (trx, tools) => {
    const row = await trx.selectFrom('referrals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || (!viewer.any && row.organisation_id !== viewer.organisationId)) throw new Problem('not-found');
    const from = row.status as ReferralStatus;
    if (!nextStatuses[from].includes(change.status)) {
      throw new Problem('conflict', {
        detail: 'detail.referral-transition',
        fields: [{ in: 'body', pointer: '/status', code: 'invalid' }],
      });
    }
    const at = ctx.now();
    const eventId = randomUUID();
    const updated = await trx
      .updateTable('referrals')
      .set({ status: change.status, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('referral_events')
      .values({
        id: eventId,
        referral_id: id,
        at,
        event: 'status',
        status: change.status,
        actor_type: viewer.actor.actorType,
        actor_id: viewer.actor.actorId,
        reason: change.reason ?? null,
        outcome: change.outcome ?? null,
        note_sealed: change.note ? ctx.sealer.seal(change.note, referralSealedContext(eventId)) : null,
      })
      .execute();
    await tools.audit(viewer.actor, {
      action: 'referral.status',
      subjectType: 'referral',
      subjectId: id,
      detail: { from, to: change.status, reason: change.reason ?? null, outcome: change.outcome ?? null, note: change.note !== undefined },
    });
    return referralViewOf(updated, organisations, at);
  });
}
