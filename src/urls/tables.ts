import type { ColumnType } from 'kysely';
import type { AnalysisError } from './analyse.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One analysed URL item of a report (report_items.kind = 'url'), rewritten by each analysis. */
export interface UrlAnalysesTable {
  item_id: string;
  report_id: string;
  /** The canonical URL and the registrable domain + path: a path can name a person. */
  canonical_sealed: string | null;
  domain_path_sealed: string | null;
  /** Keyed blind indexes of the two, as report_match_keys holds them. */
  canonical_index: string | null;
  domain_path_index: string | null;
  /** In clear: where the content is hosted, for routing to the host. */
  host: string;
  registrable_domain: string | null;
  dns_outcome: string;
  /** Countries of the addresses, in their order. */
  countries: string[];
  errors: ColumnType<AnalysisError[], string, string>;
  /** Versions of the geo dataset used, `<package>@<version>` joined by spaces. */
  dataset: string | null;
  analysed_at: Timestamp;
}

/** The addresses of an analysed URL, with what is known of each: non-personal facts about networks. */
export interface UrlAnalysisAddressesTable {
  item_id: string;
  position: number;
  address: string;
  country: string | null;
  /** bigint: AS numbers go up to 2^32 − 1. Read back as a string by pg, a number by PGlite. */
  asn: ColumnType<string | number | bigint | null, number | null, number | null>;
  organisation: string | null;
  rdap_outcome: string;
  network_handle: string | null;
  network_name: string | null;
  network_country: string | null;
  abuse_handle: string | null;
  abuse_name: string | null;
  abuse_emails: string[];
}

/** RDAP answers per network, kept until they expire. */
export interface UrlRdapNetworksTable {
  first_address: string;
  last_address: string;
  service: string;
  handle: string | null;
  name: string | null;
  country: string | null;
  abuse_handle: string | null;
  abuse_name: string | null;
  abuse_emails: string[];
  fetched_at: Timestamp;
  expires_at: Timestamp;
}

export interface UrlTables {
  url_analyses: UrlAnalysesTable;
  url_analysis_addresses: UrlAnalysisAddressesTable;
  url_rdap_networks: UrlRdapNetworksTable;
}
