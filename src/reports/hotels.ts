import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { Compile } from 'typebox/compile';
import { Problem, fieldProblem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import { NewHotel, KeyScopeInput, type Hotel, type HotelOfReport, type KeyScope } from './hotel-contracts.js';
import type { HotelsTable } from './hotel-tables.js';
import type { Actor, PartnerDirectory } from './ports.js';
import { fieldProblemsOf } from './strict-input.js';
import type { ReportTables } from './tables.js';

/**
 * Hotels of partner chains, and which of them each of a chain's API keys may report for.
 * A key without a scope of its own may report for every hotel of its chain (those added
 * later included); a scope restricts it to a list, or states "all" explicitly. The scope is
 * kept here, beside the hotels, rather than in identity, which knows keys but not hotels.
 */

type Reader = Kysely<ReportTables> | Transaction<ReportTables>;

function hotelOf(row: Selectable<HotelsTable>): Hotel {
  return {
    id: row.id,
    chainId: row.chain_id,
    name: row.name,
    country: row.country,
    subdivision: row.subdivision,
    city: row.city,
    address: row.address,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const newHotelValidator = Compile(NewHotel);
const scopeValidator = Compile(KeyScopeInput);

/** The schemas are checked here too, for the callers that do not go through HTTP (the CLI). */
function checkInput<T>(
  validator: { Check(value: unknown): boolean; Errors(value: unknown): Parameters<typeof fieldProblemsOf>[0] },
  input: T,
): T {
  if (!validator.Check(input)) throw new Problem('validation', { fields: fieldProblemsOf(validator.Errors(input), 'body') });
  return input;
}

function directory(ctx: ReportContext): PartnerDirectory {
  if (!ctx.partners) throw new Error('The hotel flow needs the partner directory (wired by main.ts)');
  return ctx.partners;
}

export async function addHotel(ctx: ReportContext, actor: Actor, input: NewHotel): Promise<Hotel> {
  checkInput(newHotelValidator, input);
  if (input.subdivision !== undefined && !input.subdivision.startsWith(`${input.country}-`)) {
    throw new Problem('validation', { fields: [fieldProblem('/subdivision', 'invalid')] });
  }
  if (!(await directory(ctx).organisationExists(input.chainId))) {
    throw new Problem('validation', { fields: [fieldProblem('/chainId', 'invalid')] });
  }
  const id = randomUUID();
  return ctx.change(async (trx, tools) => {
    const row = await trx
      .insertInto('hotels')
      .values({
        id,
        chain_id: input.chainId,
        name: input.name,
        country: input.country,
        subdivision: input.subdivision ?? null,
        city: input.city,
        address: input.address,
        created_at: ctx.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tools.audit(actor, { action: 'hotel.add', subjectType: 'hotel', subjectId: id, detail: { chainId: input.chainId } });
    return hotelOf(row);
  });
}

export async function listHotels(ctx: ReportContext, filter: { chainId?: string }): Promise<{ hotels: Hotel[] }> {
  let query = ctx.db.selectFrom('hotels').selectAll();
  if (filter.chainId) query = query.where('chain_id', '=', filter.chainId);
  const rows = await query.orderBy('chain_id').orderBy('name').orderBy('id').execute();
  return { hotels: rows.map(hotelOf) };
}

async function scopeOf(db: Reader, apiKeyId: string, chainId: string): Promise<KeyScope> {
  const scope = await db.selectFrom('hotel_key_scopes').selectAll().where('api_key_id', '=', apiKeyId).executeTakeFirst();
  if (!scope || scope.all_hotels) return { apiKeyId, chainId, allHotels: true, hotelIds: [] };
  const rows = await db
    .selectFrom('hotel_key_scope_hotels')
    .select('hotel_id')
    .where('api_key_id', '=', apiKeyId)
    .orderBy('hotel_id')
    .execute();
  return { apiKeyId, chainId, allHotels: false, hotelIds: rows.map((row) => row.hotel_id) };
}

async function chainOfKey(ctx: ReportContext, apiKeyId: string): Promise<string> {
  const chainId = await directory(ctx).organisationOfKey(apiKeyId);
  if (chainId === null) throw new Problem('not-found');
  return chainId;
}

export async function readKeyScope(ctx: ReportContext, apiKeyId: string): Promise<KeyScope> {
  return scopeOf(ctx.db, apiKeyId, await chainOfKey(ctx, apiKeyId));
}

/** Sets which hotels of its chain a key may report for: all of them, or a list of at least one. */
export async function setKeyScope(ctx: ReportContext, actor: Actor, apiKeyId: string, input: KeyScopeInput): Promise<KeyScope> {
  checkInput(scopeValidator, input);
  if (input.allHotels === (input.hotelIds !== undefined)) {
    throw new Problem('validation', { fields: [fieldProblem('/hotelIds', input.allHotels ? 'unknown' : 'required')] });
  }
  const chainId = await chainOfKey(ctx, apiKeyId);
  const hotelIds = input.hotelIds ?? [];
  return ctx.change(async (trx, tools) => {
    const ofChain = new Set(
      hotelIds.length === 0
        ? []
        : (await trx.selectFrom('hotels').select('id').where('id', 'in', hotelIds).where('chain_id', '=', chainId).execute()).map(
            (r) => r.id,
          ),
    );
    const foreign = hotelIds.flatMap((id, i) => (ofChain.has(id) ? [] : [fieldProblem(`/hotelIds/${i}`, 'invalid')]));
    if (foreign.length > 0) throw new Problem('validation', { fields: foreign });
    await trx.deleteFrom('hotel_key_scopes').where('api_key_id', '=', apiKeyId).execute();
    await trx
      .insertInto('hotel_key_scopes')
      .values({ api_key_id: apiKeyId, chain_id: chainId, all_hotels: input.allHotels, updated_at: ctx.now() })
      .execute();
    if (hotelIds.length > 0) {
      await trx
        .insertInto('hotel_key_scope_hotels')
        .values(hotelIds.map((hotel_id) => ({ api_key_id: apiKeyId, hotel_id })))
        .execute();
    }
    await tools.audit(actor, {
      action: 'hotel.scope-key',
      subjectType: 'api_key',
      subjectId: apiKeyId,
      detail: { allHotels: input.allHotels, hotels: hotelIds.length },
    });
    return scopeOf(trx, apiKeyId, chainId);
  });
}

/** The hotels a partner's key may report for. */
export async function hotelsOfKey(ctx: ReportContext, partner: { organisationId: string; apiKeyId: string }): Promise<{ hotels: Hotel[] }> {
  const scope = await scopeOf(ctx.db, partner.apiKeyId, partner.organisationId);
  let query = ctx.db.selectFrom('hotels').selectAll().where('chain_id', '=', partner.organisationId);
  if (!scope.allHotels) {
    if (scope.hotelIds.length === 0) return { hotels: [] };
    query = query.where('id', 'in', scope.hotelIds);
  }
  const rows = await query.orderBy('name').orderBy('id').execute();
  return { hotels: rows.map(hotelOf) };
}

/** The hotel, when this key may report for it; null otherwise (unknown, another chain's, or outside the key's scope). */
export async function hotelInScope(
  db: Reader,
  partner: { organisationId: string; apiKeyId: string },
  hotelId: string,
): Promise<Hotel | null> {
  const row = await db
    .selectFrom('hotels')
    .selectAll()
    .where('id', '=', hotelId)
    .where('chain_id', '=', partner.organisationId)
    .executeTakeFirst();
  if (!row) return null;
  const scope = await scopeOf(db, partner.apiKeyId, partner.organisationId);
  return scope.allHotels || scope.hotelIds.includes(hotelId) ? hotelOf(row) : null;
}

export async function hotelOfReport(db: Reader, reportId: string): Promise<HotelOfReport | null> {
  const row = await db
    .selectFrom('report_hotels')
    .innerJoin('hotels', 'hotels.id', 'report_hotels.hotel_id')
    .select(['hotels.id', 'chain_id', 'name', 'country', 'subdivision', 'city', 'address', 'indicators'])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (!row) return null;
  const { id, chain_id, indicators, ...rest } = row;
  return { hotelId: id, chainId: chain_id, ...rest, indicators };
}
