import type { Kysely } from 'kysely';
import { Problem } from '../platform/http/index.js';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import { analyseUrls } from './analyse.js';
import type { ReportHosting, UrlAnalysis } from './contracts.js';
import { createHostResolver, parseDnsServers } from './dns.js';
import { geoFactsOf, type GeoDataset } from './geo-dataset.js';
import { geoRoles } from './geo-files.js';
import { GeoLocator } from './geo-locator.js';
import { analyseUrlsJob, geoAttribution, type AnalyseUrlsData } from './model.js';
import type { JobDefiner, Sealer, UrlLogger, UrlReports } from './ports.js';
import { createRdapClient, type RdapQuery } from './rdap.js';
import { loadShippedBootstrap } from './rdap-bootstrap.js';
import { cachedRdap } from './rdap-cache.js';
import { analysesOf, saveAnalyses, storedAnalysis } from './store.js';
import type { UrlTables } from './tables.js';

export interface UrlSettings {
  /** VIGIE_DNS_SERVERS; empty: the system's resolvers. */
  dnsServers: readonly string[];
  dnsTimeoutMs: number;
  /** VIGIE_GEO_DIR: where `vigie geo update` installs the dataset. */
  geoDir: string;
  /** VIGIE_RDAP_URL: one RDAP service instead of the IANA bootstrap. */
  rdapUrl?: string;
  rdapTimeoutMs: number;
  rdapCacheHours: number;
}

/** The settings from the deployment's configuration (VIGIE_DNS_SERVERS, VIGIE_GEO_DIR, VIGIE_RDAP_*). */
export function urlSettingsFrom(config: {
  dnsServers: string;
  dnsTimeoutMs: number;
  geoDir: string;
  rdapUrl?: string;
  rdapTimeoutMs: number;
  rdapCacheHours: number;
}): UrlSettings {
  return {
    dnsServers: parseDnsServers(config.dnsServers),
    dnsTimeoutMs: config.dnsTimeoutMs,
    geoDir: config.geoDir,
    ...(config.rdapUrl ? { rdapUrl: config.rdapUrl } : {}),
    rdapTimeoutMs: config.rdapTimeoutMs,
    rdapCacheHours: config.rdapCacheHours,
  };
}

export interface UrlDeps {
  db: Kysely<AnyDatabase>;
  sealer: Sealer;
  reports: UrlReports;
  settings: UrlSettings;
  logger?: UrlLogger;
  now?: () => Date;
}

const datasetLabel = (dataset: GeoDataset) =>
  geoRoles
    .flatMap((role) => (dataset.sources[role] ? [`${dataset.sources[role].packageName}@${dataset.sources[role].version}`] : []))
    .join(' ') || null;

/** URL analysis: the job that follows an intake with URLs, and what it found, for routing and staff. */
export function createUrlService(deps: UrlDeps) {
  const db = tablesOf<UrlTables>(deps.db) as Kysely<UrlTables>;
  const now = deps.now ?? (() => new Date());
  const { settings } = deps;
  const geo = new GeoLocator({ geoDir: settings.geoDir });
  const resolve = createHostResolver({ servers: settings.dnsServers, timeoutMs: settings.dnsTimeoutMs });
  let rdap: Promise<RdapQuery> | null = null;
  const rdapQuery = () =>
    (rdap ??= loadShippedBootstrap().then((bootstrap) =>
      cachedRdap(
        db,
        createRdapClient({ bootstrap, timeoutMs: settings.rdapTimeoutMs, ...(settings.rdapUrl ? { serviceUrl: settings.rdapUrl } : {}) }),
        { ttlMs: settings.rdapCacheHours * 3_600_000, now },
      ),
    ));

  /**
   * Analyses the URLs of these reports (and of their additions) and stores what it found,
   * replacing an earlier analysis of the same item; then adds the canonical match keys to
   * the reports, which cross-matches them again when a key is new.
   */
  async function analyseReports(reportIds: readonly string[], jobId: string): Promise<{ urls: number; keysAdded: number }> {
    const items = await deps.reports.readUrlsForAnalysis(reportIds, { jobId });
    if (items.length === 0) return { urls: 0, keysAdded: 0 };
    let dataset: string | null = null;
    const results = await analyseUrls(items, {
      resolve,
      rdap: await rdapQuery(),
      locate: async (address) => {
        const loaded = await geo.dataset();
        dataset = datasetLabel(loaded);
        const missing = geoRoles.filter((role) => loaded[role] === null);
        return { ...geoFactsOf(loaded, address), ...(missing.length > 0 ? { missing } : {}) };
      },
    });
    const at = now();
    const stored = results.map((result) => storedAnalysis(deps.sealer, result, dataset, at));
    await saveAnalyses(db, stored);
    const keysAdded = await deps.reports.addUrlMatchKeys(stored.flatMap((analysis) => analysis.keys));
    const outcomes: Record<string, number> = {};
    for (const result of results) outcomes[result.dns.outcome] = (outcomes[result.dns.outcome] ?? 0) + 1;
    deps.logger?.info({ jobId, reports: reportIds.length, urls: items.length, dns: outcomes, keysAdded }, 'URLs analysed');
    return { urls: items.length, keysAdded };
  }

  /** For routing, clusters and the staff view: the hosting of each analysed URL of these reports. */
  function urlAnalysesOf(reportIds: readonly string[]): Promise<UrlAnalysis[]> {
    return analysesOf(db, reportIds);
  }

  async function hostingOf(reportId: string): Promise<ReportHosting> {
    if (!(await deps.reports.reportExists(reportId))) throw new Problem('not-found');
    return { reportId, urls: await analysesOf(db, [reportId]), attribution: geoAttribution };
  }

  return { analyseReports, urlAnalysesOf, hostingOf, geoDataset: () => geo.dataset() };
}

export type UrlService = ReturnType<typeof createUrlService>;

/** Declares the analysis job on the queue (before it starts). */
export function defineUrlJobs(jobs: JobDefiner, urls: UrlService): void {
  jobs.define<AnalyseUrlsData>(
    analyseUrlsJob,
    async (job) => {
      await urls.analyseReports(job.data.reportIds, job.id);
    },
    // DNS and RDAP have their own timeouts; a batch of 500 reports may hold 5,000 URLs.
    { retryLimit: 5, expireSeconds: 1800 },
  );
}
