import { sealedColumn } from '../platform/crypto/index.js';

/** The job that analyses the URLs of new reports and additions (an intake follow-up). */
export const analyseUrlsJob = 'url.analyse';
export interface AnalyseUrlsData {
  reportIds: string[];
}

/** Registered with the reports module (main.ts): an intake whose content has URLs calls for the job. */
export const urlAnalysisFollowUp = {
  job: analyseUrlsJob,
  wants: (content: { urls?: readonly unknown[] }) => (content.urls?.length ?? 0) > 0,
} as const;

/**
 * Sealed: the canonical URL and the registrable domain + path of each analysed URL (a
 * URL's path can name a person), bound to their item. In clear: the host and registrable
 * domain (to route to the host, as report_items.url_host), addresses, countries, networks,
 * abuse contacts (public registry data about networks), outcomes, blind indexes.
 */
export const urlSealedColumns = [
  sealedColumn({ table: 'url_analyses', column: 'canonical_sealed', idColumn: 'item_id' }),
  sealedColumn({ table: 'url_analyses', column: 'domain_path_sealed', idColumn: 'item_id' }),
] as const;

export const sealContextOf = (column: 'canonical_sealed' | 'domain_path_sealed', itemId: string) => `url_analyses.${column}:${itemId}`;

/**
 * Keyed blind indexes for matching. Taken over the value's UTF-8 in hexadecimal: the blind
 * index lower-cases what it is given, and a path's case matters (`/a/Xy7` is not `/a/xy7`).
 */
export function matchIndex(blindIndex: (value: string, purpose: string) => string, kind: 'canonical_url' | 'domain_path', value: string) {
  return blindIndex(Buffer.from(value, 'utf8').toString('hex'), `urls.${kind}`);
}

/** The licences of the dataset ask that its sources be named wherever its results are shown. */
export const geoAttribution = [
  'Country: ip-location-db geo-whois-asn-country (CC0-1.0)',
  'Network: ip-location-db asn (CC BY 4.0), from RouteViews (routeviews.org), DB-IP (db-ip.com) and the NRO',
  'IP Geolocation by DB-IP: https://db-ip.com',
];
