import { sql, type Transaction } from 'kysely';
import { isStaffRole, type StaffRole } from '../platform/access/index.js';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import type { MessageKey } from '../platform/i18n/index.js';
import { emailIndex, summaryColumns, summaryOf } from './accounts.js';
import type { IdentityContext } from './context.js';
import { normaliseEmail, type UserSummary } from './model.js';
import type { Actor } from './ports.js';
import { revokeSessionsOf } from './sessions.js';
import type { IdentityTables } from './tables.js';

/*
 * What an administrator changes on an existing account: its roles, its name and e-mail address,
 * whether it may sign in, its second factor. Each change is audited in its own transaction.
 */

const administrator: StaffRole = 'administrator';

/**
 * Locks the rows of the active administrators, before the account's own row: every change
 * that could leave no administrator takes its locks in this order, so two administrators
 * removing each other (their role, or their account) at the same time wait for one another
 * instead of deadlocking, and cannot both succeed.
 */
async function lockActiveAdministrators(trx: Transaction<IdentityTables>): Promise<string[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`${administrator} = any(roles)`)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** Refuses a change that would leave the deployment with no active administrator. */
function keepAnAdministrator(administrators: readonly string[], userId: string, field: FieldProblem | null, detail: MessageKey): void {
  if (administrators.every((id) => id === userId)) throw new Problem('conflict', { detail, fields: field ? [field] : [] });
}

/**
 * Gives a user a new set of roles. Sessions read the roles at each request, so the user's next
 * request is allowed or refused by the new ones. The last active administrator keeps that role.
 */
export async function changeUserRoles(
  ctx: IdentityContext,
  actor: Actor,
  userId: string,
  roles: readonly StaffRole[],
): Promise<UserSummary> {
  const next = [...new Set(roles)];
  return ctx.change(async (trx, audit) => {
    const administrators = await lockActiveAdministrators(trx);
    const user = await trx.selectFrom('users').select(summaryColumns).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new Problem('not-found');
    const active = user.disabled_at === null;
    if (active && user.roles.includes(administrator) && !next.includes(administrator)) {
      keepAnAdministrator(administrators, userId, { in: 'body', pointer: '/roles', code: 'invalid' }, 'detail.last-administrator');
    }
    const before = user.roles.filter(isStaffRole);
    const unchanged = before.length === next.length && next.every((role) => before.includes(role));
    if (!unchanged) {
      await trx.updateTable('users').set({ roles: next }).where('id', '=', userId).execute();
      await audit(actor, { action: 'user.roles', subjectType: 'user', subjectId: userId, detail: { before, after: next } });
    }
    return summaryOf(user, next);
  });
}

/**
 * Corrects an account's name or e-mail address (the address is also how the person signs in).
 * Both are sealed again under the account's own key context; an address another account
 * already uses is refused naming `/email`. The audit names the fields changed, never their values.
 */
export async function updateUserPerson(
  ctx: IdentityContext,
  actor: Actor,
  userId: string,
  change: { name?: string; email?: string },
): Promise<UserSummary> {
  return ctx.change(async (trx, audit) => {
    const user = await trx
      .selectFrom('users')
      .select([...summaryColumns, 'email_index', 'name_sealed'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw new Problem('not-found');
    const fields: ('name' | 'email')[] = [];
    const set: { name_sealed?: string; email_sealed?: string; email_index?: string } = {};
    if (change.email !== undefined) {
      const index = emailIndex(ctx, change.email);
      if (index !== user.email_index) {
        const taken = await trx.selectFrom('users').select('id').where('email_index', '=', index).executeTakeFirst();
        if (taken)
          throw new Problem('conflict', { detail: 'detail.email-taken', fields: [{ in: 'body', pointer: '/email', code: 'invalid' }] });
        set.email_sealed = ctx.sealer.seal(normaliseEmail(change.email), `users.email:${userId}`);
        set.email_index = index;
        fields.push('email');
      }
    }
    if (change.name !== undefined && change.name !== ctx.sealer.open(user.name_sealed, `users.name:${userId}`)) {
      set.name_sealed = ctx.sealer.seal(change.name, `users.name:${userId}`);
      fields.push('name');
    }
    if (fields.length > 0) {
      await trx.updateTable('users').set(set).where('id', '=', userId).execute();
      await audit(actor, { action: 'user.update', subjectType: 'user', subjectId: userId, detail: { fields } });
    }
    return summaryOf(user, user.roles.filter(isStaffRole));
  });
}

/**
 * Ends an account's sessions and its sign-ins, and what other modules hold for it (the hook:
 * triage's claims). The last active administrator stays active.
 */
export async function disableUser(ctx: IdentityContext, actor: Actor, userId: string): Promise<void> {
  await ctx.change(async (trx, audit, root) => {
    const administrators = await lockActiveAdministrators(trx);
    const user = await trx.selectFrom('users').select(['roles', 'disabled_at']).where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new Problem('not-found');
    if (user.disabled_at !== null) return;
    if (user.roles.includes(administrator)) keepAnAdministrator(administrators, userId, null, 'detail.last-administrator-disable');
    await trx.updateTable('users').set({ disabled_at: ctx.now() }).where('id', '=', userId).execute();
    await revokeSessionsOf(trx, userId, ctx.now());
    await audit(actor, { action: 'user.disable', subjectType: 'user', subjectId: userId });
    await ctx.onAccountDisabled?.(root, actor, userId);
  });
}

/** Lets a disabled account sign in again, with the password and second factor it had. */
export async function enableUser(ctx: IdentityContext, actor: Actor, userId: string): Promise<void> {
  await ctx.change(async (trx, audit) => {
    const user = await trx.selectFrom('users').select('disabled_at').where('id', '=', userId).forUpdate().executeTakeFirst();
    if (!user) throw new Problem('not-found');
    if (user.disabled_at === null) return;
    await trx.updateTable('users').set({ disabled_at: null, failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
    await audit(actor, { action: 'user.enable', subjectType: 'user', subjectId: userId });
  });
}

/** For a lost authenticator: the user enrols a new second factor at the next sign-in. */
export async function resetSecondFactor(ctx: IdentityContext, actor: Actor, userId: string): Promise<void> {
  await ctx.change(async (trx, audit) => {
    const done = await trx
      .updateTable('users')
      .set({ totp_secret_sealed: null, totp_confirmed_at: null, totp_last_step: null, failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new Problem('not-found');
    await revokeSessionsOf(trx, userId, ctx.now());
    await audit(actor, { action: 'user.reset-second-factor', subjectType: 'user', subjectId: userId });
  });
}
