import { randomUUID } from 'node:crypto';
import { partnerActions, type Action, type ApiKeyPrincipal } from '../platform/access/index.js';
import { Problem } from '../platform/http/index.js';
import type { IdentityContext } from './context.js';
import type { ApiKeySummary } from './model.js';
import type { Actor } from './ports.js';
import { newToken, tokenDigest } from './secrets.js';

// The id part is a canonical UUID, so that a forged one cannot fail the batched lookup of others.
const keyPattern = /^vigie_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const touchEveryMs = 60_000;

/** Creates a key for a partner organisation; the secret is returned once and stored hashed. */
export async function createApiKey(
  ctx: IdentityContext,
  actor: Actor,
  input: { organisationId: string; name: string; scopes: Action[] },
): Promise<{ key: ApiKeySummary; secret: string }> {
  const unknownScope = input.scopes.findIndex((scope) => !partnerActions.includes(scope));
  if (unknownScope >= 0) throw new Problem('validation', { fields: [{ in: 'body', pointer: `/scopes/${unknownScope}`, code: 'choice' }] });
  const id = randomUUID();
  const secret = `vigie_${id}_${newToken()}`;
  const createdAt = ctx.now();
  await ctx.change(async (trx, audit) => {
    const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!organisation) throw new Problem('validation', { fields: [{ in: 'body', pointer: '/organisationId', code: 'invalid' }] });
    await trx
      .insertInto('api_keys')
      .values({
        id,
        organisation_id: input.organisationId,
        name: input.name,
        secret_hash: tokenDigest(secret),
        scopes: [...new Set(input.scopes)],
        created_by: actor.actorType === 'user' ? actor.actorId : null,
        created_at: createdAt,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
    await audit(actor, { action: 'apikey.create', subjectType: 'api_key', subjectId: id, detail: { scopes: input.scopes } });
  });
  return {
    key: {
      id,
      organisationId: input.organisationId,
      name: input.name,
      scopes: input.scopes,
      createdAt: createdAt.toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    },
    secret,
  };
}

export async function listApiKeys(ctx: IdentityContext): Promise<ApiKeySummary[]> {
  const rows = await ctx.db.selectFrom('api_keys').selectAll().orderBy('created_at').execute();
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    scopes: row.scopes as Action[],
    createdAt: new Date(row.created_at).toISOString(),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  }));
}

export async function revokeApiKey(ctx: IdentityContext, actor: Actor, id: string): Promise<void> {
  await ctx.change(async (trx, audit) => {
    const done = await trx
      .updateTable('api_keys')
      .set({ revoked_at: ctx.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (done.numUpdatedRows === 0n) throw new Problem('not-found');
    await audit(actor, { action: 'apikey.revoke', subjectType: 'api_key', subjectId: id });
  });
}

export async function authenticateApiKey(ctx: IdentityContext, presented: string): Promise<ApiKeyPrincipal | null> {
  const match = keyPattern.exec(presented);
  if (!match?.[1]) return null;
  const row = await ctx.apiKeys.load(match[1]);
  if (!row || row.revoked_at || row.secret_hash !== tokenDigest(presented)) return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > touchEveryMs) {
    await ctx.db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { kind: 'api_key', keyId: row.id, organisationId: row.organisation_id, scopes: row.scopes as Action[] };
}
