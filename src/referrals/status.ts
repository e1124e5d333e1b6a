import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { ChangeTools, ReferralContext } from './context.js';
import type { ReferralView, StatusChange } from './contracts.js';
import type { ReferralViewer } from './list.js';
import { nextStatusesOf, referralSealedContext, type ReferralKind, type ReferralStatus } from './model.js';
import type { Actor } from './ports.js';
import type { ReferralTables } from './tables.js';
import { referralViewOf } from './views.js';

function checkChange(change: StatusChange): void {
  const fields: FieldProblem[] = [];
  if (change.status === 'rejected' && !change.reason) fields.push({ in: 'body', pointer: '/reason', code: 'required' });
  if (change.status !== 'rejected' && change.reason) fields.push({ in: 'body', pointer: '/reason', code: 'unknown' });
  if (change.status === 'done' && !change.outcome) fields.push({ in: 'body', pointer: '/outcome', code: 'required' });
  if (change.status !== 'done' && change.outcome) fields.push({ in: 'body', pointer: '/outcome', code: 'unknown' });
  if (fields.length > 0) throw new Problem('validation', { fields });
}

/** One status change in the caller's transaction: the row locked, the transition checked, the event and the audit entry written. */
async function applyChange(
  ctx: ReferralContext,
  trx: Transaction<ReferralTables>,
  tools: ChangeTools,
  actor: Actor,
  target: { id: string; onlyOrganisation?: string },
  change: StatusChange,
) {
  const row = await trx.selectFrom('referrals').selectAll().where('id', '=', target.id).forUpdate().executeTakeFirst();
  if (!row || (target.onlyOrganisation !== undefined && row.organisation_id !== target.onlyOrganisation)) throw new Problem('not-found');
  const from = row.status as ReferralStatus;
  if (!nextStatusesOf(row.kind as ReferralKind, from).includes(change.status)) {
    throw new Problem('conflict', { detail: 'detail.referral-transition', fields: [{ in: 'body', pointer: '/status', code: 'invalid' }] });
  }
  const at = ctx.now();
  const eventId = randomUUID();
  const updated = await trx
    .updateTable('referrals')
    .set({ status: change.status, updated_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('referral_events')
    .values({
      id: eventId,
      referral_id: row.id,
      at,
      event: 'status',
      status: change.status,
      actor_type: actor.actorType,
      actor_id: actor.actorId,
      reason: change.reason ?? null,
      outcome: change.outcome ?? null,
      note_sealed: change.note ? ctx.sealer.seal(change.note, referralSealedContext(eventId)) : null,
    })
    .execute();
  await tools.audit(actor, {
    action: 'referral.status',
    subjectType: 'referral',
    subjectId: row.id,
    detail: { from, to: change.status, reason: change.reason ?? null, outcome: change.outcome ?? null, note: change.note !== undefined },
  });
  return updated;
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
  const updated = await ctx.change((trx, tools) =>
    applyChange(ctx, trx, tools, viewer.actor, { id, ...(viewer.any ? {} : { onlyOrganisation: viewer.organisationId }) }, change),
  );
  return referralViewOf(updated, organisations, ctx.now());
}

/**
 * The same change made by another module in its own transaction (the actions module marks a
 * notice sent in the transaction that sends its mail, done when the content is gone).
 */
export async function changeStatusIn(
  ctx: ReferralContext,
  trx: Transaction<AnyDatabase>,
  actor: Actor,
  id: string,
  change: StatusChange,
): Promise<{ status: ReferralStatus }> {
  checkChange(change);
  const { trx: own, tools } = ctx.within(trx);
  const updated = await applyChange(ctx, own, tools, actor, { id }, change);
  return { status: updated.status as ReferralStatus };
}
