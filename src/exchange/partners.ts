import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Problem } from '../platform/http/index.js';
import type { ExchangeContext } from './context.js';
import type { DeploymentKey, PartnerInput, PartnerView } from './contracts.js';
import { exchangeFormat, keyIdOf } from './model.js';
import { checkBaseUrl } from './origins.js';
import type { Actor } from './ports.js';
import type { ExchangePartnersTable } from './tables.js';

/** The partner organisation kind: a partner deployment is the hotline of its country. */
const hotlineKind = 'hotline';

/** The deployment's public key, as partners register it. */
export function deploymentKey(ctx: ExchangeContext): DeploymentKey {
  return {
    format: exchangeFormat,
    algorithm: 'Ed25519',
    keyId: ctx.signer.keyId,
    publicKey: Buffer.from(ctx.signer.publicKey).toString('base64'),
  };
}

/**
 * An administrator registers a partner deployment: its address (https), its public key (as
 * its `GET /api/exchange/key` publishes it, checked out of band) and the organisation of kind
 * `hotline` it is in this deployment, to which routing already refers the reports hosted in
 * its country. One partner per organisation and per key (409 otherwise); audited.
 */
export async function registerPartner(ctx: ExchangeContext, actor: Actor, input: PartnerInput): Promise<PartnerView> {
  const baseUrl = checkBaseUrl(input.baseUrl, ctx.allowedHttpOrigins);
  const publicKey = Buffer.from(input.publicKey, 'base64');
  const keyId = keyIdOf(publicKey);
  if (keyId === ctx.signer.keyId) throw new Problem('validation', { fields: [{ in: 'body', pointer: '/publicKey', code: 'invalid' }] });
  const organisation = (await ctx.organisations.listOrganisations()).find((candidate) => candidate.id === input.organisationId);
  if (!organisation || organisation.kind !== hotlineKind) {
    throw new Problem('validation', { fields: [{ in: 'body', pointer: '/organisationId', code: 'invalid' }] });
  }
  const id = randomUUID();
  const at = ctx.now();
  await ctx.change(async (trx, tools) => {
    const clash = await trx
      .selectFrom('exchange_partners')
      .select(['key_id', 'organisation_id'])
      .where((eb) => eb.or([eb('key_id', '=', keyId), eb('organisation_id', '=', input.organisationId)]))
      .executeTakeFirst();
    if (clash) {
      const pointer = clash.key_id === keyId ? '/publicKey' : '/organisationId';
      throw new Problem('conflict', { fields: [{ in: 'body', pointer, code: 'invalid' }] });
    }
    await trx
      .insertInto('exchange_partners')
      .values({
        id,
        name: input.name,
        base_url: baseUrl,
        public_key: input.publicKey,
        key_id: keyId,
        organisation_id: input.organisationId,
        created_at: at,
        created_by: actor.actorType === 'user' ? actor.actorId : null,
      })
      .execute();
    await tools.audit(actor, {
      action: 'exchange.partner-register',
      subjectType: 'exchange_partner',
      subjectId: id,
      detail: { organisation: input.organisationId, keyId, baseUrl },
    });
  });
  const [view] = (await listPartners(ctx)).partners.filter((partner) => partner.id === id);
  return view!;
}

/** Every partner deployment, with its organisation and how many reports went each way. */
export async function listPartners(ctx: ExchangeContext): Promise<{ partners: PartnerView[] }> {
  const rows = await ctx.db
    .selectFrom('exchange_partners as p')
    .selectAll('p')
    .select([
      sql<number>`(select count(*)::int from exchange_forwards f where f.partner_id = p.id)`.as('forwarded'),
      sql<number>`(select count(*)::int from exchange_forwards f where f.partner_id = p.id and f.state = 'pending')`.as('pending'),
      sql<number>`(select count(*)::int from exchange_imports i where i.partner_id = p.id)`.as('imported'),
    ])
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const organisations = new Map((await ctx.organisations.listOrganisations()).map((organisation) => [organisation.id, organisation]));
  return {
    partners: rows.map((row) => ({
      id: row.id,
      name: row.name,
      baseUrl: row.base_url,
      keyId: row.key_id,
      publicKey: row.public_key,
      organisationId: row.organisation_id,
      organisationName: organisations.get(row.organisation_id)?.name ?? null,
      country: organisations.get(row.organisation_id)?.country ?? null,
      createdAt: new Date(row.created_at).toISOString(),
      forwarded: row.forwarded,
      pending: row.pending,
      imported: row.imported,
    })),
  };
}

export function partnerByKeyId(ctx: ExchangeContext, keyId: string): Promise<ExchangePartnersTable | undefined> {
  return ctx.db.selectFrom('exchange_partners').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export function partnerById(ctx: ExchangeContext, id: string): Promise<ExchangePartnersTable | undefined> {
  return ctx.db.selectFrom('exchange_partners').selectAll().where('id', '=', id).executeTakeFirst();
}
