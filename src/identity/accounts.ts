import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StaffRole } from '../platform/access/index.js';
import { Problem } from '../platform/http/index.js';
import type { IdentityContext } from './context.js';
import { normaliseEmail, type Organisation, type OrganisationKind, type UserPersonalData, type UserSummary } from './model.js';
import type { Actor } from './ports.js';
import { hashPassword } from './secrets.js';
import { revokeSessionsOf } from './sessions.js';
import type { IdentityTables } from './tables.js';

export interface NewUser {
  organisationId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  password: string;
}

export function emailIndex(ctx: IdentityContext, email: string): string {
  return ctx.sealer.blindIndex(normaliseEmail(email), 'users.email');
}

export async function createOrganisation(
  ctx: IdentityContext,
  actor: Actor,
  input: { name: string; kind: OrganisationKind; country?: string | null },
): Promise<Organisation> {
  const organisation: Organisation = { id: randomUUID(), name: input.name, kind: input.kind, country: input.country ?? null };
  await ctx.change(async (trx, audit) => {
    await trx.insertInto('organisations').values(organisation).execute();
    await audit(actor, { action: 'organisation.create', subjectType: 'organisation', subjectId: organisation.id });
  });
  return organisation;
}

export async function listOrganisations(ctx: IdentityContext): Promise<Organisation[]> {
  const rows = await ctx.db.selectFrom('organisations').select(['id', 'name', 'kind', 'country']).orderBy('name').execute();
  return rows.map((row) => ({ ...row, kind: row.kind as OrganisationKind }));
}

/** Writes a new account with its personal fields sealed; the caller checks and audits. */
export async function insertUser(
  ctx: IdentityContext,
  trx: Transaction<IdentityTables>,
  user: { id: string; organisationId: string; email: string; name: string; roles: readonly StaffRole[]; passwordHash: string },
): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id: user.id,
      organisation_id: user.organisationId,
      email_sealed: ctx.sealer.seal(normaliseEmail(user.email), `users.email:${user.id}`),
      email_index: emailIndex(ctx, user.email),
      name_sealed: ctx.sealer.seal(user.name, `users.name:${user.id}`),
      roles: [...new Set(user.roles)],
      password_hash: user.passwordHash,
      totp_secret_sealed: null,
      totp_confirmed_at: null,
      totp_last_step: null,
      locked_until: null,
      disabled_at: null,
    })
    .execute();
}

export async function createUser(ctx: IdentityContext, actor: Actor, input: NewUser): Promise<UserSummary> {
  const id = randomUUID();
  const index = emailIndex(ctx, input.email);
  const passwordHash = await hashPassword(input.password);
  await ctx.change(async (trx, audit) => {
    const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) throw new Problem('validation', { fields: [{ in: 'body', pointer: '/organisationId', code: 'invalid' }] });
    const taken = await trx.selectFrom('users').select('id').where('email_index', '=', index).executeTakeFirst();
    if (taken) throw new Problem('conflict', { fields: [{ in: 'body', pointer: '/email', code: 'invalid' }] });
    await insertUser(ctx, trx, {
      id,
      organisationId: input.organisationId,
      email: input.email,
      name: input.name,
      roles: input.roles,
      passwordHash,
    });
    await audit(actor, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      detail: { roles: input.roles, organisationId: input.organisationId },
    });
  });
  return { id, organisationId: input.organisationId, roles: input.roles, secondFactorEnrolled: false, disabled: false, lockedUntil: null };
}

export async function listUsers(ctx: IdentityContext): Promise<UserSummary[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'roles', 'totp_confirmed_at', 'disabled_at', 'locked_until'])
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    roles: row.roles as StaffRole[],
    secondFactorEnrolled: row.totp_confirmed_at !== null,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  }));
}

/** Decrypts a user's personal data; the read itself is audited, in the same transaction. */
export async function readUserPersonalData(ctx: IdentityContext, actor: Actor, userId: string): Promise<UserPersonalData> {
  return ctx.change(async (trx, audit) => {
    const row = await trx.selectFrom('users').select(['email_sealed', 'name_sealed']).where('id', '=', userId).executeTakeFirst();
    if (!row) throw new Problem('not-found');
    await audit(actor, { action: 'user.read-personal', subjectType: 'user', subjectId: userId, detail: { fields: ['email', 'name'] } });
    return {
      email: ctx.sealer.open(row.email_sealed, `users.email:${userId}`),
      name: ctx.sealer.open(row.name_sealed, `users.name:${userId}`),
    };
  });
}

export async function disableUser(ctx: IdentityContext, actor: Actor, userId: string): Promise<void> {
  await ctx.change(async (trx, audit) => {
    const done = await trx.updateTable('users').set({ disabled_at: ctx.now() }).where('id', '=', userId).executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new Problem('not-found');
    await revokeSessionsOf(trx, userId, ctx.now());
    await audit(actor, { action: 'user.disable', subjectType: 'user', subjectId: userId });
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

export async function findUserIdByEmail(ctx: IdentityContext, email: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('users').select('id').where('email_index', '=', emailIndex(ctx, email)).executeTakeFirst();
  return row?.id ?? null;
}
