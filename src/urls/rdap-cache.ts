import { sql, type Kysely } from 'kysely';
import { isIP } from 'node:net';
import type { RdapAnswer, RdapQuery } from './rdap.js';
import type { UrlTables } from './tables.js';

export interface RdapCacheOptions {
  /** How long an answer about a network is kept. */
  ttlMs: number;
  now?: () => Date;
}

/**
 * RDAP answers cached per network: an answer names the network's first and last address,
 * and is kept for `ttlMs`; an address inside a network already asked about is answered from
 * the cache, the narrowest network first. Only found networks are cached: a timeout, a
 * refusal or a 404 is asked again at the next analysis.
 */
export function cachedRdap(db: Kysely<UrlTables>, query: RdapQuery, options: RdapCacheOptions): RdapQuery {
  const now = options.now ?? (() => new Date());
  return async (address) => {
    const cached = await db
      .selectFrom('url_rdap_networks')
      .selectAll()
      .where(sql<boolean>`first_address <= ${address}::inet and last_address >= ${address}::inet`)
      .where(sql<boolean>`family(first_address) = family(${address}::inet)`)
      .where('expires_at', '>', now())
      .orderBy('first_address', 'desc')
      .orderBy('last_address', 'asc')
      .limit(1)
      .executeTakeFirst();
    if (cached) {
      return {
        outcome: 'found',
        service: cached.service,
        network: {
          handle: cached.handle,
          name: cached.name,
          country: cached.country,
          startAddress: cached.first_address,
          endAddress: cached.last_address,
          abuse:
            cached.abuse_handle || cached.abuse_name || cached.abuse_emails.length > 0
              ? { handle: cached.abuse_handle, name: cached.abuse_name, emails: cached.abuse_emails }
              : null,
        },
      };
    }
    const answer = await query(address);
    if (answer.outcome === 'found' && answer.network && answer.service) await remember(db, address, answer, now(), options.ttlMs);
    return answer;
  };
}

async function remember(db: Kysely<UrlTables>, address: string, answer: RdapAnswer, at: Date, ttlMs: number): Promise<void> {
  const network = answer.network!;
  const family = isIP(address);
  // A range that does not hold the address (or is of the other family) is not trusted: the address alone is cached.
  const sameFamily = (value: string | null) => value !== null && isIP(value) === family;
  let [first, last] =
    sameFamily(network.startAddress) && sameFamily(network.endAddress) ? [network.startAddress!, network.endAddress!] : [address, address];
  const holds = await sql<{
    holds: boolean;
  }>`select ${first}::inet <= ${address}::inet and ${last}::inet >= ${address}::inet as holds`.execute(db);
  if (!holds.rows[0]?.holds) [first, last] = [address, address];
  const row = {
    first_address: first,
    last_address: last,
    service: answer.service!,
    handle: network.handle,
    name: network.name,
    country: network.country,
    abuse_handle: network.abuse?.handle ?? null,
    abuse_name: network.abuse?.name ?? null,
    abuse_emails: network.abuse?.emails ?? [],
    fetched_at: at,
    expires_at: new Date(at.getTime() + ttlMs),
  };
  await db
    .insertInto('url_rdap_networks')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['first_address', 'last_address']).doUpdateSet((eb) => ({
        service: eb.ref('excluded.service'),
        handle: eb.ref('excluded.handle'),
        name: eb.ref('excluded.name'),
        country: eb.ref('excluded.country'),
        abuse_handle: eb.ref('excluded.abuse_handle'),
        abuse_name: eb.ref('excluded.abuse_name'),
        abuse_emails: eb.ref('excluded.abuse_emails'),
        fetched_at: eb.ref('excluded.fetched_at'),
        expires_at: eb.ref('excluded.expires_at'),
      })),
    )
    .execute();
  await db.deleteFrom('url_rdap_networks').where('expires_at', '<', at).execute();
}
