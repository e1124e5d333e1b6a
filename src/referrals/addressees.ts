import { randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import type { ReferralContext } from './context.js';
import { addresseeRoles, kindOfRole, type AddresseeRole } from './model.js';
import type { Actor } from './ports.js';

export interface AddresseeView {
  role: AddresseeRole;
  kind: (typeof kindOfRole)[AddresseeRole];
  organisation: { id: string; name: string } | null;
  updatedAt: string | null;
}

/** Every addressee role, with the organisation it is mapped to (null: not yet). */
export async function listAddressees(ctx: ReferralContext): Promise<{ addressees: AddresseeView[] }> {
  const rows = await ctx.db.selectFrom('referral_addressees').selectAll().execute();
  const organisations = await ctx.organisationsById();
  const byRole = new Map(rows.map((row) => [row.role, row]));
  return {
    addressees: addresseeRoles.map((role) => {
      const row = byRole.get(role);
      const organisation = row ? organisations.get(row.organisation_id) : undefined;
      return {
        role,
        kind: kindOfRole[role],
        organisation: row ? { id: row.organisation_id, name: organisation?.name ?? '' } : null,
        updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      };
    }),
  };
}

/**
 * Maps a role to an organisation. Referrals made to that role while it had none are
 * assigned to it and sent, in the same transaction: nothing decided is lost while a
 * deployment is being set up. Referrals already assigned keep their organisation.
 */
export async function setAddressee(
  ctx: ReferralContext,
  actor: Actor,
  role: AddresseeRole,
  organisationId: string,
): Promise<{ addressees: AddresseeView[]; assigned: number }> {
  const organisation = (await ctx.organisationsById()).get(organisationId);
  if (!organisation) throw new Problem('unprocessable', { fields: [{ in: 'body', pointer: '/organisationId', code: 'invalid' }] });
  const assigned = await ctx.change(async (trx, tools) => {
    const at = ctx.now();
    await trx
      .insertInto('referral_addressees')
      .values({ role, organisation_id: organisationId, updated_by: actor.actorId, updated_at: at })
      .onConflict((conflict) =>
        conflict.column('role').doUpdateSet({ organisation_id: organisationId, updated_by: actor.actorId, updated_at: at }),
      )
      .execute();
    const waiting = await trx
      .updateTable('referrals')
      .set({ organisation_id: organisationId, status: 'sent', updated_at: at })
      .where('target', '=', `role:${role}`)
      .where('status', '=', 'unassigned')
      .returning(['id'])
      .execute();
    if (waiting.length > 0) {
      await trx
        .insertInto('referral_events')
        .values(
          waiting.map((row) => ({
            id: randomUUID(),
            referral_id: row.id,
            at,
            event: 'assigned',
            status: 'sent',
            actor_type: actor.actorType,
            actor_id: actor.actorId,
          })),
        )
        .execute();
    }
    await tools.audit(actor, {
      action: 'referral.addressee',
      subjectType: 'addressee_role',
      subjectId: role,
      detail: { organisation: organisationId, assigned: waiting.length },
    });
    return waiting.length;
  });
  return { ...(await listAddressees(ctx)), assigned };
}
