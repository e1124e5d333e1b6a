import type { Insertable, Kysely } from 'kysely';
import { countriesOf, type UrlAnalysisResult } from './analyse.js';
import type { UrlAnalysis } from './contracts.js';
import type { DnsOutcome } from './dns.js';
import { matchIndex, sealContextOf } from './model.js';
import type { Sealer, UrlMatchKind } from './ports.js';
import type { RdapOutcome } from './rdap.js';
import type { UrlAnalysesTable, UrlAnalysisAddressesTable, UrlTables } from './tables.js';

export interface StoredAnalysis {
  row: Insertable<UrlAnalysesTable>;
  addresses: Insertable<UrlAnalysisAddressesTable>[];
  keys: { reportId: string; kind: UrlMatchKind; value: string }[];
}

/** The rows of one analysis: the canonical forms sealed, their blind indexes, the hosting in clear. */
export function storedAnalysis(sealer: Sealer, result: UrlAnalysisResult, dataset: string | null, at: Date): StoredAnalysis {
  const { item, canonical } = result;
  const canonicalIndex = canonical ? matchIndex(sealer.blindIndex.bind(sealer), 'canonical_url', canonical.canonical) : null;
  const domainPathIndex = canonical ? matchIndex(sealer.blindIndex.bind(sealer), 'domain_path', canonical.domainPath) : null;
  const row: Insertable<UrlAnalysesTable> = {
    item_id: item.itemId,
    report_id: item.reportId,
    canonical_sealed: canonical ? sealer.seal(canonical.canonical, sealContextOf('canonical_sealed', item.itemId)) : null,
    domain_path_sealed: canonical ? sealer.seal(canonical.domainPath, sealContextOf('domain_path_sealed', item.itemId)) : null,
    canonical_index: canonicalIndex,
    domain_path_index: domainPathIndex,
    host: canonical?.host ?? '',
    registrable_domain: canonical?.registrableDomain ?? null,
    dns_outcome: result.dns.outcome,
    countries: countriesOf(result),
    errors: JSON.stringify(result.errors),
    dataset,
    analysed_at: at,
  };
  const addresses = result.addresses.map(({ address, geo, rdap }, position): Insertable<UrlAnalysisAddressesTable> => ({
    item_id: item.itemId,
    position,
    address,
    country: geo.country,
    asn: geo.asn,
    organisation: geo.organisation,
    rdap_outcome: rdap.outcome,
    network_handle: rdap.network?.handle ?? null,
    network_name: rdap.network?.name ?? null,
    network_country: rdap.network?.country ?? null,
    abuse_handle: rdap.network?.abuse?.handle ?? null,
    abuse_name: rdap.network?.abuse?.name ?? null,
    abuse_emails: rdap.network?.abuse?.emails ?? [],
  }));
  const keys: StoredAnalysis['keys'] = [];
  if (canonicalIndex) keys.push({ reportId: item.reportId, kind: 'canonical_url', value: canonicalIndex });
  if (domainPathIndex) keys.push({ reportId: item.reportId, kind: 'domain_path', value: domainPathIndex });
  return { row, addresses, keys };
}

/** Writes analyses in one transaction; an item analysed before is rewritten, never repeated. */
export async function saveAnalyses(db: Kysely<UrlTables>, analyses: readonly StoredAnalysis[]): Promise<void> {
  if (analyses.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const { row, addresses } of analyses) {
      await trx
        .insertInto('url_analyses')
        .values(row)
        .onConflict((conflict) =>
          conflict.column('item_id').doUpdateSet((eb) => ({
            canonical_sealed: eb.ref('excluded.canonical_sealed'),
            domain_path_sealed: eb.ref('excluded.domain_path_sealed'),
            canonical_index: eb.ref('excluded.canonical_index'),
            domain_path_index: eb.ref('excluded.domain_path_index'),
            host: eb.ref('excluded.host'),
            registrable_domain: eb.ref('excluded.registrable_domain'),
            dns_outcome: eb.ref('excluded.dns_outcome'),
            countries: eb.ref('excluded.countries'),
            errors: eb.ref('excluded.errors'),
            dataset: eb.ref('excluded.dataset'),
            analysed_at: eb.ref('excluded.analysed_at'),
          })),
        )
        .execute();
      await trx.deleteFrom('url_analysis_addresses').where('item_id', '=', row.item_id).execute();
      if (addresses.length > 0) await trx.insertInto('url_analysis_addresses').values(addresses).execute();
    }
  });
}

/** The analyses of these reports, in clear facts only (no URL, no path), by report then item. */
export async function analysesOf(db: Kysely<UrlTables>, reportIds: readonly string[]): Promise<UrlAnalysis[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('url_analyses')
    .select(['item_id', 'report_id', 'host', 'registrable_domain', 'dns_outcome', 'countries', 'errors', 'dataset', 'analysed_at'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('report_id')
    .orderBy('analysed_at')
    .orderBy('item_id')
    .execute();
  if (rows.length === 0) return [];
  const addresses = await db
    .selectFrom('url_analysis_addresses')
    .selectAll()
    .where(
      'item_id',
      'in',
      rows.map((row) => row.item_id),
    )
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  const byItem = new Map<string, typeof addresses>();
  for (const address of addresses) byItem.set(address.item_id, [...(byItem.get(address.item_id) ?? []), address]);
  return rows.map((row) => ({
    itemId: row.item_id,
    reportId: row.report_id,
    host: row.host,
    registrableDomain: row.registrable_domain,
    dns: row.dns_outcome as DnsOutcome,
    countries: row.countries,
    errors: typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors,
    dataset: row.dataset,
    analysedAt: new Date(row.analysed_at).toISOString(),
    addresses: (byItem.get(row.item_id) ?? []).map((address) => ({
      address: address.address,
      country: address.country,
      asn: address.asn === null ? null : Number(address.asn),
      organisation: address.organisation,
      rdap: address.rdap_outcome as RdapOutcome,
      network:
        address.network_handle || address.network_name || address.network_country
          ? { handle: address.network_handle, name: address.network_name, country: address.network_country }
          : null,
      abuse:
        address.abuse_handle || address.abuse_name || address.abuse_emails.length > 0
          ? { handle: address.abuse_handle, name: address.abuse_name, emails: address.abuse_emails }
          : null,
    })),
  }));
}
