import { mayAssess, mayResolve } from './claims.js';
import type { TriageContext } from './context.js';
import type { Actor } from './ports.js';

/** Someone a supervisor may hand a claim to: an active account of their organisation with an analyst's role. */
export interface Assignee {
  id: string;
  name: string;
  roles: string[];
  /** A senior analyst: may also take a disputed report (one they took no part in). */
  mayResolve: boolean;
}

/**
 * The analysts a supervisor may hand claims to, by name. The names are personal data: they
 * are decrypted by identity (names only), which audits that read, and the listing itself is audited here
 * (`assessment.assignees`, how many and their ids) in its own transaction before it is answered.
 * Whether one of them may take a given report at its stage is still checked at the handover.
 */
export async function assignees(ctx: TriageContext, actor: Actor): Promise<Assignee[]> {
  const staff = ctx.staff;
  const organisationId = actor.organisationId ?? null;
  if (!staff || organisationId === null) return [];
  const members = (await staff.activeStaffOf(organisationId)).filter((member) => mayAssess(member.roles));
  const names = await staff.namesOf(
    actor,
    members.map((member) => member.id),
  );
  const found: Assignee[] = members
    .filter((member) => names.has(member.id))
    .map((member) => ({ id: member.id, name: names.get(member.id)!, roles: [...member.roles], mayResolve: mayResolve(member.roles) }));
  await ctx.change((_trx, tools) =>
    tools.audit(actor, {
      action: 'assessment.assignees',
      subjectType: 'organisation',
      subjectId: organisationId,
      detail: { count: found.length, userIds: found.map((assignee) => assignee.id) },
    }),
  );
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
