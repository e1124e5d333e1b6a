import { randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import { insertUser } from './accounts.js';
import type { IdentityContext } from './context.js';
import type { OrganisationKind } from './model.js';
import { hashPassword, newToken, tokenDigest } from './secrets.js';

/**
 * While no user exists, each start issues a new one-time setup token (and voids older ones)
 * so that whoever started the server can create the first administrator. Null once set up.
 */
export async function issueSetupToken(ctx: IdentityContext): Promise<string | null> {
  const token = newToken();
  return ctx.change(async (trx, audit) => {
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) return null;
    await trx.updateTable('setup_tokens').set({ used_at: ctx.now() }).where('used_at', 'is', null).execute();
    await trx
      .insertInto('setup_tokens')
      .values({ token_hash: tokenDigest(token), used_at: null })
      .execute();
    await audit({ actorType: 'system', actorId: null }, { action: 'setup.token-issued', subjectType: 'deployment', subjectId: 'setup' });
    return token;
  });
}

export interface FirstAdministrator {
  token: string;
  organisation: { name: string; kind: OrganisationKind; country?: string | null };
  email: string;
  name: string;
  password: string;
}

export async function completeSetup(
  ctx: IdentityContext,
  input: FirstAdministrator,
  requestId: string | null,
): Promise<{ userId: string; organisationId: string }> {
  const userId = randomUUID();
  const organisationId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return ctx.change(async (trx, audit) => {
    const used = await trx
      .updateTable('setup_tokens')
      .set({ used_at: ctx.now() })
      .where('token_hash', '=', tokenDigest(input.token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (used.numUpdatedRows === 0n || anyUser) throw new Problem('setup-token-invalid');
    await trx
      .insertInto('organisations')
      .values({
        id: organisationId,
        name: input.organisation.name,
        kind: input.organisation.kind,
        country: input.organisation.country ?? null,
      })
      .execute();
    await insertUser(ctx, trx, {
      id: userId,
      organisationId,
      email: input.email,
      name: input.name,
      roles: ['administrator'],
      passwordHash,
    });
    const actor = { actorType: 'public' as const, actorId: null, requestId };
    await audit(actor, { action: 'organisation.create', subjectType: 'organisation', subjectId: organisationId });
    await audit(actor, {
      action: 'setup.first-administrator',
      subjectType: 'user',
      subjectId: userId,
      detail: { roles: ['administrator'] },
    });
    return { userId, organisationId };
  });
}
