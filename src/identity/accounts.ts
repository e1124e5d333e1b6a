import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StaffRole } from '../platform/access/index.js';
import { Problem } from '../platform/http/index.js';
import type { IdentityContext } from './context.js';
import { normaliseEmail, type Organisation, type OrganisationKind, type UserPersonalData, type UserSummary } from './model.js';
import type { Actor } from './ports.js';
import { hashPassword } from './secrets.js';
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

/** Renames an organisation or corrects its kind or country; the audit names the fields changed. */
export async function updateOrganisation(
  ctx: IdentityContext,
  actor: Actor,
  id: string,
  change: { name?: string; kind?: OrganisationKind; country?: string | null },
): Promise<Organisation> {
  return ctx.change(async (trx, audit) => {
    const before = await trx
      .selectFrom('organisations')
      .select(['name', 'kind', 'country'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new Problem('not-found');
    const after = {
      name: change.name ?? before.name,
      kind: change.kind ?? (before.kind as OrganisationKind),
      country: change.country === undefined ? before.country : change.country,
    };
    const fields = (['name', 'kind', 'country'] as const).filter((field) => after[field] !== before[field]);
    if (fields.length > 0) {
      await trx.updateTable('organisations').set(after).where('id', '=', id).execute();
      await audit(actor, { action: 'organisation.update', subjectType: 'organisation', subjectId: id, detail: { fields: [...fields] } });
    }
    return { id, ...after };
  });
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
    if (taken)
      throw new Problem('conflict', { detail: 'detail.email-taken', fields: [{ in: 'body', pointer: '/email', code: 'invalid' }] });
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

export const summaryColumns = ['id', 'organisation_id', 'roles', 'totp_confirmed_at', 'disabled_at', 'locked_until'] as const;

/** A user's row as lists show it: no personal data. */
export function summaryOf(
  row: {
    id: string;
    organisation_id: string;
    totp_confirmed_at: Date | string | null;
    disabled_at: Date | string | null;
    locked_until: Date | string | null;
  },
  roles: StaffRole[],
): UserSummary {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    roles,
    secondFactorEnrolled: row.totp_confirmed_at !== null,
    disabled: row.disabled_at !== null,
    lockedUntil: row.locked_until ? new Date(row.locked_until).toISOString() : null,
  };
}

export async function listUsers(ctx: IdentityContext): Promise<UserSummary[]> {
  const rows = await ctx.db.selectFrom('users').select(summaryColumns).orderBy('created_at').execute();
  return rows.map((row) => summaryOf(row, row.roles as StaffRole[]));
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

/**
 * Decrypts the names of some accounts — nothing else of them — for a colleague choosing among
 * them (a supervisor handing a claim): one audit entry for the whole read, with the ids, in
 * the same transaction. Unknown ids are left out.
 */
export async function readStaffNames(ctx: IdentityContext, actor: Actor, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  return ctx.change(async (trx, audit) => {
    const rows = await trx
      .selectFrom('users')
      .select(['id', 'name_sealed'])
      .where('id', 'in', [...userIds])
      .orderBy('id')
      .execute();
    await audit(actor, {
      action: 'user.read-names',
      subjectType: 'user',
      subjectId: actor.organisationId ?? 'deployment',
      detail: { fields: ['name'], userIds: rows.map((row) => row.id) },
    });
    return new Map(rows.map((row) => [row.id, ctx.sealer.open(row.name_sealed, `users.name:${row.id}`)]));
  });
}

export async function findUserIdByEmail(ctx: IdentityContext, email: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('users').select('id').where('email_index', '=', emailIndex(ctx, email)).executeTakeFirst();
  return row?.id ?? null;
}
